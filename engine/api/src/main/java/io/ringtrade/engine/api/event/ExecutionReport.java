package io.ringtrade.engine.api.event;

/**
 * What a venue says about one order: an ack, a reject, a (partial) fill, a cancel ack or reject, an expiry, a
 * replace ack or reject. The simulated venue fills one of these and hands it straight to the order manager inside
 * business logic (it is not journaled: replay reproduces it); a live venue adapter turns its venue's answers into
 * {@code EXECUTION_REPORT} inputs on the ring, which business logic copies into one of these. So books and
 * strategies see one path for fills. Mutable and reused; primitive fields only; units fixed-point 1e-8.
 *
 * <p>Owned by the thread that fills it (business logic for the simulated venue).
 */
public final class ExecutionReport {
    /** Event time of the report (the fill's time). */
    public long timeNanos;
    /** The client order id it is about. */
    public long clientOrderId;
    /** The venue's id of the order, interned at the edge (0 when the venue gives none). */
    public long venueOrderId;
    /** {@link ReportKind} code. */
    public int kind;
    /** {@link VenueReason} code. */
    public int reason;
    /** Quantity of this fill; for REPLACE_ACK the new order quantity. */
    public long lastQuantity;
    /** Price of this fill; for REPLACE_ACK the new limit or stop price. */
    public long lastPrice;
    /** Fee charged for this fill, in the instrument's currency. */
    public long lastFee;

    /** Fills this report and returns it. */
    public ExecutionReport set(final long time, final long clientOrder, final long venueOrder, final int reportKind,
                               final int reportReason, final long quantity, final long price, final long fee) {
        timeNanos = time;
        clientOrderId = clientOrder;
        venueOrderId = venueOrder;
        kind = reportKind;
        reason = reportReason;
        lastQuantity = quantity;
        lastPrice = price;
        lastFee = fee;
        return this;
    }

    /** Copies an {@code EXECUTION_REPORT} input. */
    public ExecutionReport copyFrom(final EngineEvent input) {
        return set(input.eventTimeNanos, input.clientOrderId, input.venueOrderId, ReportKind.kindOf(input.reportKind),
            ReportKind.reasonOf(input.reportKind), input.lastQuantity, input.lastPrice, input.lastFee);
    }
}
