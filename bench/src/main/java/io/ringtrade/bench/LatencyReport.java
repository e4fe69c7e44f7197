package io.ringtrade.bench;

import org.HdrHistogram.Histogram;

/**
 * One line per latency distribution, in microseconds with nanosecond resolution, so that the harnesses print the
 * same columns for our side and the baseline. Main thread.
 */
final class LatencyReport {
    private LatencyReport() {
    }

    /** A histogram for 1 ns .. 10 s at three significant digits. */
    static Histogram newHistogram() {
        return new Histogram(10_000_000_000L, 3);
    }

    /** The header line matching {@link #line}. */
    static String header() {
        return String.format("%-44s %10s %9s %9s %9s %9s %9s %9s %9s", "case", "count", "mean us", "p50 us",
            "p90 us", "p99 us", "p99.9 us", "p99.99 us", "max us");
    }

    /** {@code name}, count, mean, p50, p90, p99, p99.9, p99.99 and max of {@code h} in microseconds. */
    static String line(final String name, final Histogram h) {
        return String.format("%-44s %,10d %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.1f", name, h.getTotalCount(),
            h.getMean() / 1e3, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
            h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getValueAtPercentile(99.99) / 1e3,
            h.getMaxValue() / 1e3);
    }
}
