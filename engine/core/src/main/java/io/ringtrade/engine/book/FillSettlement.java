package io.ringtrade.engine.book;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * Applies fills to the books and tells the outputs: the one place a fill, from the simulated venue or from a live
 * venue's report, changes cash and positions. Business-logic thread; allocation-free.
 */
public final class FillSettlement {
    private final Book[] books;
    private final FillListener listener;
    private long fillCount;

    /** Receives each settled fill (for {@code trades.csv}), on the business-logic thread. */
    @FunctionalInterface
    public interface FillListener {
        /** A fill of {@code quantity} at {@code price} with {@code fee}, realizing {@code realizedPnl}. */
        void onFill(long timeNanos, int bookIndex, int instrumentId, int side, long quantity, long price, long fee,
                    long orderId, long realizedPnl);
    }

    /** Settlement into {@code books} (indexed by book index). */
    public FillSettlement(final Book[] books, final FillListener listener) {
        this.books = books;
        this.listener = listener;
    }

    /** Applies one fill and returns the P&amp;L it realized. */
    public long settle(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                       final long quantity, final long price, final long fee, final long orderId) {
        final long realized = books[bookIndex].applyFill(instrumentId, side, quantity, price, fee, timeNanos);
        fillCount++;
        listener.onFill(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, realized);
        return realized;
    }

    /** Fills settled so far. */
    public long fillCount() {
        return fillCount;
    }

    /** Writes the counter for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("settlement").writeLong(fillCount);
    }

    /** Restores the counter from a snapshot. */
    public void readState(final StateReader in) {
        fillCount = in.section("settlement").readLong();
    }
}
