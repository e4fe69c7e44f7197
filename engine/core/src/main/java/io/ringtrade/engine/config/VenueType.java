package io.ringtrade.engine.config;

/** Which live venue adapter {@code ringtrade.venue} configures. Immutable; read on the start-up thread. */
public enum VenueType implements ConfigChoice {
    /** No live venue: paper trading on the simulated venue with a file feed. */
    NONE("none"),
    /** Any XChange exchange, named by class ({@code exchange-class}), including XChange's simulated exchange. */
    XCHANGE("xchange"),
    /** Alpaca (US equities) over its REST API. */
    ALPACA("alpaca");

    private final String label;

    VenueType(final String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
