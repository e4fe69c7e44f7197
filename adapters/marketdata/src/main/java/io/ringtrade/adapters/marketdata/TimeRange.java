package io.ringtrade.adapters.marketdata;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A window of data time, {@code [fromNanos, untilNanos)} in epoch nanoseconds UTC, used to keep only part of a
 * loaded file (the command line's {@code --from 2013-03-01 --to 2013-06-30}). Built from UTC dates, the window
 * includes the whole {@code to} day: {@code --to 2013-06-30} keeps everything before 2013-07-01T00:00Z. A bar is
 * kept when its start time is inside the window; a trade when its time is.
 *
 * <p>Immutable; safe on any thread.
 *
 * @param fromNanos  first time inside the window (inclusive)
 * @param untilNanos first time after the window (exclusive)
 */
public record TimeRange(long fromNanos, long untilNanos) {
    /** Everything. */
    public static final TimeRange ALL = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /** Validates that the window is not reversed (an empty window, from == until, is allowed). */
    public TimeRange {
        if (untilNanos < fromNanos) {
            throw new IllegalArgumentException("time range ends before it starts");
        }
    }

    /**
     * The window from the start of {@code from} to the end of {@code to} (UTC days); either may be null for an
     * open end.
     */
    public static TimeRange of(final LocalDate from, final LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        final long start = from == null ? Long.MIN_VALUE : Math.multiplyExact(from.toEpochDay(), NANOS_PER_DAY);
        final long until = to == null ? Long.MAX_VALUE : Math.multiplyExact(to.toEpochDay() + 1, NANOS_PER_DAY);
        return new TimeRange(start, until);
    }

    /**
     * Parses command-line dates ({@code 2013-03-01}); null or blank means an open end.
     *
     * @throws IllegalArgumentException naming the text when a date is not {@code YYYY-MM-DD}
     */
    public static TimeRange parse(final String from, final String to) {
        return of(parseDate("--from", from), parseDate("--to", to));
    }

    private static LocalDate parseDate(final String option, final String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (final DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a date (expected YYYY-MM-DD, UTC)", e);
        }
    }

    /** True when {@code timeNanos} is inside the window. */
    public boolean contains(final long timeNanos) {
        return timeNanos >= fromNanos && timeNanos < untilNanos;
    }

    /** True when the window has no bounds at all. */
    public boolean isAll() {
        return fromNanos == Long.MIN_VALUE && untilNanos == Long.MAX_VALUE;
    }
}
