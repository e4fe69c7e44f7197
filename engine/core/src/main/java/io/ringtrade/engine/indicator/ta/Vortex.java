package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.LongWindowSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code trend_vortex_ind_*}: VI+ = Σn|H − L₋₁| / Σn TR, VI− = Σn|L − H₋₁| / Σn TR, and their difference; first value
 * at bar n. All three sums are exact fixed-point integers. ({@code ta} gives bar 0 a true range from the mean of
 * all closes; that bar never reaches an output, so nothing is looked ahead here.)
 */
final class Vortex extends IndicatorNode {
    private final LongWindowSum plus;
    private final LongWindowSum minus;
    private final LongWindowSum trueRange;
    private long previousHigh;
    private long previousLow;
    private long previousClose;

    Vortex(final int n) {
        plus = new LongWindowSum(n);
        minus = new LongWindowSum(n);
        trueRange = new LongWindowSum(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (bar.index > 0) {
            plus.push(Math.abs(bar.high - previousLow));
            minus.push(Math.abs(bar.low - previousHigh));
            trueRange.push(Math.max(bar.high - bar.low,
                Math.max(Math.abs(bar.high - previousClose), Math.abs(bar.low - previousClose))));
        }
        previousHigh = bar.high;
        previousLow = bar.low;
        previousClose = bar.close;
        if (!trueRange.isFull()) {
            out[at] = Double.NaN;
            out[at + 1] = Double.NaN;
            out[at + 2] = Double.NaN;
            return;
        }
        final double range = trueRange.units();
        final double positive = plus.units() / range;
        final double negative = minus.units() / range;
        out[at] = positive;
        out[at + 1] = negative;
        out[at + 2] = positive - negative;
    }

    @Override
    public void writeState(final StateWriter out) {
        plus.writeState(out);
        minus.writeState(out);
        trueRange.writeState(out);
        out.writeLong(previousHigh).writeLong(previousLow).writeLong(previousClose);
    }

    @Override
    public void readState(final StateReader in) {
        plus.readState(in);
        minus.readState(in);
        trueRange.readState(in);
        previousHigh = in.readLong();
        previousLow = in.readLong();
        previousClose = in.readLong();
    }
}
