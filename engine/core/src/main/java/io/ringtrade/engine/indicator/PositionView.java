package io.ringtrade.engine.indicator;

/**
 * What a {@link io.ringtrade.engine.api.strategy.Row} needs to know about a strategy's book: whether it holds a
 * position in an instrument, and its signed size. Implemented by the book; read on the business-logic thread during
 * {@code decide}.
 */
@FunctionalInterface
public interface PositionView {
    /** True when the book holds a non-zero position (long or short) in {@code instrumentId}. */
    boolean hasPosition(int instrumentId);

    /** The signed position (fixed-point, negative = short); views that only know whether one is held say ±0. */
    default long position(final int instrumentId) {
        return 0;
    }
}
