package io.ringtrade.engine.config;

/**
 * The price at which the simulated venue fills a market order a strategy sends when a bar closes.
 *
 * <p>Immutable; read on the start-up (main) thread.
 */
public enum FillModel implements ConfigChoice {
    /**
     * At the open of the next bar: the strategy saw the close, so it cannot also trade at it. The honest default
     * for backtests (no look-ahead).
     */
    NEXT_OPEN("next-open"),
    /** At the close of the bar that produced the signal: optimistic, for comparison with other tools. */
    CLOSE("close");

    private final String label;

    FillModel(final String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
