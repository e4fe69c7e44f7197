package io.ringtrade.engine.api.event;

/**
 * Why a venue rejected, cancelled or refused something, as a small code that travels in reports (strings never
 * travel on the ring). A live adapter maps the venue's own error to the nearest code at the edge and keeps the
 * venue's text in its own log. Codes are stable: only add.
 */
public final class VenueReason {
    /** No reason given (a plain ack, fill, or a cancel that was asked for). */
    public static final int NONE = 0;
    /** The account cannot pay for the order (or for the rest of it at the fill price). */
    public static final int INSUFFICIENT_FUNDS = 1;
    /** The venue does not know the order (cancel or replace of an unknown or finished order). */
    public static final int UNKNOWN_ORDER = 2;
    /** Too late: the order already filled or finished. */
    public static final int TOO_LATE = 3;
    /** Price not on the instrument's tick size. */
    public static final int OFF_TICK = 4;
    /** Quantity not a whole number of lots, or below the venue's minimum. */
    public static final int BAD_QUANTITY = 5;
    /** The market is closed. */
    public static final int MARKET_CLOSED = 6;
    /** Selling what the account does not hold where shorting is not allowed. */
    public static final int NO_POSITION = 7;
    /** Anything else the venue said. */
    public static final int OTHER = 8;

    private VenueReason() {
    }

    /** Name for output files. */
    public static String name(final int reason) {
        return switch (reason) {
            case NONE -> "";
            case INSUFFICIENT_FUNDS -> "INSUFFICIENT_FUNDS";
            case UNKNOWN_ORDER -> "UNKNOWN_ORDER";
            case TOO_LATE -> "TOO_LATE";
            case OFF_TICK -> "OFF_TICK";
            case BAD_QUANTITY -> "BAD_QUANTITY";
            case MARKET_CLOSED -> "MARKET_CLOSED";
            case NO_POSITION -> "NO_POSITION";
            case OTHER -> "VENUE_OTHER";
            default -> "VENUE_REASON_" + reason;
        };
    }
}
