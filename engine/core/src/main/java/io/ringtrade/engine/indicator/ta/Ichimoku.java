package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.DoubleRing;
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
    private final SharedIndicators.Extremum shortHigh;
    private final SharedIndicators.Extremum shortLow;
    private final SharedIndicators.Extremum mediumHigh;
    private final SharedIndicators.Extremum mediumLow;
    private final SharedIndicators.Extremum longHigh;
    private final SharedIndicators.Extremum longLow;
    private final DoubleRing spanA;
    private final DoubleRing spanB;

    Ichimoku(final SharedIndicators shared, final int w1, final int w2, final int w3) {
        shortHigh = shared.highestHigh(w1);
        shortLow = shared.lowestLow(w1);
        mediumHigh = shared.highestHigh(w2);
        mediumLow = shared.lowestLow(w2);
        longHigh = shared.highestHigh(w3);
        longLow = shared.lowestLow(w3);
        spanA = new DoubleRing(w2 + 1);
        spanB = new DoubleRing(w2 + 1);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final SharedIndicators.Extremum shortHighs = shortHigh.at(bar);
        final SharedIndicators.Extremum mediumHighs = mediumHigh.at(bar);
        final double conversion = middle(shortHighs, shortLow.at(bar), shortHighs.isFull());
        final double base = middle(mediumHighs, mediumLow.at(bar), mediumHighs.isFull());
        final double a = 0.5 * (conversion + base);
        final double b = middle(longHigh.at(bar), longLow.at(bar), true);
        spanA.push(a);
        spanB.push(b);
        out[at] = conversion;
        out[at + 1] = base;
        out[at + 2] = a;
        out[at + 3] = b;
        out[at + 4] = spanA.isFull() ? spanA.oldest() : Double.NaN;
        out[at + 5] = spanB.isFull() ? spanB.oldest() : Double.NaN;
    }

    private static double middle(final SharedIndicators.Extremum high, final SharedIndicators.Extremum low, final boolean ready) {
        return ready ? 0.5 * (high.price() + low.price()) : Double.NaN;
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
