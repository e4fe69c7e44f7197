package io.ringtrade.engine.api.market;

/**
 * A tradable instrument as the engine knows it: its interned id (what travels on the ring), symbol, quote
 * currency, and the venue's price and quantity steps (fixed-point, 1e-8). Immutable.
 *
 * @param id       dense interned id, 0-based
 * @param symbol   symbol as written in data files and configuration, e.g. {@code BTC/USD}
 * @param currency currency prices and cash are in, e.g. {@code USD}
 * @param tickSize smallest price step (fixed-point); prices are rounded to it
 * @param lotSize  smallest quantity step (fixed-point); quantities are rounded down to it
 * @param calendar when it trades, for annualising statistics
 */
public record Instrument(int id, String symbol, String currency, long tickSize, long lotSize, TradingCalendar calendar) {
    /** Validates the steps. */
    public Instrument {
        if (tickSize <= 0 || lotSize <= 0) {
            throw new IllegalArgumentException("instrument " + symbol + ": tick size and lot size must be positive");
        }
        if (calendar == null) {
            throw new IllegalArgumentException("instrument " + symbol + ": calendar must not be null");
        }
    }

    /** An instrument without a calendar (annualised by {@link TradingCalendar#UNSPECIFIED}'s convention). */
    public Instrument(final int id, final String symbol, final String currency, final long tickSize,
                      final long lotSize) {
        this(id, symbol, currency, tickSize, lotSize, TradingCalendar.UNSPECIFIED);
    }
}
