package io.ringtrade.engine.book;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * Applies fills to the books and tells the outputs: the one place a fill, from the simulated venue or from a live
 * venue's report, changes cash and positions. A fill that opens or grows a position is also an entry
 * ({@code entries.csv}): entries of one position are numbered from 1, one number per order. Business-logic thread;
 * allocation-free.
 */
public final class FillSettlement {
    private final Book[] books;
    private final FillListener listener;
    private final int[][] entryNumber;
    private final long[][] entryOrder;
    private long fillCount;

    /** Receives each settled fill (for {@code trades.csv}) and entry ({@code entries.csv}), on the business-logic thread. */
    @FunctionalInterface
    public interface FillListener {
        /** A fill of {@code quantity} at {@code price} with {@code fee}, realizing {@code realizedPnl}. */
        void onFill(long timeNanos, int bookIndex, int instrumentId, int side, long quantity, long price, long fee,
                    long orderId, long realizedPnl);

        /** As above, with its {@link io.ringtrade.engine.order.FillReason} ordinal; by default the reason is dropped. */
        default void onFill(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                            final long quantity, final long price, final long fee, final long orderId,
                            final long realizedPnl, final int reason) {
            onFill(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, realizedPnl);
        }

        /**
         * The fill just settled opened or grew a position: entry {@code entry} (1 = the opening one) of {@code
         * quantity} at {@code price}; the position is now {@code position} at {@code averagePrice}.
         */
        default void onEntry(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                             final int entry, final long quantity, final long price, final long averagePrice,
                             final long position, final long orderId) {
        }
    }

    /** Settlement into {@code books} (indexed by book index). */
    public FillSettlement(final Book[] books, final FillListener listener) {
        this.books = books;
        this.listener = listener;
        final int instruments = books.length == 0 ? 0 : books[0].instrumentCount();
        this.entryNumber = new int[books.length][instruments];
        this.entryOrder = new long[books.length][instruments];
    }

    /** Applies one fill and returns the P&amp;L it realized (its reason derived by no one: {@code NONE}). */
    public long settle(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                       final long quantity, final long price, final long fee, final long orderId) {
        return settle(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, 0);
    }

    /** Applies one fill for {@code reason} (a {@link io.ringtrade.engine.order.FillReason} ordinal). */
    public long settle(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                       final long quantity, final long price, final long fee, final long orderId, final int reason) {
        final Book book = books[bookIndex];
        final long before = book.position(instrumentId);
        final long realized = book.applyFill(instrumentId, side, quantity, price, fee, timeNanos);
        fillCount++;
        listener.onFill(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, realized, reason);
        final long after = book.position(instrumentId);
        if (after != 0 && (Long.signum(after) != Long.signum(before) || Math.abs(after) > Math.abs(before))) {
            if (Long.signum(after) != Long.signum(before)) {
                entryNumber[bookIndex][instrumentId] = 0;
            }
            if (entryNumber[bookIndex][instrumentId] == 0 || entryOrder[bookIndex][instrumentId] != orderId) {
                entryNumber[bookIndex][instrumentId]++;
                entryOrder[bookIndex][instrumentId] = orderId;
            }
            final long entered = Long.signum(after) != Long.signum(before) ? Math.abs(after)
                : Math.abs(after) - Math.abs(before);
            listener.onEntry(timeNanos, bookIndex, instrumentId, side, entryNumber[bookIndex][instrumentId], entered,
                price, book.averagePrice(instrumentId), after, orderId);
        } else if (after == 0) {
            entryNumber[bookIndex][instrumentId] = 0;
            entryOrder[bookIndex][instrumentId] = 0;
        }
        return realized;
    }

    /** Fills settled so far. */
    public long fillCount() {
        return fillCount;
    }

    /** Writes the counter and the entry numbering for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("settlement").writeLong(fillCount);
        for (int b = 0; b < books.length; b++) {
            out.writeLongs(entryOrder[b]);
            for (final int number : entryNumber[b]) {
                out.writeInt(number);
            }
        }
    }

    /** Restores the counter and the entry numbering from a snapshot. */
    public void readState(final StateReader in) {
        fillCount = in.section("settlement").readLong();
        for (int b = 0; b < books.length; b++) {
            in.readLongsInto(entryOrder[b], "entry orders");
            for (int i = 0; i < entryNumber[b].length; i++) {
                entryNumber[b][i] = in.readInt();
            }
        }
    }
}
