package io.ringtrade.engine.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ReciprocalDivisor} against {@link BigDecimal} (an independent exact division) and against
 * {@link FixedPoint#mulDiv}: every bit length of divisor (above 2^59 the exact path), the scale 1e8, powers of two,
 * exact halves, and results that do not fit. Fixed seeds.
 */
final class ReciprocalDivisorTest {

    @Test
    void shouldDivideSmallValuesWorkedOutByHand() {
        final ReciprocalDivisor scale = new ReciprocalDivisor(FixedPoint.SCALE);
        // 800.12345678 × 12.5 = 10,001.54320975 exactly
        assertThat(scale.mulDivHalfUp(80_012_345_678L, 1_250_000_000L)).isEqualTo(1_000_154_320_975L);
        // 0.00000001 × 0.5 = 0.000000005 → an exact half rounds away from zero: 0.00000001, and −0.00000001
        assertThat(scale.mulDivHalfUp(1, 50_000_000L)).isEqualTo(1);
        assertThat(scale.mulDivHalfUp(-1, 50_000_000L)).isEqualTo(-1);
        // 0.00000001 × 0.49999999 → 0
        assertThat(scale.mulDivHalfUp(1, 49_999_999L)).isZero();
        // 7 × 3 / 2 = 10.5 → 11; 7 × −3 / 2 → −11
        assertThat(new ReciprocalDivisor(2).mulDivHalfUp(7, 3)).isEqualTo(11);
        assertThat(new ReciprocalDivisor(2).mulDivHalfUp(7, -3)).isEqualTo(-11);
    }

    @Test
    void shouldAgreeWithBigDecimalForDivisorsOfEveryBitLength() {
        final SplittableRandom random = new SplittableRandom(20261202L);
        for (int bits = 1; bits <= 63; bits++) {
            final long[] divisors = {
                1L << (bits - 1), (1L << (bits - 1)) + random.nextLong(1L << (bits - 1)), bits == 63
                    ? Long.MAX_VALUE : (1L << bits) - 1};
            for (final long divisor : divisors) {
                final ReciprocalDivisor reciprocal = new ReciprocalDivisor(divisor);
                for (int i = 0; i < 4_000; i++) {
                    check(reciprocal, operand(random), operand(random));
                }
                check(reciprocal, divisor, 1);
                check(reciprocal, Long.MAX_VALUE, Long.MAX_VALUE);
                check(reciprocal, Long.MIN_VALUE, 1);
                check(reciprocal, Long.MIN_VALUE, -1);
            }
        }
    }

    @Test
    void shouldAgreeWithFixedPointOnNotionalsOfRealSizes() {
        final SplittableRandom random = new SplittableRandom(5L);
        final ReciprocalDivisor scale = new ReciprocalDivisor(FixedPoint.SCALE);
        for (int i = 0; i < 300_000; i++) {
            final long price = random.nextLong(1_000_000L, 10_000_000_000_000L);
            final long quantity = random.nextLong(1L, 100_000_000_000_000L) * (random.nextBoolean() ? 1 : -1);
            check(scale, price, quantity);
            if (Math.abs(quantity) < 10_000_000_000_000L) { // at most 100,000 units: the notional fits a long
                assertThat(scale.mulDivHalfUp(price, quantity)).isEqualTo(FixedPoint.mulDiv(price, quantity,
                    FixedPoint.SCALE, RoundingMode.HALF_UP));
            }
            final ReciprocalDivisor first = new ReciprocalDivisor(random.nextLong(1_000_000L, 10_000_000_000_000L));
            check(first, quantity, price);
        }
    }

    @Test
    void shouldTakeTwoEstimatesForQuotientsFrom2To50Until2To62() {
        // a compounding backtest's position values: 10^7 to 4 × 10^10 units at 1e-8, and divisors of every size
        // below 2^51, including remainders whose quotient sits next to an integer (operands near multiples of the
        // divisor)
        final SplittableRandom random = new SplittableRandom(31L);
        final ReciprocalDivisor scale = new ReciprocalDivisor(FixedPoint.SCALE);
        for (int i = 0; i < 300_000; i++) {
            final long price = random.nextLong(1_000_000_000L, 5_000_000_000_000L);
            final long quotient = random.nextLong(1L << 50, 1L << 62);
            final long quantity = Math.max(1, quotient / price * FixedPoint.SCALE + random.nextLong(-3, 4))
                * (random.nextBoolean() ? 1 : -1);
            check(scale, price, quantity);
            final long divisor = random.nextLong(2, 1L << random.nextInt(2, 52));
            final ReciprocalDivisor other = new ReciprocalDivisor(divisor);
            final long a = random.nextLong(1, Long.MAX_VALUE / divisor) * (random.nextBoolean() ? 1 : -1);
            check(other, a, divisor + random.nextLong(-2, 3));
            check(other, a, random.nextLong(1, Long.MAX_VALUE / Math.max(1, Math.abs(a) / divisor + 1)));
        }
    }

    @Test
    void shouldRoundExactHalvesAwayFromZero() {
        final SplittableRandom random = new SplittableRandom(9L);
        for (int i = 0; i < 50_000; i++) {
            final long half = random.nextLong(1L, 1L << 40);
            final ReciprocalDivisor reciprocal = new ReciprocalDivisor(2 * half);
            final long odd = random.nextLong(1L, 1L << 22) | 1;
            // half × odd / (2 half) = odd / 2: an exact half
            assertThat(reciprocal.mulDivHalfUp(half, odd)).isEqualTo(odd / 2 + 1);
            assertThat(reciprocal.mulDivHalfUp(-half, odd)).isEqualTo(-(odd / 2 + 1));
        }
    }

    @Test
    void shouldRefuseANonPositiveDivisor() {
        assertThatThrownBy(() -> new ReciprocalDivisor(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("positive");
        assertThatThrownBy(() -> new ReciprocalDivisor(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long operand(final SplittableRandom random) {
        final int bits = random.nextInt(1, 64);
        final long value = random.nextLong() >>> (64 - bits);
        return random.nextBoolean() ? value : -value;
    }

    private static void check(final ReciprocalDivisor reciprocal, final long a, final long b) {
        final BigDecimal exact = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
            .divide(BigDecimal.valueOf(reciprocal.divisor()), 0, RoundingMode.HALF_UP);
        final boolean fits = exact.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
            && exact.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
        final String operation = a + " × " + b + " / " + reciprocal.divisor();
        if (fits) {
            assertThat(reciprocal.mulDivHalfUp(a, b)).as(operation).isEqualTo(exact.longValueExact());
        } else {
            assertThatThrownBy(() -> reciprocal.mulDivHalfUp(a, b)).as(operation)
                .isInstanceOf(ArithmeticException.class);
        }
    }
}
