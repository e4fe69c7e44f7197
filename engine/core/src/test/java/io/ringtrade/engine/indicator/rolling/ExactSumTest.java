package io.ringtrade.engine.indicator.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ExactSum} against {@link BigInteger} on random and extreme operands. */
class ExactSumTest {
    private static final long[] EXTREMES = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE,
        1L << 53, -(1L << 53), 1L << 62, 920_000_000_000_000L, FixedPoint.of(9_300_000)};

    @Test
    void shouldAddAndSubtractValuesAndProductsExactly() {
        final SplittableRandom random = new SplittableRandom(7);
        final ExactSum sum = new ExactSum();
        BigInteger expected = BigInteger.ZERO;
        for (int i = 0; i < 200_000; i++) {
            final long a = random.nextInt(4) == 0 ? EXTREMES[random.nextInt(EXTREMES.length)] : random.nextLong();
            final long b = random.nextInt(4) == 0 ? EXTREMES[random.nextInt(EXTREMES.length)] : random.nextLong();
            switch (random.nextInt(4)) {
                case 0 -> {
                    sum.add(a);
                    expected = expected.add(BigInteger.valueOf(a));
                }
                case 1 -> {
                    sum.subtract(a);
                    expected = expected.subtract(BigInteger.valueOf(a));
                }
                case 2 -> {
                    sum.addProduct(a, b);
                    expected = expected.add(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
                }
                default -> {
                    sum.subtractProduct(a, b);
                    expected = expected.subtract(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
                }
            }
            if (i % 97 == 0) {
                check(sum, expected);
            }
        }
        check(sum, expected);
    }

    private static void check(final ExactSum sum, final BigInteger expected) {
        assertThat(sum.signum()).isEqualTo(expected.signum());
        final boolean fits = expected.bitLength() < 64;
        assertThat(sum.fitsLong()).isEqualTo(fits);
        if (fits) {
            assertThat(sum.longValue()).isEqualTo(expected.longValueExact());
            assertThat(sum.toDouble()).isEqualTo(expected.doubleValue());
        } else {
            assertThat(sum.toDouble()).isCloseTo(expected.doubleValue(),
                org.assertj.core.api.Assertions.within(Math.ulp(expected.doubleValue()) * 4));
        }
    }

    @Test
    void shouldFormTheScaledVarianceExactly() {
        final SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 2_000; trial++) {
            final int n = 1 + random.nextInt(trial % 10 == 0 ? 20_000 : 50);
            final long level = random.nextInt(3) == 0 ? Long.MAX_VALUE / 2 : random.nextLong(1, 1L << 52);
            final ExactSum sum = new ExactSum();
            final ExactSum squares = new ExactSum();
            BigInteger s = BigInteger.ZERO;
            BigInteger q = BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                final long x = level - random.nextLong(0, Math.max(1, level / 1000));
                sum.add(x);
                squares.addProduct(x, x);
                s = s.add(BigInteger.valueOf(x));
                q = q.add(BigInteger.valueOf(x).pow(2));
            }
            final ExactSum scaled = new ExactSum();
            scaled.setProduct(squares, n);
            scaled.subtractSquareOf(sum);
            final BigInteger expected = q.multiply(BigInteger.valueOf(n)).subtract(s.pow(2));
            assertThat(scaled.signum()).isEqualTo(expected.signum());
            assertThat(scaled.toDouble()).isCloseTo(expected.doubleValue(),
                org.assertj.core.api.Assertions.within(Math.ulp(expected.doubleValue()) * 4));
        }
    }

    @Test
    void shouldGiveTheSameScaledVarianceDoubleOnTheFastPathAsTheGeneralOne() {
        final SplittableRandom random = new SplittableRandom(13);
        final long[] levels = {1, 1L << 20, 1L << 40, 920_000_000_000_000L, 1L << 61, Long.MAX_VALUE / 2, Long.MAX_VALUE,
            Long.MIN_VALUE};
        int fast = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            final int n = 1 + random.nextInt(trial % 10 == 0 ? 5_000 : 40);
            final long level = trial % 3 == 0 ? levels[random.nextInt(levels.length)] : random.nextLong();
            final long spread = trial % 5 == 0 ? Long.MAX_VALUE : Math.max(1, Math.abs(level / 1000));
            final ExactSum sum = new ExactSum();
            final ExactSum squares = new ExactSum();
            BigInteger s = BigInteger.ZERO;
            BigInteger q = BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                final long x = level - random.nextLong(0, spread);
                sum.add(x);
                squares.addProduct(x, x);
                s = s.add(BigInteger.valueOf(x));
                q = q.add(BigInteger.valueOf(x).pow(2));
            }
            final ExactSum general = new ExactSum();
            general.setProduct(squares, n);
            general.subtractSquareOf(sum);
            final double expected = general.signum() > 0 ? general.toDouble() : 0.0;
            final double viaFastPath = squares.timesMinusSquare(n, sum, new ExactSum());
            assertThat(viaFastPath).as("n=%d level=%d", n, level).isEqualTo(expected);
            final BigInteger exact = q.multiply(BigInteger.valueOf(n)).subtract(s.pow(2));
            assertThat(exact.signum()).isNotNegative();
            if (sum.fitsLong() && q.multiply(BigInteger.valueOf(n)).bitLength() <= 128) {
                fast++;
            }
        }
        // both sides of the 128-bit boundary are exercised
        assertThat(fast).isBetween(1_000, 19_000);
    }

    @Test
    void shouldGiveTheCorrectlyRoundedMeanAndAPriceItselfWhenTheMeanIsThatPrice() {
        final SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 20_000; trial++) {
            final int n = 1 + random.nextInt(300);
            final long price = random.nextLong(1, trial % 2 == 0 ? 1L << 40 : Long.MAX_VALUE / 4);
            final ExactSum sum = new ExactSum();
            for (int i = 0; i < n; i++) {
                sum.add(price);
            }
            assertThat(sum.mean(n, 1)).as("mean of %d × %d", n, price).isEqualTo(FixedPoint.toDouble(price));
            sum.add(random.nextLong(1, 1_000_000));
            final BigDecimal exact = new BigDecimal(toBigInteger(sum)).divide(
                BigDecimal.valueOf(n + 1L).multiply(BigDecimal.valueOf(FixedPoint.SCALE)), MathContext.DECIMAL128);
            final double mean = sum.mean(n + 1L, 1);
            assertThat(Math.abs(mean - exact.doubleValue())).isLessThanOrEqualTo(Math.ulp(exact.doubleValue()));
            final ExactSum negated = new ExactSum();
            negated.subtract(price);
            assertThat(negated.mean(1, 1)).isEqualTo(-FixedPoint.toDouble(price));
        }
    }

    private static BigInteger toBigInteger(final ExactSum sum) {
        final StateWriter out = new StateWriter();
        sum.writeState(out);
        final StateReader in = new StateReader(out.toByteArray());
        final long top = in.readLong();
        final long mid = in.readLong();
        final long low = in.readLong();
        return BigInteger.valueOf(top).shiftLeft(128).add(new BigInteger(Long.toUnsignedString(mid)).shiftLeft(64))
            .add(new BigInteger(Long.toUnsignedString(low)));
    }
}
