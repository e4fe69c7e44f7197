package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/** {@code trend_ema_*}: {@code ta}'s EMA of closes (from the first close, no SMA seed; NaN before n bars). */
final class ExponentialMovingAverage extends CloseOnlyNode {
    private final SharedIndicators.CloseEma ema;

    ExponentialMovingAverage(final SharedIndicators.CloseEma ema) {
        this.ema = ema;
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        out[at] = ema.at(bar);
    }

    @Override
    public void writeState(final StateWriter out) {
        ema.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        ema.readState(in);
    }
}
