package io.ringtrade.bench;

import com.google.gson.JsonObject;
import org.HdrHistogram.Histogram;

/**
 * Latency distributions as the harnesses report them: one console line per distribution and the same numbers as a
 * JSON object for the results file, in microseconds from nanosecond recordings. Main thread (the histograms are read
 * after the threads that recorded them stopped).
 */
final class LatencyReport {
    /** The largest value a histogram records, 100 s; larger values are recorded as 100 s. */
    static final long HIGHEST_NANOS = 100_000_000_000L;

    private LatencyReport() {
    }

    /** A histogram for 1 ns .. 100 s at three significant digits (allocated once, up front). */
    static Histogram newHistogram() {
        return new Histogram(HIGHEST_NANOS, 3);
    }

    /** Records {@code nanos}, clamped to [0, {@link #HIGHEST_NANOS}]. Does not allocate. */
    static void record(final Histogram histogram, final long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos, HIGHEST_NANOS)));
    }

    /** The header line matching {@link #line}. */
    static String header() {
        return String.format("%-58s %10s %9s %9s %9s %9s %9s %9s %9s", "case", "count", "mean us", "p50 us",
            "p90 us", "p99 us", "p99.9 us", "p99.99 us", "max us");
    }

    /** {@code name}, count, mean, p50, p90, p99, p99.9, p99.99 and max of {@code h} in microseconds. */
    static String line(final String name, final Histogram h) {
        return String.format("%-58s %,10d %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.1f", name, h.getTotalCount(),
            h.getMean() / 1e3, micros(h, 50), micros(h, 90), micros(h, 99), micros(h, 99.9), micros(h, 99.99),
            h.getMaxValue() / 1e3);
    }

    /** count, mean, p50, p90, p99, p99_9, p99_99 and max of {@code h}, in microseconds. */
    static JsonObject json(final Histogram h) {
        final JsonObject out = new JsonObject();
        out.addProperty("count", h.getTotalCount());
        out.addProperty("mean", round(h.getMean() / 1e3));
        out.addProperty("p50", round(micros(h, 50)));
        out.addProperty("p90", round(micros(h, 90)));
        out.addProperty("p99", round(micros(h, 99)));
        out.addProperty("p99_9", round(micros(h, 99.9)));
        out.addProperty("p99_99", round(micros(h, 99.99)));
        out.addProperty("max", round(h.getMaxValue() / 1e3));
        return out;
    }

    private static double micros(final Histogram h, final double percentile) {
        return h.getValueAtPercentile(percentile) / 1e3;
    }

    /** Three decimals are nanoseconds: enough, and it keeps the results file small. */
    static double round(final double value) {
        return Math.round(value * 1e3) / 1e3;
    }
}
