package io.ringtrade.adapters.marketdata;

/**
 * What {@link BarSeriesData} and {@link TradeSeriesData} have in common: the symbol, and the time column (epoch
 * nanoseconds UTC, in the order the rows are replayed) that sizes, slices and loops a series. Each subclass keeps its
 * own value columns and the rule its times follow. Public (and sealed) so that callers in other packages can use
 * these methods through method references. Immutable; loading happens on the start-up thread.
 */
public abstract sealed class TimedSeries permits BarSeriesData, TradeSeriesData {
    private final String symbol;
    /** Read by subclasses, never handed out. */
    final long[] timeNanos;

    /** Takes ownership of {@code timeNanos}. */
    TimedSeries(final String symbol, final long[] timeNanos) {
        this.symbol = symbol;
        this.timeNanos = timeNanos;
    }

    /** The symbol the rows are for, as given at load. */
    public final String symbol() {
        return symbol;
    }

    /** Number of rows (bars or trades). */
    public final int size() {
        return timeNanos.length;
    }

    /** True when there are no rows (for example after a slice with a window outside the data). */
    public final boolean isEmpty() {
        return timeNanos.length == 0;
    }

    /** Time of row {@code i} (a bar's start, a trade's time), epoch nanoseconds UTC. */
    public final long timeNanos(final int i) {
        return timeNanos[i];
    }

    /**
     * How far a looping replay ({@code feed.loop}) shifts each pass: last time − first time + the smallest positive
     * gap between consecutive times (1 ns for a single row or when all rows share one time). So the first row of a
     * pass comes one such gap after the last row of the pass before, and times never go backwards (bar starts keep
     * strictly increasing). 0 when there are no rows.
     */
    public final long loopSpanNanos() {
        if (timeNanos.length == 0) {
            return 0;
        }
        long smallestGap = Long.MAX_VALUE;
        for (int i = 1; i < timeNanos.length; i++) {
            final long gap = timeNanos[i] - timeNanos[i - 1];
            if (gap > 0 && gap < smallestGap) {
                smallestGap = gap;
            }
        }
        return timeNanos[timeNanos.length - 1] - timeNanos[0] + (smallestGap == Long.MAX_VALUE ? 1 : smallestGap);
    }

    /** First row whose time is at or after {@code time} (the size when none is). */
    final int firstIndexAtOrAfter(final long time) {
        int lo = 0;
        int hi = timeNanos.length;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (timeNanos[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@code Kind[symbol, n rows, first .. last]} for {@link Object#toString()}. */
    final String describe(final String kind, final String rows) {
        return kind + "[" + symbol + ", " + size() + " " + rows
            + (isEmpty() ? "" : ", " + TimeText.format(timeNanos[0]) + " .. " + TimeText.format(timeNanos[size() - 1]))
            + "]";
    }
}
