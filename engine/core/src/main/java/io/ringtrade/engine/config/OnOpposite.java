package io.ringtrade.engine.config;

/**
 * What a decision strategy's opposite answer does to an open position ({@code on-opposite}, {@code --on-opposite}):
 * a sell while long, a buy while short.
 *
 * <p>Immutable; read on the start-up (main) thread.
 */
public enum OnOpposite implements ConfigChoice {
    /** Close the position and stay flat until the next answer (the default). */
    CLOSE("close"),
    /**
     * Close it and open the other side at once where the book allows shorts: −1 means "be short" and +1 "be long".
     * Without {@code allow-short} a sell while long still only closes.
     */
    REVERSE("reverse");

    private final String label;

    OnOpposite(final String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
