package io.ringtrade.engine.report;

/**
 * Computes the performance metrics of a finished run from its whole equity curve and closed round trips, by feeding
 * them in order through the same {@link PerformanceAccumulator} a running engine uses, so a summary computed after
 * the fact and one kept while running are the same bits. The definitions are written out on each component of
 * {@link PerformanceSummary} and in the README.
 *
 * <p>Stateless; safe on any thread.
 */
public final class PerformanceMetrics {
    private PerformanceMetrics() {
    }

    /** The metrics of {@code in}; see {@link PerformanceSummary} for each definition. */
    public static PerformanceSummary compute(final PerformanceInput in) {
        final PerformanceAccumulator metrics = new PerformanceAccumulator(in.initialCash, in.periodsPerYear,
            in.riskFreeRatePerYear);
        for (int t = 0; t < in.equity.length; t++) {
            metrics.onBar(in.equity[t], in.benchmarkEquity[t], in.inPosition[t]);
        }
        for (final long pnl : in.roundTripPnl) {
            metrics.onRoundTrip(pnl);
        }
        return metrics.summary();
    }
}
