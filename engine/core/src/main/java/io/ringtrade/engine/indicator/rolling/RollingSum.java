package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The sum of the last {@code n} doubles pushed, without drift: it never subtracts. The window is kept as two blocks
 * (the "two stacks" of a sliding-window aggregate): the back block has a running sum of what was pushed since the
 * last rebuild, the front block has suffix sums computed right to left when it was rebuilt; a window sum is one
 * suffix sum plus the back sum. Each value is summed into exactly one rebuild, so the work is O(1) amortised, and
 * every window sum is a fresh sum of at most {@code n} terms (error bounded by the window, not by the run length;
 * an infinite value stops counting once it leaves the window). NaN values are left out of the sum and counted, so
 * callers can apply {@code pandas}' {@code min_periods}. Business-logic thread only; allocation-free.
 */
public final class RollingSum {
    private final double[] values;
    private final double[] suffix;
    private final int n;
    /** Values pushed so far; the window is {@code [start, pushed)}. */
    private long pushed;
    private long start;
    /** The back block is {@code [frontEnd, pushed)}, the front block {@code [start, frontEnd)}. */
    private long frontEnd;
    private double backSum;
    private int nanCount;

    /** A window of {@code n} values. */
    public RollingSum(final int n) {
        if (n < 1) {
            throw new IllegalArgumentException("window must be positive: " + n);
        }
        this.n = n;
        this.values = new double[n];
        this.suffix = new double[n];
    }

    /** Pushes {@code value} (NaN allowed), dropping the oldest when the window is full. */
    public void push(final double value) {
        if (pushed - start == n) {
            if (start == frontEnd) {
                rebuildFront();
            }
            if (Double.isNaN(values[slot(start)])) {
                nanCount--;
            }
            start++;
        }
        values[slot(pushed)] = value;
        pushed++;
        if (Double.isNaN(value)) {
            nanCount++;
        } else {
            backSum += value;
        }
    }

    private void rebuildFront() {
        double sum = 0;
        for (long i = pushed - 1; i >= start; i--) {
            final double value = values[slot(i)];
            if (!Double.isNaN(value)) {
                sum += value;
            }
            suffix[slot(i)] = sum;
        }
        frontEnd = pushed;
        backSum = 0;
    }

    private int slot(final long index) {
        return (int) (index % n);
    }

    /** The sum of the non-NaN values in the window (0 when there are none). */
    public double sum() {
        return start < frontEnd ? suffix[slot(start)] + backSum : backSum;
    }

    /** Values in the window that are not NaN. */
    public int count() {
        return (int) (pushed - start) - nanCount;
    }

    /** Values in the window, NaN included. */
    public int size() {
        return (int) (pushed - start);
    }

    /** True when the window is full and holds no NaN: what {@code rolling(n, min_periods=n)} needs. */
    public boolean isComplete() {
        return pushed - start == n && nanCount == 0;
    }

    /** The window's mean when it is complete, otherwise NaN ({@code rolling(n).mean()}). */
    public double mean() {
        return isComplete() ? sum() / n : Double.NaN;
    }

    /** The window's sum when it is complete, otherwise NaN ({@code rolling(n).sum()}). */
    public double completeSum() {
        return isComplete() ? sum() : Double.NaN;
    }

    /** Writes the window. */
    public void writeState(final StateWriter out) {
        out.writeLong(pushed).writeLong(start).writeLong(frontEnd).writeDouble(backSum).writeInt(nanCount)
            .writeDoubles(values).writeDoubles(suffix);
    }

    /** Reads what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        pushed = in.readLong();
        start = in.readLong();
        frontEnd = in.readLong();
        backSum = in.readDouble();
        nanCount = in.readInt();
        States.readDoublesInto(in, values, "rolling sum");
        States.readDoublesInto(in, suffix, "rolling sum suffixes");
    }
}
