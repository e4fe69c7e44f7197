package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.indicator.rolling.ExactSum;
import io.ringtrade.engine.indicator.rolling.LongWindowSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volatility_bb*}: middle = n-bar mean of closes, upper/lower = middle ± k × population standard deviation,
 * width = (upper − lower) / middle × 100, %b = (C − lower) / (upper − lower) (NaN when the bands meet), and the 0/1
 * indicators C > upper, C < lower (0 during the warm-up). The sum and the sum of squares of the window are exact
 * fixed-point integers, so the mean is the correctly rounded mean of the closes (a close equal to its mean reads
 * equal, bit for bit) and n·Σx² − (Σx)² is n² times the exact variance, for any price and window (192-bit
 * arithmetic); a flat window has a deviation of exactly 0.
 */
final class BollingerBands extends IndicatorNode {
    private final int n;
    private final double k;
    private final SharedIndicators.CloseSum closes;
    private final ExactSum squares = new ExactSum();
    private final ExactSum scaledVariance = new ExactSum();

    BollingerBands(final SharedIndicators shared, final int n, final double k) {
        this.n = n;
        this.k = k;
        this.closes = shared.closeSum(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final LongWindowSum sum = closes.at(bar);
        // the close that left the window (0 while it fills, which subtracts nothing)
        final long leaving = sum.leaving();
        squares.subtractProduct(leaving, leaving);
        squares.addProduct(bar.close, bar.close);
        if (!sum.isFull()) {
            out[at] = Double.NaN;
            out[at + 1] = Double.NaN;
            out[at + 2] = Double.NaN;
            out[at + 3] = Double.NaN;
            out[at + 4] = Double.NaN;
            out[at + 5] = 0.0;
            out[at + 6] = 0.0;
            return;
        }
        final double middle = sum.mean();
        final double deviation = deviation(sum);
        final double upper = middle + k * deviation;
        final double lower = middle - k * deviation;
        out[at] = middle;
        out[at + 1] = upper;
        out[at + 2] = lower;
        out[at + 3] = ((upper - lower) / middle) * 100;
        out[at + 4] = upper != lower ? (bar.c - lower) / (upper - lower) : Double.NaN;
        out[at + 5] = bar.c > upper ? 1.0 : 0.0;
        out[at + 6] = bar.c < lower ? 1.0 : 0.0;
    }

    /** Population standard deviation of the window in price units: √(n·Σx² − (Σx)²) / n, exact until the root. */
    private double deviation(final LongWindowSum sum) {
        final double scaled = squares.timesMinusSquare(n, sum.exact(), scaledVariance);
        return Math.sqrt(scaled) / ((double) n * FixedPoint.SCALE);
    }

    @Override
    public void writeState(final StateWriter out) {
        closes.writeState(out);
        squares.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        closes.readState(in);
        squares.readState(in);
    }
}
