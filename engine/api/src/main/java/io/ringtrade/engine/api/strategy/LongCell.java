package io.ringtrade.engine.api.strategy;

/** One long of strategy state, snapshotted by the engine ({@link StrategyState}). Business-logic thread. */
public final class LongCell {
    private long value;

    /** A cell holding {@code initial}; strategies get theirs from {@link StrategyState#longCell}. */
    public LongCell(final long initial) {
        value = initial;
    }

    /** The value. */
    public long get() {
        return value;
    }

    /** Replaces the value. */
    public void set(final long newValue) {
        value = newValue;
    }
}
