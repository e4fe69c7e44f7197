package io.ringtrade.engine.api.event;

/**
 * Kinds of {@link ExecutionReport} (and of {@code EXECUTION_REPORT} inputs): what a venue says about one order.
 * In a journaled report the kind and a reason code share one int ({@link #pack}): bits 0–7 the kind, bits 8–30 the
 * reason ({@link VenueReason}). Codes are stable: only add.
 */
public final class ReportKind {
    /** The venue accepted the order (it is working). */
    public static final int ACK = 1;
    /** The venue refused the order; it never worked. */
    public static final int REJECT = 2;
    /** Part of the order filled; the rest keeps working. */
    public static final int PARTIAL_FILL = 3;
    /** The order filled completely (this report carries the last part). */
    public static final int FILL = 4;
    /** The order is cancelled (asked for, or by the venue itself, with a reason). */
    public static final int CANCEL_ACK = 5;
    /** A cancel request was refused (typically: too late, the order already filled). */
    public static final int CANCEL_REJECT = 6;
    /** The order reached its expiry time unfilled (or partly filled). */
    public static final int EXPIRED = 7;
    /** A cancel/replace took effect: {@code lastQuantity} and {@code lastPrice} carry the new quantity and price. */
    public static final int REPLACE_ACK = 8;
    /** A cancel/replace was refused; the order keeps working unchanged. */
    public static final int REPLACE_REJECT = 9;

    private static final int KIND_BITS = 8;
    private static final int KIND_MASK = (1 << KIND_BITS) - 1;

    private ReportKind() {
    }

    /** The journaled int for a kind and a {@link VenueReason} code. */
    public static int pack(final int kind, final int reason) {
        return kind | reason << KIND_BITS;
    }

    /** The kind of a packed int. */
    public static int kindOf(final int packed) {
        return packed & KIND_MASK;
    }

    /** The reason of a packed int. */
    public static int reasonOf(final int packed) {
        return packed >>> KIND_BITS;
    }

    /** Whether {@code kind} is one of the codes above. */
    public static boolean isKnown(final int kind) {
        return kind >= ACK && kind <= REPLACE_REJECT;
    }

    /** Name for logs and dumps. */
    public static String name(final int kind) {
        return switch (kind) {
            case ACK -> "ACK";
            case REJECT -> "REJECT";
            case PARTIAL_FILL -> "PARTIAL_FILL";
            case FILL -> "FILL";
            case CANCEL_ACK -> "CANCEL_ACK";
            case CANCEL_REJECT -> "CANCEL_REJECT";
            case EXPIRED -> "EXPIRED";
            case REPLACE_ACK -> "REPLACE_ACK";
            case REPLACE_REJECT -> "REPLACE_REJECT";
            default -> "UNKNOWN(" + kind + ")";
        };
    }
}
