package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The maximum (or minimum) of the last {@code n} doubles pushed, as {@code pandas}' {@code rolling(n).max()}: NaN
 * until {@code n} values have been pushed and while a NaN (or an infinity, which {@code pandas} turns into NaN) is in
 * the window. The same two-block sliding aggregate as {@link RollingExtremum}; a minimum is kept as the maximum of
 * the negated values. Business-logic thread only; allocation-free.
 */
public final class RollingDoubleExtremum {
    private final boolean maximum;
    private final int n;
    private final double[] values;
    private final double[] suffixMax;
    private long pushed;
    private long start;
    private long frontEnd;
    private int pushedSlot;
    private int startSlot;
    private double backMax = Double.NEGATIVE_INFINITY;
    private long lastMissing = Long.MIN_VALUE;

    private RollingDoubleExtremum(final int n, final boolean maximum) {
        if (n < 1) {
            throw new IllegalArgumentException("window must be positive: " + n);
        }
        this.n = n;
        this.maximum = maximum;
        this.values = new double[n];
        this.suffixMax = new double[n];
    }

    /** The rolling maximum over {@code n} values. */
    public static RollingDoubleExtremum maximum(final int n) {
        return new RollingDoubleExtremum(n, true);
    }

    /** The rolling minimum over {@code n} values. */
    public static RollingDoubleExtremum minimum(final int n) {
        return new RollingDoubleExtremum(n, false);
    }

    /** Pushes {@code raw} (NaN and infinities count as missing). */
    public void push(final double raw) {
        final boolean missing = !Double.isFinite(raw);
        // missing values enter as -∞, which never wins; the window is NaN while one is in it
        final double value = missing ? Double.NEGATIVE_INFINITY : maximum ? raw : -raw;
        if (missing) {
            lastMissing = pushed;
        }
        if (pushed - start == n) {
            if (start == frontEnd) {
                rebuildFront();
            }
            start++;
            startSlot = startSlot + 1 == n ? 0 : startSlot + 1;
        }
        values[pushedSlot] = value;
        backMax = pushed == frontEnd ? value : Math.max(backMax, value);
        pushed++;
        pushedSlot = pushedSlot + 1 == n ? 0 : pushedSlot + 1;
    }

    private void rebuildFront() {
        double best = Double.NEGATIVE_INFINITY;
        int slot = pushedSlot;
        for (long i = pushed - 1; i >= start; i--) {
            slot = slot == 0 ? n - 1 : slot - 1;
            best = Math.max(best, values[slot]);
            suffixMax[slot] = best;
        }
        frontEnd = pushed;
        backMax = Double.NEGATIVE_INFINITY;
    }

    /** The extreme of a full window without missing values, otherwise NaN. */
    public double value() {
        if (pushed < n || lastMissing >= pushed - n) {
            return Double.NaN;
        }
        final double best = start < frontEnd && pushed != frontEnd ? Math.max(suffixMax[startSlot], backMax)
            : start < frontEnd ? suffixMax[startSlot] : backMax;
        return maximum ? best : -best;
    }

    /** Writes the window. */
    public void writeState(final StateWriter out) {
        out.writeLong(pushed).writeLong(start).writeLong(frontEnd).writeDouble(backMax).writeLong(lastMissing)
            .writeDoubles(values).writeDoubles(suffixMax);
    }

    /** Reads what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        pushed = in.readLong();
        start = in.readLong();
        frontEnd = in.readLong();
        backMax = in.readDouble();
        lastMissing = in.readLong();
        States.readDoublesInto(in, values, "extremum values");
        States.readDoublesInto(in, suffixMax, "extremum suffixes");
        pushedSlot = (int) (pushed % n);
        startSlot = (int) (start % n);
    }
}
