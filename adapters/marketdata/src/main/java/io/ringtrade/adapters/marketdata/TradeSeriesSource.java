package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.InstrumentRegistry;

/**
 * Replays loaded trades as trade ticks ({@link EngineEvent#setTrade}) in file order, so trades that share a
 * timestamp keep the order the venue printed them in. Used by the backtest driver and the paper feed.
 *
 * <p>{@link #next} reads the columns in place and allocates nothing. Single-threaded: the thread that drives the
 * backtest or feed owns the cursor.
 */
public final class TradeSeriesSource extends TimedSeriesReplay {
    private final TradeSeriesData trades;

    /** A source of {@code trades} for the already interned {@code instrumentId}, played once. */
    public TradeSeriesSource(final TradeSeriesData trades, final int instrumentId) {
        this(trades, instrumentId, false);
    }

    private TradeSeriesSource(final TradeSeriesData trades, final int instrumentId, final boolean looping) {
        super(trades, instrumentId, looping);
        this.trades = trades;
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
        final int i = nextRow();
        if (i < 0) {
            return false;
        }
        slot.setTrade(instrumentId(), trades.timeNanos(i) + offsetNanos(), trades.price(i), trades.quantity(i));
        return true;
    }
}
