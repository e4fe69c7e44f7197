package io.ringtrade.engine.api.money;

import java.math.RoundingMode;

/**
 * One fixed positive divisor with its reciprocal, for computing {@code a × b / divisor} rounded half away from zero
 * many times with multiplications instead of a 128 ÷ 64 division: the same results as
 * {@link FixedPoint#mulDiv FixedPoint.mulDiv(a, b, divisor, HALF_UP)}, bit for bit, including the
 * {@link ArithmeticException} when the result does not fit a long.
 *
 * <p>Why: the equity row of every bar values each open position ({@code mark × quantity / 1e8}) and the buy-and-hold
 * column ({@code share × last / first}); those products pass 2^63 as soon as a notional passes about 922, and a
 * general 128-bit division costs several times the multiplications. How: the quotient is estimated in doubles as
 * {@code |a| × |b| × (1 / divisor)}, which is within one of the true floor for quotients below 2^50; the remainder of
 * that estimate is computed exactly in 64-bit wrapping arithmetic (it is below 2 × divisor in magnitude), and one
 * masked step each way puts it in [0, divisor). Quotients from 2^50 to 2^62 (position values above about eleven
 * million units at 1e-8, which a compounding backtest reaches) take a second estimate from the first one's remainder
 * when the divisor is below 2^51 ({@link #largeQuotient}); larger quotients, quotients of 2^50 or more with larger
 * divisors, divisors of 2^59 or more and magnitudes of 2^63 go to {@code FixedPoint.mulDiv}.
 *
 * <p>Immutable; any thread.
 */
public final class ReciprocalDivisor {
    /**
     * |a| × |b| × (1 / divisor) takes five roundings of at most 2^-53 each (a, b, their product, the reciprocal, the
     * last product), so below 2^50 the estimate is within 5 × 2^-3 of the true quotient and its truncation within one
     * of the floor.
     */
    private static final double ESTIMATE_LIMIT = 0x1p50;
    /** Below this a quotient takes two estimates ({@link #largeQuotient}); above it, {@code FixedPoint.mulDiv}. */
    private static final double WIDE_ESTIMATE_LIMIT = 0x1p62;
    /** Divisors from here on keep the single estimate's limit: 2^12 × divisor must stay below 2^63. */
    private static final long WIDE_DIVISOR_LIMIT = 1L << 51;

    private final long divisor;
    private final double inverse;

    /**
     * The divisor {@code divisor}.
     *
     * @throws IllegalArgumentException unless {@code divisor} is positive
     */
    public ReciprocalDivisor(final long divisor) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("the divisor must be positive, was " + divisor);
        }
        this.divisor = divisor;
        // NaN for divisors of 2^59 and above: the estimate is then never used (its remainder could pass 2^63)
        this.inverse = divisor < (1L << 59) ? 1.0 / divisor : Double.NaN;
    }

    /** The divisor. */
    public long divisor() {
        return divisor;
    }

    /**
     * {@code a × b / divisor} rounded half away from zero; equal to {@code FixedPoint.mulDiv(a, b, divisor, HALF_UP)}.
     *
     * @throws ArithmeticException when the result does not fit a long
     */
    public long mulDivHalfUp(final long a, final long b) {
        final long ua = Math.abs(a);
        final long ub = Math.abs(b);
        final double estimate = (double) ua * (double) ub * inverse;
        if (!(estimate < ESTIMATE_LIMIT) || (ua | ub) < 0) {
            return largeQuotient(a, b, ua, ub, estimate); // a large quotient, or a magnitude of 2^63
        }
        // Masks rather than branches below: whether an estimate is one off is a coin toss the predictor would lose.
        final long quotient = (long) estimate;
        final long remainder = ua * ub - quotient * divisor; // exact: below 2 × divisor < 2^60 in magnitude
        return corrected(a, b, quotient, remainder);
    }

    /**
     * Quotients from 2^50 to 2^62 (position values from about eleven million to 46 billion units) with a divisor below
     * 2^51: the estimate is then within 2^12 of the quotient, so its remainder, below 2^12 × divisor &lt; 2^63 in
     * magnitude, is still exact in 64-bit arithmetic, and a second estimate from the remainder brings it within one
     * of the floor. Anything else goes to {@code FixedPoint.mulDiv}.
     */
    private long largeQuotient(final long a, final long b, final long ua, final long ub, final double estimate) {
        if (!(estimate < WIDE_ESTIMATE_LIMIT) || (ua | ub) < 0 || divisor >= WIDE_DIVISOR_LIMIT) {
            return FixedPoint.mulDiv(a, b, divisor, RoundingMode.HALF_UP);
        }
        final long first = (long) estimate;
        final long remainder = ua * ub - first * divisor;
        // floored, not truncated: for a negative remainder truncation could leave the result more than one off
        final long second = (long) Math.floor((double) remainder * inverse);
        return corrected(a, b, first + second, remainder - second * divisor);
    }

    /** From a floor estimate within one ({@code remainder} in [−divisor, 2 × divisor)): the rounded, signed result. */
    private long corrected(final long a, final long b, final long estimate, final long estimateRemainder) {
        long quotient = estimate;
        long remainder = estimateRemainder;
        final long under = remainder >> 63; // the estimate was one too many
        quotient += under;
        remainder += divisor & under;
        final long over = ~((remainder - divisor) >> 63); // one too few
        quotient -= over;
        remainder -= divisor & over;
        quotient -= (divisor - remainder - remainder - 1) >> 63; // half away from zero: 2 × remainder ≥ divisor
        return (a ^ b) < 0 ? -quotient : quotient;
    }
}
