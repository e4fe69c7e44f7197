package io.ringtrade.engine.api.strategy;

import java.util.Arrays;

/** A fixed-length array of longs of strategy state, snapshotted by the engine ({@link StrategyState}). Business-logic thread. */
public final class LongArrayCell {
    private final long[] values;

    /** {@code length} values, all {@code initial}; strategies get theirs from {@link StrategyState#longArray}. */
    public LongArrayCell(final int length, final long initial) {
        values = new long[length];
        Arrays.fill(values, initial);
    }

    /** Value {@code index}. */
    public long get(final int index) {
        return values[index];
    }

    /** Replaces value {@code index}. */
    public void set(final int index, final long value) {
        values[index] = value;
    }

    /** Number of values. */
    public int length() {
        return values.length;
    }
}
