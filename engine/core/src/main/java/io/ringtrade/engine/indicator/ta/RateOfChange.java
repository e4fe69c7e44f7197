package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.indicator.rolling.LongRing;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/** {@code momentum_roc}: (C − C₋ₙ) / C₋ₙ × 100, first value at bar n. */
final class RateOfChange extends IndicatorNode {
    private final LongRing closes;

    RateOfChange(final int n) {
        closes = new LongRing(n + 1);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        closes.push(bar.close);
        if (!closes.isFull()) {
            out[at] = Double.NaN;
            return;
        }
        final double past = FixedPoint.toDouble(closes.oldest());
        out[at] = ((bar.c - past) / past) * 100;
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
