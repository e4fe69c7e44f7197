package io.ringtrade.engine.order;

/**
 * Where an order is in its life (DESIGN.md §2). The order manager moves it only through {@link OrderStateMachine}'s
 * table; every move is one row of {@code order_events.csv}, and the last state is the order's row in
 * {@code orders.csv}.
 */
public enum OrderState {
    /** Business logic decided it; pre-trade risk has not yet passed it. */
    DECIDED(false),
    /** Risk passed it and it went to its venue (for a live venue: handed to the gateway, sent after journaling). */
    RELEASED(false),
    /** The venue acknowledged it: it is working. */
    ACCEPTED(false),
    /** Part of it filled; the rest is working. */
    PARTIALLY_FILLED(false),
    /** A cancel was asked for and the venue has not answered yet; fills can still arrive. */
    PENDING_CANCEL(false),
    /** A cancel/replace was asked for and the venue has not answered yet; fills can still arrive. */
    PENDING_REPLACE(false),
    /** Filled completely. */
    FILLED(true),
    /** Cancelled (as asked, or by the venue with a reason); may have filled in part before. */
    CANCELLED(true),
    /** Refused by pre-trade risk (never left the engine) or by the venue (never worked). */
    REJECTED(true),
    /** Reached its expiry time with a quantity still open. */
    EXPIRED(true),
    /**
     * Decided, and waiting for the venue to confirm the cancels of the book's orders that hold the position it
     * reduces (a live venue answers a cancel later): risk judges it once they are confirmed, so it never races them
     * for the same quantity. It has not left the engine. (Added after the states above, which snapshots and output
     * records carry by ordinal.)
     */
    WAITING(false);

    private final boolean terminal;

    OrderState(final boolean terminal) {
        this.terminal = terminal;
    }

    /** True for states no report can move the order out of (FILLED, CANCELLED, REJECTED, EXPIRED). */
    public boolean isTerminal() {
        return terminal;
    }

    /** True while the order may still fill: after release and before a terminal state. */
    public boolean isWorking() {
        return !terminal && this != DECIDED && this != WAITING;
    }
}
