package io.ringtrade.engine.venue;

import io.ringtrade.engine.api.event.OrderType;

/**
 * A working order at the simulated venue. Pooled and reused by {@link SimulatedVenue}; primitive fields only.
 * Owned by the business-logic thread.
 */
public final class Order {
    /** Client order id (derived from the causing input's sequence). */
    public long id;
    /** Book (strategy instance) that placed it. */
    public int bookIndex;
    /** Interned instrument id. */
    public int instrumentId;
    /** +1 buy, -1 sell. */
    public int side;
    /** {@link OrderType} code. */
    public int type;
    /** Quantity (fixed-point); for {@link #sizeToCash} orders an estimate replaced at fill time. */
    public long quantity;
    /** Limit price for LIMIT, trigger price for STOP; 0 for MARKET. */
    public long price;
    /** A buy that spends all of the book's cash at the fill price, fees included. */
    public boolean sizeToCash;
    /** Orders sharing a non-zero group cancel each other when one fills (one-cancels-other). */
    public long ocoGroup;
    /** Event time at which the order was placed. */
    public long placedNanos;
    /** Row of this order in the order log, so its fate can be recorded. */
    public int logRow;

    /** Copies every field from {@code other}. */
    public void copyFrom(final Order other) {
        id = other.id;
        bookIndex = other.bookIndex;
        instrumentId = other.instrumentId;
        side = other.side;
        type = other.type;
        quantity = other.quantity;
        price = other.price;
        sizeToCash = other.sizeToCash;
        ocoGroup = other.ocoGroup;
        placedNanos = other.placedNanos;
        logRow = other.logRow;
    }

    /** Resets to a market order with no fields set. */
    public Order clear() {
        id = 0;
        bookIndex = 0;
        instrumentId = 0;
        side = 0;
        type = OrderType.MARKET;
        quantity = 0;
        price = 0;
        sizeToCash = false;
        ocoGroup = 0;
        placedNanos = 0;
        logRow = -1;
        return this;
    }
}
