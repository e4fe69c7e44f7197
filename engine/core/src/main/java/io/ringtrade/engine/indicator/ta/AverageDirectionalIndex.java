package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.PairwiseSum;
import io.ringtrade.engine.indicator.rolling.States;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code trend_adx}, {@code trend_adx_pos}, {@code trend_adx_neg}, {@code ta}'s definition, evaluated in the same
 * doubles and order as {@code ta} so that ties between up and down moves fall the same way:
 * <ul>
 *   <li>TR = max(H, C₋₁) − min(L, C₋₁); +DM = ΔH if ΔH &gt; −ΔL and ΔH &gt; 0, else 0; −DM mirrored;</li>
 *   <li>Wilder sums S: at bar n the sum of bars 1..n, then S − S/n + x;</li>
 *   <li>±DI = 100 S(±DM) / S(TR) (0 when S(TR) = 0), emitted from bar n + 1 (0.0 before);</li>
 *   <li>DX = 100 |+DI − −DI| / (+DI + −DI) (0 when the sum is 0) from bar n; ADX = mean of DX over bars n..2n−1 at
 *       bar 2n − 1, then (ADX (n − 1) + DX) / n; 0.0 before bar 2n − 1.</li>
 * </ul>
 * The seeds are summed in NumPy's order, as {@code ta}'s {@code .sum()} and {@code .mean()} do.
 */
final class AverageDirectionalIndex extends IndicatorNode {
    private final int n;
    private final double[] trSeed;
    private final double[] plusSeed;
    private final double[] minusSeed;
    private final double[] dxSeed;
    private double trSum;
    private double plusSum;
    private double minusSum;
    private double adx;
    private double previousHigh;
    private double previousLow;
    private double previousClose;

    AverageDirectionalIndex(final int n) {
        this.n = n;
        trSeed = new double[n];
        plusSeed = new double[n];
        minusSeed = new double[n];
        dxSeed = new double[n];
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final long t = bar.index;
        double plusDi = 0;
        double minusDi = 0;
        if (t > 0) {
            final double tr = Math.max(bar.h, previousClose) - Math.min(bar.l, previousClose);
            final double up = bar.h - previousHigh;
            final double down = previousLow - bar.l;
            // which move counts follows the data at random, so each is kept or zeroed by a mask, not a branch
            final double plus = keptIf((up > down ? 1L : 0L) & (up > 0 ? 1L : 0L), up);
            final double minus = keptIf((down > up ? 1L : 0L) & (down > 0 ? 1L : 0L), down);
            if (t <= n) {
                final int i = (int) t - 1;
                trSeed[i] = tr;
                plusSeed[i] = plus;
                minusSeed[i] = minus;
                if (t == n) {
                    trSum = PairwiseSum.of(trSeed, 0, n);
                    plusSum = PairwiseSum.of(plusSeed, 0, n);
                    minusSum = PairwiseSum.of(minusSeed, 0, n);
                }
            } else {
                trSum = trSum - (trSum / (double) n) + tr;
                plusSum = plusSum - (plusSum / (double) n) + plus;
                minusSum = minusSum - (minusSum / (double) n) + minus;
            }
            if (t >= n) {
                plusDi = trSum != 0 ? 100 * (plusSum / trSum) : 0;
                minusDi = trSum != 0 ? 100 * (minusSum / trSum) : 0;
                final double dx = plusDi + minusDi != 0 ? 100 * Math.abs((plusDi - minusDi) / (plusDi + minusDi)) : 0;
                if (t < 2L * n) {
                    dxSeed[(int) (t - n)] = dx;
                    if (t == 2L * n - 1) {
                        adx = PairwiseSum.of(dxSeed, 0, n) / n;
                    }
                } else {
                    adx = ((adx * (n - 1)) + dx) / (double) n;
                }
            }
        }
        previousHigh = bar.h;
        previousLow = bar.l;
        previousClose = bar.c;
        out[at] = adx;
        out[at + 1] = t > n ? plusDi : 0.0;
        out[at + 2] = t > n ? minusDi : 0.0;
    }

    /** {@code value} when {@code keep} is 1, +0.0 when it is 0. */
    private static double keptIf(final long keep, final double value) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(value) & -keep);
    }

    @Override
    public void writeState(final StateWriter out) {
        out.writeDoubles(trSeed).writeDoubles(plusSeed).writeDoubles(minusSeed).writeDoubles(dxSeed)
            .writeDouble(trSum).writeDouble(plusSum).writeDouble(minusSum).writeDouble(adx)
            .writeDouble(previousHigh).writeDouble(previousLow).writeDouble(previousClose);
    }

    @Override
    public void readState(final StateReader in) {
        States.readDoublesInto(in, trSeed, "adx tr seed");
        States.readDoublesInto(in, plusSeed, "adx +dm seed");
        States.readDoublesInto(in, minusSeed, "adx -dm seed");
        States.readDoublesInto(in, dxSeed, "adx dx seed");
        trSum = in.readDouble();
        plusSum = in.readDouble();
        minusSum = in.readDouble();
        adx = in.readDouble();
        previousHigh = in.readDouble();
        previousLow = in.readDouble();
        previousClose = in.readDouble();
    }
}
