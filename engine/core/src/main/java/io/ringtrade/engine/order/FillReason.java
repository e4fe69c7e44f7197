package io.ringtrade.engine.order;

/**
 * Why a fill happened: the {@code reason} column of {@code trades.csv}. The managed-position stage gives its orders
 * their reason when it decides them (entry, add, signal exit, stop-loss, take-profit, trailing stop, time stop); any
 * other order's fills take theirs from its origin and what the fill did to the position (an operator's flatten is
 * {@code kill_switch}, a close-position command {@code manual}; otherwise a fill that opens a position is
 * {@code entry}, one that grows it {@code add}, one that shrinks it {@code signal}). Ordinals are carried in output
 * records and snapshots: only add.
 */
public enum FillReason {
    /** Not decided yet: derived at the fill. */
    NONE(""),
    /** Opened a position. */
    ENTRY("entry"),
    /** Grew a position (pyramiding). */
    ADD("add"),
    /** A strategy's exit (decided at a bar close, or a reducing order). */
    SIGNAL("signal"),
    /** The protective stop. */
    STOP_LOSS("stop_loss"),
    /** The take-profit limit. */
    TAKE_PROFIT("take_profit"),
    /** The trailing stop. */
    TRAILING_STOP("trailing_stop"),
    /** The time stop's exit. */
    TIME_STOP("time_stop"),
    /** An operator's kill switch with flatten. */
    KILL_SWITCH("kill_switch"),
    /** An operator's close-position command. */
    MANUAL("manual");

    private static final FillReason[] VALUES = values();
    private final String label;

    FillReason(final String label) {
        this.label = label;
    }

    /** The text written in {@code trades.csv}. */
    public String label() {
        return label;
    }

    /** The reason with ordinal {@code code}. */
    public static FillReason of(final int code) {
        return VALUES[code];
    }

    /**
     * The reason of a fill of {@code order} on side {@code side} while the book held {@code heldBefore}: the order's
     * own when it has one, else from its origin and what the fill does to the position.
     */
    public static FillReason of(final FillReason decided, final OrderReason origin, final int side,
                                final long heldBefore) {
        if (decided != NONE) {
            return decided;
        }
        if (origin == OrderReason.FLATTEN) {
            return KILL_SWITCH;
        }
        if (origin == OrderReason.CLOSE) {
            return MANUAL;
        }
        if (heldBefore == 0) {
            return ENTRY;
        }
        return Long.signum(heldBefore) == side ? ADD : SIGNAL;
    }
}
