package io.ringtrade.engine.logic;

import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.output.LongColumn;

/**
 * Closed round trips (flat → position → flat) of all books with their P&amp;L, fees included: the trades
 * counted by the metrics. Written by the business-logic thread.
 */
public final class RoundTripLog implements Book.RoundTripListener {
    private final LongColumn pnl = new LongColumn(64);
    private final LongColumn book = new LongColumn(64);

    @Override
    public void onRoundTrip(final int bookIndex, final int instrumentId, final long roundTripPnl) {
        pnl.add(roundTripPnl);
        book.add(bookIndex);
    }

    /** Number of closed round trips. */
    public int size() {
        return pnl.size();
    }

    /** P&amp;L of every round trip, in order. */
    public long[] pnls() {
        return pnl.toArray();
    }
}
