package io.ringtrade.engine.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The live venue ({@code ringtrade.venue}): which adapter, its credentials (from the environment, never from files),
 * the symbol each instrument has there, and how the adapter talks to it. Money in {@code deposit} is fixed-point 1e-8.
 *
 * <p>Immutable; built and read on the start-up (main) thread. Validated by {@link EngineConfigLoader}.
 *
 * @param type              the adapter
 * @param exchangeClass     XChange: the exchange's class, e.g. {@code org.knowm.xchange.binance.BinanceExchange}
 * @param apiKey            the API key ({@code ${?ENV}}); "" when none
 * @param secretKey         the secret ({@code ${?ENV}}); "" when none
 * @param sandbox           XChange: use the exchange's sandbox where it has one
 * @param baseUrl           Alpaca: the trading API ({@code https://paper-api.alpaca.markets} paper, the default; the
 *                          live URL is this one setting); XChange: overrides the exchange's URL when not ""
 * @param dataUrl           Alpaca: the market-data API
 * @param symbols           instrument symbol → the venue's symbol or pair (an instrument not listed keeps its symbol)
 * @param queueSize         released requests the adapter's queue holds; a full queue halts the engine (fail closed)
 * @param pollInterval      how often the adapter asks the venue about working orders, and polls market data
 * @param reconnectInitial  first back-off after a failed call
 * @param reconnectMax      back-off cap
 * @param authRetries       credential refusals (401) retried before the venue's books are held
 * @param marketHours       orders while the market is closed
 * @param maxClockSkew      largest difference to the venue's clock {@code verify-venue} accepts
 * @param deposit           XChange simulated exchange only: currency → amount credited to the account at start
 * @param liquiditySpreadBps XChange simulated exchange only: quotes a liquidity account places around each feed
 *                          trade, in basis points from its price; 0 = none
 */
public record VenueConfig(VenueType type, String exchangeClass, String apiKey, String secretKey, boolean sandbox,
                          String baseUrl, String dataUrl, Map<String, String> symbols, int queueSize,
                          Duration pollInterval, Duration reconnectInitial, Duration reconnectMax, int authRetries,
                          MarketHoursRule marketHours, Duration maxClockSkew, Map<String, Long> deposit,
                          long liquiditySpreadBps) {
    /** Default: no live venue. */
    public static final VenueType TYPE_DEFAULT = VenueType.NONE;
    /** XChange's in-memory simulated exchange: keyless, offline. */
    public static final String SIMULATED_EXCHANGE = "org.knowm.xchange.simulated.SimulatedExchange";
    /** Alpaca's paper trading API. */
    public static final String ALPACA_PAPER_URL = "https://paper-api.alpaca.markets";
    /** Alpaca's market-data API. */
    public static final String ALPACA_DATA_URL = "https://data.alpaca.markets";
    /** Default queue size. */
    public static final int QUEUE_SIZE_DEFAULT = 4096;
    /** Default poll interval. */
    public static final Duration POLL_INTERVAL_DEFAULT = Duration.ofMillis(500);
    /** Default first back-off. */
    public static final Duration RECONNECT_INITIAL_DEFAULT = Duration.ofMillis(200);
    /** Default back-off cap. */
    public static final Duration RECONNECT_MAX_DEFAULT = Duration.ofSeconds(30);
    /** Default credential retries. */
    public static final int AUTH_RETRIES_DEFAULT = 3;
    /** Default clock skew accepted. */
    public static final Duration MAX_CLOCK_SKEW_DEFAULT = Duration.ofSeconds(5);
    /** No live venue. */
    public static final VenueConfig NONE = new VenueConfig(VenueType.NONE, "", "", "", false, "", "", Map.of(),
        QUEUE_SIZE_DEFAULT, POLL_INTERVAL_DEFAULT, RECONNECT_INITIAL_DEFAULT, RECONNECT_MAX_DEFAULT,
        AUTH_RETRIES_DEFAULT, MarketHoursRule.REFUSE, MAX_CLOCK_SKEW_DEFAULT, Map.of(), 0);

    /** Rejects nulls and copies the maps. */
    public VenueConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(exchangeClass, "exchangeClass");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(dataUrl, "dataUrl");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(marketHours, "marketHours");
        symbols = Collections.unmodifiableMap(new LinkedHashMap<>(symbols));
        deposit = Collections.unmodifiableMap(new LinkedHashMap<>(deposit));
    }

    /** The venue's symbol for an instrument. */
    public String venueSymbol(final String instrument) {
        return symbols.getOrDefault(instrument, instrument);
    }

    /**
     * Whether the venue changes a working order in place (Alpaca, the engine's simulated venue), so strategies may ask
     * for a replace. XChange's generic API has none: the adapter's emulation cancels and places, and a crash between
     * the placement and its ledger line would leave the new order untracked, so there strategies cancel and place.
     */
    public boolean replacesInPlace() {
        return type != VenueType.XCHANGE;
    }

    /** Whether this is XChange's simulated exchange. */
    public boolean simulated() {
        return type == VenueType.XCHANGE && SIMULATED_EXCHANGE.equals(exchangeClass);
    }

    /** A short name for messages, e.g. {@code xchange:SimulatedExchange} or {@code alpaca}. */
    public String label() {
        return switch (type) {
            case NONE -> "simulated venue";
            case XCHANGE -> "xchange:" + exchangeClass.substring(exchangeClass.lastIndexOf('.') + 1);
            case ALPACA -> "alpaca";
        };
    }

    /** This configuration with another base URL (tests point it at a local fake server). */
    public VenueConfig withBaseUrl(final String url) {
        return new VenueConfig(type, exchangeClass, apiKey, secretKey, sandbox, url, dataUrl, symbols, queueSize,
            pollInterval, reconnectInitial, reconnectMax, authRetries, marketHours, maxClockSkew, deposit,
            liquiditySpreadBps);
    }
}
