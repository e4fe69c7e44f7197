package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExponentialMean;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code momentum_ppo*} (of closes) and {@code momentum_pvo*} (of volumes): 100 (EMA(fast) − EMA(slow)) / EMA(slow),
 * its EMA(signal) starting from its first value, and the difference of the two.
 */
final class PercentageOscillator extends IndicatorNode {
    private final boolean ofVolume;
    /** The EMAs of closes, shared with the other nodes that read them (PPO), or null (PVO). */
    private final SharedIndicators.CloseEma fastClose;
    private final SharedIndicators.CloseEma slowClose;
    /** The EMAs (of closes, the shared ones' own, or of volumes). */
    private final ExponentialMean fast;
    private final ExponentialMean slow;
    private final ExponentialMean signal;

    PercentageOscillator(final SharedIndicators shared, final boolean ofVolume, final int slowWindow,
                         final int fastWindow, final int signalWindow) {
        this.ofVolume = ofVolume;
        fastClose = ofVolume ? null : shared.closeEma(fastWindow);
        slowClose = ofVolume ? null : shared.closeEma(slowWindow);
        fast = ofVolume ? ExponentialMean.ofSpan(fastWindow) : fastClose.mean;
        slow = ofVolume ? ExponentialMean.ofSpan(slowWindow) : slowClose.mean;
        signal = ExponentialMean.ofSpan(signalWindow);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final double fastValue = ofVolume ? fast.update(bar.v) : fastClose.at(bar);
        final double slowValue = ofVolume ? slow.update(bar.v) : slowClose.at(bar);
        final double oscillator = ((fastValue - slowValue) / slowValue) * 100;
        final double signalValue = signal.update(oscillator);
        out[at] = oscillator;
        out[at + 1] = signalValue;
        out[at + 2] = oscillator - signalValue;
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
