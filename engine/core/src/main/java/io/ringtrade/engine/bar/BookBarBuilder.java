package io.ringtrade.engine.bar;

import io.ringtrade.engine.api.market.BarAccumulator;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * Builds one book's bars, at the book's interval, from the market data of the instruments it trades: trades are
 * aggregated, bars finer than the book's interval are resampled, bars at the book's interval pass straight through.
 * A built bar closes when the first input of a later interval arrives ({@link #closeBefore}, called before the venue
 * sees that input, so orders decided on the closed bar fill at it), for resampled bars as soon as an input bar
 * ends where the book's bar ends, and — when bars close on the engine clock — once the clock has passed its end
 * ({@link #closeEndedBy}). Bars closed on the clock stay closed: an input stamped before the end of a bar already
 * closed, or before the start of the one being built, is folded forward into the bar being built (or the next one),
 * and counted ({@link #lateInputs}). Business-logic thread; allocation-free per input (1wk and 1mo allocate once per
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
    private final boolean foldsLateInputs;
    private long lateInputs;

    /**
     * Bars of {@code interval} for the instruments {@code traded}; {@code inputBars} is the interval of bar inputs
     * (null when bar inputs are always at {@code interval}).
     *
     * @throws IllegalArgumentException when input bars are coarser than the book's interval
     */
    public BookBarBuilder(final Interval interval, final Interval inputBars, final int[] traded,
                          final int instrumentCount) {
        this(interval, inputBars, traded, instrumentCount, false);
    }

    /**
     * As {@link #BookBarBuilder(Interval, Interval, int[], int)}; {@code foldsLateInputs} when bars also close on the
     * engine clock, so that an input stamped in a bar already closed goes into the next one.
     */
    public BookBarBuilder(final Interval interval, final Interval inputBars, final int[] traded,
                          final int instrumentCount, final boolean foldsLateInputs) {
        if (inputBars != null && inputBars.nanos() > interval.nanos()) {
            throw new IllegalArgumentException("bars of " + inputBars.label() + " cannot make bars of "
                + interval.label());
        }
        this.interval = interval;
        this.inputBars = inputBars;
        this.passThrough = inputBars == null || inputBars == interval;
        this.foldsLateInputs = foldsLateInputs;
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
        if (bar.wouldClose(builtAt(bar, timeNanos))) {
            close(instrumentId, listener);
        }
    }

    /**
     * The end of the bar {@link #closeBefore} would close for an input at {@code timeNanos}, or {@link Long#MAX_VALUE}
     * when it would close none: business logic closes the bars of several books in the order of their ends.
     */
    public long endIfClosedBefore(final int instrumentId, final long timeNanos) {
        final BarAccumulator bar = building[instrumentId];
        return bar.wouldClose(builtAt(bar, timeNanos)) ? bar.endNanos() : Long.MAX_VALUE;
    }

    /**
     * The end of the instrument's bar being built when it ends at or before {@code timeNanos} (the engine clock's
     * time less the close delay), or {@link Long#MAX_VALUE}: business logic closes such bars in the order of their ends.
     */
    public long endIfEndedBy(final int instrumentId, final long timeNanos) {
        final BarAccumulator bar = building[instrumentId];
        return bar.endedBy(timeNanos) ? bar.endNanos() : Long.MAX_VALUE;
    }

    /** Closes the instrument's bar being built when it ends at or before {@code timeNanos}. */
    public void closeEndedBy(final int instrumentId, final long timeNanos, final ClosedBarListener listener) {
        if (building[instrumentId].endedBy(timeNanos)) {
            close(instrumentId, listener);
        }
    }

    /** The earliest end of any bar being built, or {@link Long#MAX_VALUE} when none is. */
    public long earliestBuildingEnd() {
        long earliest = Long.MAX_VALUE;
        for (final int id : traded) {
            final BarAccumulator bar = building[id];
            if (bar.hasBar()) {
                earliest = Math.min(earliest, bar.endNanos());
            }
        }
        return earliest;
    }

    /** Inputs stamped before a bar already closed on the clock (or before the bar being built), folded forward. */
    public long lateInputs() {
        return lateInputs;
    }

    /** The time an input at {@code timeNanos} is built at: itself, or folded forward when it is late. */
    private long builtAt(final BarAccumulator bar, final long timeNanos) {
        return foldsLateInputs ? bar.notBefore(timeNanos) : timeNanos;
    }

    /** The end of the bar being built for the instrument, or {@link Long#MAX_VALUE} when none is. */
    public long buildingEnd(final int instrumentId) {
        final BarAccumulator bar = building[instrumentId];
        return bar.hasBar() ? bar.endNanos() : Long.MAX_VALUE;
    }

    /** Closes the bar being built for one instrument, if any (end of data). */
    public void closeBuilding(final int instrumentId, final ClosedBarListener listener) {
        if (building[instrumentId].hasBar()) {
            close(instrumentId, listener);
        }
    }

    /** Adds a trade to the bar being built. */
    public void addTrade(final int instrumentId, final long timeNanos, final long price, final long quantity) {
        final BarAccumulator bar = building[instrumentId];
        bar.addTrade(fold(bar, timeNanos), price, quantity);
    }

    /** {@link #builtAt}, counting the inputs it moves. */
    private long fold(final BarAccumulator bar, final long timeNanos) {
        final long at = builtAt(bar, timeNanos);
        if (at != timeNanos) {
            lateInputs++;
        }
        return at;
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
        final long at = fold(bar, startNanos);
        bar.add(at, open, high, low, close, volume);
        if (inputBars.nextBucketStart(at) >= bar.endNanos()) {
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
            out.writeBoolean(bar.hasBar()).writeBoolean(bar.boundaryKnown()).writeLong(bar.startNanos())
                .writeLong(bar.open()).writeLong(bar.high()).writeLong(bar.low()).writeLong(bar.close())
                .writeLong(bar.volume());
        }
        out.writeLong(lateInputs);
    }

    /** Restores the bars being built from a snapshot. */
    public void readState(final StateReader in) {
        in.section("bars-building");
        for (final int id : traded) {
            building[id].restore(in.readBoolean(), in.readBoolean(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong(), in.readLong());
        }
        lateInputs = in.readLong();
    }
}
