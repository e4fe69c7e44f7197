package io.ringtrade.engine.output;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.order.FillReason;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderState;
import io.ringtrade.engine.order.OrderTransition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link OutputSink} for tests: keeps every row in memory as a record, and renders orders as {@code orders.csv}
 * would (one per order, decision order, final state). Single-threaded.
 */
public final class RecordingSink implements OutputSink {
    /** One fill. */
    public record Fill(long time, int book, int instrument, int side, long quantity, long price, long fee, long orderId,
                       long realizedPnl) {
    }

    /** One equity row. */
    public record Equity(long time, long equity, long cash, long positionsValue, long benchmark, boolean inPosition) {
    }

    /** One order transition. */
    public record OrderEvent(long time, long orderId, int book, int instrument, int side, int type, long quantity,
                             long notional, long price, OrderTransition transition, OrderState state,
                             OrderReason reason, long lastQuantity, long lastPrice, long filledQuantity) {
    }

    /** One round trip. */
    public record RoundTrip(int book, int instrument, long opened, long closed, long pnl) {
    }

    /** One large-transaction report. */
    public record Large(long time, int book, int instrument, int side, long quantity, long price, long notional) {
    }

    /** One audit line of business logic. */
    public record Audit(long time, long entry, int ordinal, int kind, int book, int instrument, long a, long b, long c,
                        long d, long e, long f) {
    }

    /** One change of a weighted member's weight; {@code reason} is a {@code WeightLog.Reason} ordinal. */
    public record Weight(long time, int book, String member, double oldWeight, double newWeight, int reason,
                         double reward, long trades) {
    }

    /** Weight changes, in order. */
    public final List<Weight> weights = new ArrayList<>();
    /** Weighted members' names by book. */
    public final Map<Integer, List<String>> weightMembers = new LinkedHashMap<>();

    @Override
    public void weightMembers(final int bookIndex, final String[] members) {
        weightMembers.put(bookIndex, List.of(members));
    }

    @Override
    public void weight(final long timeNanos, final int bookIndex, final int member, final double oldWeight,
                       final double newWeight, final int reason, final double reward, final long trades) {
        weights.add(new Weight(timeNanos, bookIndex, weightMembers.get(bookIndex).get(member), oldWeight, newWeight,
            reason, reward, trades));
    }

    /** Large-transaction reports, in order. */
    public final List<Large> large = new ArrayList<>();
    /** Audit lines, in order. */
    public final List<Audit> audit = new ArrayList<>();

    @Override
    public void largeTransaction(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                                 final long quantity, final long price, final long notional) {
        large.add(new Large(timeNanos, bookIndex, instrumentId, side, quantity, price, notional));
    }

    @Override
    public void audit(final long timeNanos, final long entry, final int ordinal, final int kind, final int bookIndex,
                      final int instrumentId, final long a, final long b, final long c, final long d, final long e,
                      final long f) {
        audit.add(new Audit(timeNanos, entry, ordinal, kind, bookIndex, instrumentId, a, b, c, d, e, f));
    }

    /** Fills, in order. */
    public final List<Fill> fills = new ArrayList<>();
    /** Equity rows, in order. */
    public final List<Equity> equity = new ArrayList<>();
    /** Order transitions, in order. */
    public final List<OrderEvent> orderEvents = new ArrayList<>();
    /** Round trips, in order. */
    public final List<RoundTrip> roundTrips = new ArrayList<>();

    /** The reason label of each fill, in order (as {@code trades.csv} writes it). */
    public final List<String> fillReasons = new ArrayList<>();
    /** Entry rows, in order: time, book, instrument, side, entry, quantity, price, average, position, order id. */
    public final List<long[]> entries = new ArrayList<>();

    @Override
    public void fill(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                     final long quantity, final long price, final long fee, final long orderId,
                     final long realizedPnl) {
        fills.add(new Fill(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, realizedPnl));
    }

    @Override
    public void fill(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                     final long quantity, final long price, final long fee, final long orderId,
                     final long realizedPnl, final int reason) {
        fill(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, realizedPnl);
        fillReasons.add(FillReason.of(reason).label());
    }

    @Override
    public void entry(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                      final int entry, final long quantity, final long price, final long averagePrice,
                      final long position, final long orderId) {
        entries.add(new long[] {timeNanos, bookIndex, instrumentId, side, entry, quantity, price, averagePrice,
            position, orderId});
    }

    @Override
    public void equity(final long barTimeNanos, final long value, final long cash, final long positionsValue,
                       final long benchmark, final boolean inPosition) {
        equity.add(new Equity(barTimeNanos, value, cash, positionsValue, benchmark, inPosition));
    }

    @Override
    public void orderEvent(final long timeNanos, final long orderId, final int bookIndex, final int instrumentId,
                           final int side, final int orderType, final long quantity, final long notional,
                           final long price, final int transition, final int state, final int reason,
                           final long lastQuantity, final long lastPrice, final long filledQuantity) {
        orderEvents.add(new OrderEvent(timeNanos, orderId, bookIndex, instrumentId, side, orderType, quantity, notional,
            price, OrderTransition.values()[transition], OrderState.values()[state], OrderReason.of(reason),
            lastQuantity, lastPrice, filledQuantity));
    }

    @Override
    public void roundTrip(final int bookIndex, final int instrumentId, final long openedNanos, final long closedNanos,
                          final long pnl) {
        roundTrips.add(new RoundTrip(bookIndex, instrumentId, openedNanos, closedNanos, pnl));
    }

    /** The last transition of every order, in decision order (what orders.csv holds, plus its decision time). */
    public List<OrderEvent> finalOrders() {
        final Map<Long, OrderEvent> last = new LinkedHashMap<>();
        for (final OrderEvent event : orderEvents) {
            last.put(event.orderId(), event);
        }
        return new ArrayList<>(last.values());
    }

    /** The decision time of an order. */
    public long decidedAt(final long orderId) {
        for (final OrderEvent event : orderEvents) {
            if (event.orderId() == orderId) {
                return event.time();
            }
        }
        throw new IllegalArgumentException("no order " + orderId);
    }

    /** One order's transitions as "STATE reason" lines. */
    public List<String> history(final long orderId) {
        final List<String> lines = new ArrayList<>();
        for (final OrderEvent event : orderEvents) {
            if (event.orderId() == orderId) {
                lines.add((event.state() + " " + event.reason().label()).trim()
                    + (event.lastQuantity() != 0 ? " " + FixedPoint.toString(event.lastQuantity()) + " @ "
                    + FixedPoint.toString(event.lastPrice()) : ""));
            }
        }
        return lines;
    }

    /** A short description of an order's final state, e.g. {@code order 2000 buy MARKET 9 FILLED}. */
    public static String describe(final OrderEvent order, final long decidedAt) {
        return "t" + decidedAt + " order " + order.orderId() + (order.side() > 0 ? " buy " : " sell ")
            + OrderType.name(order.type()) + " " + FixedPoint.toString(order.quantity())
            + (order.notional() > 0 ? " notional " + FixedPoint.toString(order.notional()) : "") + " " + order.state()
            + (order.reason().label().isEmpty() || !order.state().isTerminal() ? "" : " " + order.reason().label());
    }
}
