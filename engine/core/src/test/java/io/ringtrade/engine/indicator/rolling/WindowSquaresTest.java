package io.ringtrade.engine.indicator.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link WindowSquares} against the window's variance computed independently: BigInteger for the exact value, and the
 * 192-bit {@link ExactSum} path for the double, on long runs that roll the window, with values on both sides of the
 * 2^53 boundary where the 128-bit sum stops being trusted.
 */
class WindowSquaresTest {

    @Test
    void shouldGiveTheSameScaledVarianceAsThe192BitPathOnEveryBarOfARollingWindow() {
        final SplittableRandom random = new SplittableRandom(17);
        final long[] levels = {1, 300_000_000L, 5_000_000_000_000L, (1L << 53) - 5, 1L << 53, (1L << 53) + 3,
            1L << 60, Long.MAX_VALUE / 3, Long.MAX_VALUE};
        int fastBars = 0;
        int wideBars = 0;
        for (int trial = 0; trial < 300; trial++) {
            final int n = 1 + random.nextInt(trial % 10 == 0 ? 3_000 : 40);
            final long level = levels[random.nextInt(levels.length)];
            final long spread = trial % 7 == 0 ? Long.MAX_VALUE : Math.max(2, level / 500);
            final LongWindowSum window = new LongWindowSum(n);
            final WindowSquares squares = new WindowSquares();
            for (int bar = 0; bar < 3 * n + 50; bar++) {
                // mostly near the level, now and then a jump across the 2^53 boundary that later leaves the window
                final long value = random.nextInt(20) == 0 ? -level + random.nextLong(0, spread)
                    : level - random.nextLong(0, spread);
                window.push(value);
                squares.push(value, window.leaving());
                if (!window.isFull()) {
                    continue;
                }
                final ExactSum exactSquares = new ExactSum();
                BigInteger s = BigInteger.ZERO;
                BigInteger q = BigInteger.ZERO;
                boolean anyLarge = false;
                for (int i = 0; i < n; i++) {
                    final long x = window.values().get(i);
                    exactSquares.addProduct(x, x);
                    s = s.add(BigInteger.valueOf(x));
                    q = q.add(BigInteger.valueOf(x).pow(2));
                    anyLarge |= Math.abs((double) x) > 0x1p53;
                }
                final double expected = exactSquares.timesMinusSquare(n, window.exact(), new ExactSum());
                final double actual = squares.scaledVariance(window);
                assertThat(actual).as("trial %d bar %d n=%d level=%d", trial, bar, n, level).isEqualTo(expected);
                final BigInteger exact = q.multiply(BigInteger.valueOf(n)).subtract(s.pow(2));
                // and both are the exact value read as a double (within the few ulps ExactSum.toDouble allows)
                final double exactDouble = exact.signum() > 0 ? exact.doubleValue() : 0.0;
                assertThat(actual).isCloseTo(exactDouble, org.assertj.core.api.Assertions.within(4 * Math.ulp(exactDouble)));
                if (anyLarge) {
                    wideBars++;
                } else {
                    fastBars++;
                }
            }
        }
        // both sides of the boundary are exercised
        assertThat(fastBars).isGreaterThan(10_000);
        assertThat(wideBars).isGreaterThan(1_000);
    }

    @Test
    void shouldWriteTheExactSumOfSquaresAndContinueFromItAfterARestore() {
        final SplittableRandom random = new SplittableRandom(19);
        final int n = 20;
        final LongWindowSum window = new LongWindowSum(n);
        final WindowSquares squares = new WindowSquares();
        for (int bar = 0; bar < 500; bar++) {
            // a value beyond 2^53 now and then, so restores happen with it inside the window and after it left
            final long value = bar % 97 == 3 ? Long.MAX_VALUE / 4 : 4_000_000_000_000L + random.nextLong(0, 10_000_000);
            window.push(value);
            squares.push(value, window.leaving());
            final StateWriter out = new StateWriter();
            window.writeState(out);
            squares.writeState(out, window.values());
            final StateReader in = new StateReader(out.toByteArray());
            final LongWindowSum restoredWindow = new LongWindowSum(n);
            final WindowSquares restored = new WindowSquares();
            restoredWindow.readState(in);
            restored.readState(in, restoredWindow.values());
            // the written limbs are the exact sum of the window's squares
            final ExactSum expected = new ExactSum();
            for (int i = 0; i < window.count(); i++) {
                expected.addProduct(window.values().get(i), window.values().get(i));
            }
            final StateWriter limbs = new StateWriter();
            squares.writeState(limbs, window.values());
            final StateWriter expectedLimbs = new StateWriter();
            expected.writeState(expectedLimbs);
            assertThat(limbs.toByteArray()).isEqualTo(expectedLimbs.toByteArray());
            // and the restored copy goes on exactly as the original
            final long next = 4_000_000_000_000L + random.nextLong(0, 10_000_000);
            window.push(next);
            squares.push(next, window.leaving());
            restoredWindow.push(next);
            restored.push(next, restoredWindow.leaving());
            if (window.isFull()) {
                assertThat(restored.scaledVariance(restoredWindow)).isEqualTo(squares.scaledVariance(window));
            }
        }
    }
}
