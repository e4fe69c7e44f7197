package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExponentialMean;
import io.ringtrade.engine.indicator.rolling.RollingDoubleExtremum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code trend_stc} with {@code ta}'s windows (slow 50, fast 23, cycle 10, smoothing 3 and 3): m = EMA23 − EMA50;
 * K = 100 (m − min10 m) / (max10 m − min10 m); D = EMA3(K); KD = 100 (D − min10 D) / (max10 D − min10 D);
 * STC = EMA3(KD), every stage starting from the previous one's first value (first STC at bar 71). A flat cycle makes
 * K or KD NaN (0/0), which the EMAs carry over as {@code pandas} does.
 */
final class SchaffTrendCycle extends CloseOnlyNode {
    private static final int CYCLE = 10;

    private final SharedIndicators.CloseEma fast;
    private final SharedIndicators.CloseEma slow;
    private final RollingDoubleExtremum macdLow = RollingDoubleExtremum.minimum(CYCLE);
    private final RollingDoubleExtremum macdHigh = RollingDoubleExtremum.maximum(CYCLE);
    private final ExponentialMean stochD = ExponentialMean.ofSpan(3);
    private final RollingDoubleExtremum dLow = RollingDoubleExtremum.minimum(CYCLE);
    private final RollingDoubleExtremum dHigh = RollingDoubleExtremum.maximum(CYCLE);
    private final ExponentialMean stc = ExponentialMean.ofSpan(3);

    SchaffTrendCycle(final SharedIndicators shared) {
        fast = shared.closeEma(23);
        slow = shared.closeEma(50);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final double macd = fast.at(bar) - slow.at(bar);
        macdLow.push(macd);
        macdHigh.push(macd);
        final double low = macdLow.value();
        final double k = 100 * (macd - low) / (macdHigh.value() - low);
        final double d = stochD.update(k);
        dLow.push(d);
        dHigh.push(d);
        final double lowD = dLow.value();
        final double kd = 100 * (d - lowD) / (dHigh.value() - lowD);
        out[at] = stc.update(kd);
    }

    @Override
    public void writeState(final StateWriter out) {
        fast.writeState(out);
        slow.writeState(out);
        macdLow.writeState(out);
        macdHigh.writeState(out);
        stochD.writeState(out);
        dLow.writeState(out);
        dHigh.writeState(out);
        stc.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        fast.readState(in);
        slow.readState(in);
        macdLow.readState(in);
        macdHigh.readState(in);
        stochD.readState(in);
        dLow.readState(in);
        dHigh.readState(in);
        stc.readState(in);
    }
}
