package io.ringtrade.engine.risk;

import io.ringtrade.engine.api.money.FixedPoint;

import java.math.RoundingMode;

/**
 * The pre-trade limits of one book (DESIGN.md §6), already tightened by the engine's global caps
 * ({@link #tightenedBy}). Money is fixed-point at 1e-8; percentages are fixed-point percent (5 % is
 * {@code FixedPoint.of(5)}); 0 means "no limit" for every limit below except {@code minNotional}. Immutable.
 *
 * @param allowShort         whether the book may hold short positions (off by default)
 * @param minNotional        smallest order notional sent (default 10)
 * @param maxShortNotional   largest short the book may hold in one instrument, open short sells included, valued at
 *                           the judged price; 0 means the book's equity at the time of the check
 * @param maxOrderNotional   largest notional of one order (quantity × judged price, or a notional order's money)
 * @param maxPositionPct     largest position in one instrument, open orders that grow it included, as a percentage
 *                           of the book's equity at the time of the check
 * @param maxDailyLoss       largest loss in one UTC day (by event time) from the day's first equity; a breach halts
 *                           the book until an operator releases it
 * @param maxOrdersPerSecond most orders released in any second of event time (a sliding window)
 * @param priceBandPct       largest distance of a limit or stop price from the last price, as a percentage of it
 */
public record RiskLimits(boolean allowShort, long minNotional, long maxShortNotional, long maxOrderNotional,
                         long maxPositionPct, long maxDailyLoss, int maxOrdersPerSecond, long priceBandPct) {
    /** Most orders per second a limit may allow (the sliding window keeps one time per allowed order). */
    public static final int MAX_ORDERS_PER_SECOND = 100_000;
    private static final long HUNDRED_PERCENT = FixedPoint.of(100);

    /** Checks ranges. */
    public RiskLimits {
        if (minNotional < 0) {
            throw new IllegalArgumentException("minimum notional must not be negative");
        }
        if (maxShortNotional < 0) {
            throw new IllegalArgumentException("maximum short notional must not be negative");
        }
        if (maxOrderNotional < 0 || maxDailyLoss < 0) {
            throw new IllegalArgumentException("maximum order notional and daily loss must not be negative");
        }
        if (maxPositionPct < 0 || maxPositionPct > HUNDRED_PERCENT * 100 || priceBandPct < 0
            || priceBandPct > HUNDRED_PERCENT) {
            throw new IllegalArgumentException("position limit must be 0 to 10000 %, price band 0 to 100 %");
        }
        if (maxOrdersPerSecond < 0 || maxOrdersPerSecond > MAX_ORDERS_PER_SECOND) {
            throw new IllegalArgumentException("orders per second must be 0 to " + MAX_ORDERS_PER_SECOND);
        }
    }

    /** The limits enforced before the risk layer: shorting, minimum notional and short cap only. */
    public RiskLimits(final boolean allowShort, final long minNotional, final long maxShortNotional) {
        this(allowShort, minNotional, maxShortNotional, 0, 0, 0, 0, 0);
    }

    /** Long-only limits with a minimum notional and no explicit short cap. */
    public static RiskLimits longOnly(final long minNotional) {
        return new RiskLimits(false, minNotional, 0);
    }

    /**
     * These limits with each of the global caps applied: where both set a limit the tighter one counts, where only
     * one does, that one. The global daily loss and order rate also apply to all books together, which business logic
     * checks separately.
     */
    public RiskLimits tightenedBy(final RiskSettings global) {
        return new RiskLimits(allowShort, minNotional, maxShortNotional,
            tighter(maxOrderNotional, global.maxOrderNotional()), tighter(maxPositionPct, global.maxPositionPct()),
            tighter(maxDailyLoss, global.maxDailyLoss()),
            (int) tighter(maxOrdersPerSecond, global.maxOrdersPerSecond()), tighter(priceBandPct, global.priceBandPct()));
    }

    /** The smaller of two limits where 0 means none. */
    static long tighter(final long a, final long b) {
        if (a == 0) {
            return b;
        }
        return b == 0 ? a : Math.min(a, b);
    }

    /** {@code percent} (fixed-point percent) of {@code money}, rounded down. */
    public static long percentOf(final long money, final long percent) {
        return FixedPoint.mulDiv(money, percent, HUNDRED_PERCENT, RoundingMode.FLOOR);
    }
}
