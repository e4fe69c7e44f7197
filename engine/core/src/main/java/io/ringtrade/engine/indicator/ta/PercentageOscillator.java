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
    private final ExponentialMean fast;
    private final ExponentialMean slow;
    private final ExponentialMean signal;

    PercentageOscillator(final boolean ofVolume, final int slowWindow, final int fastWindow, final int signalWindow) {
        this.ofVolume = ofVolume;
        fast = ExponentialMean.ofSpan(fastWindow);
        slow = ExponentialMean.ofSpan(slowWindow);
        signal = ExponentialMean.ofSpan(signalWindow);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final double input = ofVolume ? bar.v : bar.c;
        final double fastValue = fast.update(input);
        final double slowValue = slow.update(input);
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
