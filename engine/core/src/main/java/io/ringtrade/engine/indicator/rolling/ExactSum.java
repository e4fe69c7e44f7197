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

    /** Adds {@code other}. */
    public void add(final ExactSum other) {
        final long newLow = low + other.low;
        final long carry = carry(low, other.low, newLow);
        final long midSum = mid + other.mid;
        final long newMid = midSum + carry;
        top += other.top + carry(mid, other.mid, midSum) + carry(midSum, carry, newMid);
        mid = newMid;
        low = newLow;
    }

    /** Adds the 192-bit value with these limbs (as {@link #topLimb}, {@link #midLimb}, {@link #lowLimb} give them). */
    public void addLimbs(final long t, final long m, final long l) {
        final long newLow = low + l;
        final long carry = carry(low, l, newLow);
        final long midSum = mid + m;
        final long newMid = midSum + carry;
        top += t + carry(mid, m, midSum) + carry(midSum, carry, newMid);
        mid = newMid;
        low = newLow;
    }

    /** Subtracts the 192-bit value with these limbs. */
    public void subtractLimbs(final long t, final long m, final long l) {
        subtract192(t, m, l);
    }

    /** The signed top 64 bits of the 192-bit two's complement value. */
    public long topLimb() {
        return top;
    }

    /** The middle 64 bits (unsigned). */
    public long midLimb() {
        return mid;
    }

    /** The low 64 bits (unsigned). */
    public long lowLimb() {
        return low;
    }

    /** Sets the sum to zero. */
    public void clear() {
        top = 0;
        mid = 0;
        low = 0;
    }

    private void add128(final long hi, final long lo) {
        // carries and borrows computed without branches (Hacker's Delight 2-16): they are data-dependent, so
        // a branch per limb would be mispredicted about half the time
        final long newLow = low + lo;
        final long carry = carry(low, lo, newLow);
        final long midSum = mid + hi;
        final long newMid = midSum + carry;
        final long carryOut = carry(mid, hi, midSum) + carry(midSum, carry, newMid);
        top += (hi >> 63) + carryOut;
        mid = newMid;
        low = newLow;
    }

    private void subtract128(final long hi, final long lo) {
        subtract192(hi >> 63, hi, lo);
    }

    private void subtract192(final long t, final long hi, final long lo) {
        final long newLow = low - lo;
        final long borrow = borrow(low, lo, newLow);
        final long midDifference = mid - hi;
        final long newMid = midDifference - borrow;
        final long borrowOut = borrow(mid, hi, midDifference) + borrow(midDifference, borrow, newMid);
        top -= t + borrowOut;
        mid = newMid;
        low = newLow;
    }

    /** 1 when the unsigned sum {@code a + b = sum} carried out of 64 bits, else 0. */
    static long carry(final long a, final long b, final long sum) {
        return ((a & b) | ((a | b) & ~sum)) >>> 63;
    }

    /** 1 when the unsigned difference {@code a − b = difference} borrowed, else 0. */
    static long borrow(final long a, final long b, final long difference) {
        return ((~a & b) | ((~a | b) & difference)) >>> 63;
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
     * of {@code count} prices with {@code divisor} 1 gives their mean. A mean that equals a price exactly reads as that
     * price's double, bit for bit; otherwise it is the correctly rounded quotient when the sum is below 2^53, and within
     * an ulp of it above.
     */
    public double mean(final long count, final long divisor) {
        if (fitsLong()) {
            return meanOf(low, count, divisor);
        }
        final long denominator = count * divisor;
        if (denominator <= 0 || denominator >= 1L << 32) {
            return toDouble() / ((double) denominator * FixedPoint.SCALE);
        }
        // Divide the magnitude exactly, 32 bits at a time (the denominator is below 2^32).
        final boolean negative = top < 0;
        long t = top;
        long m = mid;
        long l = low;
        if (negative) {
            t = ~t + (l == 0 && m == 0 ? 1 : 0);
            m = ~m + (l == 0 ? 1 : 0);
            l = -l;
        }
        long remainder = 0;
        long quotientHigh = 0;
        long quotient = 0;
        for (int i = 0; i < 6; i++) {
            final long limb = i < 2 ? t : i < 4 ? m : l;
            final long digit = (i % 2 == 0 ? limb >>> 32 : limb) & 0xFFFF_FFFFL;
            final long current = (remainder << 32) | digit;
            final long q = Long.divideUnsigned(current, denominator);
            remainder = Long.remainderUnsigned(current, denominator);
            quotientHigh = (quotientHigh << 32) | (quotient >>> 32);
            quotient = (quotient << 32) | q;
        }
        if (quotientHigh != 0 || quotient < 0) {
            return toDouble() / ((double) denominator * FixedPoint.SCALE);
        }
        final double value = remainder == 0
            // exactly a price: the same double the price itself reads as
            ? FixedPoint.toDouble(quotient)
            // whole price units (below 2^53, so exact) plus the fraction: within an ulp
            : (double) (quotient / FixedPoint.SCALE)
                + ((quotient % FixedPoint.SCALE) + (double) remainder / denominator) / FixedPoint.SCALE;
        return negative ? -value : value;
    }

    /** {@link #mean} of a sum that fits in a long. */
    public static double meanOf(final long sum, final long count, final long divisor) {
        return meanOf(sum, count, divisor, (double) (count * divisor) * FixedPoint.SCALE);
    }

    /**
     * {@link #meanOf(long, long, long)} with its denominator in price units, {@code (double) (count × divisor) × 1e8},
     * formed by the caller (once, for a fixed window) instead of on every call.
     */
    public static double meanOf(final long sum, final long count, final long divisor, final double scaledDenominator) {
        final long denominator = count * divisor;
        if (sum > -TWO_TO_53 && sum < TWO_TO_53) {
            return sum / scaledDenominator;
        }
        final long quotient = sum / denominator;
        final long remainder = sum % denominator;
        if (remainder == 0) {
            return FixedPoint.toDouble(quotient);
        }
        return (double) (quotient / FixedPoint.SCALE)
            + ((quotient % FixedPoint.SCALE) + (double) remainder / denominator) / FixedPoint.SCALE;
    }

    /** Sets this to {@code factor × source}, exactly; requires {@code source ≥ 0} and {@code factor > 0}. */
    public void setProduct(final ExactSum source, final long factor) {
        final long low0 = source.low * factor;
        final long carry0 = Math.unsignedMultiplyHigh(source.low, factor);
        final long midProduct = source.mid * factor;
        long carry1 = Math.unsignedMultiplyHigh(source.mid, factor);
        final long mid0 = midProduct + carry0;
        carry1 += carry(midProduct, carry0, mid0);
        top = source.top * factor + carry1;
        mid = mid0;
        low = low0;
    }

    /**
     * Subtracts the exact square of {@code value}, which must be below 2^94 in magnitude (a sum of fewer than 2^31
     * fixed-point values is). With this {@code n × Σx²} and {@code value = Σx}, the result is n² times the population
     * variance of the n values, exactly.
     */
    public void subtractSquareOf(final ExactSum value) {
        // value = a·2^62 + b with 0 ≤ b < 2^62, so value² = a²·2^124 + 2ab·2^62 + b², each product within 128 bits
        final long a = (value.mid << 2) | (value.low >>> 62);
        final long b = value.low & ((1L << 62) - 1);
        subtractShifted(Math.multiplyHigh(a, a), a * a, 124);
        final long twoA = 2 * a;
        subtractShifted(Math.multiplyHigh(twoA, b), twoA * b, 62);
        subtractShifted(Math.multiplyHigh(b, b), b * b, 0);
    }

    /**
     * {@code n × this − s²} as a double, exactly the double that {@link #setProduct} then {@link #subtractSquareOf}
     * then {@link #toDouble} give (0.0 where that is not positive), without changing this: with {@code this = Σx²} and
     * {@code s = Σx} over n values it is n² times their population variance. This must not be negative and
     * {@code n} must be positive. When this is below 2^128, {@code n × this} too and {@code s} fits in a long (any real
     * window of real prices) the work is 128-bit and branch-light; otherwise it goes through {@code scratch}.
     */
    public double timesMinusSquare(final long n, final ExactSum s, final ExactSum scratch) {
        if (top == 0 && s.fitsLong()) {
            final double fast = timesMinusSquare(mid, low, n, s.low);
            if (!Double.isNaN(fast)) {
                return fast;
            }
        }
        scratch.setProduct(this, n);
        scratch.subtractSquareOf(s);
        return scratch.signum() > 0 ? scratch.toDouble() : 0.0;
    }

    /**
     * {@link #timesMinusSquare(long, ExactSum, ExactSum)} for a sum of squares given as the unsigned 128-bit value
     * {@code (high, low)} and a sum {@code s} that is a long: the same double, or NaN when {@code n × (high, low)} does
     * not fit in 128 bits (then the 192-bit path must be taken). The work is 128-bit and branch-light.
     */
    public static double timesMinusSquare(final long high, final long low, final long n, final long s) {
        final long productLow = low * n;
        final long midProduct = high * n;
        final long productHigh = midProduct + Math.unsignedMultiplyHigh(low, n);
        // n × (high, low) fits in 128 bits: high × n does not carry out, nor does adding the low limb's carry
        if (Math.unsignedMultiplyHigh(high, n) != 0 || Long.compareUnsigned(productHigh, midProduct) < 0) {
            return Double.NaN;
        }
        // |s| as an unsigned 64-bit value (Long.MIN_VALUE's magnitude, 2^63, included)
        final long magnitude = s < 0 ? -s : s;
        final long squareLow = magnitude * magnitude;
        final long squareHigh = Math.unsignedMultiplyHigh(magnitude, magnitude);
        final long differenceLow = productLow - squareLow;
        // not negative (Cauchy–Schwarz) and below n × (high, low), so an unsigned 128-bit value
        final long differenceHigh = productHigh - squareHigh - borrow(productLow, squareLow, differenceLow);
        // the conversions toDouble makes of a value whose top limb is 0
        return differenceHigh == 0 && differenceLow >= 0 ? (double) differenceLow
            : unsigned(differenceHigh) * TWO_TO_64 + unsigned(differenceLow);
    }

    /** Subtracts the signed 128-bit value (hi, lo) shifted left by 0, 62 or 124 bits. */
    private void subtractShifted(final long hi, final long lo, final int shift) {
        switch (shift) {
            case 0 -> subtract192(hi >> 63, hi, lo);
            case 62 -> subtract192(hi >> 2, (hi << 62) | (lo >>> 2), lo << 62);
            case 124 -> subtract192((hi << 60) | (lo >>> 4), lo << 60, 0);
            default -> throw new IllegalArgumentException("shift " + shift);
        }
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
