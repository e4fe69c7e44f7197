package io.ringtrade.engine.output;

import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.book.FillSettlement;
import io.ringtrade.engine.order.Order;
import io.ringtrade.engine.order.OrderManager;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderTransition;
import io.ringtrade.engine.report.PerformanceAccumulator;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * Business logic's results on their way out: receives fills, order transitions, round trips and equity rows from
 * the stages that produce them, counts the rows of each stream ({@link OutputRows}, part of the snapshot), feeds the
 * streaming {@link PerformanceAccumulator}, and passes each row to the {@link OutputSink}. Business-logic thread;
 * allocation-free.
 */
public final class OutputStreams implements FillSettlement.FillListener, OrderManager.OrderEventListener,
    Book.RoundTripListener {
    private final OutputSink sink;
    private final PerformanceAccumulator performance;
    private long fills;
    private long equityRows;
    private long orderEvents;
    private long roundTrips;

    /** Streams into {@code sink}, summarising into {@code performance}. */
    public OutputStreams(final OutputSink sink, final PerformanceAccumulator performance) {
        this.sink = sink;
        this.performance = performance;
    }

    @Override
    public void onFill(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                       final long quantity, final long price, final long fee, final long orderId,
                       final long realizedPnl) {
        fills++;
        sink.fill(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, realizedPnl);
    }

    @Override
    public void onOrderEvent(final long timeNanos, final Order order, final OrderTransition transition,
                             final OrderReason reason, final long lastQuantity, final long lastPrice) {
        orderEvents++;
        sink.orderEvent(timeNanos, order.id, order.bookIndex, order.instrumentId, order.side, order.type,
            order.quantity, order.notional, order.price, transition.ordinal(), order.state.ordinal(), reason.ordinal(),
            lastQuantity, lastPrice, order.filledQuantity);
    }

    @Override
    public void onRoundTrip(final int bookIndex, final int instrumentId, final long openedNanos, final long closedNanos,
                            final long pnl) {
        roundTrips++;
        performance.onRoundTrip(pnl);
        sink.roundTrip(bookIndex, instrumentId, openedNanos, closedNanos, pnl);
    }

    /** One equity row for bar {@code barTimeNanos}. */
    public void onEquity(final long barTimeNanos, final long equity, final long cash, final long positionsValue,
                         final long benchmark, final boolean inPosition) {
        equityRows++;
        performance.onBar(equity, benchmark, inPosition);
        sink.equity(barTimeNanos, equity, cash, positionsValue, benchmark, inPosition);
    }

    /** Rows emitted so far, per stream. */
    public OutputRows rows() {
        return new OutputRows(fills, equityRows, orderEvents, roundTrips);
    }

    /** The running metrics. */
    public PerformanceAccumulator performance() {
        return performance;
    }

    /** Writes the row counts and the running metrics for a snapshot. */
    public void writeState(final StateWriter out) {
        rows().writeState(out);
        performance.writeState(out);
    }

    /** Restores the row counts and the running metrics from a snapshot. */
    public void readState(final StateReader in) {
        final OutputRows rows = OutputRows.readState(in);
        fills = rows.fills();
        equityRows = rows.equity();
        orderEvents = rows.orderEvents();
        roundTrips = rows.roundTrips();
        performance.readState(in);
    }
}
