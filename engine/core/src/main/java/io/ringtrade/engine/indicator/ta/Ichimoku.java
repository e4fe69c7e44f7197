package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.indicator.rolling.DoubleRing;
import io.ringtrade.engine.indicator.rolling.RollingExtremum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code trend_ichimoku_*} and {@code trend_visual_ichimoku_*}: conversion = (highest high + lowest low) / 2 over w1
 * bars, base = the same over w2, span A = (conversion + base) / 2, span B = the same over w3 bars but over whatever
 * bars exist (so from bar 0); the visual spans are A and B shifted forward w2 bars. Not shifted otherwise, as
 * {@code ta} does. {@code ta} fills the first w2 visual rows with the mean of the whole column (future data); here
 * they are NaN.
 */
final class Ichimoku extends IndicatorNode {
    private final RollingExtremum shortHigh;
    private final RollingExtremum shortLow;
    private final RollingExtremum mediumHigh;
    private final RollingExtremum mediumLow;
    private final RollingExtremum longHigh;
    private final RollingExtremum longLow;
    private final DoubleRing spanA;
    private final DoubleRing spanB;

    Ichimoku(final int w1, final int w2, final int w3) {
        shortHigh = RollingExtremum.maximum(w1);
        shortLow = RollingExtremum.minimum(w1);
        mediumHigh = RollingExtremum.maximum(w2);
        mediumLow = RollingExtremum.minimum(w2);
        longHigh = RollingExtremum.maximum(w3);
        longLow = RollingExtremum.minimum(w3);
        spanA = new DoubleRing(w2 + 1);
        spanB = new DoubleRing(w2 + 1);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        shortHigh.push(bar.high);
        shortLow.push(bar.low);
        mediumHigh.push(bar.high);
        mediumLow.push(bar.low);
        longHigh.push(bar.high);
        longLow.push(bar.low);
        final double conversion = middle(shortHigh, shortLow, shortHigh.isFull());
        final double base = middle(mediumHigh, mediumLow, mediumHigh.isFull());
        final double a = 0.5 * (conversion + base);
        final double b = middle(longHigh, longLow, true);
        spanA.push(a);
        spanB.push(b);
        out[at] = conversion;
        out[at + 1] = base;
        out[at + 2] = a;
        out[at + 3] = b;
        out[at + 4] = spanA.isFull() ? spanA.oldest() : Double.NaN;
        out[at + 5] = spanB.isFull() ? spanB.oldest() : Double.NaN;
    }

    private static double middle(final RollingExtremum high, final RollingExtremum low, final boolean ready) {
        return ready ? 0.5 * (FixedPoint.toDouble(high.value()) + FixedPoint.toDouble(low.value())) : Double.NaN;
    }

    @Override
    public void writeState(final StateWriter out) {
        shortHigh.writeState(out);
        shortLow.writeState(out);
        mediumHigh.writeState(out);
        mediumLow.writeState(out);
        longHigh.writeState(out);
        longLow.writeState(out);
        spanA.writeState(out);
        spanB.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        shortHigh.readState(in);
        shortLow.readState(in);
        mediumHigh.readState(in);
        mediumLow.readState(in);
        longHigh.readState(in);
        longLow.readState(in);
        spanA.readState(in);
        spanB.readState(in);
    }
}
