package io.ringtrade.engine.order;

import io.ringtrade.engine.api.event.OrderType;

/**
 * What a strategy stage or the signal stage asks the order manager for: one order, sized when it is decided (a
 * quantity, or a notional to spend fees included), with the price it is judged at. A reusable template: fill it,
 * pass it to {@link OrderManager#decide}, reuse it. Business-logic thread; primitive fields only.
 */
public final class OrderRequest {
    /** Book placing the order. */
    public int bookIndex;
    /** Interned instrument id. */
    public int instrumentId;
    /** +1 buy, -1 sell. */
    public int side;
    /** {@link OrderType} code. */
    public int type;
    /** Quantity, or 0 for a notional order. */
    public long quantity;
    /** Money to spend including fees (buys only), or 0 for a quantity order. */
    public long notional;
    /** Limit or stop price; 0 for market orders. */
    public long price;
    /** Expiry in event time; 0 = good till cancelled. */
    public long expiresAtNanos;
    /** Orders sharing a non-zero group cancel each other when one fills. */
    public long ocoGroup;
    /** The price risk judges a market order at (the latest price); limit and stop orders use their own price. */
    public long referencePrice;
    /** Decision time (event time). */
    public long timeNanos;
    /** Why it was decided ({@link OrderReason#STRATEGY}, {@link OrderReason#SIGNAL}). */
    public OrderReason origin = OrderReason.STRATEGY;
    /** What its fills are for; {@link FillReason#NONE} = derived at each fill from the origin and the position. */
    public FillReason purpose = FillReason.NONE;
    /**
     * Set when the stage that built the request already knows it must be refused (e.g. {@link OrderReason#OVERFLOW}
     * converting an absurd size): the order manager records the refusal without checking further.
     */
    public OrderReason refusal;
    /**
     * Whether the order must only shrink a position (a flatten or close): refused with {@link OrderReason#REDUCE_ONLY}
     * when any part of it would open or grow one.
     */
    public boolean reduceOnly;

    /** Resets to an empty market order. */
    public OrderRequest clear() {
        bookIndex = 0;
        instrumentId = 0;
        side = 0;
        type = OrderType.MARKET;
        quantity = 0;
        notional = 0;
        price = 0;
        expiresAtNanos = 0;
        ocoGroup = 0;
        referencePrice = 0;
        timeNanos = 0;
        origin = OrderReason.STRATEGY;
        purpose = FillReason.NONE;
        refusal = null;
        reduceOnly = false;
        return this;
    }

    /** The price risk judges this order at. */
    public long judgedPrice() {
        return type == OrderType.MARKET ? referencePrice : price;
    }
}
