package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.MarketDataSource;

/**
 * Replays loaded trades as trade ticks ({@link EngineEvent#setTrade}) in file order, so trades that share a
 * timestamp keep the order the venue printed them in. Used by the backtest driver and the paper feed.
 *
 * <p>{@link #next} reads the columns in place and allocates nothing. Single-threaded: the thread that drives the
 * backtest or feed owns the cursor.
 */
public final class TradeSeriesSource implements MarketDataSource {
    private final TradeSeriesData trades;
    private final int instrumentId;
    private final boolean looping;
    private final long spanNanos;
    private int cursor;
    private long offsetNanos;
    private long passes;

    /** A source of {@code trades} for the already interned {@code instrumentId}, played once. */
    public TradeSeriesSource(final TradeSeriesData trades, final int instrumentId) {
        this(trades, instrumentId, false);
    }

    private TradeSeriesSource(final TradeSeriesData trades, final int instrumentId, final boolean looping) {
        this.trades = trades;
        this.instrumentId = instrumentId;
        this.looping = looping;
        this.spanNanos = trades.loopSpanNanos();
    }

    /**
     * A source that plays {@code trades} again and again ({@code feed.loop}, for soak runs): pass {@code k} (from 0)
     * stamps every trade with its time plus {@code k} × {@link TradeSeriesData#loopSpanNanos()}, so times keep going forward
     * and the stream is the same on every run, which is what lets recovery skip the inputs already journaled by
     * counting them. Ends only when the next pass's times would not fit in a {@code long} (past the year 2262).
     */
    public static TradeSeriesSource looping(final TradeSeriesData trades, final int instrumentId) {
        return new TradeSeriesSource(trades, instrumentId, true);
    }

    /** A source of {@code trades}, interning their symbol in {@code instruments} (start-up thread only). */
    public static TradeSeriesSource of(final TradeSeriesData trades, final InstrumentRegistry instruments) {
        return new TradeSeriesSource(trades, instruments.intern(trades.symbol()));
    }

    @Override
    public boolean next(final EngineEvent slot) {
        int i = cursor;
        if (i >= trades.size()) {
            if (!looping || trades.isEmpty() || !startNextPass()) {
                return false;
            }
            i = 0;
        }
        slot.setTrade(instrumentId, trades.timeNanos(i) + offsetNanos, trades.price(i), trades.quantity(i));
        cursor = i + 1;
        return true;
    }

    private boolean startNextPass() {
        final long offset = offsetNanos + spanNanos;
        final long lastTime = trades.timeNanos(trades.size() - 1);
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
        return looping ? -1 : trades.size();
    }

    /** Whole passes completed before the current one (0 during the first). */
    public long passes() {
        return passes;
    }

    /** Starts the replay again from the first trade. */
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
