package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code ta}'s Keltner channel with {@code original_version=False} (window n, ATR window n, multiplier m): middle =
 * EMA(n) of closes, upper/lower = middle ± m × ATR(n) ({@code ta}'s ATR, 0.0 during its warm-up), width, %b and the
 * 0/1 indicators as for the original version. Not one of the 86 columns; {@code Indicators.keltner(n, m)}.
 */
final class KeltnerAtrChannel extends IndicatorNode {
    private final double multiplier;
    private final SharedIndicators.CloseEma ema;
    private final AverageTrueRange atr;
    private final double[] atrOut = new double[1];

    KeltnerAtrChannel(final SharedIndicators shared, final int n, final double multiplier) {
        this.multiplier = multiplier;
        this.ema = shared.closeEma(n);
        this.atr = new AverageTrueRange(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final double middle = ema.at(bar);
        atr.update(bar, atrOut, 0);
        final double high = middle + (multiplier * atrOut[0]);
        final double low = middle - (multiplier * atrOut[0]);
        out[at] = middle;
        out[at + 1] = high;
        out[at + 2] = low;
        out[at + 3] = ((high - low) / middle) * 100;
        out[at + 4] = (bar.c - low) / (high - low);
        out[at + 5] = bar.c > high ? 1.0 : 0.0;
        out[at + 6] = bar.c < low ? 1.0 : 0.0;
    }

    @Override
    public void writeState(final StateWriter out) {
        ema.writeState(out);
        atr.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        ema.readState(in);
        atr.readState(in);
    }
}
