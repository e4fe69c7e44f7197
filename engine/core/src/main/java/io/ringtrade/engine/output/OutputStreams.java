package io.ringtrade.engine.output;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.audit.AuditKind;
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
 * Business logic's results on their way out: receives fills, order transitions, round trips, equity rows and weight
 * changes from
 * the stages that produce them, counts the rows of each stream ({@link OutputRows}, part of the snapshot), feeds the
 * streaming {@link PerformanceAccumulator}, and passes each row to the {@link OutputSink}. It also reports fills
 * whose notional reaches the large-transaction threshold, and writes business logic's audit lines (risk refusals and
 * what other stages report), numbering them within the input that caused them; the end of a run, which is not an
 * input, writes none, so a replay of the journal writes the same audit lines. Business-logic thread;
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
    private long largeTransactions;
    private long weights;
    private long entries;
    private final long largeThreshold;
    private long entry = -1;
    private int auditOrdinal;
    private PerformanceAccumulator[] perBook;
    private final RecentFills recentFills = new RecentFills(RecentFills.CAPACITY);

    /** Streams into {@code sink}, summarising into {@code performance}; no large-transaction reports. */
    public OutputStreams(final OutputSink sink, final PerformanceAccumulator performance) {
        this(sink, performance, 0);
    }

    /** As above, reporting fills whose notional reaches {@code largeTransactionThreshold} (0 = none). */
    public OutputStreams(final OutputSink sink, final PerformanceAccumulator performance,
                         final long largeTransactionThreshold) {
        this.sink = sink;
        this.performance = performance;
        this.largeThreshold = largeTransactionThreshold;
    }

    /** Also feeds each book's closed round trips into {@code accumulators}, indexed by book. */
    public void perBook(final PerformanceAccumulator[] accumulators) {
        this.perBook = accumulators.clone();
    }

    /** The last fills, for the ops API (a read model: not part of the snapshot). */
    public RecentFills recentFills() {
        return recentFills;
    }

    /** Input {@code sequence} starts: its audit lines are numbered from 0. */
    public void beginInput(final long sequence) {
        entry = sequence;
        auditOrdinal = 0;
    }

    /** The input has ended (the end of a run is not an input): no more audit lines. */
    public void endOfInputs() {
        entry = -1;
    }

    /** One audit line of {@code kind} caused by the current input (none outside an input). */
    public void audit(final long timeNanos, final int kind, final int bookIndex, final int instrumentId, final long a,
                      final long b, final long c, final long d, final long e, final long f) {
        if (entry < 0) {
            return;
        }
        sink.audit(timeNanos, entry, auditOrdinal++, kind, bookIndex, instrumentId, a, b, c, d, e, f);
    }

    @Override
    public void onFill(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                       final long quantity, final long price, final long fee, final long orderId,
                       final long realizedPnl) {
        onFill(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, realizedPnl, 0);
    }

    @Override
    public void onEntry(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                        final int entry, final long quantity, final long price, final long averagePrice,
                        final long position, final long orderId) {
        entries++;
        sink.entry(timeNanos, bookIndex, instrumentId, side, entry, quantity, price, averagePrice, position, orderId);
    }

    @Override
    public void onFill(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                       final long quantity, final long price, final long fee, final long orderId,
                       final long realizedPnl, final int reason) {
        fills++;
        recentFills.add(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, realizedPnl);
        sink.fill(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, realizedPnl, reason);
        if (largeThreshold > 0) {
            final long notional = FixedPoint.multiply(price, quantity);
            if (notional >= largeThreshold) {
                largeTransactions++;
                sink.largeTransaction(timeNanos, bookIndex, instrumentId, side, quantity, price, notional);
            }
        }
    }

    @Override
    public void onOrderEvent(final long timeNanos, final Order order, final OrderTransition transition,
                             final OrderReason reason, final long lastQuantity, final long lastPrice) {
        orderEvents++;
        sink.orderEvent(timeNanos, order.id, order.bookIndex, order.instrumentId, order.side, order.type,
            order.quantity, order.notional, order.price, transition.ordinal(), order.state.ordinal(), reason.ordinal(),
            lastQuantity, lastPrice, order.filledQuantity);
        if (transition == OrderTransition.RISK_REJECT) {
            audit(timeNanos, AuditKind.RISK_REJECT, order.bookIndex, order.instrumentId, order.id, order.side,
                reason.ordinal(), order.quantity, order.notional, order.price);
        }
    }

    @Override
    public void onRoundTrip(final int bookIndex, final int instrumentId, final long openedNanos, final long closedNanos,
                            final long pnl) {
        roundTrips++;
        performance.onRoundTrip(pnl);
        if (perBook != null) {
            perBook[bookIndex].onRoundTrip(pnl);
        }
        sink.roundTrip(bookIndex, instrumentId, openedNanos, closedNanos, pnl);
    }

    /** The names of book {@code bookIndex}'s weighted members, once at start ({@link OutputSink#weightMembers}). */
    public void weightMembers(final int bookIndex, final String[] members) {
        sink.weightMembers(bookIndex, members.clone());
    }

    /** One change of a member's weight ({@code weights.csv}). */
    public void weight(final long timeNanos, final int bookIndex, final int member, final double oldWeight,
                       final double newWeight, final int reason, final double reward, final long trades) {
        weights++;
        sink.weight(timeNanos, bookIndex, member, oldWeight, newWeight, reason, reward, trades);
    }

    /** One equity row for bar {@code barTimeNanos}. */
    public void onEquity(final long barTimeNanos, final long equity, final long cash, final long positionsValue,
                         final long benchmark, final boolean inPosition) {
        equityRows++;
        performance.onBar(barTimeNanos, equity, benchmark, inPosition);
        sink.equity(barTimeNanos, equity, cash, positionsValue, benchmark, inPosition);
    }

    /**
     * Whether the sink keeps equity rows; when it does not, {@link EquityRecorder} leaves each row's benchmark to be
     * valued when read ({@link #onEquityWithoutBenchmark}).
     */
    public boolean keepsEquityRows() {
        return sink.keepsEquityRows();
    }

    /**
     * One equity row for a sink that does not keep them ({@link #keepsEquityRows()} false): counted and summarised,
     * its buy-and-hold value left to {@code benchmark}.
     */
    public void onEquityWithoutBenchmark(final long barTimeNanos, final long equity, final boolean inPosition,
                                         final PerformanceAccumulator.DeferredBenchmark benchmark) {
        equityRows++;
        performance.onBarWithoutBenchmark(barTimeNanos, equity, inPosition, benchmark);
    }

    /** Rows emitted so far, per stream. */
    public OutputRows rows() {
        return new OutputRows(fills, equityRows, orderEvents, roundTrips, largeTransactions, entries, weights);
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
        largeTransactions = rows.largeTransactions();
        entries = rows.entries();
        weights = rows.weights();
        performance.readState(in);
    }
}
