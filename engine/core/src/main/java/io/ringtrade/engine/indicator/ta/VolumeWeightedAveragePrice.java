package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.indicator.rolling.ExactSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volume_vwap}: Σn(TP × V) / Σn V over the last n bars (a rolling window, not a session), TP = (H + L + C) / 3.
 * Both sums are exact fixed-point integers (the products in 192 bits), so the value never drifts. The bars and their
 * money flows come from the instrument's {@link BarHistory} (shared with MFI).
 */
final class VolumeWeightedAveragePrice extends IndicatorNode {
    private final BarHistory history;
    private final int n;
    private final ExactSum priceVolume = new ExactSum();
    private final ExactSum volume = new ExactSum();

    VolumeWeightedAveragePrice(final BarHistory history, final int n) {
        this.history = history;
        this.n = n;
        history.need(n + 1);
        history.needFlows();
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (bar.index >= n) {
            final int leaving = history.slot(n);
            history.subtractFlow(priceVolume, leaving);
            volume.subtract(history.volume(leaving));
        }
        history.addFlow(priceVolume, history.slot(0));
        volume.add(bar.volume);
        out[at] = bar.index >= n - 1
            ? priceVolume.toDouble() / (3.0 * volume.toDouble()) / FixedPoint.SCALE
            : Double.NaN;
    }

    @Override
    public void writeState(final StateWriter out) {
        priceVolume.writeState(out);
        volume.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        priceVolume.readState(in);
        volume.readState(in);
    }
}
