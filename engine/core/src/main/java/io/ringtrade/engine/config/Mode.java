package io.ringtrade.engine.config;

/**
 * How the engine trades ({@code ringtrade.mode}): one setting between paper and live. Live also needs the
 * {@code --live} flag on the command line, so that a configuration alone never trades real money by surprise.
 *
 * <p>Immutable; read on the start-up (main) thread.
 */
public enum Mode implements ConfigChoice {
    /** Orders fill on the simulated venue against the replayed or live market data; no venue is contacted. */
    PAPER("paper"),
    /**
     * Orders go to the configured live venue ({@code ringtrade.venue}) through its adapter; its answers come back as
     * journaled execution reports.
     */
    LIVE("live");

    private final String label;

    Mode(final String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
