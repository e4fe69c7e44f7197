package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.indicator.rolling.RollingExtremum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/** {@code momentum_wr}: −100 (highest high − C) / (highest high − lowest low) over n bars. */
final class WilliamsR extends IndicatorNode {
    private final RollingExtremum highest;
    private final RollingExtremum lowest;

    WilliamsR(final int n) {
        highest = RollingExtremum.maximum(n);
        lowest = RollingExtremum.minimum(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        highest.push(bar.high);
        lowest.push(bar.low);
        if (!highest.isFull()) {
            out[at] = Double.NaN;
            return;
        }
        final double high = FixedPoint.toDouble(highest.value());
        out[at] = -100 * (high - bar.c) / (high - FixedPoint.toDouble(lowest.value()));
    }

    @Override
    public void writeState(final StateWriter out) {
        highest.writeState(out);
        lowest.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        highest.readState(in);
        lowest.readState(in);
    }
}
