package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The sum of the last {@code n} doubles pushed, without drift: it never subtracts. The window is kept as two blocks
 * (the "two stacks" of a sliding-window aggregate): the back block has a running sum of what was pushed since the
 * last rebuild, the front block has suffix sums computed right to left when it was rebuilt; a window sum is one
 * suffix sum plus the back sum. Each value is summed into exactly one rebuild, so the work is O(1) amortised, and
 * every window sum is a fresh sum of at most {@code n} terms (error bounded by the window, not by the run length).
 * Missing values (NaN, and infinities, which {@code pandas} turns into NaN) are left out of the sum and counted, so
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
    /** The slots of {@code pushed} and {@code start}, kept instead of a modulo so that no access divides. */
    private int pushedSlot;
    private int startSlot;
    private double backSum;
    private int nanCount;
    /** The latest value that was not missing, and how many equal ones were pushed in a row (missing ones skipped). */
    private double last = Double.NaN;
    private long run;

    /** A window of {@code n} values. */
    public RollingSum(final int n) {
        if (n < 1) {
            throw new IllegalArgumentException("window must be positive: " + n);
        }
        this.n = n;
        this.values = new double[n];
        this.suffix = new double[n];
    }

    /**
     * Pushes {@code raw}, dropping the oldest when the window is full. NaN and ±infinity are missing values, as
     * {@code pandas}' rolling windows treat them (they turn infinities into NaN before computing).
     */
    public void push(final double raw) {
        final double value = Double.isInfinite(raw) ? Double.NaN : raw;
        if (pushed - start == n) {
            if (start == frontEnd) {
                rebuildFront();
            }
            if (Double.isNaN(values[startSlot])) {
                nanCount--;
            }
            start++;
            startSlot = next(startSlot);
        }
        values[pushedSlot] = value;
        pushed++;
        pushedSlot = next(pushedSlot);
        if (Double.isNaN(value)) {
            nanCount++;
        } else {
            backSum += value;
            run = value == last ? run + 1 : 1;
            last = value;
        }
    }

    private void rebuildFront() {
        double sum = 0;
        int slot = pushedSlot;
        for (long i = pushed - 1; i >= start; i--) {
            slot = slot == 0 ? n - 1 : slot - 1;
            final double value = values[slot];
            if (!Double.isNaN(value)) {
                sum += value;
            }
            suffix[slot] = sum;
        }
        frontEnd = pushed;
        backSum = 0;
    }

    private int next(final int slot) {
        return slot + 1 == n ? 0 : slot + 1;
    }

    /** The sum of the non-NaN values in the window (0 when there are none). */
    public double sum() {
        return start < frontEnd ? suffix[startSlot] + backSum : backSum;
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

    /**
     * The window's mean when it is complete, otherwise NaN ({@code rolling(n).mean()}). As in {@code pandas}, a window
     * whose values are all equal has exactly that value as its mean.
     */
    public double mean() {
        if (!isComplete()) {
            return Double.NaN;
        }
        return run >= n ? last : sum() / n;
    }

    /** The mean of the values present ({@code rolling(n, min_periods=0).mean()}): NaN only when there are none. */
    public double meanOfPresent() {
        final int present = count();
        if (present == 0) {
            return Double.NaN;
        }
        return run >= present ? last : sum() / present;
    }

    /** The window's sum when it is complete, otherwise NaN ({@code rolling(n).sum()}). */
    public double completeSum() {
        return isComplete() ? sum() : Double.NaN;
    }

    /** Writes the window. */
    public void writeState(final StateWriter out) {
        out.writeLong(pushed).writeLong(start).writeLong(frontEnd).writeDouble(backSum).writeInt(nanCount)
            .writeDouble(last).writeLong(run).writeDoubles(values).writeDoubles(suffix);
    }

    /** Reads what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        pushed = in.readLong();
        start = in.readLong();
        frontEnd = in.readLong();
        backSum = in.readDouble();
        nanCount = in.readInt();
        pushedSlot = (int) (pushed % n);
        startSlot = (int) (start % n);
        last = in.readDouble();
        run = in.readLong();
        States.readDoublesInto(in, values, "rolling sum");
        States.readDoublesInto(in, suffix, "rolling sum suffixes");
    }
}
