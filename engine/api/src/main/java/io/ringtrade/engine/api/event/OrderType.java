package io.ringtrade.engine.api.event;

/** Order type codes. Part of the journal layout: only add. */
public final class OrderType {
    /** Fills at the next available price (next bar's open, or the next tick). */
    public static final int MARKET = 1;
    /** Fills at the limit or better once the market trades through it. */
    public static final int LIMIT = 2;
    /** Becomes a market order once the market reaches the stop price. */
    public static final int STOP = 3;

    private OrderType() {
    }

    /** Name for output files. */
    public static String name(final int type) {
        return switch (type) {
            case MARKET -> "MARKET";
            case LIMIT -> "LIMIT";
            case STOP -> "STOP";
            default -> "UNKNOWN(" + type + ")";
        };
    }
}
