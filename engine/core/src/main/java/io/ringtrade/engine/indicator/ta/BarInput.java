package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.api.money.FixedPoint;

/**
 * The bar every indicator of one instrument is being updated with: prices and volume fixed-point (1e-8), and the same
 * values as doubles (each the nearest double to the decimal, as Python's {@code float()} reads it from a CSV, which is
 * what {@code ta} computes with). One mutable instance per instrument, reused for every bar. Business-logic thread.
 */
public final class BarInput {
    /** 0-based index of the bar. */
    public long index;
    /** Open, fixed-point. */
    public long open;
    /** High, fixed-point. */
    public long high;
    /** Low, fixed-point. */
    public long low;
    /** Close, fixed-point. */
    public long close;
    /** Volume, fixed-point. */
    public long volume;
    /** Open as a double (NaN until a bar is loaded with all its doubles). */
    public double o = Double.NaN;
    /** High as a double (NaN until a bar is loaded with all its doubles). */
    public double h = Double.NaN;
    /** Low as a double (NaN until a bar is loaded with all its doubles). */
    public double l = Double.NaN;
    /** Close as a double. */
    public double c;
    /** Volume as a double (NaN until a bar is loaded with all its doubles). */
    public double v = Double.NaN;

    /**
     * Loads bar {@code barIndex}; without {@code allDoubles} only the close is converted and {@link #o}, {@link #h},
     * {@link #l} and {@link #v} are left as they are — NaN on an instance only ever loaded this way (for nodes that
     * read only the close: each conversion is a division).
     */
    public void set(final long barIndex, final long openPrice, final long highPrice, final long lowPrice,
                    final long closePrice, final long barVolume, final boolean allDoubles) {
        index = barIndex;
        open = openPrice;
        high = highPrice;
        low = lowPrice;
        close = closePrice;
        volume = barVolume;
        c = FixedPoint.toDouble(closePrice);
        if (allDoubles) {
            o = FixedPoint.toDouble(openPrice);
            h = FixedPoint.toDouble(highPrice);
            l = FixedPoint.toDouble(lowPrice);
            v = FixedPoint.toDouble(barVolume);
        }
    }
}
