package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExactSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volume_obv}: the running sum of −V when the close fell, else +V ({@code ta} adds the volume at bar 0 and on
 * an unchanged close). Summed exactly in fixed point, so it never drifts or overflows.
 */
final class OnBalanceVolume extends IndicatorNode {
    private final ExactSum total = new ExactSum();
    private long previousClose;

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (bar.index > 0 && bar.close < previousClose) {
            total.subtract(bar.volume);
        } else {
            total.add(bar.volume);
        }
        previousClose = bar.close;
        out[at] = total.mean(1, 1);
    }

    @Override
    public void writeState(final StateWriter out) {
        total.writeState(out);
        out.writeLong(previousClose);
    }

    @Override
    public void readState(final StateReader in) {
        total.readState(in);
        previousClose = in.readLong();
    }
}
