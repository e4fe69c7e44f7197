package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExactSum;
import io.ringtrade.engine.indicator.rolling.LongRing;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volume_mfi}: 100 − 100 / (1 + Σpositive / Σnegative) over n bars of money flow TP × V, signed by whether
 * the typical price rose or fell. The direction compares {@code ta}'s doubles ((H + L) + C) / 3 so that ties fall as
 * they do there; bar 0 has flow 0 and counts in the first window (first value at bar n − 1). The flow sums are exact
 * fixed-point integers (the products in 192 bits); TP's division by 3 cancels in the ratio.
 */
final class MoneyFlowIndex extends IndicatorNode {
    private final LongRing highs;
    private final LongRing lows;
    private final LongRing closes;
    private final LongRing volumes;
    private final LongRing directions;
    private final ExactSum positive = new ExactSum();
    private final ExactSum negative = new ExactSum();
    private double previousTypical = Double.NaN;

    MoneyFlowIndex(final int n) {
        highs = new LongRing(n);
        lows = new LongRing(n);
        closes = new LongRing(n);
        volumes = new LongRing(n);
        directions = new LongRing(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (volumes.isFull()) {
            flow(directions.oldest(), highs.oldest(), lows.oldest(), closes.oldest(), volumes.oldest(), false);
        }
        final double typical = (bar.h + bar.l + bar.c) / 3.0;
        final long direction = typical > previousTypical ? 1 : typical < previousTypical ? -1 : 0;
        previousTypical = typical;
        highs.push(bar.high);
        lows.push(bar.low);
        closes.push(bar.close);
        volumes.push(bar.volume);
        directions.push(direction);
        flow(direction, bar.high, bar.low, bar.close, bar.volume, true);
        if (!volumes.isFull()) {
            out[at] = Double.NaN;
            return;
        }
        final double ratio = positive.toDouble() / negative.toDouble();
        out[at] = 100 - (100 / (1 + ratio));
    }

    private void flow(final long direction, final long h, final long l, final long c, final long v, final boolean add) {
        if (direction == 0) {
            return;
        }
        final ExactSum side = direction > 0 ? positive : negative;
        if (add) {
            TypicalFlow.add(side, h, l, c, v);
        } else {
            TypicalFlow.subtract(side, h, l, c, v);
        }
    }

    @Override
    public void writeState(final StateWriter out) {
        highs.writeState(out);
        lows.writeState(out);
        closes.writeState(out);
        volumes.writeState(out);
        directions.writeState(out);
        positive.writeState(out);
        negative.writeState(out);
        out.writeDouble(previousTypical);
    }

    @Override
    public void readState(final StateReader in) {
        highs.readState(in);
        lows.readState(in);
        closes.readState(in);
        volumes.readState(in);
        directions.readState(in);
        positive.readState(in);
        negative.readState(in);
        previousTypical = in.readDouble();
    }
}
