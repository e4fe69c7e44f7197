package io.ringtrade.research.optimizer;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.MarketDataSource;

/**
 * Replays bars {@code from} (inclusive) to {@code to} (exclusive) of a loaded series as closed-bar events, reading
 * the shared columns in place: many optimizer jobs read one {@link BarSeriesData} at once, each through its own
 * source (its own cursor), and nothing is copied. Allocation-free. Single-threaded: the job's thread.
 */
final class BarWindowSource implements MarketDataSource {
    private final BarSeriesData bars;
    private final int instrumentId;
    private final int to;
    private final int from;
    private int cursor;

    /** Bars {@code from} … {@code to − 1} of {@code bars}, stamped with {@code instrumentId}. */
    BarWindowSource(final BarSeriesData bars, final int instrumentId, final int from, final int to) {
        if (from < 0 || to > bars.size() || from > to) {
            throw new IllegalArgumentException("window " + from + ".." + to + " outside " + bars.size() + " bars");
        }
        this.bars = bars;
        this.instrumentId = instrumentId;
        this.from = from;
        this.to = to;
        this.cursor = from;
    }

    @Override
    public boolean next(final EngineEvent slot) {
        final int i = cursor;
        if (i >= to) {
            return false;
        }
        slot.setBar(instrumentId, bars.timeNanos(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i),
            bars.volume(i));
        cursor = i + 1;
        return true;
    }

    @Override
    public long size() {
        return to - from;
    }
}
