package io.ringtrade.engine.risk;

/** Why a book, or the engine, is in its current trading state. Part of snapshots: only add. */
public enum HaltCause {
    /** Never changed from the start (ACTIVE). */
    NONE("none"),
    /** An operator's command (the kill switch, a book's state, the offline kill switch). */
    OPERATOR("operator"),
    /** A breach of the maximum daily loss. */
    DAILY_LOSS("daily_loss"),
    /** An execution report the order manager could not apply (see the order manager's anomalies). */
    ANOMALY("anomaly"),
    /** The book's equity fell below its maintenance margin (a margin call): its positions were closed. */
    MARGIN_CALL("margin_call");

    private static final HaltCause[] VALUES = values();
    private final String label;

    HaltCause(final String label) {
        this.label = label;
    }

    /** The text the audit log and the ops API write. */
    public String label() {
        return label;
    }

    /** The cause with ordinal {@code code}. */
    public static HaltCause of(final int code) {
        return VALUES[code];
    }
}
