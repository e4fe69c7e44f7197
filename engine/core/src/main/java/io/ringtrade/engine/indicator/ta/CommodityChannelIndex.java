package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.PairwiseSum;
import io.ringtrade.engine.snapshot.SnapshotFormatException;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.util.Arrays;

/**
 * {@code trend_cci}: (TP − mean) / (constant × mean absolute deviation) over n bars, TP = (H + L + C) / 3. The mean
 * absolute deviation is about the current window's mean, so it has no O(1) update: each bar recomputes it over the n
 * typical prices (n additions, as NumPy's {@code np.mean(np.abs(x - np.mean(x)))} in {@code ta}, in NumPy's order),
 * which also means nothing can drift. The one indicator here that is O(n) per bar; with {@code ta}'s n = 20 it costs
 * a few per cent of the full row, and a sorted window (O(log n)) would give a differently rounded deviation.
 *
 * <p>The typical prices are kept twice over, at slot {@code i} and {@code i + n}, so that the window is always one
 * contiguous run of the array, oldest first, and is summed in place instead of copied out of a ring.
 */
final class CommodityChannelIndex extends IndicatorNode {
    private final int n;
    private final double constant;
    /** The last n typical prices at {@code [head, head + n)} once n were pushed; each also at its slot ± n. */
    private final double[] typical;
    private long pushed;
    /** The slot the next typical price goes to (pushed mod n), which is where the window starts once it is full. */
    private int head;
    /** How many equal typical prices in a row end the series: a flat window's mean is exactly its value. */
    private long run;

    CommodityChannelIndex(final int n, final double constant) {
        this.n = n;
        this.constant = constant;
        this.typical = new double[2 * n];
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final double tp = (bar.h + bar.l + bar.c) / 3.0;
        run = pushed > 0 && typical[head == 0 ? n - 1 : head - 1] == tp ? run + 1 : 1;
        typical[head] = tp;
        typical[head + n] = tp;
        head = head + 1 == n ? 0 : head + 1;
        pushed++;
        if (pushed < n) {
            out[at] = Double.NaN;
            return;
        }
        final double mean = PairwiseSum.of(typical, head, n) / n;
        final double deviation = PairwiseSum.ofAbsoluteDeviations(typical, head, n, mean) / n;
        // ta's moving average is pandas' rolling mean, which gives a flat window's value exactly (its deviation,
        // NumPy's, may still be a rounding error above 0, so ta reads 0.0 there, or NaN when it is 0)
        final double average = run >= n ? tp : mean;
        out[at] = (tp - average) / (constant * deviation);
    }

    /** Writes the window as a ring of n values (pushes so far, then the slots), and the run of equal values. */
    @Override
    public void writeState(final StateWriter out) {
        out.writeLong(pushed).writeDoubles(Arrays.copyOf(typical, n));
        out.writeLong(run);
    }

    @Override
    public void readState(final StateReader in) {
        pushed = in.readLong();
        head = (int) (pushed % n);
        final double[] ring = in.readDoubles();
        if (ring.length != n) {
            throw new SnapshotFormatException("cci window: expected " + n + " values, found " + ring.length);
        }
        System.arraycopy(ring, 0, typical, 0, n);
        System.arraycopy(ring, 0, typical, n, n);
        run = in.readLong();
    }
}
