package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExponentialMean;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/** {@code volume_fi}: EMA(n) of (C − C₋₁) × V; the change is NaN at bar 0, so the EMA starts at bar 1. */
final class ForceIndex extends IndicatorNode {
    private final ExponentialMean ema;
    private double previousClose = Double.NaN;

    ForceIndex(final int n) {
        ema = ExponentialMean.ofSpan(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        out[at] = ema.update((bar.c - previousClose) * bar.v);
        previousClose = bar.c;
    }

    @Override
    public void writeState(final StateWriter out) {
        ema.writeState(out);
        out.writeDouble(previousClose);
    }

    @Override
    public void readState(final StateReader in) {
        ema.readState(in);
        previousClose = in.readDouble();
    }
}
