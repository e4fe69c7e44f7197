package io.ringtrade.engine.api.strategy;

/**
 * Codes {@link EventStrategy#onOrderUpdate} reports: where one of the strategy's orders went. Stable: only add.
 */
public final class OrderStatus {
    /** The venue accepted it; it is working. */
    public static final int ACCEPTED = 1;
    /** Part of it filled; the rest keeps working. */
    public static final int PARTIALLY_FILLED = 2;
    /** It filled completely (terminal). */
    public static final int FILLED = 3;
    /** It was cancelled, at the strategy's request or by the engine or venue (terminal). */
    public static final int CANCELLED = 4;
    /** Pre-trade risk or the venue refused it (terminal). */
    public static final int REJECTED = 5;
    /** It reached its expiry (terminal). */
    public static final int EXPIRED = 6;
    /** The venue took a replace ({@link EventContext#replace}): the new quantity and price work now. */
    public static final int REPLACED = 7;
    /** The venue refused a replace: the order keeps working as it was. */
    public static final int REPLACE_REJECTED = 8;

    private OrderStatus() {
    }

    /** Whether the order is over. */
    public static boolean isTerminal(final int status) {
        return status >= FILLED && status <= EXPIRED;
    }

    /** Name for logs. */
    public static String name(final int status) {
        return switch (status) {
            case ACCEPTED -> "ACCEPTED";
            case PARTIALLY_FILLED -> "PARTIALLY_FILLED";
            case FILLED -> "FILLED";
            case CANCELLED -> "CANCELLED";
            case REJECTED -> "REJECTED";
            case EXPIRED -> "EXPIRED";
            case REPLACED -> "REPLACED";
            case REPLACE_REJECTED -> "REPLACE_REJECTED";
            default -> "UNKNOWN(" + status + ")";
        };
    }
}
