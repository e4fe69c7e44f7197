package io.ringtrade.engine.api.strategy;

/** One double of strategy state, snapshotted bit for bit by the engine ({@link StrategyState}). Business-logic thread. */
public final class DoubleCell {
    private double value;

    /** A cell holding {@code initial}; strategies get theirs from {@link StrategyState#doubleCell}. */
    public DoubleCell(final double initial) {
        value = initial;
    }

    /** The value. */
    public double get() {
        return value;
    }

    /** Replaces the value. */
    public void set(final double newValue) {
        value = newValue;
    }
}
