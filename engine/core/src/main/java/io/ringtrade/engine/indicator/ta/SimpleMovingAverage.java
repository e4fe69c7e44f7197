package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code trend_sma_*}: the mean of the last n closes, NaN before n bars. The window sum is an exact fixed-point
 * integer (it never drifts or overflows), so the mean is the correctly rounded mean of the closes: a close equal to
 * its mean reads equal.
 */
final class SimpleMovingAverage extends IndicatorNode {
    private final SharedIndicators.CloseSum closes;

    SimpleMovingAverage(final SharedIndicators shared, final int n) {
        closes = shared.closeSum(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        out[at] = closes.at(bar).mean();
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
