package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/** {@code momentum_roc}: (C − C₋ₙ) / C₋ₙ × 100, first value at bar n; C₋ₙ from the instrument's {@link BarHistory}. */
final class RateOfChange extends CloseOnlyNode {
    private final BarHistory history;
    private final int n;

    RateOfChange(final BarHistory history, final int n) {
        this.history = history;
        this.n = n;
        history.need(n + 1);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (bar.index < n) {
            out[at] = Double.NaN;
            return;
        }
        final double past = history.closeValue(history.slot(n));
        out[at] = ((bar.c - past) / past) * 100;
    }

    @Override
    public void writeState(final StateWriter out) {
        // stateless: the closes are the history's
    }

    @Override
    public void readState(final StateReader in) {
        // stateless
    }
}
