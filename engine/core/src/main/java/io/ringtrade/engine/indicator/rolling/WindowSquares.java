package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The exact sum of the squares of the values in a {@link LongWindowSum}'s window, and from it n² times the window's
 * population variance, {@code n·Σx² − (Σx)²}, exact until it is read as a double (Bollinger's deviation).
 *
 * <p>The sum is kept as an unsigned 128-bit integer with wrapping arithmetic, exact modulo 2^128, which is the true
 * sum while no value in the window exceeds 2^53 in magnitude (each square at most 2^106, at most 2^20 of them): one
 * multiplication and a carried addition per value entering or leaving, instead of 192-bit arithmetic. A window that
 * holds a larger value (a price above about 90 million units) is summed again from the window in 192 bits when read,
 * and so is one whose n × Σx² does not fit in 128 bits; both paths give the same double
 * ({@link ExactSum#timesMinusSquare(long, ExactSum, ExactSum)}). Business-logic thread only; allocation-free.
 */
public final class WindowSquares {
    /** A value beyond this magnitude makes the window take the 192-bit path. */
    private static final long LARGE = 1L << 53;
    /** The longest window whose 128-bit sum of squares of values up to {@link #LARGE} cannot overflow (2^20 × 2^106). */
    private static final int LONGEST_FAST_WINDOW = 1 << 20;
    private final ExactSum wide = new ExactSum();
    private final ExactSum scratch = new ExactSum();
    /** Σx² modulo 2^128 (unsigned). */
    private long high;
    private long low;
    /** How many values in the window are too large for the 128-bit sum to be the true one. */
    private int large;

    /** Adds {@code entering}'s square and removes {@code leaving}'s (0 when the window was not yet full). */
    public void push(final long entering, final long leaving) {
        // a square is below 2^127, so its signed high half is its unsigned one
        final long enteringLow = entering * entering;
        final long sumLow = low + enteringLow;
        final long leavingLow = leaving * leaving;
        final long newLow = sumLow - leavingLow;
        high += Math.multiplyHigh(entering, entering) - Math.multiplyHigh(leaving, leaving)
            + ExactSum.carry(low, enteringLow, sumLow) - ExactSum.borrow(sumLow, leavingLow, newLow);
        low = newLow;
        large += isLarge(entering) - isLarge(leaving);
    }

    /**
     * n × Σx² − (Σx)² over {@code window}'s values as a double (0.0 where not positive): n² times their population
     * variance. The window must be full and its values the ones pushed here.
     */
    public double scaledVariance(final LongWindowSum window) {
        final long n = window.count();
        if (large == 0 && window.fitsLong() && n <= LONGEST_FAST_WINDOW) {
            final double fast = ExactSum.timesMinusSquare(high, low, n, window.longSum());
            if (!Double.isNaN(fast)) {
                return fast;
            }
        }
        return exactSquares(window.values()).timesMinusSquare(n, window.exact(), scratch);
    }

    /** Σx² of the window's values in 192 bits. */
    private ExactSum exactSquares(final LongRing values) {
        wide.clear();
        for (int i = 0; i < values.size(); i++) {
            final long value = values.get(i);
            wide.addProduct(value, value);
        }
        return wide;
    }

    /** 1 when |value| &gt; 2^53 or value = 2^53, else 0 (so a square counted small is at most 2^106); no branch. */
    private static int isLarge(final long value) {
        return (int) ((LARGE - 1 - (value ^ (value >> 63))) >>> 63);
    }

    /** Writes Σx² as the three limbs of a 192-bit {@link ExactSum} (the window's values are written by its owner). */
    public void writeState(final StateWriter out, final LongRing values) {
        exactSquares(values).writeState(out);
    }

    /** Reads what {@link #writeState} wrote; {@code values} must already hold the window's values. */
    public void readState(final StateReader in, final LongRing values) {
        wide.readState(in);
        high = wide.midLimb();
        low = wide.lowLimb();
        large = 0;
        for (int i = 0; i < values.size(); i++) {
            large += isLarge(values.get(i));
        }
    }
}
