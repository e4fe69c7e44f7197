package io.ringtrade.engine.config;

/**
 * The risk layer's limits of one book ({@code ringtrade.books[i]}), or the engine-wide caps
 * ({@code ringtrade.risk}). Money is fixed-point at 1e-8; percentages are fixed-point percent ({@code 5} % is
 * {@code 500_000_000L}); 0 means no limit. Immutable; validated by {@link EngineConfigLoader}.
 *
 * @param maxOrderNotional   {@code max-order-notional}: largest notional of one order
 * @param maxPositionPct     {@code max-position-pct}: largest position in one instrument as a percentage of equity
 * @param maxDailyLoss       {@code max-daily-loss}: largest loss in one UTC day before the book halts
 * @param maxOrdersPerSecond {@code max-orders-per-second}: most orders in any second of event time
 * @param priceBandPct       {@code price-band-pct}: largest distance of a limit or stop price from the last price, as a
 *                           percentage of it
 * @param maxLeverage        {@code max-leverage}: fixed-point multiple of equity a book's long exposure may reach, 1 to
 *                           100; 0 = not set (a book is then a cash account, leverage 1; the engine-wide cap is off)
 * @param maintenanceMarginPct {@code maintenance-margin-pct} (books only): the equity a book must keep as a
 *                           percentage of its gross exposure, 0 to 100; below it the book is liquidated and halted
 *                           (a margin call); 0 = none
 * @param borrowRatePct      {@code borrow-rate-pct} (books only): the simulated venue's yearly interest on borrowed
 *                           (negative) cash, percent, 0 to 100, charged per UTC day; 0 = none
 * @param shortFeePct        {@code short-fee-pct} (books only): the simulated venue's yearly fee on the value of the
 *                           book's shorts, percent, 0 to 100, charged per UTC day; 0 = none
 * @param marginCall         {@code margin-call} (books only): what a margin call does to the positions
 */
public record BookLimits(long maxOrderNotional, long maxPositionPct, long maxDailyLoss, int maxOrdersPerSecond,
                         long priceBandPct, long maxLeverage, long maintenanceMarginPct, long borrowRatePct,
                         long shortFeePct, MarginCallRule marginCall) {
    /** No limits. */
    public static final BookLimits NONE = new BookLimits(0, 0, 0, 0, 0, 0, 0, 0, 0, MarginCallRule.CLOSE);

    /** Limits without a fee on shorts, whose margin call closes every position. */
    public BookLimits(final long maxOrderNotional, final long maxPositionPct, final long maxDailyLoss,
                      final int maxOrdersPerSecond, final long priceBandPct, final long maxLeverage,
                      final long maintenanceMarginPct, final long borrowRatePct) {
        this(maxOrderNotional, maxPositionPct, maxDailyLoss, maxOrdersPerSecond, priceBandPct, maxLeverage,
            maintenanceMarginPct, borrowRatePct, 0, MarginCallRule.CLOSE);
    }

    /** Limits without interest on borrowed cash. */
    public BookLimits(final long maxOrderNotional, final long maxPositionPct, final long maxDailyLoss,
                      final int maxOrdersPerSecond, final long priceBandPct, final long maxLeverage,
                      final long maintenanceMarginPct) {
        this(maxOrderNotional, maxPositionPct, maxDailyLoss, maxOrdersPerSecond, priceBandPct, maxLeverage,
            maintenanceMarginPct, 0);
    }

    /** Limits without a maintenance margin. */
    public BookLimits(final long maxOrderNotional, final long maxPositionPct, final long maxDailyLoss,
                      final int maxOrdersPerSecond, final long priceBandPct, final long maxLeverage) {
        this(maxOrderNotional, maxPositionPct, maxDailyLoss, maxOrdersPerSecond, priceBandPct, maxLeverage, 0);
    }

    /** Limits without a leverage setting. */
    public BookLimits(final long maxOrderNotional, final long maxPositionPct, final long maxDailyLoss,
                      final int maxOrdersPerSecond, final long priceBandPct) {
        this(maxOrderNotional, maxPositionPct, maxDailyLoss, maxOrdersPerSecond, priceBandPct, 0);
    }

    /** Whether every limit is off. */
    public boolean isNone() {
        return equals(NONE);
    }
}
