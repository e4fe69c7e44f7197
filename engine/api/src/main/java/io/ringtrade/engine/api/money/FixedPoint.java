package io.ringtrade.engine.api.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Fixed-point arithmetic for prices, quantities and money.
 *
 * <p>Every price, quantity, cash amount, fee and P&amp;L in Ringtrade is a {@code long} counting units of
 * 10<sup>-8</sup> ({@link #SCALE}): {@code 800.01} is {@code 80_001_000_000L}, one satoshi is {@code 1L}.
 * One scale for all three keeps conversions out of the hot path; 8 decimals cover crypto lot sizes.
 *
 * <p><b>Range.</b> A long holds ±9,223,372,036,854,775,807 units, so every price, quantity, notional, cash balance
 * and P&amp;L must stay within ±{@value #MAX_WHOLE_UNITS} whole units (±9.2 × 10<sup>10</sup>: 92 billion dollars,
 * or 92 billion shares). The configuration loader refuses at start any instrument, lot size or cash that could
 * leave this range; arithmetic that would leave it throws {@link ArithmeticException}, which business logic turns
 * into a refusal of the input that caused it.
 *
 * <p>Products of two scaled values are formed in 128 bits ({@link Math#multiplyHigh}) so that
 * {@code price × quantity} never overflows silently; when the 128-bit result does not fit a long after
 * rescaling, an {@link ArithmeticException} is thrown. The common case allocates nothing.
 *
 * <p>Stateless; safe on any thread.
 */
public final class FixedPoint {
    /** Decimal digits after the point. */
    public static final int SCALE_DIGITS = 8;
    /** Units per 1.0. */
    public static final long SCALE = 100_000_000L;
    /** Largest whole number of units representable: {@code Long.MAX_VALUE / SCALE}, about 9.2 × 10<sup>10</sup>. */
    public static final long MAX_WHOLE_UNITS = Long.MAX_VALUE / SCALE;

    private static final ReciprocalDivisor BY_SCALE = new ReciprocalDivisor(SCALE);

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L
    };

    private FixedPoint() {
    }

    /** {@code value} whole units as a fixed-point long, e.g. {@code of(10)} is 10.0. */
    public static long of(final long wholeUnits) {
        return Math.multiplyExact(wholeUnits, SCALE);
    }

    /**
     * The fixed-point value nearest to {@code value}'s exact binary value, ties rounded half away from zero (so
     * {@code 0.000000005} and {@code -0.000000005}, whose doubles lie just below and above the tie, round by their
     * exact value). For configuration, indicators turned into prices, and tests; not the hot path (it allocates).
     *
     * @throws ArithmeticException when {@code value} is not finite or its fixed-point value does not fit a long
     *                             (beyond ±{@value #MAX_WHOLE_UNITS} whole units): never saturates
     */
    public static long fromDouble(final double value) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("not a finite number: " + value);
        }
        final BigDecimal scaled = new BigDecimal(value).movePointRight(SCALE_DIGITS).setScale(0, RoundingMode.HALF_UP);
        try {
            return scaled.longValueExact();
        } catch (final ArithmeticException e) {
            throw new ArithmeticException(value + " is out of the fixed-point range (±" + MAX_WHOLE_UNITS
                + " whole units at 1e-8)");
        }
    }

    /** The value as a double, for indicators and statistics. */
    public static double toDouble(final long fixed) {
        return fixed / (double) SCALE;
    }

    /**
     * a × b / SCALE, rounded half away from zero: price × quantity = notional. Through the scale's reciprocal (the same
     * result as {@code mulDiv(a, b, SCALE, HALF_UP)}), since the equity row values every open position with it on
     * every bar and most notionals need the 128-bit product.
     */
    public static long multiply(final long a, final long b) {
        return BY_SCALE.mulDivHalfUp(a, b);
    }

    /** a × SCALE / b rounded toward negative infinity: cash / price = the quantity affordable. */
    public static long divideFloor(final long a, final long b) {
        return mulDiv(a, SCALE, b, RoundingMode.FLOOR);
    }

    /**
     * a × b / c computed in 128 bits, rounded as asked (FLOOR, CEILING, DOWN, UP or HALF_UP).
     *
     * @throws ArithmeticException if c is zero or the result does not fit a long
     */
    public static long mulDiv(final long a, final long b, final long c, final RoundingMode rounding) {
        if (c == 0) {
            throw new ArithmeticException("division by zero");
        }
        final long high = Math.multiplyHigh(a, b);
        final long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return divide(low, c, rounding);
        }
        return wideMulDiv(a, b, c, rounding);
    }

    private static long divide(final long n, final long d, final RoundingMode rounding) {
        final long q = Math.divideExact(n, d); // Long.MIN_VALUE / -1 does not fit: throw, never wrap
        final long r = n % d;
        if (r == 0) {
            return q;
        }
        final boolean negative = (n < 0) != (d < 0);
        switch (rounding) {
            case DOWN:
                return q;
            case UP:
                return negative ? q - 1 : q + 1;
            case FLOOR:
                return negative ? q - 1 : q;
            case CEILING:
                return negative ? q : q + 1;
            case HALF_UP: {
                // Unsigned: 2|r| < 2^64 always, and |d| of Long.MIN_VALUE is 2^63 only when read unsigned.
                final long absR2 = Math.abs(r) << 1;
                final boolean roundAway = Long.compareUnsigned(absR2, Math.abs(d)) >= 0;
                return roundAway ? (negative ? q - 1 : q + 1) : q;
            }
            default:
                throw new IllegalArgumentException("unsupported rounding " + rounding);
        }
    }

    /**
     * a × b / c when a × b needs more than 63 bits (any notional above about 922 at 1e-8 × 1e-8, so every bar
     * of a backtest holding a position): the 128-bit product of the magnitudes divided by |c| in 64-bit steps,
     * without allocating. Falls back to {@link #slowMulDiv} only to throw when the quotient does not fit, or for
     * rounding modes {@link #divide} does not support, so results and exceptions are the same as before.
     */
    private static long wideMulDiv(final long a, final long b, final long c, final RoundingMode rounding) {
        final boolean negative = (a < 0) ^ (b < 0) ^ (c < 0);
        final long ua = a < 0 ? -a : a; // unsigned magnitudes: -Long.MIN_VALUE reads as 2^63
        final long ub = b < 0 ? -b : b;
        final long uc = c < 0 ? -c : c;
        final long high = Math.unsignedMultiplyHigh(ua, ub);
        final long low = ua * ub;
        if (Long.compareUnsigned(high, uc) >= 0) {
            return slowMulDiv(a, b, c, rounding); // quotient needs more than 64 bits: throws
        }
        long quotient = divideUnsigned128(high, low, uc);
        final long remainder = low - quotient * uc; // exact: the remainder is below uc < 2^64
        final boolean away;
        switch (rounding) {
            case DOWN -> away = false;
            case UP -> away = remainder != 0;
            case FLOOR -> away = remainder != 0 && negative;
            case CEILING -> away = remainder != 0 && !negative;
            case HALF_UP -> away = Long.compareUnsigned(remainder, uc - remainder) >= 0; // 2r >= |c|
            default -> {
                return slowMulDiv(a, b, c, rounding);
            }
        }
        if (away) {
            quotient++;
            if (quotient == 0) {
                return slowMulDiv(a, b, c, rounding); // 2^64: throws
            }
        }
        if (negative) {
            if (Long.compareUnsigned(quotient, Long.MIN_VALUE) > 0) {
                return slowMulDiv(a, b, c, rounding); // below Long.MIN_VALUE: throws
            }
            return -quotient;
        }
        if (quotient < 0) {
            return slowMulDiv(a, b, c, rounding); // above Long.MAX_VALUE: throws
        }
        return quotient;
    }

    /**
     * The unsigned quotient of the 128-bit {@code high:low} by {@code divisor}, which must be greater than
     * {@code high} (unsigned) so the quotient fits 64 bits: long division in two 32-bit digits after normalising
     * the divisor (Knuth's algorithm D, as in Hacker's Delight {@code divlu}).
     */
    private static long divideUnsigned128(final long high, final long low, final long divisor) {
        final long digit = 1L << 32;
        final long mask = digit - 1;
        final int shift = Long.numberOfLeadingZeros(divisor);
        final long v = divisor << shift;
        final long vHigh = v >>> 32;
        final long vLow = v & mask;
        final long u32 = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
        final long u10 = low << shift;
        final long u1 = u10 >>> 32;
        final long u0 = u10 & mask;

        long q1 = Long.divideUnsigned(u32, vHigh);
        long rhat = u32 - q1 * vHigh;
        while (Long.compareUnsigned(q1, digit) >= 0
            || Long.compareUnsigned(q1 * vLow, (rhat << 32) + u1) > 0) {
            q1--;
            rhat += vHigh;
            if (Long.compareUnsigned(rhat, digit) >= 0) {
                break;
            }
        }
        final long u21 = (u32 << 32) + u1 - q1 * v;
        long q0 = Long.divideUnsigned(u21, vHigh);
        rhat = u21 - q0 * vHigh;
        while (Long.compareUnsigned(q0, digit) >= 0
            || Long.compareUnsigned(q0 * vLow, (rhat << 32) + u0) > 0) {
            q0--;
            rhat += vHigh;
            if (Long.compareUnsigned(rhat, digit) >= 0) {
                break;
            }
        }
        return (q1 << 32) + q0;
    }

    private static long slowMulDiv(final long a, final long b, final long c, final RoundingMode rounding) {
        // Only reached to throw on overflow, or for rounding modes the fast paths do not support.
        final BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        final BigInteger result = new BigDecimal(product)
            .divide(new BigDecimal(c), 0, rounding).toBigIntegerExact();
        return result.longValueExact();
    }

    /**
     * Parses a plain decimal ({@code -12.5}, {@code 800.010000000000}, {@code 1e3} is refused) into a fixed-point
     * long without allocating. Digits beyond the 8th decimal must be zeros or are rounded half up.
     *
     * @throws NumberFormatException naming the text when it is not a decimal number or is out of range
     */
    public static long parse(final CharSequence text, final int start, final int end) {
        int i = start;
        if (i >= end) {
            throw new NumberFormatException("empty number");
        }
        boolean negative = false;
        final char first = text.charAt(i);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        long whole = 0;
        int digits = 0;
        while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            whole = Math.addExact(Math.multiplyExact(whole, 10L), text.charAt(i) - '0');
            i++;
            digits++;
        }
        long fraction = 0;
        int fractionDigits = 0;
        boolean roundUp = false;
        if (i < end && text.charAt(i) == '.') {
            i++;
            while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                final int digit = text.charAt(i) - '0';
                if (fractionDigits < SCALE_DIGITS) {
                    fraction = fraction * 10 + digit;
                } else if (fractionDigits == SCALE_DIGITS) {
                    roundUp = digit >= 5;
                }
                fractionDigits++;
                digits++;
                i++;
            }
        }
        if (i != end || digits == 0) {
            throw new NumberFormatException("not a decimal number: '" + text.subSequence(start, end) + "'");
        }
        if (fractionDigits < SCALE_DIGITS) {
            fraction *= POW10[SCALE_DIGITS - fractionDigits];
        }
        try {
            // built as a negative magnitude so that Long.MIN_VALUE, whose magnitude has no positive long, parses
            long value = Math.subtractExact(Math.multiplyExact(-whole, SCALE), fraction);
            if (roundUp) {
                value = Math.subtractExact(value, 1);
            }
            return negative ? value : Math.negateExact(value);
        } catch (final ArithmeticException e) {
            throw new NumberFormatException("number out of range: '" + text.subSequence(start, end) + "'");
        }
    }

    /** Parses a whole string; see {@link #parse(CharSequence, int, int)}. */
    public static long parse(final CharSequence text) {
        return parse(text, 0, text.length());
    }

    /**
     * Appends the value as a plain decimal with trailing zeros removed ({@code 800.01}, {@code 10},
     * {@code -0.5}); the format used in every output file, so that reruns are byte-identical.
     */
    public static StringBuilder appendTo(final StringBuilder out, final long fixed) {
        if (fixed < 0) {
            out.append('-');
        }
        final long abs = fixed < 0 ? -fixed : fixed; // unsigned: -Long.MIN_VALUE is 2^63
        out.append(Long.divideUnsigned(abs, SCALE));
        long fraction = Long.remainderUnsigned(abs, SCALE);
        if (fraction != 0) {
            out.append('.');
            int width = SCALE_DIGITS;
            while (fraction % 10 == 0) {
                fraction /= 10;
                width--;
            }
            final String digits = Long.toString(fraction);
            for (int pad = digits.length(); pad < width; pad++) {
                out.append('0');
            }
            out.append(digits);
        }
        return out;
    }

    /** The value as a plain decimal string; see {@link #appendTo}. */
    public static String toString(final long fixed) {
        return appendTo(new StringBuilder(24), fixed).toString();
    }

    /** Rounds {@code value} down (toward zero) to a multiple of {@code step}; step 0 means no rounding. */
    public static long roundDownToStep(final long value, final long step) {
        return step <= 0 ? value : value - value % step;
    }
}
