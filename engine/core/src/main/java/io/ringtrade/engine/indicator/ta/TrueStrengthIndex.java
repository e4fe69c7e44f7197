package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExponentialMean;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code momentum_tsi}: 100 × EMA(fast)(EMA(slow)(ΔC)) / EMA(fast)(EMA(slow)(|ΔC|)), chained; ΔC is NaN at bar 0, so
 * the first EMA starts at bar 1 (first value at bar slow + fast − 1).
 */
final class TrueStrengthIndex extends CloseOnlyNode {
    private final ExponentialMean slow;
    private final ExponentialMean fast;
    private final ExponentialMean slowAbsolute;
    private final ExponentialMean fastAbsolute;
    private double previousClose = Double.NaN;

    TrueStrengthIndex(final int slowWindow, final int fastWindow) {
        slow = ExponentialMean.ofSpan(slowWindow);
        fast = ExponentialMean.ofSpan(fastWindow);
        slowAbsolute = ExponentialMean.ofSpan(slowWindow);
        fastAbsolute = ExponentialMean.ofSpan(fastWindow);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final double change = bar.c - previousClose;
        previousClose = bar.c;
        final double smoothed = fast.update(slow.update(change));
        final double smoothedAbsolute = fastAbsolute.update(slowAbsolute.update(Math.abs(change)));
        double tsi = smoothed / smoothedAbsolute;
        tsi *= 100;
        out[at] = tsi;
    }

    @Override
    public void writeState(final StateWriter out) {
        slow.writeState(out);
        fast.writeState(out);
        slowAbsolute.writeState(out);
        fastAbsolute.writeState(out);
        out.writeDouble(previousClose);
    }

    @Override
    public void readState(final StateReader in) {
        slow.readState(in);
        fast.readState(in);
        slowAbsolute.readState(in);
        fastAbsolute.readState(in);
        previousClose = in.readDouble();
    }
}
