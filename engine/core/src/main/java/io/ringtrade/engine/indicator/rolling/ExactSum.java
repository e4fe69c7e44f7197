package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * An exact running sum of fixed-point integers and of their 128-bit products, held in 192 bits so that it can neither
 * drift nor overflow: a window of {@code n < 2^31} terms, each a product of two longs (below 2^126 in magnitude), is
 * far below 2^191. Adding a value and later subtracting it restores the sum bit for bit, however long the run.
 * Converted to a double only when read. Business-logic thread only; allocation-free.
 */
public final class ExactSum {
    private static final double TWO_TO_64 = 0x1p64;
    private static final double TWO_TO_128 = 0x1p128;
    private static final long TWO_TO_53 = 1L << 53;

    /** Two's complement 192-bit value: {@code top} signed, {@code mid} and {@code low} unsigned. */
    private long top;
    private long mid;
    private long low;

    /** Adds {@code value}. */
    public void add(final long value) {
        add128(value >> 63, value);
    }

    /** Subtracts {@code value}. */
    public void subtract(final long value) {
        subtract128(value >> 63, value);
    }

    /** Adds the exact product {@code a × b}. */
    public void addProduct(final long a, final long b) {
        add128(Math.multiplyHigh(a, b), a * b);
    }

    /** Subtracts the exact product {@code a × b}. */
    public void subtractProduct(final long a, final long b) {
        subtract128(Math.multiplyHigh(a, b), a * b);
    }

    /** Sets the sum to zero. */
    public void clear() {
        top = 0;
        mid = 0;
        low = 0;
    }

    private void add128(final long hi, final long lo) {
        final long newLow = low + lo;
        final long carry = Long.compareUnsigned(newLow, low) < 0 ? 1 : 0;
        final long midSum = mid + hi;
        long carryOut = Long.compareUnsigned(midSum, mid) < 0 ? 1 : 0;
        final long newMid = midSum + carry;
        carryOut += Long.compareUnsigned(newMid, midSum) < 0 ? 1 : 0;
        top += (hi >> 63) + carryOut;
        mid = newMid;
        low = newLow;
    }

    private void subtract128(final long hi, final long lo) {
        final long newLow = low - lo;
        final long borrow = Long.compareUnsigned(low, lo) < 0 ? 1 : 0;
        final long midDifference = mid - hi;
        long borrowOut = Long.compareUnsigned(mid, hi) < 0 ? 1 : 0;
        final long newMid = midDifference - borrow;
        borrowOut += Long.compareUnsigned(midDifference, borrow) < 0 ? 1 : 0;
        top -= (hi >> 63) + borrowOut;
        mid = newMid;
        low = newLow;
    }

    /** True when the sum fits in a long. */
    public boolean fitsLong() {
        final long sign = low >> 63;
        return top == sign && mid == sign;
    }

    /** The sum as a long; only meaningful when {@link #fitsLong()}. */
    public long longValue() {
        return low;
    }

    /** -1, 0 or 1. */
    public int signum() {
        if (top != 0) {
            return top < 0 ? -1 : 1;
        }
        return mid != 0 || low != 0 ? 1 : 0;
    }

    /** The sum as the nearest double when it fits in a long, otherwise within a few ulps. */
    public double toDouble() {
        if (fitsLong()) {
            return low;
        }
        if (top < 0) {
            // magnitude of a negative value: invert and add one
            final long negLow = -low;
            final long negMid = ~mid + (low == 0 ? 1 : 0);
            final long negTop = ~top + (low == 0 && mid == 0 ? 1 : 0);
            return -magnitude(negTop, negMid, negLow);
        }
        return magnitude(top, mid, low);
    }

    private static double magnitude(final long t, final long m, final long l) {
        return t * TWO_TO_128 + unsigned(m) * TWO_TO_64 + unsigned(l);
    }

    private static double unsigned(final long value) {
        return value >= 0 ? value : ((double) ((value >>> 1) | (value & 1))) * 2.0;
    }

    /**
     * The sum divided by {@code count × divisor}, in price units: the sum counts units of 1e-8 (fixed point), so a sum
     * of {@code count} prices with {@code divisor} 1 gives their mean. When the sum is below 2^53 this is the correctly
     * rounded quotient of the exact values, so a mean that equals a price exactly reads as that price's double, bit
     * for bit.
     */
    public double mean(final long count, final long divisor) {
        final long denominator = count * divisor;
        if (fitsLong()) {
            final long sum = low;
            if (sum > -TWO_TO_53 && sum < TWO_TO_53) {
                return sum / ((double) denominator * FixedPoint.SCALE);
            }
            final long quotient = sum / denominator;
            final long remainder = sum % denominator;
            if (remainder == 0) {
                return FixedPoint.toDouble(quotient);
            }
            return (quotient + (double) remainder / denominator) / FixedPoint.SCALE;
        }
        return toDouble() / ((double) denominator * FixedPoint.SCALE);
    }

    /**
     * {@code factor × this − square²} as a double, computed exactly in 192 bits and rounded once at the end: with this
     * a sum of squares Q and {@code square} the sum S of the same n values, {@code n·Q − S²} is n² times their
     * population variance, exactly. Requires this ≥ 0 and {@code factor > 0}; a negative result reads as 0.
     */
    public double timesMinusSquare(final long factor, final long square) {
        final long low0 = low * factor;
        final long carry0 = Math.unsignedMultiplyHigh(low, factor);
        final long midProduct = mid * factor;
        long carry1 = Math.unsignedMultiplyHigh(mid, factor);
        final long mid0 = midProduct + carry0;
        carry1 += Long.compareUnsigned(mid0, midProduct) < 0 ? 1 : 0;
        final long top0 = top * factor + carry1;
        final long squareHigh = Math.multiplyHigh(square, square);
        final long squareLow = square * square;
        final long resultLow = low0 - squareLow;
        final long borrow = Long.compareUnsigned(low0, squareLow) < 0 ? 1 : 0;
        final long midDifference = mid0 - squareHigh;
        long borrowOut = Long.compareUnsigned(mid0, squareHigh) < 0 ? 1 : 0;
        final long resultMid = midDifference - borrow;
        borrowOut += Long.compareUnsigned(midDifference, borrow) < 0 ? 1 : 0;
        final long resultTop = top0 - borrowOut;
        if (resultTop < 0) {
            return 0.0;
        }
        return magnitude(resultTop, resultMid, resultLow);
    }

    /** Writes the 192 bits. */
    public void writeState(final StateWriter out) {
        out.writeLong(top).writeLong(mid).writeLong(low);
    }

    /** Reads what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        top = in.readLong();
        mid = in.readLong();
        low = in.readLong();
    }
}
