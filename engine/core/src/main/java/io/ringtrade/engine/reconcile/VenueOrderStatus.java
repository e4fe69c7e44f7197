package io.ringtrade.engine.reconcile;

/** Where a venue has an order, in the few states every venue can say. Immutable. */
public enum VenueOrderStatus {
    /** Working (new or partly filled). */
    OPEN,
    /** Filled completely. */
    FILLED,
    /** Cancelled (possibly after partial fills). */
    CANCELLED,
    /** Refused; never worked. */
    REJECTED,
    /** Reached its expiry. */
    EXPIRED
}
