package io.ringtrade.cli;

import io.ringtrade.research.optimizer.ProgressListener;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of an optimization when its output is not a terminal (a log file, CI): one plain line at most every
 * {@code intervalNanos}, with the count, the rate and the time left, then one line at the end. Thread-safe: job
 * threads report through {@link #advanced}.
 */
final class ProgressLines implements ProgressListener {
    /** Time between lines by default. */
    static final long DEFAULT_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final LongSupplier clock;
    private final long intervalNanos;
    private long startNanos;
    private long lastLineNanos;

    /** Lines on {@code out}, timed by {@code clock} (nanoseconds, e.g. {@code System::nanoTime}). */
    ProgressLines(final PrintWriter out, final LongSupplier clock, final long intervalNanos) {
        this.out = out;
        this.clock = clock;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public synchronized void started(final long total) {
        startNanos = clock.getAsLong();
        lastLineNanos = startNanos;
        out.println("optimize: " + total + " backtests to run");
        out.flush();
    }

    @Override
    public synchronized void advanced(final long done, final long total) {
        final long now = clock.getAsLong();
        if (now - lastLineNanos < intervalNanos || done >= total) {
            return;
        }
        lastLineNanos = now;
        final double seconds = (now - startNanos) / 1e9;
        final double rate = done / seconds;
        out.println(String.format(Locale.ROOT, "optimize: %d/%d backtests (%d %%), %.1f backtests/s, about %s left",
            done, total, done * 100 / total, rate, duration((total - done) / rate)));
        out.flush();
    }

    @Override
    public synchronized void finished(final long done, final long total, final boolean stopped) {
        final double seconds = (clock.getAsLong() - startNanos) / 1e9;
        if (stopped) {
            out.println(String.format(Locale.ROOT, "optimize: stopped after %d/%d backtests in %s", done, total,
                duration(seconds)));
        } else {
            out.println(String.format(Locale.ROOT, "optimize: %d/%d backtests in %s (%.1f backtests/s)", done, total,
                duration(seconds), seconds > 0 ? done / seconds : 0.0));
        }
        out.flush();
    }

    /** {@code 42 s}, {@code 3 min 5 s}, {@code 2 h 3 min}. */
    static String duration(final double seconds) {
        final long s = Math.round(seconds);
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
