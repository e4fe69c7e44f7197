package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.RollingSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code momentum_stoch} = 100 (C − lowest low) / (highest high − lowest low) over n bars and
 * {@code momentum_stoch_signal}, its d-bar mean.
 */
final class StochasticOscillator extends IndicatorNode {
    private final SharedIndicators.Extremum highest;
    private final SharedIndicators.Extremum lowest;
    private final RollingSum signal;

    StochasticOscillator(final SharedIndicators shared, final int n, final int d) {
        highest = shared.highestHigh(n);
        lowest = shared.lowestLow(n);
        signal = new RollingSum(d);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final SharedIndicators.Extremum highs = highest.at(bar);
        final SharedIndicators.Extremum lows = lowest.at(bar);
        double k = Double.NaN;
        if (highs.isFull()) {
            final double low = lows.price();
            k = 100 * (bar.c - low) / (highs.price() - low);
        }
        signal.push(k);
        out[at] = k;
        out[at + 1] = signal.mean();
    }

    @Override
    public void writeState(final StateWriter out) {
        highest.writeState(out);
        lowest.writeState(out);
        signal.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        highest.readState(in);
        lowest.readState(in);
        signal.readState(in);
    }
}
