package io.ringtrade.engine.api.money;

import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * One fixed positive divisor with its precomputed reciprocal, for computing {@code a × b / divisor} rounded half away
 * from zero many times with multiplications instead of a 128 ÷ 64 division: the same results as
 * {@link FixedPoint#mulDiv FixedPoint.mulDiv(a, b, divisor, HALF_UP)}, bit for bit, including the
 * {@link ArithmeticException} when the result does not fit a long.
 *
 * <p>Why: the equity row of every bar values each open position ({@code mark × quantity / 1e8}) and the buy-and-hold
 * column ({@code share × last / first}); those products pass 2^63 as soon as a notional passes about 922, and a
 * general 128-bit division costs several times the multiplications. The method is Möller and Granlund's division by
 * an invariant integer ("Improved division by invariant integers", IEEE Transactions on Computers, 2011, algorithm 4):
 * with the divisor shifted so its top bit is set ({@code d}) and {@code v = ⌊(2^128 − 1) / d⌋ − 2^64}, a quotient of a
 * 128-bit dividend below {@code d × 2^64} costs two multiplications and two rare corrections.
 *
 * <p>Immutable; any thread.
 */
public final class ReciprocalDivisor {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MAX_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    /**
     * Quotients below 2^50 are first estimated in doubles: |a| × |b| × (1 / divisor) takes five roundings of at most
     * 2^-53 each, so below 2^50 the estimate is within 5 × 2^-3 of the true quotient and its truncation within one of
     * the floor. Larger quotients (position values above about eleven million units at 1e-8) take the exact path.
     */
    private static final double ESTIMATE_LIMIT = 0x1p50;

    private final long divisor;
    private final int shift;
    private final long normalized;
    private final long reciprocal;
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
        this.shift = Long.numberOfLeadingZeros(divisor);
        this.normalized = divisor << shift;
        final BigInteger d = new BigInteger(Long.toUnsignedString(normalized));
        this.reciprocal = MAX_128.divide(d).subtract(TWO_TO_64).longValue();
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
        if (estimate < ESTIMATE_LIMIT && (ua | ub) >= 0) {
            return fromEstimate(a, b, ua * ub, (long) estimate);
        }
        final long high = Math.unsignedMultiplyHigh(ua, ub);
        if ((ua | ub) < 0 || Long.compareUnsigned(high, divisor) >= 0) {
            return exactly(a, b); // a magnitude of 2^63, or a quotient of 64 bits or more
        }
        final long low = ua * ub;
        // the dividend shifted as the divisor was; its high word stays below the normalised divisor
        final long u1 = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
        final long u0 = low << shift;
        // ⟨q1, q0⟩ = v × u1 + ⟨u1 + 1, u0⟩
        final long productLow = reciprocal * u1;
        final long q0 = productLow + u0;
        final long carry = ((productLow & u0) | ((productLow | u0) & ~q0)) >>> 63;
        long q1 = Math.unsignedMultiplyHigh(reciprocal, u1) + u1 + 1 + carry;
        long r = u0 - q1 * normalized;
        // the first correction (r > q0, unsigned) is taken about as often as not: a mask from the borrow of q0 − r
        // instead of a branch the predictor would lose
        final long correct = -(((~q0 & r) | (~(q0 ^ r) & (q0 - r))) >>> 63);
        q1 += correct;
        r += normalized & correct;
        if (Long.compareUnsigned(r, normalized) >= 0) { // rare
            q1++;
            r -= normalized;
        }
        final long remainder = r >>> shift;
        // half away from zero: 2 × remainder ≥ divisor, as a mask (divisor − 2 × remainder − 1 cannot overflow)
        final long quotient = q1 - ((divisor - remainder - remainder - 1) >> 63);
        if ((q1 | quotient) < 0) {
            return exactly(a, b); // 2^63 or more: only −2^63 fits, and only for a negative result
        }
        return (a ^ b) < 0 ? -quotient : quotient;
    }

    /**
     * The result from a quotient estimate within one of ⌊|a × b| / divisor⌋: the remainder of the estimate is exact in
     * 64-bit wrapping arithmetic (it is below 2 × divisor in magnitude, and divisor is below 2^59), and one masked step
     * each way puts it in [0, divisor). Masks rather than branches: whether an estimate is one off is a coin toss.
     */
    private long fromEstimate(final long a, final long b, final long productLow, final long estimate) {
        long quotient = estimate;
        long remainder = productLow - quotient * divisor;
        final long under = remainder >> 63; // the estimate was one too many
        quotient += under;
        remainder += divisor & under;
        final long over = ~((remainder - divisor) >> 63); // one too few
        quotient -= over;
        remainder -= divisor & over;
        quotient -= (divisor - remainder - remainder - 1) >> 63; // half away from zero: 2 × remainder ≥ divisor
        return (a ^ b) < 0 ? -quotient : quotient;
    }

    private long exactly(final long a, final long b) {
        return FixedPoint.mulDiv(a, b, divisor, RoundingMode.HALF_UP);
    }
}
