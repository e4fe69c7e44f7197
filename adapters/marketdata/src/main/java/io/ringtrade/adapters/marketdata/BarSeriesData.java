package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.market.BarAccumulator;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;

import java.util.Arrays;
import java.util.Objects;

/**
 * The bars of one instrument held in memory as primitive {@code long}s (times in a column, the rest row by row), oldest
 * first: what a bar file loads into and what {@link BarSeriesSource} replays. Row {@code i} is the bar that starts at
 * {@link #timeNanos(int)} (epoch nanoseconds UTC); prices and volume are fixed-point at 1e-8 ({@link FixedPoint}).
 *
 * <p>Every instance is valid: start times strictly increase, prices are positive, {@code low ≤ open, close ≤ high},
 * volume is not negative. Immutable (the arrays are never handed out), so any thread may read it once it is
 * published; loading happens on the start-up thread.
 */
public final class BarSeriesData extends TimedSeries {
    /** Fields per bar in {@link #bars}: open, high, low, close, volume. */
    private static final int FIELDS = 5;
    private static final int OPEN = 0;
    private static final int HIGH = 1;
    private static final int LOW = 2;
    private static final int CLOSE = 3;
    private static final int VOLUME = 4;
    /**
     * The bars row after row, {@value #FIELDS} longs each: a replay reads one bar's fields from one or two cache lines
     * instead of one line from each of five column arrays (a backtest reads every bar once, in order).
     */
    private final long[] bars;

    /** Takes already validated, equally long arrays (copied into one row-major array). */
    BarSeriesData(final String symbol, final long[] timeNanos, final long[] open, final long[] high, final long[] low,
                  final long[] close, final long[] volume) {
        super(symbol, timeNanos);
        bars = new long[Math.multiplyExact(timeNanos.length, FIELDS)];
        for (int i = 0; i < timeNanos.length; i++) {
            final int at = i * FIELDS;
            bars[at + OPEN] = open[i];
            bars[at + HIGH] = high[i];
            bars[at + LOW] = low[i];
            bars[at + CLOSE] = close[i];
            bars[at + VOLUME] = volume[i];
        }
    }

    /**
     * Bars built in code (tests, other adapters): the arrays are copied and checked like a file's rows.
     *
     * @throws IllegalArgumentException naming the first bad row
     */
    public static BarSeriesData of(final String symbol, final long[] timeNanos, final long[] open, final long[] high,
                                   final long[] low, final long[] close, final long[] volume) {
        Objects.requireNonNull(symbol, "symbol");
        final int n = timeNanos.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("bar columns have different lengths");
        }
        for (int i = 0; i < n; i++) {
            if (i > 0 && timeNanos[i] <= timeNanos[i - 1]) {
                throw new IllegalArgumentException("bar " + i + ": time " + TimeText.format(timeNanos[i])
                    + " is not after the previous bar's " + TimeText.format(timeNanos[i - 1]));
            }
            final String problem = BarRules.barProblem(open[i], high[i], low[i], close[i], volume[i]);
            if (problem != null) {
                throw new IllegalArgumentException("bar " + i + ": " + problem);
            }
        }
        // the constructor copies the price and volume columns; the times are taken as they are, so copied here
        return new BarSeriesData(symbol, timeNanos.clone(), open, high, low, close, volume);
    }

    /** Open of bar {@code i}, fixed-point. */
    public long open(final int i) {
        return bars[i * FIELDS + OPEN];
    }

    /** High of bar {@code i}, fixed-point. */
    public long high(final int i) {
        return bars[i * FIELDS + HIGH];
    }

    /** Low of bar {@code i}, fixed-point. */
    public long low(final int i) {
        return bars[i * FIELDS + LOW];
    }

    /** Close of bar {@code i}, fixed-point. */
    public long close(final int i) {
        return bars[i * FIELDS + CLOSE];
    }

    /** Volume of bar {@code i}, fixed-point. */
    public long volume(final int i) {
        return bars[i * FIELDS + VOLUME];
    }

    /** The bars whose start time is inside {@code range}; this instance when all of them are. */
    public BarSeriesData slice(final TimeRange range) {
        final int from = firstIndexAtOrAfter(range.fromNanos());
        final int to = firstIndexAtOrAfter(range.untilNanos());
        if (from == 0 && to == timeNanos.length) {
            return this;
        }
        return new BarSeriesData(symbol(), Arrays.copyOfRange(timeNanos, from, to), column(OPEN, from, to),
            column(HIGH, from, to), column(LOW, from, to), column(CLOSE, from, to), column(VOLUME, from, to));
    }

    /** One field of bars {@code from} (inclusive) to {@code to} (exclusive) as a column. */
    private long[] column(final int field, final int from, final int to) {
        final long[] values = new long[to - from];
        for (int i = from; i < to; i++) {
            values[i - from] = bars[i * FIELDS + field];
        }
        return values;
    }

    /**
     * These bars aggregated to the coarser {@code interval} (daily to weekly, 5m to 1h) with the engine's one
     * rule, {@link BarAccumulator}: each bar goes to the interval that contains its start, the new bar starts at
     * that interval's start, open is the first open, close the last close, high/low the extremes, volume the sum.
     *
     * @throws IllegalArgumentException when {@code interval} is shorter than the spacing of these bars (that would
     *                                  only relabel them, not resample them)
     */
    public BarSeriesData resample(final Interval interval) {
        final long smallestGap = smallestGapNanos();
        if (smallestGap != Long.MAX_VALUE && interval.nanos() < smallestGap) {
            throw new IllegalArgumentException("cannot resample " + symbol() + " to " + interval.label()
                + ": its bars are at least " + smallestGap / 1_000_000_000L + " s apart, longer than the interval");
        }
        final BarAccumulator accumulator = new BarAccumulator(interval);
        final BarColumns out = new BarColumns(symbol(), Math.max(16, timeNanos.length / 4));
        for (int i = 0; i < timeNanos.length; i++) {
            if (accumulator.wouldClose(timeNanos[i])) {
                out.addFrom(accumulator);
                accumulator.reset();
            }
            accumulator.add(timeNanos[i], open(i), high(i), low(i), close(i), volume(i));
        }
        if (accumulator.hasBar()) {
            out.addFrom(accumulator);
        }
        return out.build();
    }

    /** The smallest gap between consecutive bar times, in nanoseconds; {@link Long#MAX_VALUE} for fewer than two bars. */
    public long smallestGapNanos() {
        long smallestGap = Long.MAX_VALUE;
        for (int i = 1; i < timeNanos.length; i++) {
            smallestGap = Math.min(smallestGap, timeNanos[i] - timeNanos[i - 1]);
        }
        return smallestGap;
    }

    @Override
    public String toString() {
        return describe("BarSeriesData", "bars");
    }
}
