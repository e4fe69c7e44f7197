package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExactSum;
import io.ringtrade.engine.indicator.rolling.LongRing;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volume_mfi}: 100 − 100 / (1 + Σpositive / Σnegative) over n bars of money flow TP × V, signed by whether
 * the typical price rose or fell. The direction compares {@code ta}'s doubles ((H + L) + C) / 3 so that ties fall as
 * they do there; bar 0 has flow 0 and counts in the first window (first value at bar n − 1). The flow sums are exact
 * fixed-point integers (the products in 192 bits, each computed once per bar by the {@link BarHistory}, shared with
 * VWAP); TP's division by 3 cancels in the ratio.
 */
final class MoneyFlowIndex extends IndicatorNode {
    private final BarHistory history;
    private final int n;
    private final LongRing directions;
    private final ExactSum positive = new ExactSum();
    private final ExactSum negative = new ExactSum();
    private double previousTypical = Double.NaN;

    MoneyFlowIndex(final BarHistory history, final int n) {
        this.history = history;
        this.n = n;
        history.need(n + 1);
        history.needFlows();
        directions = new LongRing(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        // the side a flow counts on follows the data up and down, so it is chosen by masks (a flow and-ed with 0 is
        // 0) rather than by branches the processor would mispredict about half the time
        if (bar.index >= n) {
            final long leaving = directions.oldest();
            final int slot = history.slot(n);
            history.subtractFlowMasked(positive, slot, risingMask(leaving));
            history.subtractFlowMasked(negative, slot, fallingMask(leaving));
        }
        final double typical = (bar.h + bar.l + bar.c) / 3.0;
        final long direction = (typical > previousTypical ? 1 : 0) - (typical < previousTypical ? 1 : 0);
        previousTypical = typical;
        directions.push(direction);
        final int latest = history.slot(0);
        history.addFlowMasked(positive, latest, risingMask(direction));
        history.addFlowMasked(negative, latest, fallingMask(direction));
        if (bar.index < n - 1) {
            out[at] = Double.NaN;
            return;
        }
        final double ratio = positive.toDouble() / negative.toDouble();
        out[at] = 100 - (100 / (1 + ratio));
    }

    /** -1 for a rising typical price (direction 1), else 0. */
    private static long risingMask(final long direction) {
        return -((-direction) >>> 63);
    }

    /** -1 for a falling typical price (direction -1), else 0. */
    private static long fallingMask(final long direction) {
        return -(direction >>> 63);
    }

    @Override
    public void writeState(final StateWriter out) {
        directions.writeState(out);
        positive.writeState(out);
        negative.writeState(out);
        out.writeDouble(previousTypical);
    }

    @Override
    public void readState(final StateReader in) {
        directions.readState(in);
        positive.readState(in);
        negative.readState(in);
        previousTypical = in.readDouble();
    }
}
