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
    private int cursor;

    /** A source of {@code trades} for the already interned {@code instrumentId}. */
    public TradeSeriesSource(final TradeSeriesData trades, final int instrumentId) {
        this.trades = trades;
        this.instrumentId = instrumentId;
    }

    /** A source of {@code trades}, interning their symbol in {@code instruments} (start-up thread only). */
    public static TradeSeriesSource of(final TradeSeriesData trades, final InstrumentRegistry instruments) {
        return new TradeSeriesSource(trades, instruments.intern(trades.symbol()));
    }

    @Override
    public boolean next(final EngineEvent slot) {
        final int i = cursor;
        if (i >= trades.size()) {
            return false;
        }
        slot.setTrade(instrumentId, trades.timeNanos(i), trades.price(i), trades.quantity(i));
        cursor = i + 1;
        return true;
    }

    @Override
    public long size() {
        return trades.size();
    }

    /** Starts the replay again from the first trade. */
    public void rewind() {
        cursor = 0;
    }

    /** The instrument id stamped on every event. */
    public int instrumentId() {
        return instrumentId;
    }
}
