package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/** {@code volume_nvi}: 1000 at bar 0; then × (1 + (C / C₋₁ − 1)) on bars whose volume fell, else unchanged. */
final class NegativeVolumeIndex extends IndicatorNode {
    private double index = 1000;
    private double previousClose;
    private long previousVolume;

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (bar.index > 0 && previousVolume > bar.volume) {
            index = index * (1.0 + (bar.c / previousClose - 1));
        }
        previousClose = bar.c;
        previousVolume = bar.volume;
        out[at] = index;
    }

    @Override
    public void writeState(final StateWriter out) {
        out.writeDouble(index).writeDouble(previousClose).writeLong(previousVolume);
    }

    @Override
    public void readState(final StateReader in) {
        index = in.readDouble();
        previousClose = in.readDouble();
        previousVolume = in.readLong();
    }
}
