package io.ringtrade.engine.api.strategy;

import io.ringtrade.engine.api.market.Interval;

/**
 * When an {@link IterationStrategy} runs, in event time: at every closed bar of the book's interval
 * ({@link #EVERY_BAR}), or at the first closed bar whose start lies in a new calendar period of a coarser interval
 * ({@code 1d}, {@code 1wk}, {@code 1mo}: UTC days, weeks from Monday, calendar months). An iteration runs once all the
 * book's instruments have closed the bar of that time (or when a later bar shows one never will). Immutable.
 *
 * @param period the calendar period, or null for every bar
 */
public record IterationSchedule(Interval period) {
    /** Every closed bar of the book's interval. */
    public static final IterationSchedule EVERY_BAR = new IterationSchedule(null);

    /**
     * {@code bar} for every bar, else an interval label such as {@code 1d}, {@code 1wk} or {@code 1mo}.
     *
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    public static IterationSchedule parse(final String text) {
        if ("bar".equals(text)) {
            return EVERY_BAR;
        }
        try {
            return new IterationSchedule(Interval.parse(text));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("schedule '" + text + "' is not 'bar' or an interval such as 1d, 1wk "
                + "or 1mo");
        }
    }

    /** The label: {@code bar} or the interval's. */
    public String label() {
        return period == null ? "bar" : period.label();
    }
}
