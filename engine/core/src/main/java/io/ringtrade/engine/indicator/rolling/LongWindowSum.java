package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The exact sum of the last {@code n} fixed-point values pushed ({@link ExactSum}: never drifts, never overflows),
 * e.g. the closes of an SMA window. Business-logic thread only; allocation-free.
 */
public final class LongWindowSum {
    private final int n;
    private final LongRing window;
    private final ExactSum sum = new ExactSum();

    /** A window of {@code n} values. */
    public LongWindowSum(final int n) {
        this.n = n;
        this.window = new LongRing(n);
    }

    /** Pushes {@code value}, dropping the value {@code n} pushes old. */
    public void push(final long value) {
        if (window.isFull()) {
            sum.subtract(window.oldest());
        }
        window.push(value);
        sum.add(value);
    }

    /** True once {@code n} values are in the window. */
    public boolean isFull() {
        return window.isFull();
    }

    /** Values in the window. */
    public int count() {
        return window.size();
    }

    /** The exact sum of the window. */
    public ExactSum sum() {
        return sum;
    }

    /** The mean of a full window in price units (see {@link ExactSum#mean}), NaN before. */
    public double mean() {
        return window.isFull() ? sum.mean(n, 1) : Double.NaN;
    }

    /** The window's values. */
    public LongRing values() {
        return window;
    }

    /** Writes the window and its sum. */
    public void writeState(final StateWriter out) {
        window.writeState(out);
        sum.writeState(out);
    }

    /** Reads what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        window.readState(in);
        sum.readState(in);
    }
}
