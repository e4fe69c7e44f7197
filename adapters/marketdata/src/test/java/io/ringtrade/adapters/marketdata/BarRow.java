package io.ringtrade.adapters.marketdata;

/**
 * One bar's six columns as a value (start, open, high, low, close, volume, in a bar file's column order), so that a
 * test compares a whole bar at once and a failure shows every field.
 */
record BarRow(long timeNanos, long open, long high, long low, long close, long volume) {
    /** Bar {@code i} of {@code bars}. */
    static BarRow of(final BarSeriesData bars, final int i) {
        return new BarRow(bars.timeNanos(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
    }
}
