package io.ringtrade.engine.api.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FixedPoint#mulDiv} checked against {@link BigDecimal} (an independent exact implementation) on operands of
 * every size, in every rounding mode it supports: the 64-bit path, the 128-bit path (a 128 ÷ 64 division in two
 * steps) and the refusals of results that do not fit. Fixed seeds, so a failure names a case that fails again.
 */
final class FixedPointMulDivCrossCheckTest {
    private static final RoundingMode[] MODES = {
        RoundingMode.FLOOR, RoundingMode.CEILING, RoundingMode.DOWN, RoundingMode.UP, RoundingMode.HALF_UP};

    @Test
    void shouldAgreeWithBigDecimalOnRandomOperandsOfEveryBitLength() {
        final SplittableRandom random = new SplittableRandom(20261202L);
        int wide = 0;
        for (int i = 0; i < 400_000; i++) {
            final long a = operand(random);
            final long b = operand(random);
            final long c = operand(random);
            if (c == 0) {
                continue;
            }
            if (Math.multiplyHigh(a, b) != (a * b) >> 63) {
                wide++;
            }
            for (final RoundingMode mode : MODES) {
                check(a, b, c, mode);
            }
        }
        // the sizes above must exercise the 128-bit path, not only the 64-bit one
        assertThat(wide).isGreaterThan(100_000);
    }

    @Test
    void shouldAgreeWithBigDecimalOnNotionalsAndBenchmarkValuesOfRealSizes() {
        // prices 0.01 .. 100,000 and quantities 1e-8 .. 1e6 at 1e-8, divided by the scale or by a first price:
        // the equity row's position values and buy-and-hold column
        final SplittableRandom random = new SplittableRandom(7L);
        for (int i = 0; i < 300_000; i++) {
            final long price = random.nextLong(1_000_000L, 10_000_000_000_000L);
            final long quantity = random.nextLong(1L, 100_000_000_000_000L) * (random.nextBoolean() ? 1 : -1);
            final long divisor = random.nextBoolean() ? FixedPoint.SCALE : random.nextLong(1_000_000L,
                10_000_000_000_000L);
            for (final RoundingMode mode : MODES) {
                check(price, quantity, divisor, mode);
            }
        }
    }

    @Test
    void shouldRoundExactQuotientsAndExactHalvesOnThe128BitPath() {
        final SplittableRandom random = new SplittableRandom(11L);
        for (int i = 0; i < 100_000; i++) {
            final long a = random.nextLong(1L << 40, 1L << 62) * (random.nextBoolean() ? 1 : -1);
            final long b = random.nextLong(1L << 24, 1L << 60) | 1; // odd: a × b / 2a is a half
            for (final RoundingMode mode : MODES) {
                check(a, b, a, mode);        // exact: b
                check(a, b, 2 * a, mode);    // b / 2 with b odd: an exact half
                check(a, b, a + 1, mode);    // just below b
                check(a, b, a - 1, mode);    // just above b
            }
        }
    }

    private static long operand(final SplittableRandom random) {
        final int bits = random.nextInt(1, 64);
        long value = random.nextLong() >>> (64 - bits);
        switch (random.nextInt(16)) {
            case 0 -> value = Long.MAX_VALUE - random.nextInt(3);
            case 1 -> value = Long.MIN_VALUE + random.nextInt(3);
            default -> {
                // keep value
            }
        }
        return random.nextBoolean() ? value : -value;
    }

    private static void check(final long a, final long b, final long c, final RoundingMode mode) {
        final BigDecimal exact = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
            .divide(BigDecimal.valueOf(c), 0, mode);
        final boolean fits = exact.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
            && exact.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
        final String operation = a + " × " + b + " / " + c + " " + mode;
        if (fits) {
            assertThat(FixedPoint.mulDiv(a, b, c, mode)).as(operation).isEqualTo(exact.longValueExact());
        } else {
            try {
                final long result = FixedPoint.mulDiv(a, b, c, mode);
                throw new AssertionError(operation + " should not fit a long, gave " + result);
            } catch (final ArithmeticException expected) {
                // the refusal the contract promises
            }
        }
    }
}
