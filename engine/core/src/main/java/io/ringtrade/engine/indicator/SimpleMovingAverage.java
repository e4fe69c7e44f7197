package io.ringtrade.engine.indicator;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import io.ringtrade.engine.api.money.FixedPoint;

/**
 * Simple moving average of closes over {@code period} bars. The window sum is kept exactly as a fixed-point
 * long, so it never drifts however long the run; it becomes a double only when divided. NaN until
 * {@code period} bars have been fed (ta4j returns partial averages there and calls them unstable). The window
 * needs the close {@code period} bars back, so the history keeps at least {@code period + 1} bars.
 * Business-logic thread only.
 */
final class SimpleMovingAverage extends NativeIndicator {
    private final double divisor;
    private long sum;

    SimpleMovingAverage(final int period, final int capacity) {
        super(Kind.SMA, period, capacity);
        // SCALE × period is exact in a double for any realistic period, so the only rounding is the division.
        this.divisor = (double) FixedPoint.SCALE * period;
    }

    @Override
    double next(final BarHistory history, final int bar, final int index) {
        // A long holds the sum of, e.g., 1000 closes of up to 90 million each without overflow.
        sum += history.close(bar);
        if (index >= period()) {
            sum -= history.close(bar - period());
        }
        return index + 1 >= period() ? sum / divisor : Double.NaN;
    }

    @Override
    void writeRunningState(final StateWriter out) {
        out.writeLong(sum);
    }

    @Override
    void readRunningState(final StateReader in) {
        sum = in.readLong();
    }
}
