package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/** {@code volume_vpt}: the running sum of (C / C₋₁ − 1) × V from bar 1; NaN at bar 0, as in {@code ta}. */
final class VolumePriceTrend extends IndicatorNode {
    private double total;
    private double previousClose = Double.NaN;

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (bar.index == 0) {
            out[at] = Double.NaN;
        } else {
            total += (bar.c / previousClose - 1) * bar.v;
            out[at] = total;
        }
        previousClose = bar.c;
    }

    @Override
    public void writeState(final StateWriter out) {
        out.writeDouble(total).writeDouble(previousClose);
    }

    @Override
    public void readState(final StateReader in) {
        total = in.readDouble();
        previousClose = in.readDouble();
    }
}
