package io.ringtrade.engine.output;

/** Fates of an order intent, as written in {@code orders.csv}. */
public final class OrderStatus {
    /** Accepted by risk, working at the venue. */
    public static final int OPEN = 1;
    /** Filled. */
    public static final int FILLED = 2;
    /** Cancelled (by OCO, by a stop, or because it could not be settled). */
    public static final int CANCELLED = 3;
    /** Refused by a pre-trade risk check before it existed at the venue. */
    public static final int REJECTED = 4;

    private OrderStatus() {
    }

    /** Name for output. */
    public static String name(final int status) {
        return switch (status) {
            case OPEN -> "OPEN";
            case FILLED -> "FILLED";
            case CANCELLED -> "CANCELLED";
            case REJECTED -> "REJECTED";
            default -> "UNKNOWN";
        };
    }
}
