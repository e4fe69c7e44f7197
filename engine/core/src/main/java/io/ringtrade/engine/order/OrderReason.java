package io.ringtrade.engine.order;

import io.ringtrade.engine.api.event.VenueReason;

/**
 * Why an order was decided, refused, cancelled or ended as it did: the {@code reason} column of {@code orders.csv}
 * and {@code order_events.csv}, and the key of the rejection counters. One code space for business logic's own
 * reasons (pre-trade risk, cancels it asked for) and the venue's ({@link VenueReason}, mapped by {@link #ofVenue}).
 */
public enum OrderReason {
    /** No reason (a plain ack or fill). */
    NONE(""),
    /** Decided by the book's strategy at a bar close. */
    STRATEGY("strategy"),
    /** Decided from an external signal. */
    SIGNAL("signal"),

    // ---- pre-trade risk: the order never leaves the engine -------------------------------------------------
    /** The quantity (or the quantity a notional buys at the reference price) rounds down to zero lots. */
    ZERO_QUANTITY("ZERO_QUANTITY"),
    /** Notional below the book's minimum. */
    MIN_NOTIONAL("MIN_NOTIONAL"),
    /** The order would open or extend a short and the book does not allow shorting. */
    SHORT_NOT_ALLOWED("SHORT_NOT_ALLOWED"),
    /** The short the order would open or extend exceeds the book's maximum short notional. */
    MAX_SHORT_NOTIONAL("MAX_SHORT_NOTIONAL"),
    /** A buy (or the long part of a buy that flips a short) the cash not reserved by open orders cannot pay for. */
    INSUFFICIENT_CASH("INSUFFICIENT_CASH"),
    /** A limit or stop price that is not a multiple of the instrument's tick size. */
    TICK_SIZE("TICK_SIZE"),
    /** A quantity that is not a whole number of lots. */
    LOT_SIZE("LOT_SIZE"),
    /** A notional to convert before any price of the instrument is known. */
    NO_PRICE("NO_PRICE"),
    /** The order's arithmetic would leave the fixed-point range (an absurd size or price). */
    OVERFLOW("OVERFLOW"),
    /** The input already caused as many orders as client order ids allow per input. */
    TOO_MANY_ORDERS("TOO_MANY_ORDERS"),
    /** The book is halted: an order manager anomaly stopped it; new orders are refused. */
    BOOK_HALTED("BOOK_HALTED"),

    // ---- cancels business logic asked for ------------------------------------------------------------------
    /** Cancelled by the clean stop (or an operator's cancel-all). */
    STOP("STOP"),
    /** Cancelled because another order of its one-cancels-other group filled. */
    OCO("OCO"),
    /** Cancelled or replaced at the strategy's request. */
    REQUESTED("REQUESTED"),

    // ---- the venue's reasons ---------------------------------------------------------------------------------
    /** The venue: the account cannot pay (the simulated venue's cash clamp at the fill price). */
    INSUFFICIENT_FUNDS("INSUFFICIENT_FUNDS"),
    /** The venue does not know the order. */
    UNKNOWN_ORDER("UNKNOWN_ORDER"),
    /** The venue: too late, the order already finished. */
    TOO_LATE("TOO_LATE"),
    /** The venue: price off the tick size. */
    OFF_TICK("OFF_TICK"),
    /** The venue: bad quantity. */
    BAD_QUANTITY("BAD_QUANTITY"),
    /** The venue: market closed. */
    MARKET_CLOSED("MARKET_CLOSED"),
    /** The venue: nothing to sell. */
    NO_POSITION("NO_POSITION"),
    /** The venue gave another reason. */
    VENUE_OTHER("VENUE_OTHER"),
    /** The order reached its expiry time. */
    EXPIRED("EXPIRED");

    private static final OrderReason[] VALUES = values();
    private final String label;

    OrderReason(final String label) {
        this.label = label;
    }

    /** The text written in output files. */
    public String label() {
        return label;
    }

    /** The reason for a {@link VenueReason} code. */
    public static OrderReason ofVenue(final int venueReason) {
        return switch (venueReason) {
            case VenueReason.NONE -> NONE;
            case VenueReason.INSUFFICIENT_FUNDS -> INSUFFICIENT_FUNDS;
            case VenueReason.UNKNOWN_ORDER -> UNKNOWN_ORDER;
            case VenueReason.TOO_LATE -> TOO_LATE;
            case VenueReason.OFF_TICK -> OFF_TICK;
            case VenueReason.BAD_QUANTITY -> BAD_QUANTITY;
            case VenueReason.MARKET_CLOSED -> MARKET_CLOSED;
            case VenueReason.NO_POSITION -> NO_POSITION;
            default -> VENUE_OTHER;
        };
    }

    /** The reason with ordinal {@code code} (as carried in output records). */
    public static OrderReason of(final int code) {
        return VALUES[code];
    }

    /** Whether this is a refusal by pre-trade risk. */
    public boolean isRiskRejection() {
        return ordinal() >= ZERO_QUANTITY.ordinal() && ordinal() <= BOOK_HALTED.ordinal();
    }
}
