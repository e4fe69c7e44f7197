package io.ringtrade.engine.reconcile;

import io.ringtrade.engine.order.Order;
import io.ringtrade.engine.order.OrderState;

/**
 * One open order as the engine knows it after recovery: what reconciliation compares with the venue's record. An
 * immutable copy taken on the start-up thread (business logic is not running yet), so reconciliation may keep it.
 *
 * @param clientOrderId   the client order id sent to the venue
 * @param bookIndex       the book that owns it
 * @param instrumentId    interned instrument id
 * @param side            +1 buy, -1 sell
 * @param orderType       {@link io.ringtrade.engine.api.event.OrderType} code
 * @param quantity        ordered quantity (0 for a notional order until it fills)
 * @param notional        money to spend of a notional buy, else 0
 * @param price           limit or stop price, 0 for market orders
 * @param filledQuantity  what the engine has settled of it
 * @param filledNotional  Σ fill price × quantity the engine has settled
 * @param state           where the engine has it
 * @param decidedNanos    decision time
 */
public record EngineOrder(long clientOrderId, int bookIndex, int instrumentId, int side, int orderType, long quantity,
                          long notional, long price, long filledQuantity, long filledNotional, OrderState state,
                          long decidedNanos) {
    /** A copy of an open order of the order manager. */
    public static EngineOrder of(final Order order) {
        return new EngineOrder(order.id, order.bookIndex, order.instrumentId, order.side, order.type, order.quantity,
            order.notional, order.price, order.filledQuantity, order.filledNotional, order.state, order.decidedNanos);
    }
}
