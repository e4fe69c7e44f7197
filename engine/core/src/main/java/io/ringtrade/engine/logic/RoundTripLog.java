package io.ringtrade.engine.logic;

import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.output.LongColumn;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

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

    /** Writes the round trips for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("round-trips");
        pnl.writeState(out);
        book.writeState(out);
    }

    /** Restores the round trips from a snapshot. */
    public void readState(final StateReader in) {
        in.section("round-trips");
        pnl.readState(in);
        book.readState(in);
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
