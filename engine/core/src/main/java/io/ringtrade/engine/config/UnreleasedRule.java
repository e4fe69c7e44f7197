package io.ringtrade.engine.config;


/**
 * What reconciliation does with an order that was decided (journaled, passed risk) but whose request never left the
 * process before a crash ({@code reconciliation.unreleased}). Immutable.
 */
public enum UnreleasedRule implements ConfigChoice {
    /** Default: the order is ended as rejected {@code NOT_SENT} and reported; nothing is sent. */
    DROP("drop"),
    /** The request is sent now, late (its decision was made on older prices), and reported. */
    SEND("send");

    private final String label;

    UnreleasedRule(final String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
