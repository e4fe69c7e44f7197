package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.LongWindowSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volatility_dc*}: lower = n-bar lowest low, upper = highest high (exact, monotonic deques), middle =
 * (upper − lower) / 2 + lower, width = (upper − lower) / SMA(n) of closes × 100, %b = (C − lower) / (upper − lower).
 */
final class DonchianChannel extends IndicatorNode {
    private final SharedIndicators.Extremum highest;
    private final SharedIndicators.Extremum lowest;
    private final SharedIndicators.CloseSum closes;

    DonchianChannel(final SharedIndicators shared, final int n) {
        highest = shared.highestHigh(n);
        lowest = shared.lowestLow(n);
        closes = shared.closeSum(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final SharedIndicators.Extremum highs = highest.at(bar);
        final SharedIndicators.Extremum lows = lowest.at(bar);
        final LongWindowSum sum = closes.at(bar);
        if (!sum.isFull()) {
            for (int i = 0; i < 5; i++) {
                out[at + i] = Double.NaN;
            }
            return;
        }
        final double high = highs.price();
        final double low = lows.price();
        out[at] = low;
        out[at + 1] = high;
        out[at + 2] = ((high - low) / 2.0) + low;
        out[at + 3] = ((high - low) / sum.mean()) * 100;
        out[at + 4] = (bar.c - low) / (high - low);
    }

    @Override
    public void writeState(final StateWriter out) {
        highest.writeState(out);
        lowest.writeState(out);
        closes.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        highest.readState(in);
        lowest.readState(in);
        closes.readState(in);
    }
}
