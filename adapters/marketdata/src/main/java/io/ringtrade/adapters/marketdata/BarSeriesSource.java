package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.api.market.InstrumentRegistry;

/**
 * Replays loaded bars as closed-bar market-data events ({@link EngineEvent#setBar}), oldest first, each stamped
 * with its bar's start time as the engine's bar convention says. Used by the backtest driver and the paper feed.
 *
 * <p>{@link #next} reads the columns in place and allocates nothing. Single-threaded: the thread that drives the
 * backtest or feed owns the cursor.
 */
public final class BarSeriesSource extends TimedSeriesReplay {
    private final BarSeriesData bars;

    /** A source of {@code bars} for the already interned {@code instrumentId}, played once. */
    public BarSeriesSource(final BarSeriesData bars, final int instrumentId) {
        this(bars, instrumentId, false);
    }

    private BarSeriesSource(final BarSeriesData bars, final int instrumentId, final boolean looping) {
        super(bars, instrumentId, looping);
        this.bars = bars;
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
    public boolean nextIntoOwnSlot(final EngineEvent slot) {
        // a slot that does not hold a bar was not last filled here: reset it in full
        return fill(slot, slot.type != EventType.MARKET_DATA || slot.marketDataKind != MarketDataKind.BAR);
    }

    @Override
    public boolean next(final EngineEvent slot) {
        return fill(slot, true);
    }

    private boolean fill(final EngineEvent slot, final boolean reset) {
        final int i = nextRow();
        if (i < 0) {
            return false;
        }
        if (reset) {
            slot.clear();
        }
        slot.setNextBar(instrumentId(), bars.timeNanos(i) + offsetNanos(), bars.open(i), bars.high(i), bars.low(i),
            bars.close(i), bars.volume(i));
        return true;
    }
}
