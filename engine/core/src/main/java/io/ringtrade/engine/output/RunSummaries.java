package io.ringtrade.engine.output;

import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.report.PerformanceInput;
import io.ringtrade.engine.report.PerformanceMetrics;
import io.ringtrade.engine.report.PerformanceSummary;

/**
 * Turns a finished run's logs into its performance summary. Called on the thread that owns the finished run.
 */
public final class RunSummaries {
    private RunSummaries() {
    }

    /** Metrics over all books together, annualised with {@code periodsPerYear}. */
    public static PerformanceSummary summarize(final BusinessLogic logic, final double periodsPerYear,
                                               final double riskFreeRate) {
        final EquityLog equity = logic.equityLog();
        return PerformanceMetrics.compute(PerformanceInput.builder()
            .initialCash(logic.initialCash())
            .equity(equity.equities())
            .benchmarkEquity(equity.benchmarks())
            .inPosition(equity.positionFlags())
            .barTimeNanos(equity.times())
            .roundTripPnl(logic.roundTrips().pnls())
            .periodsPerYear(periodsPerYear)
            .riskFreeRatePerYear(riskFreeRate)
            .build());
    }
}
