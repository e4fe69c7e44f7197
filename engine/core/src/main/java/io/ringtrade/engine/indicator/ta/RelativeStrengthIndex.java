package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExponentialMean;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code momentum_rsi}, {@code ta}'s definition: gains and losses of the close-to-close change (bar 0's missing change
 * counts as a gain and a loss of 0), each averaged with Wilder's smoothing (α = 1/n) starting from bar 0 with no SMA
 * seed; RSI = 100 where the average loss is 0, else 100 − 100 / (1 + gain / loss). First value at bar n − 1.
 */
final class RelativeStrengthIndex extends CloseOnlyNode {
    private final ExponentialMean gains;
    private final ExponentialMean losses;
    private double previousClose = Double.NaN;
    /** The bar {@link #next} last took (-1: none since construction or restore) and its RSI. */
    private long bar = -1;
    private double value;

    RelativeStrengthIndex(final int n) {
        gains = ExponentialMean.wilder(n);
        losses = ExponentialMean.wilder(n);
    }

    /**
     * The RSI after {@code input}; advances only on the first call of a bar, so the column and the stochastic RSI can
     * read one instance ({@link SharedIndicators#rsi}).
     */
    double next(final BarInput input) {
        if (bar != input.index) {
            bar = input.index;
            final double difference = input.c - previousClose;
            previousClose = input.c;
            // bar 0 has no change (NaN): a gain and a loss of 0, as for an unchanged close. Math.max and Math.min
            // select without a branch, which matters because a close's direction is a coin toss the predictor
            // loses half the time; for finite changes they give the same doubles as the comparisons would
            final double change = Double.isNaN(difference) ? 0.0 : difference;
            final double gain = gains.update(Math.max(change, 0.0));
            final double loss = losses.update(-Math.min(change, 0.0));
            value = loss == 0 ? 100 : 100 - (100 / (1 + gain / loss));
        }
        return value;
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        out[at] = next(bar);
    }

    @Override
    public void writeState(final StateWriter out) {
        gains.writeState(out);
        losses.writeState(out);
        out.writeDouble(previousClose);
    }

    @Override
    public void readState(final StateReader in) {
        gains.readState(in);
        losses.readState(in);
        previousClose = in.readDouble();
    }
}
