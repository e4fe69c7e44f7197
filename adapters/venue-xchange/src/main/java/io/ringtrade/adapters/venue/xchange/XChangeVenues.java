package io.ringtrade.adapters.venue.xchange;

import io.ringtrade.adapters.venue.LockedVenueClient;
import io.ringtrade.adapters.venue.VenueClient;
import io.ringtrade.adapters.venue.VenueOrderHistory;
import io.ringtrade.engine.config.VenueConfig;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;


/**
 * Builds the XChange exchange {@code ringtrade.venue} names: the class from {@code exchange-class}, keys from the
 * configuration (which takes them from the environment), the sandbox flag, an overriding base URL; XChange's simulated
 * exchange joins the process's {@link SimulatedMarket}. Start-up thread.
 */
public final class XChangeVenues {
    /** Taker fee XChange's simulated exchange charges: 0.1 %. */
    public static final long SIMULATED_FEE_BPS = 10;
    /** How far past the best price an emulated market order may fill, in basis points. */
    public static final long MARKET_PROTECTION_BPS = 50;

    private XChangeVenues() {
    }

    /**
     * The exchange class {@code venue} names.
     *
     * @throws IllegalArgumentException naming the key when the class is not an XChange exchange on the class path
     */
    static Class<? extends Exchange> exchangeClass(final VenueConfig venue) {
        try {
            return Class.forName(venue.exchangeClass()).asSubclass(Exchange.class);
        } catch (final ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("ringtrade.venue.exchange-class: " + venue.exchangeClass()
                + " is not an XChange exchange on the class path (bundled: binance, kraken, bitstamp, simulated)", e);
        }
    }

    /** The exchange's specification: keys, the sandbox flag, an overriding base URL. */
    static ExchangeSpecification specification(final VenueConfig venue, final Class<? extends Exchange> type) {
        final ExchangeSpecification spec = new ExchangeSpecification(type);
        if (!venue.apiKey().isEmpty()) {
            spec.setApiKey(venue.apiKey());
        }
        if (!venue.secretKey().isEmpty()) {
            spec.setSecretKey(venue.secretKey());
        }
        if (venue.sandbox()) {
            spec.setExchangeSpecificParametersItem(Exchange.USE_SANDBOX, true);
        }
        if (!venue.baseUrl().isEmpty()) {
            spec.setSslUri(venue.baseUrl());
        }
        return spec;
    }

    /**
     * The client for {@code venue}.
     *
     * @param history what the adapter's ledger recorded about venue order ids ({@link VenueOrderHistory#NONE}: nothing)
     * @throws IllegalArgumentException naming the key when the class is not an XChange exchange on the class path
     */
    public static VenueClient open(final VenueConfig venue, final SimulatedMarket market,
                                          final VenueOrderHistory history) {
        if (venue.simulated()) {
            final Exchange exchange = market.exchange(venue.apiKey().isEmpty() ? "ringtrade" : venue.apiKey());
            for (final var deposit : venue.deposit().entrySet()) {
                market.deposit(exchange.getExchangeSpecification().getApiKey(), deposit.getKey(),
                    Decimals.decimal(deposit.getValue()));
            }
            // one caller at a time: the simulated matching engine is shared and does not synchronize its cancels
            return new LockedVenueClient(new XChangeVenueClient(exchange, venue.label(), true, MARKET_PROTECTION_BPS,
                SIMULATED_FEE_BPS, history), market.lock());
        }
        final ExchangeSpecification spec = specification(venue, exchangeClass(venue));
        return new XChangeVenueClient(ExchangeFactory.INSTANCE.createExchange(spec), venue.label(), false,
            MARKET_PROTECTION_BPS, 0, history);
    }
}
