package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.MarketDataSource;

/**
 * Replays loaded bars as closed-bar market-data events ({@link EngineEvent#setBar}), oldest first, each stamped
 * with its bar's start time as the engine's bar convention says. Used by the backtest driver and the paper feed.
 *
 * <p>{@link #next} reads the columns in place and allocates nothing. Single-threaded: the thread that drives the
 * backtest or feed owns the cursor.
 */
public final class BarSeriesSource implements MarketDataSource {
    private final BarSeriesData bars;
    private final int instrumentId;
    private final boolean looping;
    private final long spanNanos;
    private int cursor;
    private long offsetNanos;
    private long passes;

    /** A source of {@code bars} for the already interned {@code instrumentId}, played once. */
    public BarSeriesSource(final BarSeriesData bars, final int instrumentId) {
        this(bars, instrumentId, false);
    }

    private BarSeriesSource(final BarSeriesData bars, final int instrumentId, final boolean looping) {
        this.bars = bars;
        this.instrumentId = instrumentId;
        this.looping = looping;
        this.spanNanos = bars.loopSpanNanos();
    }

    /**
     * A source that plays {@code bars} again and again ({@code feed.loop}, for soak runs): pass {@code k} (from 0)
     * stamps every bar with its time plus {@code k} × {@link BarSeriesData#loopSpanNanos()}, so times keep going forward
     * and the stream is the same on every run, which is what lets recovery skip the inputs already journaled by
     * counting them. Ends only when the next pass's times would not fit in a {@code long} (past the year 2262).
     */
    public static BarSeriesSource looping(final BarSeriesData bars, final int instrumentId) {
        return new BarSeriesSource(bars, instrumentId, true);
    }

    /** A source of {@code bars}, interning their symbol in {@code instruments} (start-up thread only). */
    public static BarSeriesSource of(final BarSeriesData bars, final InstrumentRegistry instruments) {
        return new BarSeriesSource(bars, instruments.intern(bars.symbol()));
    }

    @Override
    public boolean next(final EngineEvent slot) {
        int i = cursor;
        if (i >= bars.size()) {
            if (!looping || bars.isEmpty() || !startNextPass()) {
                return false;
            }
            i = 0;
        }
        slot.setBar(instrumentId, bars.timeNanos(i) + offsetNanos, bars.open(i), bars.high(i), bars.low(i), bars.close(i),
            bars.volume(i));
        cursor = i + 1;
        return true;
    }

    private boolean startNextPass() {
        final long offset = offsetNanos + spanNanos;
        final long lastTime = bars.timeNanos(bars.size() - 1);
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
    public long size() {
        return looping ? -1 : bars.size();
    }

    /** Whole passes completed before the current one (0 during the first). */
    public long passes() {
        return passes;
    }

    /** Starts the replay again from the first bar (another optimizer run over the same data). */
    public void rewind() {
        cursor = 0;
        offsetNanos = 0;
        passes = 0;
    }

    /** The instrument id stamped on every event. */
    public int instrumentId() {
        return instrumentId;
    }
}
