package io.ringtrade.engine.api.strategy;

import java.util.Arrays;

/** A fixed-length array of doubles of strategy state, snapshotted by the engine ({@link StrategyState}). Business-logic thread. */
public final class DoubleArrayCell {
    private final double[] values;

    /** {@code length} values, all {@code initial}; strategies get theirs from {@link StrategyState#doubleArray}. */
    public DoubleArrayCell(final int length, final double initial) {
        values = new double[length];
        Arrays.fill(values, initial);
    }

    /** Value {@code index}. */
    public double get(final int index) {
        return values[index];
    }

    /** Replaces value {@code index}. */
    public void set(final int index, final double value) {
        values[index] = value;
    }

    /** Number of values. */
    public int length() {
        return values.length;
    }
}
