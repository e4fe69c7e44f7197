package io.ringtrade.adapters.marketdata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.Instant;

/**
 * Reads the time column of a data file into epoch nanoseconds UTC. Accepted, in this order of checks:
 * <ol>
 *   <li>an 8-digit number: a compact date {@code 20130102} (midnight UTC) — as epoch seconds it would be a
 *       moment in 1970–1973, which no file here means;</li>
 *   <li>any other number, optionally signed and with a fraction: epoch <b>seconds</b> when its whole part is
 *       below 10<sup>11</sup> in magnitude (10<sup>11</sup> s is the year 5138), otherwise epoch
 *       <b>milliseconds</b> when below 10<sup>14</sup> (10<sup>11</sup> ms is 1973-03-03, so only millisecond
 *       stamps before March 1973 would be misread); larger numbers are refused;</li>
 *   <li>an ISO date {@code 2013-01-02}: midnight UTC;</li>
 *   <li>an ISO date-time with {@code T} or a space between date and time, seconds and fraction optional:
 *       {@code 2013-01-02T10:00:00Z}, {@code 2013-01-02T10:00:00+01:00} (or {@code +0100}),
 *       {@code 2013-01-02 10:00}; without an offset the time is UTC.</li>
 * </ol>
 *
 * <p>Stateless; used on the loading thread. Numbers are read without allocating; ISO text allocates (load time only).
 */
final class TimeText {
    static final String EXPECTED = "expected a date such as 2013-01-02, a date-time such as 2013-01-02T10:00:00Z, "
        + "or epoch seconds or milliseconds";

    /** Whole-part magnitude from which a number is epoch milliseconds rather than seconds. */
    static final long MILLIS_FROM = 100_000_000_000L;
    /** Whole-part magnitude from which a number is refused (it would be epoch micro- or nanoseconds). */
    static final long TOO_LARGE_FROM = 100_000_000_000_000L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;

    private static final DateTimeFormatter TIME_AND_OFFSET = new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_TIME)
        .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
        .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
        .toFormatter()
        .withResolverStyle(ResolverStyle.STRICT);

    private TimeText() {
    }

    /**
     * Epoch nanoseconds UTC for {@code text[start, end)}.
     *
     * @throws IllegalArgumentException with the reason when the text is not a time
     */
    static long parseNanos(final CharSequence text, final int start, final int end) {
        if (start >= end) {
            throw new IllegalArgumentException("is empty");
        }
        final char first = text.charAt(start);
        final boolean numeric = isDigit(first) || ((first == '-' || first == '+') && end - start > 1);
        if (numeric && !hasDateDash(text, start, end)) {
            return parseNumber(text, start, end);
        }
        return parseIso(text.subSequence(start, end).toString());
    }

    /** Parses a whole string; see {@link #parseNanos(CharSequence, int, int)}. */
    static long parseNanos(final CharSequence text) {
        return parseNanos(text, 0, text.length());
    }

    private static boolean hasDateDash(final CharSequence text, final int start, final int end) {
        for (int i = start + 1; i < end; i++) {
            if (text.charAt(i) == '-') {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(final char c) {
        return c >= '0' && c <= '9';
    }

    private static long parseNumber(final CharSequence text, final int start, final int end) {
        int i = start;
        final boolean negative = text.charAt(i) == '-';
        final boolean signed = negative || text.charAt(i) == '+';
        if (signed) {
            i++;
        }
        long whole = 0;
        int wholeDigits = 0;
        while (i < end && isDigit(text.charAt(i))) {
            if (whole >= TOO_LARGE_FROM) {
                throw tooLarge(text, start, end);
            }
            whole = whole * 10 + (text.charAt(i) - '0');
            wholeDigits++;
            i++;
        }
        long fractionNanos = 0; // of the unit (second or millisecond), scaled to 9 digits
        int fractionDigits = 0;
        if (i < end && text.charAt(i) == '.') {
            i++;
            while (i < end && isDigit(text.charAt(i))) {
                if (fractionDigits < 9) {
                    fractionNanos = fractionNanos * 10 + (text.charAt(i) - '0');
                }
                fractionDigits++;
                i++;
            }
            if (fractionDigits == 0) {
                throw notATime();
            }
        }
        if (i != end || wholeDigits == 0) {
            throw notATime();
        }
        for (int d = Math.min(fractionDigits, 9); d < 9; d++) {
            fractionNanos *= 10;
        }
        if (wholeDigits == 8 && !signed && fractionDigits == 0) {
            return compactDate(whole);
        }
        if (whole >= TOO_LARGE_FROM) {
            throw tooLarge(text, start, end);
        }
        try {
            final long nanos = whole < MILLIS_FROM
                ? Math.addExact(Math.multiplyExact(whole, NANOS_PER_SECOND), fractionNanos)
                : Math.addExact(Math.multiplyExact(whole, NANOS_PER_MILLI), fractionNanos / 1_000L);
            return negative ? -nanos : nanos;
        } catch (final ArithmeticException e) {
            throw new IllegalArgumentException("is out of range (epoch nanoseconds end in the year 2262)", e);
        }
    }

    private static long compactDate(final long yyyymmdd) {
        try {
            final LocalDate date = LocalDate.of((int) (yyyymmdd / 10_000), (int) (yyyymmdd / 100 % 100),
                (int) (yyyymmdd % 100));
            return date.toEpochDay() * NANOS_PER_DAY;
        } catch (final DateTimeException e) {
            throw new IllegalArgumentException("is not a date (an 8-digit number is read as YYYYMMDD)", e);
        }
    }

    private static long parseIso(final String text) {
        try {
            final LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            if (text.length() == 10) {
                return Math.multiplyExact(date.toEpochDay(), NANOS_PER_DAY);
            }
            final char separator = text.charAt(10);
            if (separator != 'T' && separator != ' ') {
                throw notATime();
            }
            final TemporalAccessor parsed = TIME_AND_OFFSET.parse(text.substring(11));
            final LocalTime time = LocalTime.from(parsed);
            final long offsetSeconds = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? parsed.getLong(ChronoField.OFFSET_SECONDS) : 0L;
            final long seconds = Math.addExact(Math.multiplyExact(date.toEpochDay(), 86_400L),
                time.toSecondOfDay() - offsetSeconds);
            return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), time.getNano());
        } catch (final DateTimeException | ArithmeticException | StringIndexOutOfBoundsException e) {
            throw notATime();
        }
    }

    /** Formats epoch nanoseconds as ISO UTC, for messages about times that have no text in the file. */
    static String format(final long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND))
            .atOffset(ZoneOffset.UTC).toString();
    }

    private static IllegalArgumentException notATime() {
        return new IllegalArgumentException("is not a time (" + EXPECTED + ")");
    }

    private static IllegalArgumentException tooLarge(final CharSequence text, final int start, final int end) {
        return new IllegalArgumentException("is too large for epoch seconds or milliseconds ("
            + (end - start) + " digits; micro- and nanosecond stamps are not accepted)");
    }
}
