package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/** {@code momentum_wr}: −100 (highest high − C) / (highest high − lowest low) over n bars. */
final class WilliamsR extends IndicatorNode {
    private final SharedIndicators.Extremum highest;
    private final SharedIndicators.Extremum lowest;

    WilliamsR(final SharedIndicators shared, final int n) {
        highest = shared.highestHigh(n);
        lowest = shared.lowestLow(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final SharedIndicators.Extremum highs = highest.at(bar);
        final SharedIndicators.Extremum lows = lowest.at(bar);
        if (!highs.isFull()) {
            out[at] = Double.NaN;
            return;
        }
        final double high = highs.price();
        out[at] = -100 * (high - bar.c) / (high - lows.price());
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
