package io.ringtrade.engine.config;

/**
 * How often the journal starts a new cycle file ({@code ringtrade.journal.roll-cycle}): the unit in which retention
 * deletes or archives it. A journal keeps the roll cycle it was created with; an engine configured with another one
 * is refused on that journal.
 *
 * <p>Immutable; read on the start-up (main) thread.
 */
public enum RollCycle implements ConfigChoice {
    /** One file per UTC day. The default, and what journals written before this choice existed use. */
    DAILY("daily"),
    /** One file per UTC hour. */
    HOURLY("hourly"),
    /** One file per UTC minute (at most 67,108,864 inputs a minute): soak tests, retention windows of minutes. */
    MINUTELY("minutely");

    private final String label;

    RollCycle(final String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
