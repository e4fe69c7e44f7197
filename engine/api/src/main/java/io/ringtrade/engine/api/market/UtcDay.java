package io.ringtrade.engine.api.market;

/**
 * UTC days by event time, as the engine's day-based rules count them (the daily-loss baseline, interest on borrowed
 * cash): day {@code d} is the nanoseconds {@code [d × NANOS, (d + 1) × NANOS)} since the epoch. Stateless.
 */
public final class UtcDay {
    /** Nanoseconds in a day. */
    public static final long NANOS = 86_400_000_000_000L;

    private UtcDay() {
    }

    /** The day {@code timeNanos} falls in (days since 1970-01-01, negative before it). */
    public static long of(final long timeNanos) {
        return Math.floorDiv(timeNanos, NANOS);
    }

    /** The first nanosecond of the day after {@code day}; {@link Long#MAX_VALUE} for the last representable day. */
    public static long startOfDayAfter(final long day) {
        return day >= Long.MAX_VALUE / NANOS ? Long.MAX_VALUE : (day + 1) * NANOS;
    }
}
