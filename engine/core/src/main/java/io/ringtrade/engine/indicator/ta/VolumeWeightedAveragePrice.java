package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.indicator.rolling.ExactSum;
import io.ringtrade.engine.indicator.rolling.LongRing;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volume_vwap}: Σn(TP × V) / Σn V over the last n bars (a rolling window, not a session), TP = (H + L + C) / 3.
 * Both sums are exact fixed-point integers (the products in 192 bits), so the value never drifts.
 */
final class VolumeWeightedAveragePrice extends IndicatorNode {
    private final LongRing highs;
    private final LongRing lows;
    private final LongRing closes;
    private final LongRing volumes;
    private final ExactSum priceVolume = new ExactSum();
    private final ExactSum volume = new ExactSum();

    VolumeWeightedAveragePrice(final int n) {
        highs = new LongRing(n);
        lows = new LongRing(n);
        closes = new LongRing(n);
        volumes = new LongRing(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (volumes.isFull()) {
            final long v = volumes.oldest();
            TypicalFlow.subtract(priceVolume, highs.oldest(), lows.oldest(), closes.oldest(), v);
            volume.subtract(v);
        }
        highs.push(bar.high);
        lows.push(bar.low);
        closes.push(bar.close);
        volumes.push(bar.volume);
        TypicalFlow.add(priceVolume, bar.high, bar.low, bar.close, bar.volume);
        volume.add(bar.volume);
        out[at] = volumes.isFull()
            ? priceVolume.toDouble() / (3.0 * volume.toDouble()) / FixedPoint.SCALE
            : Double.NaN;
    }

    @Override
    public void writeState(final StateWriter out) {
        highs.writeState(out);
        lows.writeState(out);
        closes.writeState(out);
        volumes.writeState(out);
        priceVolume.writeState(out);
        volume.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        highs.readState(in);
        lows.readState(in);
        closes.readState(in);
        volumes.readState(in);
        priceVolume.readState(in);
        volume.readState(in);
    }
}
