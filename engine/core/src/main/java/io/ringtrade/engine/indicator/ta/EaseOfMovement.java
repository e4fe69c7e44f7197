package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.RollingSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volume_em} = (ΔH + ΔL) × (H − L) / (2V) × 10⁸ (NaN at bar 0; infinite or NaN when the volume is 0, as in
 * {@code ta}) and {@code volume_sma_em}, its n-bar mean (a drift-free window sum).
 */
final class EaseOfMovement extends IndicatorNode {
    private final RollingSum window;
    private double previousHigh = Double.NaN;
    private double previousLow = Double.NaN;

    EaseOfMovement(final int n) {
        window = new RollingSum(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        double em = ((bar.h - previousHigh) + (bar.l - previousLow)) * (bar.h - bar.l) / (2 * bar.v);
        em *= 100000000;
        window.push(em);
        out[at] = em;
        out[at + 1] = window.mean();
        previousHigh = bar.h;
        previousLow = bar.l;
    }

    @Override
    public void writeState(final StateWriter out) {
        window.writeState(out);
        out.writeDouble(previousHigh).writeDouble(previousLow);
    }

    @Override
    public void readState(final StateReader in) {
        window.readState(in);
        previousHigh = in.readDouble();
        previousLow = in.readDouble();
    }
}
