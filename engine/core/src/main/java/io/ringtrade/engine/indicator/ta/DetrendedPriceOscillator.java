package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.LongWindowSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code trend_dpo}: C₋ₛ − SMA(n) with s = ⌊n/2⌋ + 1 (the close s bars back, as {@code ta} shifts it). NaN until both
 * exist ({@code ta} fills the first s bars with the mean of all closes; with s &lt; n that never reaches an output).
 */
final class DetrendedPriceOscillator extends CloseOnlyNode {
    private final int shift;
    private final SharedIndicators.CloseSum closes;
    private final BarHistory history;

    DetrendedPriceOscillator(final SharedIndicators shared, final int n) {
        shift = (int) (0.5 * n) + 1;
        closes = shared.closeSum(n);
        history = shared.history();
        history.need(shift + 1);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final LongWindowSum sum = closes.at(bar);
        out[at] = bar.index >= shift ? history.closeValue(history.slot(shift)) - sum.mean() : Double.NaN;
    }

    @Override
    public void writeState(final StateWriter out) {
        closes.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        closes.readState(in);
    }
}
