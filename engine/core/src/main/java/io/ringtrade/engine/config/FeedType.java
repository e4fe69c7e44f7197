package io.ringtrade.engine.config;

/**
 * The kind of market-data feed the engine starts with.
 *
 * <p>Immutable; read on the start-up (main) thread.
 */
public enum FeedType implements ConfigChoice {
    /** Replays a trades file ({@code timestamp,price,amount}, epoch seconds), aggregated to bars by the engine. */
    TRADES_REPLAY("trades-replay"),
    /** Replays a bars file ({@code date,open,high,low,close,volume}). */
    BARS_REPLAY("bars-replay"),
    /**
     * The inputs come from a journal (a recorded run, backtest or import), as in the manifest a journal keeps;
     * books may then trade any listed instrument, since the journal holds every symbol's data.
     */
    JOURNAL("journal"),
    /**
     * Live market data from the configured venue ({@code ringtrade.venue}), polled within its rate limits: with
     * {@code mode = paper} the simulated venue trades on real-time prices (a dry run).
     */
    VENUE("venue");

    private final String label;

    FeedType(final String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
