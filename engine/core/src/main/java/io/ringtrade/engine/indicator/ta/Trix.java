package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExponentialMean;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code trend_trix}: E3 = EMA(n) of EMA(n) of EMA(n) of closes, each starting from the previous one's first value;
 * TRIX = (E3 − E3₋₁) / E3₋₁ × 100, first value at bar 3(n − 1) + 1.
 */
final class Trix extends CloseOnlyNode {
    private final SharedIndicators.CloseEma first;
    private final ExponentialMean second;
    private final ExponentialMean third;
    private double previous = Double.NaN;

    Trix(final SharedIndicators shared, final int n) {
        first = shared.closeEma(n);
        second = ExponentialMean.ofSpan(n);
        third = ExponentialMean.ofSpan(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final double e3 = third.update(second.update(first.at(bar)));
        out[at] = ((e3 - previous) / previous) * 100;
        previous = e3;
    }

    @Override
    public void writeState(final StateWriter out) {
        first.writeState(out);
        second.writeState(out);
        third.writeState(out);
        out.writeDouble(previous);
    }

    @Override
    public void readState(final StateReader in) {
        first.readState(in);
        second.readState(in);
        third.readState(in);
        previous = in.readDouble();
    }
}
