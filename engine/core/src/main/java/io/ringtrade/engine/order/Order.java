package io.ringtrade.engine.order;

/**
 * One order owned by the order manager, from its decision to its terminal state: what was asked, where it is
 * ({@link OrderState}), what filled, and what it reserves. Pooled and reused by {@link OrderTable}; primitive fields
 * and enum references only. Business-logic thread.
 */
public final class Order {
    /** Client order id: input sequence × 1000 + ordinal ({@link ClientOrderIds}). */
    public long id;
    /** Book that placed it. */
    public int bookIndex;
    /** Interned instrument id. */
    public int instrumentId;
    /** +1 buy, -1 sell. */
    public int side;
    /** {@link io.ringtrade.engine.api.event.OrderType} code. */
    public int type;
    /** Ordered quantity (for a notional order 0 until it fills, then the filled quantity). */
    public long quantity;
    /** Ordered notional (money to spend including fees) of a notional buy, else 0. */
    public long notional;
    /** Limit or stop price; 0 for market orders. */
    public long price;
    /** Expiry in event time, 0 = good till cancelled. */
    public long expiresAtNanos;
    /** One-cancels-other group, 0 for none. */
    public long ocoGroup;
    /** Decision time. */
    public long decidedNanos;
    /** Why it was decided. */
    public OrderReason origin;
    /** What its fills are for ({@code trades.csv}'s reason); {@link FillReason#NONE} = derived at each fill. */
    public FillReason purpose = FillReason.NONE;
    /** Current state. */
    public OrderState state;
    /** The state to go back to when a pending cancel or replace is refused (or a replace is done). */
    public OrderState resumeState;
    /** The reason of the pending cancel or replace, written when it completes. */
    public OrderReason pendingReason;
    /** New quantity and price of a pending replace. */
    public long pendingQuantity;
    /** New price of a pending replace. */
    public long pendingPrice;
    /** Quantity filled so far. */
    public long filledQuantity;
    /** Σ fill price × quantity so far (for the average fill price). */
    public long filledNotional;
    /** Cash spent so far on a notional order (fills plus fees). */
    public long spent;
    /** The venue's id, interned at the edge; 0 until acknowledged. */
    public long venueOrderId;
    /** Of a buy: the quantity that covers a short (not checked against cash, reserves none). */
    public long coverQuantity;
    /** Of a sell: the quantity that closes a long the book holds. */
    public long closeQuantity;
    /** Cash this open order reserves now (its remaining long part at its judged cost, or its remaining notional). */
    public long reservedCash;
    /** Quantity of a short this open buy reserves to cover now. */
    public long reservedCover;
    /** Quantity of a long this open sell reserves to close now. */
    public long reservedClose;
    /** Quantity of short this open sell reserves to open now. */
    public long reservedShort;
    /** Per-unit cost this order's reservation is judged at (price with slippage and commission), fixed-point. */
    public long unitCost;
    /** The price risk judges a market order at (kept for an order that waits, {@link OrderState#WAITING}). */
    public long referencePrice;
    /** Whether it must only shrink a position (kept for an order that waits). */
    public boolean reduceOnly;
    /** Previous and next open order, in decision order (the table's list). */
    Order previous;
    /** Next open order. */
    Order next;

    /** Remaining quantity of a quantity order. */
    public long remainingQuantity() {
        return quantity - filledQuantity;
    }

    /** Whether it is a notional (spend this much) order. */
    public boolean isNotional() {
        return notional > 0;
    }

    /** Resets every field for reuse. */
    void clear() {
        id = 0;
        bookIndex = 0;
        instrumentId = 0;
        side = 0;
        type = 0;
        quantity = 0;
        notional = 0;
        price = 0;
        expiresAtNanos = 0;
        ocoGroup = 0;
        decidedNanos = 0;
        origin = OrderReason.NONE;
        purpose = FillReason.NONE;
        state = OrderState.DECIDED;
        resumeState = null;
        pendingReason = OrderReason.NONE;
        pendingQuantity = 0;
        pendingPrice = 0;
        filledQuantity = 0;
        filledNotional = 0;
        spent = 0;
        venueOrderId = 0;
        coverQuantity = 0;
        closeQuantity = 0;
        reservedCash = 0;
        reservedCover = 0;
        reservedClose = 0;
        reservedShort = 0;
        unitCost = 0;
        referencePrice = 0;
        reduceOnly = false;
        previous = null;
        next = null;
    }
}
