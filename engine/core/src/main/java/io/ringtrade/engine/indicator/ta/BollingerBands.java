package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.indicator.rolling.LongWindowSum;
import io.ringtrade.engine.indicator.rolling.WindowSquares;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volatility_bb*}: middle = n-bar mean of closes, upper/lower = middle ± k × population standard deviation,
 * width = (upper − lower) / middle × 100, %b = (C − lower) / (upper − lower) (NaN when the bands meet), and the 0/1
 * indicators C > upper, C < lower (0 during the warm-up). The sum and the sum of squares of the window are exact
 * fixed-point integers, so the mean is the correctly rounded mean of the closes (a close equal to its mean reads
 * equal, bit for bit) and n·Σx² − (Σx)² is n² times the exact variance, for any price and window (128-bit
 * arithmetic for real prices, 192-bit beyond: {@link WindowSquares}); a flat window has a deviation of exactly 0.
 */
final class BollingerBands extends CloseOnlyNode {
    private final int n;
    private final double k;
    private final SharedIndicators.CloseSum closes;
    private final WindowSquares squares = new WindowSquares();
    /** n × 1e8 as a double, formed once (the deviation's divisor, in price units). */
    private final double deviationDenominator;
    /** Whether the width, the %b and the two 0/1 indicators are read (each costs a division or two compares). */
    private final boolean widthRead;
    private final boolean percentRead;
    private final boolean crossingsRead;

    BollingerBands(final SharedIndicators shared, final int n, final double k, final long outputsRead) {
        this.n = n;
        this.k = k;
        this.closes = shared.closeSum(n);
        this.deviationDenominator = (double) n * FixedPoint.SCALE;
        this.widthRead = (outputsRead & 1L << 3) != 0;
        this.percentRead = (outputsRead & 1L << 4) != 0;
        this.crossingsRead = (outputsRead & (1L << 5 | 1L << 6)) != 0;
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final LongWindowSum sum = closes.at(bar);
        // the close that left the window (0 while it fills, which subtracts nothing)
        squares.push(bar.close, sum.leaving());
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
        // outputs no column reads are left as they are (a strategy reading volatility_bbh alone saves two divisions)
        if (widthRead) {
            out[at + 3] = ((upper - lower) / middle) * 100;
        }
        if (percentRead) {
            out[at + 4] = upper != lower ? (bar.c - lower) / (upper - lower) : Double.NaN;
        }
        if (crossingsRead) {
            out[at + 5] = bar.c > upper ? 1.0 : 0.0;
            out[at + 6] = bar.c < lower ? 1.0 : 0.0;
        }
    }

    /** Population standard deviation of the window in price units: √(n·Σx² − (Σx)²) / n, exact until the root. */
    private double deviation(final LongWindowSum sum) {
        final double scaled = squares.scaledVariance(sum);
        return Math.sqrt(scaled) / deviationDenominator;
    }

    @Override
    public void writeState(final StateWriter out) {
        closes.writeState(out);
        squares.writeState(out, closes.sum.values());
    }

    @Override
    public void readState(final StateReader in) {
        closes.readState(in);
        squares.readState(in, closes.sum.values());
    }
}
