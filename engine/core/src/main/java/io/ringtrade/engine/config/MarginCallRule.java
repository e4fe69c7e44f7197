package io.ringtrade.engine.config;

/**
 * What a margin call does to a book's positions ({@code margin-call}, {@code --margin-call}): the whole of them, or just
 * enough to carry the maintenance margin again, step after step while it is not.
 *
 * <p>Immutable; read on the start-up (main) thread.
 */
public enum MarginCallRule implements ConfigChoice {
    /** Close every position (the default). */
    CLOSE("close"),
    /**
     * Reduce every position by the same share, rounded up to the lot, so that the equity carries the margin of what is
     * left at the marks of the call; again after those sales have filled, while the book is still short of it.
     */
    REDUCE("reduce");

    private final String label;

    MarginCallRule(final String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
