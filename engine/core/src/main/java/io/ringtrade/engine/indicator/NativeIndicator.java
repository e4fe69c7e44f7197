package io.ringtrade.engine.indicator;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * An incremental indicator over one instrument's closes that allocates nothing per bar: it is fed every bar
 * from the bar it was created at (or the oldest kept bar, when created late) and records its value for each
 * bar in a {@link ValueRing} so that {@code barsAgo} reads are array loads. Business-logic thread only.
 *
 * <p>The values follow ta4j 0.22.2 (see each subclass); "bar 0" for an indicator is the first bar it was fed,
 * which is the instrument's bar 0 whenever the history still held it at creation.
 */
abstract sealed class NativeIndicator permits SimpleMovingAverage, ExponentialMovingAverage, RelativeStrengthIndex {
    /** The parametric accessors of {@link io.ringtrade.engine.api.strategy.Row} that are served natively. */
    enum Kind { SMA, EMA, RSI }

    private final Kind kind;
    private final int period;
    private final ValueRing values;
    private int fed;

    NativeIndicator(final Kind kind, final int period, final int capacity) {
        this.kind = kind;
        this.period = period;
        this.values = new ValueRing(capacity);
    }

    final Kind kind() {
        return kind;
    }

    final int period() {
        return period;
    }

    /** Feeds {@code bar}, the bar after the last one fed (or the first one). */
    final void update(final BarHistory history, final int bar) {
        values.set(bar, next(history, bar, fed));
        fed++;
    }

    /** The value at {@code bar}; the caller guarantees the bar is kept. NaN if the bar was not fed. */
    final double valueAt(final int bar) {
        return values.get(bar);
    }

    final void grow(final int newCapacity, final int firstBar, final int endBar) {
        values.grow(newCapacity, firstBar, endBar);
    }

    /** Writes how many bars were fed, the kept values and the running state, for a snapshot. */
    final void writeState(final StateWriter out) {
        out.writeInt(fed);
        values.writeState(out);
        writeRunningState(out);
    }

    /** Restores what {@link #writeState} wrote. */
    final void readState(final StateReader in) {
        fed = in.readInt();
        values.readState(in);
        readRunningState(in);
    }

    /** Writes the state {@link #next} carries from bar to bar. */
    abstract void writeRunningState(StateWriter out);

    /** Restores the state {@link #next} carries from bar to bar. */
    abstract void readRunningState(StateReader in);

    /**
     * The value at {@code bar}, given that {@code index} bars were fed before it; advances the state.
     * Bars {@code bar - index .. bar} are kept in {@code history}.
     */
    abstract double next(BarHistory history, int bar, int index);
}
