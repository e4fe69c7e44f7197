package io.ringtrade.engine.api.event;

/**
 * One order that business logic decided to send, waiting in the slot of the input that caused it until the
 * gateway may release it (after the journal has passed that input). Pre-allocated and reused; primitive
 * fields only. Written by the business-logic thread, read by the gateway thread after the ring's barrier.
 */
public final class OrderEffect {
    /** Client order id, derived from the journal sequence of the causing input. */
    public long clientOrderId;
    /** Index of the strategy instance (book) that placed it. */
    public int strategyIndex;
    /** Interned instrument id. */
    public int instrumentId;
    /** +1 buy, -1 sell. */
    public int side;
    /** {@link io.ringtrade.engine.api.event.OrderType} code. */
    public int orderType;
    /** Quantity, fixed-point (1e-8). */
    public long quantity;
    /** Limit or stop price, fixed-point (1e-8); 0 for market orders. */
    public long price;

    /** Copies every field from {@code other}. */
    public void copyFrom(final OrderEffect other) {
        clientOrderId = other.clientOrderId;
        strategyIndex = other.strategyIndex;
        instrumentId = other.instrumentId;
        side = other.side;
        orderType = other.orderType;
        quantity = other.quantity;
        price = other.price;
    }
}
