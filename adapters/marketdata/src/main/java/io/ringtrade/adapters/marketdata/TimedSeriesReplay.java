package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.market.MarketDataSource;

/**
 * The cursor {@link BarSeriesSource} and {@link TradeSeriesSource} share: which row comes next, once through the
 * series or again and again ({@code feed.loop}), and the time offset of the current pass. Each subclass writes its
 * own event for the row {@link #nextRow} gives. Public (and sealed) so that callers in other packages can use these
 * methods through method references. Allocates nothing. Single-threaded: the thread that drives the backtest or feed
 * owns the cursor.
 */
public abstract sealed class TimedSeriesReplay implements MarketDataSource permits BarSeriesSource, TradeSeriesSource {
    private final TimedSeries series;
    private final int instrumentId;
    private final boolean looping;
    private final long spanNanos;
    private int cursor;
    private long offsetNanos;
    private long passes;

    TimedSeriesReplay(final TimedSeries series, final int instrumentId, final boolean looping) {
        this.series = series;
        this.instrumentId = instrumentId;
        this.looping = looping;
        this.spanNanos = series.loopSpanNanos();
    }

    /**
     * The row to replay next, and the cursor moved past it; -1 at the end. A looping source starts its next pass
     * here, adding {@link TimedSeries#loopSpanNanos()} once more to every time, and ends only when that pass's times
     * would not fit in a {@code long}.
     */
    final int nextRow() {
        int i = cursor;
        if (i >= series.size()) {
            if (!looping || series.isEmpty() || !startNextPass()) {
                return -1;
            }
            i = 0;
        }
        cursor = i + 1;
        return i;
    }

    /** What the current pass adds to every row's time (0 in the first pass). */
    final long offsetNanos() {
        return offsetNanos;
    }

    private boolean startNextPass() {
        final long offset = offsetNanos + spanNanos;
        final long lastTime = series.timeNanos(series.size() - 1);
        if (offset < offsetNanos || (offset > 0 && lastTime > Long.MAX_VALUE - offset)) {
            return false;
        }
        offsetNanos = offset;
        passes++;
        cursor = 0;
        return true;
    }

    /** The number of events, or -1 for a looping source (it has no end). */
    @Override
    public final long size() {
        return looping ? -1 : series.size();
    }

    /** Whole passes completed before the current one (0 during the first). */
    public final long passes() {
        return passes;
    }

    /** Starts the replay again from the first row (another optimizer run over the same data). */
    public final void rewind() {
        cursor = 0;
        offsetNanos = 0;
        passes = 0;
    }

    /** The instrument id stamped on every event. */
    public final int instrumentId() {
        return instrumentId;
    }
}
