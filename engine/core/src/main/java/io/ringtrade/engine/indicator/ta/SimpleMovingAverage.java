package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.LongWindowSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code trend_sma_*}: the mean of the last n closes, NaN before n bars. The window sum is an exact fixed-point
 * integer (it never drifts or overflows), so the mean is the correctly rounded mean of the closes: a close equal to
 * its mean reads equal.
 *
 * <p>It keeps its own sum rather than the shared one ({@link SharedIndicators#closeSum}): a strategy's SMAs rarely
 * share a window with Bollinger, Donchian or the DPO, and going through the shared one costs {@code sma_crossover}'s
 * two SMAs a few nanoseconds per bar.
 */
final class SimpleMovingAverage extends CloseOnlyNode {
    private final LongWindowSum closes;

    SimpleMovingAverage(final int n) {
        closes = new LongWindowSum(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        closes.push(bar.close);
        out[at] = closes.mean();
    }

    @Override
    public void writeState(final StateWriter out) {
        closes.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        closes.readState(in);
    }
}
