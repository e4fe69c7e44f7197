package io.ringtrade.engine.bar;

import io.ringtrade.engine.api.market.BarAccumulator;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * Builds one book's bars, at the book's interval, from the market data of the instruments it trades: trades are
 * aggregated, bars finer than the book's interval are resampled, bars at the book's interval pass straight through.
 * A built bar closes when the first input of a later interval arrives ({@link #closeBefore}, called before the venue
 * sees that input, so orders decided on the closed bar fill at it) or, for resampled bars, as soon as an input bar
 * ends where the book's bar ends. Business-logic thread; allocation-free per input (1wk and 1mo allocate once per
 * bar for calendar maths).
 */
public final class BookBarBuilder {
    /** Receives each closed bar of the book. */
    @FunctionalInterface
    public interface ClosedBarListener {
        /** The bar of {@code instrumentId} from {@code startNanos} to {@code endNanos} closed. */
        void onClosedBar(int instrumentId, long startNanos, long endNanos, long open, long high, long low, long close,
                         long volume);
    }

    private final Interval interval;
    private final Interval inputBars;
    private final boolean passThrough;
    private final int[] traded;
    private final BarAccumulator[] building;

    /**
     * Bars of {@code interval} for the instruments {@code traded}; {@code inputBars} is the interval of bar inputs
     * (null when bar inputs are always at {@code interval}).
     *
     * @throws IllegalArgumentException when input bars are coarser than the book's interval
     */
    public BookBarBuilder(final Interval interval, final Interval inputBars, final int[] traded,
                          final int instrumentCount) {
        if (inputBars != null && inputBars.nanos() > interval.nanos()) {
            throw new IllegalArgumentException("bars of " + inputBars.label() + " cannot make bars of "
                + interval.label());
        }
        this.interval = interval;
        this.inputBars = inputBars;
        this.passThrough = inputBars == null || inputBars == interval;
        this.traded = traded.clone();
        this.building = new BarAccumulator[instrumentCount];
        for (final int id : traded) {
            building[id] = new BarAccumulator(interval);
        }
    }

    /** True when this book trades the instrument. */
    public boolean trades(final int instrumentId) {
        return instrumentId >= 0 && instrumentId < building.length && building[instrumentId] != null;
    }

    /** Closes the bar being built when an input at {@code timeNanos} belongs to a later one. */
    public void closeBefore(final int instrumentId, final long timeNanos, final ClosedBarListener listener) {
        final BarAccumulator bar = building[instrumentId];
        if (bar.wouldClose(timeNanos)) {
            close(instrumentId, listener);
        }
    }

    /** Adds a trade to the bar being built. */
    public void addTrade(final int instrumentId, final long timeNanos, final long price, final long quantity) {
        building[instrumentId].addTrade(timeNanos, price, quantity);
    }

    /** A bar input: passed through when it is at the book's interval, else added and closed when complete. */
    public void onBar(final int instrumentId, final long startNanos, final long open, final long high, final long low,
                      final long close, final long volume, final ClosedBarListener listener) {
        if (passThrough) {
            listener.onClosedBar(instrumentId, startNanos, interval.nextBucketStart(startNanos), open, high, low, close,
                volume);
            return;
        }
        final BarAccumulator bar = building[instrumentId];
        bar.add(startNanos, open, high, low, close, volume);
        if (inputBars.nextBucketStart(startNanos) >= bar.endNanos()) {
            close(instrumentId, listener);
        }
    }

    /** Closes every bar still being built (end of data). */
    public void closeAll(final ClosedBarListener listener) {
        for (final int id : traded) {
            if (building[id].hasBar()) {
                close(id, listener);
            }
        }
    }

    private void close(final int instrumentId, final ClosedBarListener listener) {
        final BarAccumulator bar = building[instrumentId];
        final long start = bar.startNanos();
        final long end = bar.endNanos();
        final long open = bar.open();
        final long high = bar.high();
        final long low = bar.low();
        final long close = bar.close();
        final long volume = bar.volume();
        bar.reset();
        listener.onClosedBar(instrumentId, start, end, open, high, low, close, volume);
    }

    /** The book's interval. */
    public Interval interval() {
        return interval;
    }

    /** Writes the bars being built for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("bars-building");
        for (final int id : traded) {
            final BarAccumulator bar = building[id];
            out.writeBoolean(bar.hasBar()).writeLong(bar.startNanos()).writeLong(bar.open()).writeLong(bar.high())
                .writeLong(bar.low()).writeLong(bar.close()).writeLong(bar.volume());
        }
    }

    /** Restores the bars being built from a snapshot. */
    public void readState(final StateReader in) {
        in.section("bars-building");
        for (final int id : traded) {
            building[id].restore(in.readBoolean(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong());
        }
    }
}
