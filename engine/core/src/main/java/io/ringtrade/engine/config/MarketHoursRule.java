package io.ringtrade.engine.config;

/**
 * What a live venue adapter does with an order while the venue says its market is closed
 * ({@code ringtrade.venue.market-hours}). Immutable.
 */
public enum MarketHoursRule implements ConfigChoice {
    /** Refuse it at once with the reason {@code MARKET_CLOSED} (default). */
    REFUSE("refuse"),
    /** Keep it in the adapter and send it when the venue says the market has opened. */
    QUEUE("queue");

    private final String label;

    MarketHoursRule(final String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
