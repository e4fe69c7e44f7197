package io.ringtrade.engine.market;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * Latest and first price per instrument, the first stage of business logic. The first price anchors the
 * buy-and-hold benchmark: the first trade, or the first bar's open, so it is the same whatever interval the data is
 * resampled to. Owned by the business-logic thread.
 */
public final class MarketState {
    private final long[] last;
    private final long[] first;

    /** State for instruments 0..instrumentCount-1. */
    public MarketState(final int instrumentCount) {
        last = new long[instrumentCount];
        first = new long[instrumentCount];
    }

    /**
     * Records a price: a trade (then {@code opening} is the same price) or a bar, whose open may be the first price
     * and whose close is the latest. {@code anchorsBenchmark} false keeps it from being the first price of the
     * buy-and-hold benchmark (prices before trading starts, during a warm-up).
     */
    public void update(final int instrumentId, final long opening, final long price, final boolean anchorsBenchmark) {
        if (anchorsBenchmark && first[instrumentId] == 0) {
            first[instrumentId] = opening;
        }
        last[instrumentId] = price;
    }

    /** Writes the prices for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("market").writeLongs(last).writeLongs(first);
    }

    /** Restores the prices from a snapshot. */
    public void readState(final StateReader in) {
        in.section("market");
        in.readLongsInto(last, "last prices");
        in.readLongsInto(first, "first prices");
    }

    /** Latest price, 0 before any. */
    public long last(final int instrumentId) {
        return last[instrumentId];
    }

    /** First price seen, 0 before any. */
    public long first(final int instrumentId) {
        return first[instrumentId];
    }

    /** Number of instruments. */
    public int size() {
        return last.length;
    }
}
