package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.indicator.rolling.RollingExtremum;
import io.ringtrade.engine.indicator.rolling.RollingSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volatility_ui}: R = 100 (C − M) / M with M the highest close of the last n bars (of those that exist), and
 * UI = √(Σn R² / n), NaN until n values of R exist.
 */
final class UlcerIndex extends IndicatorNode {
    private final int n;
    private final RollingExtremum highest;
    private final RollingSum squares;

    UlcerIndex(final int n) {
        this.n = n;
        highest = RollingExtremum.maximum(n);
        squares = new RollingSum(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        highest.push(bar.close);
        final double max = FixedPoint.toDouble(highest.value());
        final double r = 100 * (bar.c - max) / max;
        squares.push(r * r / n);
        out[at] = Math.sqrt(squares.completeSum());
    }

    @Override
    public void writeState(final StateWriter out) {
        highest.writeState(out);
        squares.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        highest.readState(in);
        squares.readState(in);
    }
}
