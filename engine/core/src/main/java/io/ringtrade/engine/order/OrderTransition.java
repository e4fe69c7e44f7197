package io.ringtrade.engine.order;

/**
 * What happens to an order: a decision of business logic (release, risk reject, cancel or replace request) or a
 * venue's report (ack, reject, fill, cancel ack or reject, expiry, replace ack or reject). The column of
 * {@link OrderStateMachine}'s table, and the {@code event} column of {@code order_events.csv}.
 */
public enum OrderTransition {
    /** Business logic decided the order (its first row). */
    DECIDE,
    /** Risk passed it; it goes to the venue. */
    RELEASE,
    /** Risk refused it. */
    RISK_REJECT,
    /** The venue acknowledged it. */
    ACK,
    /** The venue refused it. */
    REJECT,
    /** Part of it filled. */
    PARTIAL_FILL,
    /** The rest of it filled. */
    FILL,
    /** Business logic asked for a cancel. */
    CANCEL_REQUEST,
    /** The venue cancelled it. */
    CANCEL_ACK,
    /** The venue refused a cancel. */
    CANCEL_REJECT,
    /** Business logic asked for a cancel/replace. */
    REPLACE_REQUEST,
    /** The venue replaced it. */
    REPLACE_ACK,
    /** The venue refused a cancel/replace. */
    REPLACE_REJECT,
    /** The venue expired it. */
    EXPIRE,
    /** It waits for the cancels of the orders holding the position it reduces before risk judges it. */
    WAIT,
    /** Cancelled while it waited: it never left the engine. */
    WITHDRAW
}
