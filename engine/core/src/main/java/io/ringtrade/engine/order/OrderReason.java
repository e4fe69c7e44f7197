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
    /** The book is halted (by an operator, or an order manager anomaly): new orders are refused. */
    BOOK_HALTED("BOOK_HALTED"),

    // ---- external signals that place nothing (each still gets a row) -------------------------------------------
    /** A signal for an instrument its book does not trade. */
    NOT_TRADED("NOT_TRADED"),
    /** A signal whose idempotency key was seen before: a sender's retry, or a signal sent again after a crash. */
    DUPLICATE("DUPLICATE"),
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
    EXPIRED("EXPIRED"),

    // ---- the risk layer (added after the codes above, which snapshots and output records carry by ordinal) ------
    /** Decided by an operator's kill switch with flatten: a reduce-only market order closing a position. */
    FLATTEN("flatten"),
    /** Decided by an operator's close-position command: a reduce-only market order. */
    CLOSE("close"),
    /** Refused (or cancelled on entering REDUCE_ONLY) because it could grow a position while only reducing passes. */
    REDUCE_ONLY("REDUCE_ONLY"),
    /** Refused because the engine's global trading state is HALTED (the kill switch). */
    TRADING_HALTED("TRADING_HALTED"),
    /** Cancelled because an operator halted its book or the engine (the kill switch). */
    KILL_SWITCH("KILL_SWITCH"),
    /** Refused (or cancelled) because its book, or all books together, went past the maximum daily loss. */
    DAILY_LOSS("DAILY_LOSS"),
    /** Its notional is above the maximum order notional. */
    MAX_ORDER_NOTIONAL("MAX_ORDER_NOTIONAL"),
    /** It would take the position (open orders included) above the maximum as a percentage of equity. */
    MAX_POSITION("MAX_POSITION"),
    /** The book, or all books together, already released the most orders allowed in the last second. */
    ORDER_RATE("ORDER_RATE"),
    /** Its limit or stop price is further from the last price than the price band allows (fat-finger guard). */
    PRICE_BAND("PRICE_BAND"),

    // ---- live venues -----------------------------------------------------------------------------------------
    /**
     * Refused before the venue: a live venue holds the book (reconciliation after a restart not finished or not
     * clean, or the venue refused the credentials for good).
     */
    VENUE_HOLD("VENUE_HOLD"),
    /** Reconciliation: the order was sent but the venue does not know it; marked lost, never sent again. */
    LOST("LOST"),
    /** The order never reached the venue (decided but unreleased before a crash and dropped, or refused by the adapter). */
    NOT_SENT("NOT_SENT"),
    /**
     * A buy the rebalance cash clamp scaled down to the cash available after the sells fell below the minimum notional
     * and was dropped.
     */
    CASH_CLAMP("CASH_CLAMP"),
    /**
     * The order waited for the cancels of the book's orders that held the position it reduces, and they did not free
     * it (the venue refused a cancel, or one of them filled first): refused, so one position is never sold twice.
     */
    ROOM_NOT_FREED("ROOM_NOT_FREED"),

    // ---- margin -----------------------------------------------------------------------------------------------
    /**
     * A margin call: cancelled because the book's equity fell below its maintenance margin, or decided by it (a
     * reduce-only market order closing a position).
     */
    MARGIN_CALL("MARGIN_CALL");

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
            case VenueReason.LOST -> LOST;
            case VenueReason.NOT_SENT -> NOT_SENT;
            default -> VENUE_OTHER;
        };
    }

    /** The reason with ordinal {@code code} (as carried in output records). */
    public static OrderReason of(final int code) {
        return VALUES[code];
    }

    /** Whether this is a refusal by pre-trade risk (KILL_SWITCH is only ever a cancel reason). */
    public boolean isRiskRejection() {
        return switch (this) {
            case ZERO_QUANTITY, MIN_NOTIONAL, SHORT_NOT_ALLOWED, MAX_SHORT_NOTIONAL, INSUFFICIENT_CASH, TICK_SIZE,
                 LOT_SIZE, NO_PRICE, OVERFLOW, TOO_MANY_ORDERS, BOOK_HALTED, REDUCE_ONLY, TRADING_HALTED, DAILY_LOSS,
                 MAX_ORDER_NOTIONAL, MAX_POSITION, ORDER_RATE, PRICE_BAND, ROOM_NOT_FREED -> true;
            default -> false;
        };
    }

    /**
     * Whether an order of this origin was decided by an operator (flatten, close) or by a margin call on the
     * operator's terms: it may reduce while HALTED, and no order-size limit holds it back.
     */
    public boolean isOperatorOrigin() {
        return this == FLATTEN || this == CLOSE || this == MARGIN_CALL;
    }
}
