package io.ringtrade.engine.api.event;

/**
 * One request to a venue that business logic decided (a new order, a cancel, a cancel/replace, a cancel-all),
 * waiting in the slot of the input that caused it until the gateway may release it (after the journal has passed
 * that input). Pre-allocated and reused; primitive fields only. Written by the business-logic thread, read by the
 * gateway thread after the ring's barrier, and by a live venue adapter's thread after the gateway copied it into
 * that adapter's queue.
 *
 * <p>An order is sized when it is decided: it carries either a {@link #quantity} or a {@link #notional} (money to
 * spend, fees included, at whatever price fills, as Alpaca's notional orders and Binance's quote-quantity orders),
 * never both. Units: fixed-point longs at 1e-8; times epoch nanoseconds UTC.
 */
public final class OrderEffect {
    /** {@link EffectKind} code. */
    public int kind;
    /** Client order id: the new order's (SUBMIT) or the target order's (CANCEL, REPLACE); 0 for CANCEL_ALL. */
    public long clientOrderId;
    /** Index of the book that owns the order(s). */
    public int bookIndex;
    /** Interned instrument id; for CANCEL_ALL, -1 means every instrument of the book. */
    public int instrumentId;
    /** +1 buy, -1 sell (SUBMIT). */
    public int side;
    /** {@link OrderType} code (SUBMIT). */
    public int orderType;
    /** Quantity (SUBMIT) or the new quantity (REPLACE); 0 for a notional order. */
    public long quantity;
    /** Money to spend including fees, for a notional buy; 0 for a quantity order. */
    public long notional;
    /** Limit price for LIMIT, trigger price for STOP; 0 for MARKET. The new price for REPLACE. */
    public long price;
    /** Event time after which the venue expires the order; 0 = good till cancelled. */
    public long expiresAtNanos;
    /** The venue's id of the target order (CANCEL, REPLACE) once known, interned at the edge; 0 when not known. */
    public long venueOrderId;
    /** Event time at which business logic made the request (the decision time). */
    public long timeNanos;

    /** Resets every field. */
    public OrderEffect clear() {
        kind = 0;
        clientOrderId = 0;
        bookIndex = 0;
        instrumentId = -1;
        side = 0;
        orderType = 0;
        quantity = 0;
        notional = 0;
        price = 0;
        expiresAtNanos = 0;
        venueOrderId = 0;
        timeNanos = 0;
        return this;
    }

    /** Copies every field from {@code other}. */
    public void copyFrom(final OrderEffect other) {
        kind = other.kind;
        clientOrderId = other.clientOrderId;
        bookIndex = other.bookIndex;
        instrumentId = other.instrumentId;
        side = other.side;
        orderType = other.orderType;
        quantity = other.quantity;
        notional = other.notional;
        price = other.price;
        expiresAtNanos = other.expiresAtNanos;
        venueOrderId = other.venueOrderId;
        timeNanos = other.timeNanos;
    }
}
