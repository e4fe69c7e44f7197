package io.ringtrade.engine.order;

import java.util.Arrays;

/**
 * What the open orders of each book hold back, so that two orders never spend the same cash or sell the same
 * holdings: the cash reserved by open buys (their remaining long part at the price they were judged at, or their
 * remaining notional), and per instrument the quantities of open buys that cover a short, of open sells that close a
 * long, and of open sells that open or extend a short. Updated by the order manager as orders are released, fill and
 * end; derived from the open orders, so a snapshot restores it by recounting them. Business-logic thread.
 */
public final class Reservations {
    private final int instrumentCount;
    private final long[] cash;
    private final long[] cover;
    private final long[] close;
    private final long[] shortSell;

    /** Empty reservations for {@code books} books over {@code instruments} instruments. */
    public Reservations(final int books, final int instruments) {
        this.instrumentCount = instruments;
        this.cash = new long[books];
        this.cover = new long[books * instruments];
        this.close = new long[books * instruments];
        this.shortSell = new long[books * instruments];
    }

    /** Cash reserved by a book's open orders. */
    public long cash(final int book) {
        return cash[book];
    }

    /** Quantity of a book's open buys that cover its short in an instrument. */
    public long cover(final int book, final int instrument) {
        return cover[book * instrumentCount + instrument];
    }

    /** Quantity of a book's open sells that close its long in an instrument. */
    public long close(final int book, final int instrument) {
        return close[book * instrumentCount + instrument];
    }

    /** Quantity of a book's open sells that open or extend a short in an instrument. */
    public long shortSell(final int book, final int instrument) {
        return shortSell[book * instrumentCount + instrument];
    }

    /** Adds (or with negative amounts removes) one order's reservation; the order manager's (and tests'). */
    public void add(final int book, final int instrument, final long cashAmount, final long coverQuantity,
             final long closeQuantity, final long shortQuantity) {
        final int at = book * instrumentCount + instrument;
        cash[book] = Math.addExact(cash[book], cashAmount);
        cover[at] += coverQuantity;
        close[at] += closeQuantity;
        shortSell[at] += shortQuantity;
    }

    /** Forgets everything (before recounting restored orders). */
    void clear() {
        Arrays.fill(cash, 0);
        Arrays.fill(cover, 0);
        Arrays.fill(close, 0);
        Arrays.fill(shortSell, 0);
    }
}
