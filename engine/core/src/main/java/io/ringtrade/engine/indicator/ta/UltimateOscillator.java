package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.WindowSums;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code momentum_uo} with {@code ta}'s windows 7, 14, 28 and weights 4, 2, 1: BP = C − min(L, C₋₁), TR = max(H − L,
 * |H − C₋₁|, |L − C₋₁|), A_n = ΣnBP / ΣnTR, UO = 100 (4 A7 + 2 A14 + A28) / 7. BP is undefined at bar 0, so the first
 * value is at bar 28. All six sums are exact fixed-point integers.
 */
final class UltimateOscillator extends IndicatorNode {
    private static final int[] WINDOWS = {7, 14, 28};
    private static final double[] WEIGHTS = {4.0, 2.0, 1.0};

    /** Buying pressure and true range, each over the three windows from one ring. */
    private final WindowSums pressure = new WindowSums(WINDOWS);
    private final WindowSums range = new WindowSums(WINDOWS);
    private long previousClose;

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (bar.index > 0) {
            final long buying = bar.close - Math.min(bar.low, previousClose);
            final long trueRange = Math.max(bar.high - bar.low,
                Math.max(Math.abs(bar.high - previousClose), Math.abs(bar.low - previousClose)));
            pressure.push(buying);
            range.push(trueRange);
        }
        previousClose = bar.close;
        if (!pressure.isFull(WINDOWS.length - 1)) {
            out[at] = Double.NaN;
            return;
        }
        final double shortAverage = average(0);
        final double mediumAverage = average(1);
        final double longAverage = average(2);
        out[at] = 100.0 * ((WEIGHTS[0] * shortAverage) + (WEIGHTS[1] * mediumAverage) + (WEIGHTS[2] * longAverage))
            / (WEIGHTS[0] + WEIGHTS[1] + WEIGHTS[2]);
    }

    private double average(final int i) {
        return pressure.units(i) / range.units(i);
    }

    @Override
    public void writeState(final StateWriter out) {
        pressure.writeState(out);
        range.writeState(out);
        out.writeLong(previousClose);
    }

    @Override
    public void readState(final StateReader in) {
        pressure.readState(in);
        range.readState(in);
        previousClose = in.readLong();
    }
}
