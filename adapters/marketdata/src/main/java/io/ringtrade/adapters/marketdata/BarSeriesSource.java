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
    private int cursor;

    /** A source of {@code bars} for the already interned {@code instrumentId}. */
    public BarSeriesSource(final BarSeriesData bars, final int instrumentId) {
        this.bars = bars;
        this.instrumentId = instrumentId;
    }

    /** A source of {@code bars}, interning their symbol in {@code instruments} (start-up thread only). */
    public static BarSeriesSource of(final BarSeriesData bars, final InstrumentRegistry instruments) {
        return new BarSeriesSource(bars, instruments.intern(bars.symbol()));
    }

    @Override
    public boolean next(final EngineEvent slot) {
        final int i = cursor;
        if (i >= bars.size()) {
            return false;
        }
        slot.setBar(instrumentId, bars.timeNanos(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i),
            bars.volume(i));
        cursor = i + 1;
        return true;
    }

    @Override
    public long size() {
        return bars.size();
    }

    /** Starts the replay again from the first bar (another optimizer run over the same data). */
    public void rewind() {
        cursor = 0;
    }

    /** The instrument id stamped on every event. */
    public int instrumentId() {
        return instrumentId;
    }
}
