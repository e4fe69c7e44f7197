package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volume_adi}: the running sum of CLV × volume, CLV = ((C − L) − (H − C)) / (H − L) evaluated in doubles as
 * {@code ta} does, 0 where H = L. The running sum is sequential, the order of {@code pandas}' {@code cumsum}.
 */
final class AccumulationDistribution extends IndicatorNode {
    private double total;

    static double closeLocationValue(final BarInput bar) {
        final double clv = ((bar.c - bar.l) - (bar.h - bar.c)) / (bar.h - bar.l);
        return Double.isNaN(clv) ? 0.0 : clv;
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        total += closeLocationValue(bar) * bar.v;
        out[at] = total;
    }

    @Override
    public void writeState(final StateWriter out) {
        out.writeDouble(total);
    }

    @Override
    public void readState(final StateReader in) {
        total = in.readDouble();
    }
}
