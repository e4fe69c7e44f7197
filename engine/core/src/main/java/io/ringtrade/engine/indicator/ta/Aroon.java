package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code trend_aroon_*}: over the last n + 1 bars, up = 100 × (position of the highest high) / n and down the same for
 * the lowest low, position 0 being the oldest bar and the <em>oldest</em> extreme winning ties (NumPy's argmax);
 * indicator = up − down. First value at bar n.
 */
final class Aroon extends IndicatorNode {
    private final int n;
    private final SharedIndicators.Extremum highest;
    private final SharedIndicators.Extremum lowest;

    Aroon(final SharedIndicators shared, final int n) {
        this.n = n;
        highest = shared.highestHigh(n + 1);
        lowest = shared.lowestLow(n + 1);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final SharedIndicators.Extremum highs = highest.at(bar);
        final SharedIndicators.Extremum lows = lowest.at(bar);
        if (!highs.isFull()) {
            out[at] = Double.NaN;
            out[at + 1] = Double.NaN;
            out[at + 2] = Double.NaN;
            return;
        }
        final double up = (double) (n - highs.age()) / n * 100;
        final double down = (double) (n - lows.age()) / n * 100;
        out[at] = up;
        out[at + 1] = down;
        out[at + 2] = up - down;
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
