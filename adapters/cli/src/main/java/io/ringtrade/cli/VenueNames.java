package io.ringtrade.cli;

import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.config.MarketHoursRule;
import io.ringtrade.engine.config.VenueConfig;
import io.ringtrade.engine.config.VenueType;

import java.nio.file.Path;
import java.util.Map;

/**
 * Resolves {@code --venue NAME} for the commands that talk to a venue without running the engine ({@code instruments},
 * {@code download}): {@code alpaca}, {@code xchange-simulated}, {@code binance}, {@code kraken}, {@code bitstamp}, or
 * an XChange exchange's class name. With {@code --config}, its {@code ringtrade.venue} block gives the keys and URLs
 * when it names the same venue; otherwise Alpaca's keys come from {@code APCA_API_KEY_ID} and
 * {@code APCA_API_SECRET_KEY}. Main thread.
 */
final class VenueNames {
    private static final Map<String, String> XCHANGE = Map.of(
        "xchange-simulated", VenueConfig.SIMULATED_EXCHANGE,
        "binance", "org.knowm.xchange.binance.BinanceExchange",
        "kraken", "org.knowm.xchange.kraken.KrakenExchange",
        "bitstamp", "org.knowm.xchange.bitstamp.BitstampExchange");

    private VenueNames() {
    }

    static VenueConfig resolve(final String name, final Path configFile, final Map<String, String> environment) {
        final VenueConfig configured = configFile == null ? VenueConfig.NONE
            : EngineConfigLoader.load(configFile).venue();
        final VenueConfig named;
        if (name.equals("alpaca")) {
            named = venue(VenueType.ALPACA, "", environment.getOrDefault("APCA_API_KEY_ID", ""),
                environment.getOrDefault("APCA_API_SECRET_KEY", ""), VenueConfig.ALPACA_PAPER_URL,
                VenueConfig.ALPACA_DATA_URL);
        } else if (XCHANGE.containsKey(name) || name.matches("[a-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+")) {
            named = venue(VenueType.XCHANGE, XCHANGE.getOrDefault(name, name), "", "", "", "");
        } else {
            throw new UserException("unknown venue \"" + name + "\": alpaca, xchange-simulated, binance, kraken,"
                + " bitstamp, or an XChange exchange's class name");
        }
        if (configured.type() == named.type() && configured.exchangeClass().equals(named.exchangeClass())) {
            return configured;
        }
        return named;
    }

    private static VenueConfig venue(final VenueType type, final String exchangeClass, final String key,
                                     final String secret, final String baseUrl, final String dataUrl) {
        return new VenueConfig(type, exchangeClass, key, secret, false, baseUrl, dataUrl, Map.of(),
            VenueConfig.QUEUE_SIZE_DEFAULT, VenueConfig.POLL_INTERVAL_DEFAULT, VenueConfig.RECONNECT_INITIAL_DEFAULT,
            VenueConfig.RECONNECT_MAX_DEFAULT, VenueConfig.AUTH_RETRIES_DEFAULT, MarketHoursRule.REFUSE,
            VenueConfig.MAX_CLOCK_SKEW_DEFAULT, Map.of(), 0);
    }
}
