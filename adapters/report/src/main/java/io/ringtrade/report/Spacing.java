package io.ringtrade.report;

import io.ringtrade.engine.api.market.Interval;

/**
 * Infers a run's bar interval from its equity rows when the run does not say it (a paper run's folder): the smallest
 * gap between rows, matched to the engine's intervals. Stateless.
 */
final class Spacing {
    private Spacing() {
    }

    /** Periods per year of the interval whose length is the smallest gap in {@code times}; a monthly gap (28–31 days) is 1mo; 252 when none matches. */
    static double periodsPerYear(final double[] times) {
        double gap = Double.MAX_VALUE;
        for (int i = 1; i < times.length; i++) {
            if (times[i] > times[i - 1]) {
                gap = Math.min(gap, times[i] - times[i - 1]);
            }
        }
        if (gap >= 28 * 86_400.0 && gap <= 31 * 86_400.0) {
            return Interval.MO1.periodsPerYear();
        }
        for (final Interval interval : Interval.values()) {
            if (interval != Interval.MO1 && Math.abs(interval.nanos() / 1e9 - gap) < 0.5) {
                return interval.periodsPerYear();
            }
        }
        return Interval.D1.periodsPerYear();
    }
}
