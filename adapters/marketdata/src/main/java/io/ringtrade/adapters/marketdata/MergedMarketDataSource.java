package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.MarketDataSource;

import java.util.List;

/**
 * Interleaves several time-ordered sources into one stream ordered by event time, for backtests over several
 * instruments or files. Events with the same time come out in the order the sources were given (then in each
 * source's own order), so a merge is the same on every run.
 *
 * <p>Each source gets one look-ahead slot, allocated here once; {@link #next} compares the look-ahead times with a
 * linear scan (a handful of sources, no heap needed) and copies the winner into the caller's slot, allocating
 * nothing. A source whose times go backwards would make the merge meaningless, so it is refused with an
 * {@link IllegalStateException}. Single-threaded: the thread that drives the backtest or feed.
 */
public final class MergedMarketDataSource implements MarketDataSource {
    private final MarketDataSource[] sources;
    private final EngineEvent[] heads;
    private final boolean[] hasHead;
    private final long[] lastTime;
    private boolean primed;

    /** Merges {@code sources}; earlier ones win ties. The sources are consumed by this merge. */
    public MergedMarketDataSource(final List<? extends MarketDataSource> sources) {
        this.sources = sources.toArray(new MarketDataSource[0]);
        this.heads = new EngineEvent[this.sources.length];
        this.hasHead = new boolean[this.sources.length];
        this.lastTime = new long[this.sources.length];
        for (int i = 0; i < heads.length; i++) {
            heads[i] = new EngineEvent();
            lastTime[i] = Long.MIN_VALUE;
        }
    }

    /** Merges {@code sources}; earlier ones win ties. */
    public static MergedMarketDataSource of(final MarketDataSource... sources) {
        return new MergedMarketDataSource(List.of(sources));
    }

    @Override
    public boolean next(final EngineEvent slot) {
        if (!primed) {
            for (int i = 0; i < sources.length; i++) {
                advance(i);
            }
            primed = true;
        }
        int best = -1;
        long bestTime = Long.MAX_VALUE;
        for (int i = 0; i < sources.length; i++) {
            // Strictly less: on a tie the earlier source keeps the lead.
            if (hasHead[i] && (best < 0 || heads[i].eventTimeNanos < bestTime)) {
                best = i;
                bestTime = heads[i].eventTimeNanos;
            }
        }
        if (best < 0) {
            return false;
        }
        slot.clear();
        slot.copyInputFrom(heads[best]);
        advance(best);
        return true;
    }

    private void advance(final int i) {
        hasHead[i] = sources[i].next(heads[i]);
        if (hasHead[i]) {
            final long time = heads[i].eventTimeNanos;
            if (time < lastTime[i]) {
                throw new IllegalStateException("market-data source " + i + " went back in time");
            }
            lastTime[i] = time;
        }
    }

    /** The sum of the sources' sizes, or -1 when any is unknown. */
    @Override
    public long size() {
        long total = 0;
        for (final MarketDataSource source : sources) {
            final long size = source.size();
            if (size < 0) {
                return -1;
            }
            total += size;
        }
        return total;
    }
}
