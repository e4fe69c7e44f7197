package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExponentialMean;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code trend_macd*}: MACD = EMA(fast) − EMA(slow) of closes; signal = EMA(signal) of MACD, starting from MACD's
 * first value (bar slow − 1), so its first value is at bar slow + signal − 2; histogram = MACD − signal.
 */
final class MovingAverageConvergenceDivergence extends CloseOnlyNode {
    private final SharedIndicators.CloseEma fast;
    private final SharedIndicators.CloseEma slow;
    private final ExponentialMean signal;

    MovingAverageConvergenceDivergence(final SharedIndicators shared, final int fastWindow, final int slowWindow,
                                       final int signalWindow) {
        fast = shared.closeEma(fastWindow);
        slow = shared.closeEma(slowWindow);
        signal = ExponentialMean.ofSpan(signalWindow);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final double macd = fast.at(bar) - slow.at(bar);
        final double signalValue = signal.update(macd);
        out[at] = macd;
        out[at + 1] = signalValue;
        out[at + 2] = macd - signalValue;
    }

    @Override
    public void writeState(final StateWriter out) {
        fast.writeState(out);
        slow.writeState(out);
        signal.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        fast.readState(in);
        slow.readState(in);
        signal.readState(in);
    }
}
