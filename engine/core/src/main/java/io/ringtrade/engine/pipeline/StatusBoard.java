package io.ringtrade.engine.pipeline;

import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.logic.BusinessLogic;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.Arrays;

/**
 * The read model other threads may look at (DESIGN.md §3: nobody reads business-logic state directly): counters
 * and per-book equity that the business-logic thread publishes at the end of each batch with release
 * semantics, and the tick-to-order latency histogram the gateway records. Read by the status line and the ops
 * API.
 */
public final class StatusBoard {
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong orders = new AtomicLong();
    private final AtomicLong fills = new AtomicLong();
    private final AtomicLong rejections = new AtomicLong();
    private final AtomicLong journaled = new AtomicLong();
    private final AtomicLongArray equity;
    private final Book[] books;
    private final String[] bookNames;
    private final Recorder tickToOrder = new Recorder(3);
    private final Histogram tickToOrderTotal = new Histogram(3);

    /** A board for the books of {@code logic}. */
    public StatusBoard(final BusinessLogic logic) {
        // the books are fixed at construction: keep the array, so that publishing allocates nothing per batch
        books = logic.books();
        bookNames = Arrays.stream(books).map(b -> b.name()).toArray(String[]::new);
        equity = new AtomicLongArray(bookNames.length);
        publish(logic);
    }

    /** Business-logic thread: publishes its counters and the books' equity (of the books it was built with). */
    public void publish(final BusinessLogic logic) {
        events.setRelease(logic.eventsProcessed());
        orders.setRelease(logic.ordersAccepted());
        fills.setRelease(logic.fills());
        rejections.setRelease(logic.risk().totalRejections());
        for (int i = 0; i < books.length; i++) {
            equity.setRelease(i, books[i].equity());
        }
    }

    /** Journal thread: entries journaled. */
    public void publishJournaled(final long count) {
        journaled.setRelease(count);
    }

    /** Gateway thread: one tick-to-order latency sample in nanoseconds. */
    public void recordTickToOrder(final long nanos) {
        tickToOrder.recordValue(Math.max(0, nanos));
    }

    /** Inputs processed by business logic. */
    public long events() {
        return events.getAcquire();
    }

    /** Orders accepted. */
    public long orders() {
        return orders.getAcquire();
    }

    /** Fills. */
    public long fills() {
        return fills.getAcquire();
    }

    /** Risk rejections. */
    public long rejections() {
        return rejections.getAcquire();
    }

    /** Entries journaled. */
    public long journaled() {
        return journaled.getAcquire();
    }

    /** Book names in index order. */
    public String[] bookNames() {
        return bookNames.clone();
    }

    /** Latest published equity of book {@code index}, fixed-point. */
    public long equity(final int index) {
        return equity.getAcquire(index);
    }

    /**
     * Tick-to-order latency recorded since the previous call (also added to the whole-run histogram). Called by
     * the status line only.
     */
    public synchronized Histogram tickToOrderSinceLastCall() {
        final Histogram interval = tickToOrder.getIntervalHistogram();
        tickToOrderTotal.add(interval);
        return interval;
    }

    /** Tick-to-order latency over the whole run so far. */
    public synchronized Histogram tickToOrderSoFar() {
        tickToOrderTotal.add(tickToOrder.getIntervalHistogram());
        return tickToOrderTotal.copy();
    }
}
