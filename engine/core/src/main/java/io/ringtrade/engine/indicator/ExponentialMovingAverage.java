package io.ringtrade.engine.indicator;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import io.ringtrade.engine.api.money.FixedPoint;

/**
 * Exponential moving average of closes as ta4j 0.22.2's {@code EMAIndicator} defines it: NaN for the first
 * {@code period} bars (indices {@code 0 .. period-1}, ta4j's unstable bars), seeded with the close of bar
 * {@code period}, then {@code ema = prev + (close - prev) × k} with {@code k = 2 / (period + 1)}, evaluated
 * in the same order as ta4j so that the doubles agree. (Older ta4j versions seeded with the close of bar 0.)
 * Business-logic thread only.
 */
final class ExponentialMovingAverage extends NativeIndicator {
    private final double k;
    private double ema = Double.NaN;

    ExponentialMovingAverage(final int period, final int capacity) {
        super(Kind.EMA, period, capacity);
        this.k = 2.0 / (period + 1);
    }

    @Override
    double next(final BarHistory history, final int bar, final int index) {
        if (index < period()) {
            return Double.NaN;
        }
        final double close = FixedPoint.toDouble(history.close(bar));
        ema = index == period() ? close : ema + (close - ema) * k;
        return ema;
    }

    @Override
    void writeRunningState(final StateWriter out) {
        out.writeDouble(ema);
    }

    @Override
    void readRunningState(final StateReader in) {
        ema = in.readDouble();
    }
}
