package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.RollingDoubleExtremum;
import io.ringtrade.engine.indicator.rolling.RollingSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code momentum_stoch_rsi*}: (RSI − min_n RSI) / (max_n RSI − min_n RSI) as a fraction 0..1 (NaN when the RSI was
 * flat), its s1-bar mean (%K) and the s2-bar mean of that (%D). RSI is {@code ta}'s, first value at bar n − 1.
 */
final class StochasticRsi extends CloseOnlyNode {
    private final RelativeStrengthIndex rsi;
    private final RollingDoubleExtremum lowest;
    private final RollingDoubleExtremum highest;
    private final RollingSum k;
    private final RollingSum d;

    StochasticRsi(final RelativeStrengthIndex rsi, final int n, final int smoothK, final int smoothD) {
        this.rsi = rsi;
        lowest = RollingDoubleExtremum.minimum(n);
        highest = RollingDoubleExtremum.maximum(n);
        k = new RollingSum(smoothK);
        d = new RollingSum(smoothD);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final double value = rsi.next(bar);
        lowest.push(value);
        highest.push(value);
        final double low = lowest.value();
        final double stoch = (value - low) / (highest.value() - low);
        k.push(stoch);
        final double kValue = k.mean();
        d.push(kValue);
        out[at] = stoch;
        out[at + 1] = kValue;
        out[at + 2] = d.mean();
    }

    @Override
    public void writeState(final StateWriter out) {
        rsi.writeState(out);
        lowest.writeState(out);
        highest.writeState(out);
        k.writeState(out);
        d.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        rsi.readState(in);
        lowest.readState(in);
        highest.readState(in);
        k.readState(in);
        d.readState(in);
    }
}
