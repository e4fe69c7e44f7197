package io.ringtrade.engine.risk;

import io.ringtrade.engine.api.money.FixedPoint;

import java.math.RoundingMode;

/**
 * The pre-trade limits of one book (DESIGN.md §6), already tightened by the engine's global caps
 * ({@link #tightenedBy}). Money is fixed-point at 1e-8; percentages are fixed-point percent (5 % is
 * {@code FixedPoint.of(5)}); 0 means "no limit" for every limit below except {@code minNotional} and
 * {@code maxLeverage}. Immutable.
 *
 * @param allowShort         whether the book may hold short positions (off by default)
 * @param minNotional        smallest order notional sent (default 10)
 * @param maxShortNotional   largest short the book may hold in one instrument, open short sells included, valued at
 *                           the judged price; 0 means {@code maxLeverage} × the book's equity at the time of the check
 * @param maxOrderNotional   largest notional of one order (quantity × judged price, or a notional order's money)
 * @param maxPositionPct     largest position in one instrument, open orders that grow it included, as a percentage
 *                           of the book's equity at the time of the check
 * @param maxDailyLoss       largest loss in one UTC day (by event time) from the day's first equity; a breach halts
 *                           the book until an operator releases it
 * @param maxOrdersPerSecond most orders released in any second of event time (a sliding window)
 * @param priceBandPct       largest distance of a limit or stop price from the last price, as a percentage of it
 * @param maxLeverage        fixed-point multiple of the book's equity its long exposure may reach when a buy is
 *                           checked, 1 ({@link #CASH_ACCOUNT}) to 100: a buy may spend the cash open orders do not
 *                           reserve plus a borrowing allowance of (maxLeverage − 1) × the book's equity (none while
 *                           the equity is not positive), so cash may go negative down to −(maxLeverage − 1) × equity
 * @param maintenanceMarginPct the equity the book must keep as a percentage of its gross exposure (Σ |quantity| ×
 *                           mark over its instruments), 0 to 100: below it, a margin call cancels the book's orders,
 *                           closes its positions with reduce-only market orders and halts it; 0 = none
 * @param borrowRatePct      the simulated venue's yearly interest on borrowed cash, percent (0 to 100): each UTC day
 *                           that ends with the book's cash negative costs −cash × rate / 100 / 365, charged at the
 *                           first input of a later day ({@link io.ringtrade.engine.book.BorrowingCost}); 0 = none
 * @param shortFeePct        the simulated venue's yearly fee on the value of the book's short positions, percent (0 to
 *                           100), charged per UTC day like the borrowing rate; 0 = none
 * @param marginCallReduces  whether a margin call reduces the positions just enough to carry the margin again, step by
 *                           step, instead of closing them all
 */
public record RiskLimits(boolean allowShort, long minNotional, long maxShortNotional, long maxOrderNotional,
                         long maxPositionPct, long maxDailyLoss, int maxOrdersPerSecond, long priceBandPct,
                         long maxLeverage, long maintenanceMarginPct, long borrowRatePct, long shortFeePct,
                         boolean marginCallReduces) {
    /** Most orders per second a limit may allow (the sliding window keeps one time per allowed order). */
    public static final int MAX_ORDERS_PER_SECOND = 100_000;
    /** Leverage 1: a cash account, every buy paid from cash (the default). */
    public static final long CASH_ACCOUNT = FixedPoint.SCALE;
    /** Largest leverage a limit may allow: 100 times the equity. */
    public static final long MAX_LEVERAGE = FixedPoint.of(100);
    private static final long HUNDRED_PERCENT = FixedPoint.of(100);
    /** Largest position limit: 10,000 % (100 times the equity). */
    public static final long MAX_POSITION_PCT = HUNDRED_PERCENT * 100;
    /** Largest price band, and largest maintenance margin: 100 %. */
    public static final long MAX_PERCENT = HUNDRED_PERCENT;

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
        if (maxPositionPct < 0 || maxPositionPct > MAX_POSITION_PCT || priceBandPct < 0 || priceBandPct > MAX_PERCENT) {
            throw new IllegalArgumentException("position limit must be 0 to 10000 %, price band 0 to 100 %");
        }
        if (maxOrdersPerSecond < 0 || maxOrdersPerSecond > MAX_ORDERS_PER_SECOND) {
            throw new IllegalArgumentException("orders per second must be 0 to " + MAX_ORDERS_PER_SECOND);
        }
        if (maxLeverage < CASH_ACCOUNT || maxLeverage > MAX_LEVERAGE) {
            throw new IllegalArgumentException("leverage must be 1 to 100, got " + FixedPoint.toString(maxLeverage));
        }
        if (maintenanceMarginPct < 0 || maintenanceMarginPct > MAX_PERCENT) {
            throw new IllegalArgumentException("maintenance margin must be 0 to 100 %, got "
                + FixedPoint.toString(maintenanceMarginPct));
        }
        if (borrowRatePct < 0 || borrowRatePct > MAX_PERCENT) {
            throw new IllegalArgumentException("borrowing rate must be 0 to 100 % a year, got "
                + FixedPoint.toString(borrowRatePct));
        }
        if (shortFeePct < 0 || shortFeePct > MAX_PERCENT) {
            throw new IllegalArgumentException("short fee must be 0 to 100 % a year, got "
                + FixedPoint.toString(shortFeePct));
        }
    }

    /** Limits whose margin call closes every position. */
    public RiskLimits(final boolean allowShort, final long minNotional, final long maxShortNotional,
                      final long maxOrderNotional, final long maxPositionPct, final long maxDailyLoss,
                      final int maxOrdersPerSecond, final long priceBandPct, final long maxLeverage,
                      final long maintenanceMarginPct, final long borrowRatePct, final long shortFeePct) {
        this(allowShort, minNotional, maxShortNotional, maxOrderNotional, maxPositionPct, maxDailyLoss,
            maxOrdersPerSecond, priceBandPct, maxLeverage, maintenanceMarginPct, borrowRatePct, shortFeePct, false);
    }

    /** Limits without a fee on shorts. */
    public RiskLimits(final boolean allowShort, final long minNotional, final long maxShortNotional,
                      final long maxOrderNotional, final long maxPositionPct, final long maxDailyLoss,
                      final int maxOrdersPerSecond, final long priceBandPct, final long maxLeverage,
                      final long maintenanceMarginPct, final long borrowRatePct) {
        this(allowShort, minNotional, maxShortNotional, maxOrderNotional, maxPositionPct, maxDailyLoss,
            maxOrdersPerSecond, priceBandPct, maxLeverage, maintenanceMarginPct, borrowRatePct, 0);
    }

    /** Limits without interest on borrowed cash. */
    public RiskLimits(final boolean allowShort, final long minNotional, final long maxShortNotional,
                      final long maxOrderNotional, final long maxPositionPct, final long maxDailyLoss,
                      final int maxOrdersPerSecond, final long priceBandPct, final long maxLeverage,
                      final long maintenanceMarginPct) {
        this(allowShort, minNotional, maxShortNotional, maxOrderNotional, maxPositionPct, maxDailyLoss,
            maxOrdersPerSecond, priceBandPct, maxLeverage, maintenanceMarginPct, 0);
    }

    /** Limits without a maintenance margin. */
    public RiskLimits(final boolean allowShort, final long minNotional, final long maxShortNotional,
                      final long maxOrderNotional, final long maxPositionPct, final long maxDailyLoss,
                      final int maxOrdersPerSecond, final long priceBandPct, final long maxLeverage) {
        this(allowShort, minNotional, maxShortNotional, maxOrderNotional, maxPositionPct, maxDailyLoss,
            maxOrdersPerSecond, priceBandPct, maxLeverage, 0);
    }

    /** The limits of a cash account (leverage 1). */
    public RiskLimits(final boolean allowShort, final long minNotional, final long maxShortNotional,
                      final long maxOrderNotional, final long maxPositionPct, final long maxDailyLoss,
                      final int maxOrdersPerSecond, final long priceBandPct) {
        this(allowShort, minNotional, maxShortNotional, maxOrderNotional, maxPositionPct, maxDailyLoss,
            maxOrdersPerSecond, priceBandPct, CASH_ACCOUNT);
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
        return new RiskLimits(allowShort && global.allowShort(), minNotional, maxShortNotional,
            tighter(maxOrderNotional, global.maxOrderNotional()), tighter(maxPositionPct, global.maxPositionPct()),
            tighter(maxDailyLoss, global.maxDailyLoss()),
            (int) tighter(maxOrdersPerSecond, global.maxOrdersPerSecond()), tighter(priceBandPct, global.priceBandPct()),
            tighter(maxLeverage, global.maxLeverage()), maintenanceMarginPct, borrowRatePct, shortFeePct,
            marginCallReduces);
    }

    /** Whether buys may borrow (leverage above 1). */
    public boolean leveraged() {
        return maxLeverage > CASH_ACCOUNT;
    }

    /**
     * What a buy may spend beyond the book's cash: (maxLeverage − 1) × {@code equity}, rounded down; 0 for a cash
     * account or while the equity is not positive (a book that has lost everything borrows nothing).
     *
     * @throws ArithmeticException when it leaves the fixed-point range
     */
    public long borrowingAllowance(final long equity) {
        if (maxLeverage == CASH_ACCOUNT || equity <= 0) {
            return 0;
        }
        return FixedPoint.mulDiv(equity, maxLeverage - CASH_ACCOUNT, FixedPoint.SCALE, RoundingMode.FLOOR);
    }

    /**
     * The short cap when {@code maxShortNotional} is 0: maxLeverage × {@code equity}, rounded down (the equity itself
     * for a cash account).
     *
     * @throws ArithmeticException when it leaves the fixed-point range
     */
    public long defaultShortCap(final long equity) {
        if (maxLeverage == CASH_ACCOUNT) {
            return equity;
        }
        return FixedPoint.mulDiv(equity, maxLeverage, FixedPoint.SCALE, RoundingMode.FLOOR);
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
