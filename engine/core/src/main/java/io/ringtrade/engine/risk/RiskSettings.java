package io.ringtrade.engine.risk;

import io.ringtrade.engine.api.money.FixedPoint;

/**
 * The engine-wide risk settings ({@code ringtrade.risk}): caps that tighten every book's limits
 * ({@link RiskLimits#tightenedBy}), limits on all books together (daily loss, order rate), and the
 * large-transaction threshold. Money fixed-point at 1e-8, percentages fixed-point
 * percent; 0 = no limit. Immutable.
 *
 * @param maxOrderNotional           cap on every book's largest order notional
 * @param maxPositionPct             cap on every book's position limit (so all books together stay within it of their
 *                                   total equity)
 * @param maxDailyLoss               largest loss of all books together in one UTC day; a breach halts the engine
 *                                   (the global state) until an operator releases it
 * @param maxOrdersPerSecond         cap on every book's order rate, and the most orders of all books together in any
 *                                   second of event time
 * @param priceBandPct               cap on every book's price band
 * @param largeTransactionThreshold  a fill whose notional reaches this is reported in {@code large_transactions.csv};
 *                                   0 = no reports
 * @param maxLeverage                cap on every book's leverage, fixed-point 1 to 100; 0 = no cap
 * @param allowShort                 whether books may open shorts at all (each where its own {@code allow-short}
 *                                   says so); false stops every book's new shorts at once (an operator's
 *                                   {@code allow_short} command; true unless one said otherwise)
 */
public record RiskSettings(long maxOrderNotional, long maxPositionPct, long maxDailyLoss, int maxOrdersPerSecond,
                           long priceBandPct, long largeTransactionThreshold, long maxLeverage, boolean allowShort) {
    /** The default large-transaction threshold: 10,000 in the account currency (FINTRAC's reporting threshold). */
    public static final long LARGE_TRANSACTION_THRESHOLD_DEFAULT = FixedPoint.of(10_000);
    /** No global caps; large transactions reported from 10,000. */
    public static final RiskSettings DEFAULT = new RiskSettings(0, 0, 0, 0, 0, LARGE_TRANSACTION_THRESHOLD_DEFAULT);

    /** Checks ranges (as {@link RiskLimits} does). */
    public RiskSettings {
        new RiskLimits(false, 0, 0, maxOrderNotional, maxPositionPct, maxDailyLoss, maxOrdersPerSecond, priceBandPct);
        if (largeTransactionThreshold < 0) {
            throw new IllegalArgumentException("large-transaction threshold must not be negative");
        }
        if (maxLeverage != 0) {
            new RiskLimits(false, 0, 0, 0, 0, 0, 0, 0, maxLeverage);
        }
    }

    /** Settings that leave shorting to each book. */
    public RiskSettings(final long maxOrderNotional, final long maxPositionPct, final long maxDailyLoss,
                        final int maxOrdersPerSecond, final long priceBandPct, final long largeTransactionThreshold,
                        final long maxLeverage) {
        this(maxOrderNotional, maxPositionPct, maxDailyLoss, maxOrdersPerSecond, priceBandPct,
            largeTransactionThreshold, maxLeverage, true);
    }

    /** Settings without a leverage cap. */
    public RiskSettings(final long maxOrderNotional, final long maxPositionPct, final long maxDailyLoss,
                        final int maxOrdersPerSecond, final long priceBandPct, final long largeTransactionThreshold) {
        this(maxOrderNotional, maxPositionPct, maxDailyLoss, maxOrdersPerSecond, priceBandPct,
            largeTransactionThreshold, 0);
    }
}
