package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * One indicator family of the {@code ta} library for one instrument (e.g. Bollinger bands with their seven outputs),
 * updated incrementally once per closed bar: O(1) amortised work, bounded state, no allocation. Its state is part
 * of the business-logic snapshot and restores bit for bit. Business-logic thread only.
 */
public abstract class IndicatorNode {
    /**
     * Updates with {@code bar} (the bar after the previous call, or bar 0) and writes this bar's outputs to
     * {@code out[at]}, {@code out[at + 1]}, ... in the order of the spec kind's outputs.
     */
    public abstract void update(BarInput bar, double[] out, int at);

    /**
     * True when {@link #update} reads, of the bar's doubles, only the close ({@link BarInput#c}): when every node of
     * an instrument says so, the open, high, low and volume are not converted to doubles (four divisions per bar)
     * and read NaN. The fixed-point fields are always set. False unless a node overrides it.
     */
    public boolean readsOnlyTheClose() {
        return false;
    }

    /** Writes the state carried from bar to bar. */
    public abstract void writeState(StateWriter out);

    /** Restores what {@link #writeState} wrote into a fresh node with the same parameters. */
    public abstract void readState(StateReader in);
}
