package io.ringtrade.engine.indicator;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import io.ringtrade.engine.api.money.FixedPoint;

/**
 * Wilder's relative strength index of closes as ta4j 0.22.2's {@code RSIIndicator} defines it. Gains and
 * losses are the positive and negative close-to-close changes (0 at bar 0); each is averaged with ta4j's
 * {@code MMAIndicator}: NaN for bars {@code 0 .. period-1}, seeded at bar {@code period} with that bar's own
 * gain (loss), then {@code avg = prev + (x - prev) / period}. RSI is NaN for the first {@code period} bars;
 * when the average loss is 0 it is 100, or 0 if the average gain is 0 too; otherwise
 * {@code 100 - 100 / (1 + avgGain / avgLoss)}. Changes are taken exactly in fixed point before conversion.
 *
 * <p>TA-Lib instead seeds with the simple mean of the first {@code period} changes; the two converge
 * geometrically by a factor {@code (1 - 1/period)} per bar. Business-logic thread only.
 */
final class RelativeStrengthIndex extends NativeIndicator {
    private static final double HUNDRED = 100.0;

    private final double k;
    private double averageGain = Double.NaN;
    private double averageLoss = Double.NaN;

    RelativeStrengthIndex(final int period, final int capacity) {
        super(Kind.RSI, period, capacity);
        this.k = 1.0 / period;
    }

    @Override
    double next(final BarHistory history, final int bar, final int index) {
        if (index < period()) {
            // ta4j's averages ignore every change before bar `period`, so there is nothing to accumulate.
            return Double.NaN;
        }
        final long change = history.close(bar) - history.close(bar - 1);
        final double gain = change > 0 ? FixedPoint.toDouble(change) : 0.0;
        final double loss = change < 0 ? FixedPoint.toDouble(-change) : 0.0;
        if (index == period()) {
            averageGain = gain;
            averageLoss = loss;
        } else {
            averageGain = averageGain + (gain - averageGain) * k;
            averageLoss = averageLoss + (loss - averageLoss) * k;
        }
        if (averageLoss == 0.0) {
            return averageGain == 0.0 ? 0.0 : HUNDRED;
        }
        final double relativeStrength = averageGain / averageLoss;
        return HUNDRED - HUNDRED / (1.0 + relativeStrength);
    }

    @Override
    void writeRunningState(final StateWriter out) {
        out.writeDouble(averageGain).writeDouble(averageLoss);
    }

    @Override
    void readRunningState(final StateReader in) {
        averageGain = in.readDouble();
        averageLoss = in.readDouble();
    }
}
