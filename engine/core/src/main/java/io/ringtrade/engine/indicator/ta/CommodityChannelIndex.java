package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.DoubleRing;
import io.ringtrade.engine.indicator.rolling.PairwiseSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code trend_cci}: (TP − mean) / (constant × mean absolute deviation) over n bars, TP = (H + L + C) / 3. The mean
 * absolute deviation is about the current window's mean, so it has no O(1) update: each bar recomputes it over the n
 * typical prices (n additions, as NumPy's {@code np.mean(np.abs(x - np.mean(x)))} in {@code ta}, in NumPy's order),
 * which also means nothing can drift. The one indicator here that is O(n) per bar.
 */
final class CommodityChannelIndex extends IndicatorNode {
    private final int n;
    private final double constant;
    private final DoubleRing typical;
    private final double[] window;
    private final double[] scratch = new double[8];
    /** How many equal typical prices in a row end the series: a flat window's mean is exactly its value. */
    private long run;

    CommodityChannelIndex(final int n, final double constant) {
        this.n = n;
        this.constant = constant;
        this.typical = new DoubleRing(n);
        this.window = new double[n];
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final double tp = (bar.h + bar.l + bar.c) / 3.0;
        run = typical.size() > 0 && typical.get(0) == tp ? run + 1 : 1;
        typical.push(tp);
        if (!typical.isFull()) {
            out[at] = Double.NaN;
            return;
        }
        for (int i = 0; i < n; i++) {
            window[i] = typical.get(n - 1 - i);
        }
        final double mean = PairwiseSum.of(window, 0, n, scratch) / n;
        for (int i = 0; i < n; i++) {
            window[i] = Math.abs(window[i] - mean);
        }
        final double deviation = PairwiseSum.of(window, 0, n, scratch) / n;
        // ta's moving average is pandas' rolling mean, which gives a flat window's value exactly (its deviation,
        // NumPy's, may still be a rounding error above 0, so ta reads 0.0 there, or NaN when it is 0)
        final double average = run >= n ? tp : mean;
        out[at] = (tp - average) / (constant * deviation);
    }

    @Override
    public void writeState(final StateWriter out) {
        typical.writeState(out);
        out.writeLong(run);
    }

    @Override
    public void readState(final StateReader in) {
        typical.readState(in);
        run = in.readLong();
    }
}
