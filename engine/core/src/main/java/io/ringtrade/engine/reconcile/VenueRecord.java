package io.ringtrade.engine.reconcile;

import java.util.List;

/**
 * The venue's side of a reconciliation: its record of orders, fills and holdings, asked on the start-up thread (or
 * the venue adapter's thread when reconciliation is retried). A live venue answers over its API; paper mode answers
 * from the recovered simulated venue ({@link SimulatedVenueRecord}), so the same comparison runs every day.
 */
public interface VenueRecord {
    /** The venue's name for messages, e.g. {@code xchange:SimulatedExchange}. */
    String name();

    /**
     * What the venue has of this order, found by its client order id, or null when the venue does not know it.
     *
     * @throws VenueUnavailableException when the venue cannot be asked
     */
    VenueOrder find(EngineOrder order) throws VenueUnavailableException;

    /**
     * The order's fills as the venue records them, oldest first (empty when the venue does not list fills: then a
     * missing quantity is applied at the venue's average price).
     */
    List<VenueFill> fills(EngineOrder order, VenueOrder venueOrder) throws VenueUnavailableException;

    /** Every order open at the venue for the configured instruments, ours (with a client order id) and foreign. */
    List<VenueOrder> openOrders() throws VenueUnavailableException;

    /**
     * Whether a request for this client order id ever left the process (the adapter records each one before it
     * calls the venue). An open order the venue does not know and that never left was decided but not released
     * before a crash; one that left is lost.
     */
    boolean wasSent(long clientOrderId);

    /**
     * The venue's holding of each instrument (indexed by instrument id), or null when holdings cannot be compared
     * with the books (the books are the account, or the account holds more than the engine trades).
     */
    long[] positions() throws VenueUnavailableException;
}
