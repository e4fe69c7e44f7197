package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * Exact sums of the last {@code n} values of one series for several {@code n} at once (the Ultimate oscillator's
 * 7-, 14- and 28-bar sums of buying pressure), from one ring of the values instead of a window each. Each sum is kept
 * in a plain {@code long} with wrapping arithmetic, which is exact modulo 2^64, so it is the true sum whenever the true
 * sum fits; while no value in the window reaches {@code Long.MAX_VALUE / n} in magnitude (any real price or volume
 * difference) it must fit, and otherwise the sum is recomputed from the window in 192 bits ({@link ExactSum}). Both are
 * the same exact integer, so what is read does not depend on which is used. Business-logic thread only;
 * allocation-free after construction.
 */
public final class WindowSums {
    private final int[] windows;
    private final long[] limits;
    private final long[] sums;
    /** How many values of each window are at or beyond its limit in magnitude. */
    private final int[] outsized;
    private final long[] ring;
    private final int mask;
    private final ExactSum scratch = new ExactSum();
    private long pushed;

    /** Sums over each of {@code windows} (each positive). */
    public WindowSums(final int... windows) {
        this.windows = windows.clone();
        limits = new long[windows.length];
        int largest = 1;
        for (int w = 0; w < windows.length; w++) {
            if (windows[w] < 1) {
                throw new IllegalArgumentException("window must be positive: " + windows[w]);
            }
            limits[w] = Long.MAX_VALUE / windows[w];
            largest = Math.max(largest, windows[w]);
        }
        sums = new long[windows.length];
        outsized = new int[windows.length];
        final int capacity = largest == 1 ? 1 : Integer.highestOneBit(largest - 1) << 1;
        ring = new long[capacity];
        mask = capacity - 1;
    }

    /** Pushes the next value of the series. */
    public void push(final long value) {
        for (int w = 0; w < windows.length; w++) {
            final long limit = limits[w];
            if (pushed >= windows[w]) {
                // read before the new value is written: with a ring exactly as large as the window it takes the slot
                final long leaving = ring[(int) ((pushed - windows[w]) & mask)];
                sums[w] -= leaving;
                outsized[w] -= outsized(leaving, limit);
            }
            sums[w] += value;
            outsized[w] += outsized(value, limit);
        }
        ring[(int) (pushed & mask)] = value;
        pushed++;
    }

    private static int outsized(final long value, final long limit) {
        return value >= limit || value <= -limit ? 1 : 0;
    }

    /** True once window {@code w} (its index among the constructor's windows) holds its {@code n} values. */
    public boolean isFull(final int w) {
        return pushed >= windows[w];
    }

    /** The sum of window {@code w} in fixed-point units as a double (for ratios of two sums, where the scale cancels). */
    public double units(final int w) {
        return outsized[w] == 0 ? sums[w] : exact(w).toDouble();
    }

    /** Σ of window {@code w} in 192 bits, from the ring. */
    private ExactSum exact(final int w) {
        scratch.clear();
        final long count = Math.min(pushed, windows[w]);
        for (long i = pushed - count; i < pushed; i++) {
            scratch.add(ring[(int) (i & mask)]);
        }
        return scratch;
    }

    /** Writes the values kept (the sums follow from them). */
    public void writeState(final StateWriter out) {
        out.writeLong(pushed).writeLongs(ring);
    }

    /** Reads what {@link #writeState} wrote and recomputes the sums from the values. */
    public void readState(final StateReader in) {
        pushed = in.readLong();
        in.readLongsInto(ring, "window values");
        for (int w = 0; w < windows.length; w++) {
            long sum = 0;
            int out = 0;
            final long count = Math.min(pushed, windows[w]);
            for (long i = pushed - count; i < pushed; i++) {
                final long value = ring[(int) (i & mask)];
                sum += value;
                out += outsized(value, limits[w]);
            }
            sums[w] = sum;
            outsized[w] = out;
        }
    }
}
