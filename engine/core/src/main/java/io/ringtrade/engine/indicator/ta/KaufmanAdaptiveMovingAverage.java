package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.LongWindowSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code momentum_kama}: NaN for bars 0..n−2, C at bar n − 1, then K += SC (C − K) with SC = (ER (2/(fast+1) −
 * 2/(slow+1)) + 2/(slow+1))², ER = |C − C₋ₙ| / Σn|ΔC| (0 when the sum is 0). The volatility sum is exact.
 * ({@code ta} wraps around to the last close of the file at bar n − 1, but only its SC there is used, and only to
 * decide that the value is C.)
 */
final class KaufmanAdaptiveMovingAverage extends CloseOnlyNode {
    private final int n;
    private final double fastMinusSlow;
    private final double slowest;
    private final BarHistory history;
    private final LongWindowSum volatility;
    private double kama = Double.NaN;

    KaufmanAdaptiveMovingAverage(final BarHistory history, final int n, final int fast, final int slow) {
        this.history = history;
        this.n = n;
        this.fastMinusSlow = 2.0 / (fast + 1) - 2.0 / (slow + 1.0);
        this.slowest = 2 / (slow + 1.0);
        history.need(n + 1);
        this.volatility = new LongWindowSum(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (bar.index > 0) {
            volatility.push(Math.abs(bar.close - history.close(history.slot(1))));
        }
        if (bar.index == n - 1) {
            kama = bar.c;
        } else if (bar.index >= n) {
            final double change = Math.abs(bar.c - history.closeValue(history.slot(n)));
            final double path = volatility.total();
            final double efficiency = path != 0 ? change / path : 0;
            final double root = efficiency * fastMinusSlow + slowest;
            final double smoothing = root * root;
            kama = kama + smoothing * (bar.c - kama);
        }
        out[at] = kama;
    }

    @Override
    public void writeState(final StateWriter out) {
        volatility.writeState(out);
        out.writeDouble(kama);
    }

    @Override
    public void readState(final StateReader in) {
        volatility.readState(in);
        kama = in.readDouble();
    }
}
