package io.ringtrade.engine.api.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Bar intervals the engine aggregates to and annualises with. Boundaries are in UTC; weeks start on
 * Monday, months on the first day of the month.
 *
 * <p>Immutable; safe on any thread. {@link #bucketStart} allocates only for 1wk and 1mo (calendar maths).
 */
public enum Interval {
    M1("1m", 60L),
    M5("5m", 300L),
    M15("15m", 900L),
    M30("30m", 1_800L),
    H1("1h", 3_600L),
    H4("4h", 14_400L),
    D1("1d", 86_400L),
    W1("1wk", 604_800L),
    MO1("1mo", 2_629_746L); // mean Gregorian month, used only for annualisation

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final double SECONDS_PER_TRADING_YEAR_DAILY = 252.0;

    private final String label;
    private final long seconds;

    Interval(final String label, final long seconds) {
        this.label = label;
        this.seconds = seconds;
    }

    /** The label used on the command line and in configuration, e.g. {@code 1h}. */
    public String label() {
        return label;
    }

    /** Nominal length in nanoseconds (a month is the mean Gregorian month). */
    public long nanos() {
        return seconds * NANOS_PER_SECOND;
    }

    /**
     * Bars per year for annualising returns: 252 for daily bars (trading days), scaled for the others as
     * 252 trading days of 24 hours (so 1h is 6,048), 52 for weekly and 12 for monthly bars.
     */
    public double periodsPerYear() {
        return switch (this) {
            case W1 -> 52.0;
            case MO1 -> 12.0;
            default -> SECONDS_PER_TRADING_YEAR_DAILY * 86_400.0 / seconds;
        };
    }

    /** Start (epoch nanos, UTC) of the bar that contains {@code timeNanos}. */
    public long bucketStart(final long timeNanos) {
        switch (this) {
            case W1:
            case MO1: {
                final LocalDate day = Instant.ofEpochSecond(Math.floorDiv(timeNanos, NANOS_PER_SECOND))
                    .atZone(ZoneOffset.UTC).toLocalDate();
                final LocalDate start = this == W1
                    ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    : day.withDayOfMonth(1);
                return start.toEpochDay() * 86_400L * NANOS_PER_SECOND;
            }
            default: {
                final long width = nanos();
                return Math.floorDiv(timeNanos, width) * width;
            }
        }
    }

    /**
     * Start of the bar that contains {@code timeNanos}, given {@code knownBucketEnd}, the end of an earlier bar of this
     * interval: that end itself when the time falls in the very next bar (bars tile time), found without
     * {@link #bucketStart}'s division or calendar maths — the usual case of a bar following the last one; otherwise
     * {@code bucketStart(timeNanos)}.
     */
    public long bucketStartAfter(final long knownBucketEnd, final long timeNanos) {
        if (timeNanos >= knownBucketEnd && timeNanos < nextBucketStart(knownBucketEnd)) {
            return knownBucketEnd;
        }
        return bucketStart(timeNanos);
    }

    /** Start of the bar after the one starting at {@code bucketStartNanos} (allocates only for 1wk and 1mo). */
    public long nextBucketStart(final long bucketStartNanos) {
        return switch (this) {
            case W1 -> bucketStartNanos + 7 * 86_400L * NANOS_PER_SECOND;
            case MO1 -> {
                final LocalDate start = LocalDate.ofEpochDay(Math.floorDiv(bucketStartNanos, 86_400L * NANOS_PER_SECOND));
                yield start.plusMonths(1).toEpochDay() * 86_400L * NANOS_PER_SECOND;
            }
            default -> bucketStartNanos + nanos();
        };
    }

    /** The interval for a label such as {@code 15m}; the message lists the accepted labels. */
    public static Interval parse(final String label) {
        for (final Interval interval : values()) {
            if (interval.label.equals(label)) {
                return interval;
            }
        }
        final StringBuilder accepted = new StringBuilder();
        for (final Interval interval : values()) {
            accepted.append(accepted.length() == 0 ? "" : ", ").append(interval.label);
        }
        throw new IllegalArgumentException("unknown interval '" + label + "' (expected one of " + accepted + ")");
    }
}
