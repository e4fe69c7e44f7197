package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.PairwiseSum;
import io.ringtrade.engine.indicator.rolling.States;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volatility_atr}, {@code ta}'s definition: TR = max(H − L, |H − C₋₁|, |L − C₋₁|) (H − L at bar 0); 0.0 for
 * bars 0..n−2; at bar n−1 the mean of the first n TRs (summed in NumPy's order); then (ATR × (n − 1) + TR) / n.
 */
final class AverageTrueRange extends IndicatorNode {
    private final int n;
    private final double[] seed;
    private double atr;
    private double previousClose;

    AverageTrueRange(final int n) {
        this.n = n;
        this.seed = new double[n];
    }

    static double trueRange(final BarInput bar, final double previousClose) {
        final double range = bar.h - bar.l;
        if (bar.index == 0) {
            return range;
        }
        return Math.max(range, Math.max(Math.abs(bar.h - previousClose), Math.abs(bar.l - previousClose)));
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final double tr = trueRange(bar, previousClose);
        previousClose = bar.c;
        if (bar.index < n) {
            seed[(int) bar.index] = tr;
            if (bar.index == n - 1) {
                atr = PairwiseSum.of(seed, 0, n) / n;
            }
        } else {
            atr = (atr * (n - 1) + tr) / (double) n;
        }
        out[at] = atr;
    }

    @Override
    public void writeState(final StateWriter out) {
        out.writeDoubles(seed).writeDouble(atr).writeDouble(previousClose);
    }

    @Override
    public void readState(final StateReader in) {
        States.readDoublesInto(in, seed, "atr seed");
        atr = in.readDouble();
        previousClose = in.readDouble();
    }
}
