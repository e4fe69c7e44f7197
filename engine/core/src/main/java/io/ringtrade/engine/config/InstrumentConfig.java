package io.ringtrade.engine.config;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.TradingCalendar;

import java.util.List;
import java.util.Objects;

/**
 * One tradable instrument ({@code ringtrade.instruments[i]}): the symbol, its quote currency and the venue's price
 * and quantity steps. Prices and quantities are fixed-point longs in units of 10<sup>-8</sup>
 * ({@link io.ringtrade.engine.api.money.FixedPoint}): a tick of {@code 0.01} is {@code 1_000_000L}, a lot of
 * {@code 0.00000001} is {@code 1L}.
 *
 * <p>Immutable; built and read on the start-up (main) thread. Values are validated by {@link EngineConfigLoader};
 * the constructor only rejects nulls.
 *
 * @param symbol   symbol as written in data files and books, e.g. {@code BTC/USD}
 * @param currency currency of prices and cash, e.g. {@code USD}
 * @param tickSize smallest price step, fixed-point, &gt; 0
 * @param lotSize  smallest quantity step, fixed-point, &gt; 0
 * @param calendar when it trades ({@code calendar}: {@code 24x7}, {@code us-equities}), for annualising statistics
 */
public record InstrumentConfig(String symbol, String currency, long tickSize, long lotSize, TradingCalendar calendar) {
    /** Rejects nulls. */
    public InstrumentConfig {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** An instrument without a calendar. */
    public InstrumentConfig(final String symbol, final String currency, final long tickSize, final long lotSize) {
        this(symbol, currency, tickSize, lotSize, TradingCalendar.UNSPECIFIED);
    }

    /**
     * A new registry holding {@code instruments} with ids in list order (0, 1, ...), so that the same configuration
     * always gives the same ids.
     */
    public static InstrumentRegistry newRegistry(final List<InstrumentConfig> instruments) {
        final InstrumentRegistry registry = new InstrumentRegistry();
        for (final InstrumentConfig instrument : instruments) {
            registry.register(instrument.symbol, instrument.currency, instrument.tickSize, instrument.lotSize,
                instrument.calendar);
        }
        return registry;
    }
}
