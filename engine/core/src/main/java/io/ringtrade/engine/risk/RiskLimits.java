package io.ringtrade.engine.risk;

/**
 * The pre-trade limits of one book that this engine enforces today (DESIGN.md §6; the full risk layer adds
 * trading states, order-rate, position and loss limits). Immutable.
 *
 * @param allowShort        whether the book may hold short positions (off by default)
 * @param minNotional       smallest order notional sent, fixed-point (default 10)
 * @param maxShortNotional  largest short the book may hold in one instrument, open short sells included, valued at
 *                          the judged price, fixed-point; 0 means the book's equity at the time of the check
 */
public record RiskLimits(boolean allowShort, long minNotional, long maxShortNotional) {
    /** Checks ranges. */
    public RiskLimits {
        if (minNotional < 0) {
            throw new IllegalArgumentException("minimum notional must not be negative");
        }
        if (maxShortNotional < 0) {
            throw new IllegalArgumentException("maximum short notional must not be negative");
        }
    }

    /** Long-only limits with a minimum notional and no explicit short cap. */
    public static RiskLimits longOnly(final long minNotional) {
        return new RiskLimits(false, minNotional, 0);
    }
}
