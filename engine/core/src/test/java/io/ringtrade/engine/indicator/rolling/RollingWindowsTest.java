package io.ringtrade.engine.indicator.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The rolling windows against direct computation over the same window, on long random runs. */
class RollingWindowsTest {
    @Test
    void shouldNotDriftOverAMillionValuesWhereARunningSumDoes() {
        final int n = 20;
        final RollingSum rolling = new RollingSum(n);
        final double[] window = new double[n];
        final SplittableRandom random = new SplittableRandom(5);
        double running = 0;
        double worstRolling = 0;
        double worstRunning = 0;
        for (int i = 0; i < 1_000_000; i++) {
            // values of very different sizes make a running add-and-subtract sum lose low bits for good
            final double value = random.nextInt(1000) == 0 ? random.nextDouble() * 1e12 : random.nextDouble();
            final double leaving = i >= n ? window[i % n] : 0;
            window[i % n] = value;
            rolling.push(value);
            running += value - leaving;
            if (i >= n && i % 1000 == 0) {
                BigDecimal exact = BigDecimal.ZERO;
                for (final double x : window) {
                    exact = exact.add(new BigDecimal(x));
                }
                final double truth = exact.round(MathContext.DECIMAL64).doubleValue();
                final double scale = Math.max(1, Math.abs(truth));
                worstRolling = Math.max(worstRolling, Math.abs(rolling.sum() - truth) / scale);
                worstRunning = Math.max(worstRunning, Math.abs(running - truth) / scale);
            }
        }
        assertThat(worstRolling).as("window sum, relative error").isLessThan(1e-13);
        assertThat(worstRunning).as("running add-and-subtract sum, relative error (the drift avoided)")
            .isGreaterThan(1e-6);
    }

    @Test
    void shouldKeepTheOldestExtremeOnTies() {
        final RollingExtremum max = RollingExtremum.maximum(5);
        final long[] values = {3, 7, 7, 2, 7, 1, 1, 1, 0};
        final int[] expectedAge = {0, 0, 1, 2, 3, 4, 4, 3, 4};
        final long[] expectedMax = {3, 7, 7, 7, 7, 7, 7, 7, 7};
        for (int i = 0; i < values.length; i++) {
            max.push(values[i]);
            assertThat(max.value()).as("max after %d", i).isEqualTo(expectedMax[i]);
            assertThat(max.age()).as("age of the oldest max after %d", i).isEqualTo(expectedAge[i]);
        }
    }

    @Test
    void shouldMatchADirectScanOnRandomRuns() {
        final SplittableRandom random = new SplittableRandom(9);
        for (final int n : new int[] {1, 2, 3, 10, 26, 52}) {
            final RollingExtremum max = RollingExtremum.maximum(n);
            final RollingExtremum min = RollingExtremum.minimum(n);
            final RollingDoubleExtremum doubleMax = RollingDoubleExtremum.maximum(n);
            final RollingDoubleExtremum doubleMin = RollingDoubleExtremum.minimum(n);
            final long[] values = new long[5_000];
            final boolean[] missing = new boolean[values.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(20);
                max.push(values[i]);
                min.push(values[i]);
                missing[i] = random.nextInt(50) == 0;
                doubleMax.push(missing[i] ? Double.NaN : values[i]);
                doubleMin.push(missing[i] ? Double.POSITIVE_INFINITY : values[i]);
                long high = Long.MIN_VALUE;
                long low = Long.MAX_VALUE;
                int oldestHigh = -1;
                for (int j = Math.max(0, i - n + 1); j <= i; j++) {
                    if (values[j] > high) {
                        high = values[j];
                        oldestHigh = j;
                    }
                    low = Math.min(low, values[j]);
                }
                assertThat(max.value()).isEqualTo(high);
                assertThat(max.age()).isEqualTo(i - oldestHigh);
                assertThat(min.value()).isEqualTo(low);
                boolean gap = i < n - 1;
                for (int j = Math.max(0, i - n + 1); j <= i; j++) {
                    gap |= missing[j];
                }
                if (gap) {
                    assertThat(doubleMax.value()).as("a missing value in the window").isNaN();
                    assertThat(doubleMin.value()).isNaN();
                } else {
                    assertThat(doubleMax.value()).isEqualTo((double) high);
                    assertThat(doubleMin.value()).isEqualTo((double) low);
                }
            }
        }
    }

    @Test
    void shouldGiveEveryWindowOfOneDequeWhatADirectScanGivesAcrossSnapshots() {
        // Ichimoku's, the stochastic's, Donchian's and Aroon's windows of highs (or lows) from one deque: the extreme
        // and the age of its oldest occurrence (ties are frequent with 20 distinct values), restored every 997 pushes
        final int[] windows = {9, 14, 20, 25, 26, 52, 1, 64};
        final SplittableRandom random = new SplittableRandom(11);
        final long[] values = new long[20_000];
        RollingExtremes max = RollingExtremes.maximum();
        RollingExtremes min = RollingExtremes.minimum();
        for (final int n : windows) {
            max.window(n);
            min.window(n);
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(20) - 10 + (i % 3000 < 100 ? Long.MAX_VALUE - 20 : 0);
            if (i % 997 == 0 && i > 0) {
                max = restored(max, RollingExtremes.maximum(), windows);
                min = restored(min, RollingExtremes.minimum(), windows);
            }
            max.push(values[i]);
            min.push(values[i]);
            for (int w = 0; w < windows.length; w++) {
                final int n = windows[w];
                long high = Long.MIN_VALUE;
                long low = Long.MAX_VALUE;
                int oldestHigh = -1;
                int oldestLow = -1;
                for (int j = Math.max(0, i - n + 1); j <= i; j++) {
                    if (values[j] > high) {
                        high = values[j];
                        oldestHigh = j;
                    }
                    if (values[j] < low) {
                        low = values[j];
                        oldestLow = j;
                    }
                }
                assertThat(max.value(w)).as("max of %d after %d", n, i).isEqualTo(high);
                assertThat(max.age(w)).as("age of the oldest max of %d after %d", n, i).isEqualTo(i - oldestHigh);
                assertThat(min.value(w)).as("min of %d after %d", n, i).isEqualTo(low);
                assertThat(min.age(w)).as("age of the oldest min of %d after %d", n, i).isEqualTo(i - oldestLow);
            }
        }
    }

    @Test
    void shouldSumSeveralWindowsOfOneSeriesExactlyWhenTheValuesOutgrowALongAndAcrossASnapshot() {
        // the Ultimate oscillator's 7/14/28: ordinary values, then a stretch near Long.MAX_VALUE / 8 whose sums do
        // not fit a long, then ordinary ones again; each read equals the window summed in 192 bits by hand
        final int[] windows = {7, 14, 28};
        final SplittableRandom random = new SplittableRandom(12);
        final long[] values = new long[3_000];
        WindowSums sums = new WindowSums(windows);
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 1000 >= 400 && i % 1000 < 460
                ? Long.MAX_VALUE / 8 - random.nextLong(1_000_000)
                : random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
            if (i % 331 == 0 && i > 0) {
                final StateWriter out = new StateWriter();
                sums.writeState(out);
                sums = new WindowSums(windows);
                final StateReader in = new StateReader(out.toByteArray());
                sums.readState(in);
                in.finish();
            }
            sums.push(values[i]);
            for (int w = 0; w < windows.length; w++) {
                final ExactSum expected = new ExactSum();
                for (int j = Math.max(0, i - windows[w] + 1); j <= i; j++) {
                    expected.add(values[j]);
                }
                assertThat(sums.isFull(w)).isEqualTo(i >= windows[w] - 1);
                assertThat(sums.units(w)).as("window %d after %d", windows[w], i).isEqualTo(expected.toDouble());
            }
        }
    }

    @Test
    void shouldAddAWindowAtTheFirstValue() {
        final RollingExtremes max = RollingExtremes.maximum();
        final int five = max.window(5);
        max.push(4);
        final int nine = max.window(9);
        final long[] next = {9, 2, 9, 1, 1, 1, 1, 1, 1, 1};
        final long[] expectedFive = {9, 9, 9, 9, 9, 9, 9, 1, 1, 1};
        final long[] expectedNine = {9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        final int[] expectedNineAge = {0, 1, 2, 3, 4, 5, 6, 7, 8, 7};
        for (int i = 0; i < next.length; i++) {
            max.push(next[i]);
            assertThat(max.value(five)).as("five after %d", i).isEqualTo(expectedFive[i]);
            assertThat(max.value(nine)).as("nine after %d", i).isEqualTo(expectedNine[i]);
            assertThat(max.age(nine)).as("age in nine after %d", i).isEqualTo(expectedNineAge[i]);
        }
    }

    private static RollingExtremes restored(final RollingExtremes from, final RollingExtremes into,
                                            final int[] windows) {
        for (final int n : windows) {
            into.window(n);
        }
        final StateWriter out = new StateWriter();
        from.writeState(out);
        final StateReader in = new StateReader(out.toByteArray());
        into.readState(in);
        in.finish();
        return into;
    }

    @Test
    void shouldKeepAnExactWindowSumWhenItOutgrowsALongAndAcrossASnapshot() {
        final SplittableRandom random = new SplittableRandom(12);
        final int n = 7;
        final LongWindowSum window = new LongWindowSum(n);
        final long[] values = new long[400];
        for (int i = 0; i < values.length; i++) {
            // small at first, then near Long.MAX_VALUE / 4: seven of those overflow a long
            values[i] = i < 100 ? random.nextLong(1, 1L << 40) : Long.MAX_VALUE / 4 - random.nextLong(0, 1L << 50);
            window.push(values[i]);
            if (i == 250) {
                final io.ringtrade.engine.snapshot.StateWriter out = new io.ringtrade.engine.snapshot.StateWriter();
                window.writeState(out);
                final LongWindowSum restored = new LongWindowSum(n);
                restored.readState(new io.ringtrade.engine.snapshot.StateReader(out.toByteArray()));
                assertThat(restored.mean()).isEqualTo(window.mean());
            }
            if (i >= n - 1) {
                java.math.BigInteger exact = java.math.BigInteger.ZERO;
                for (int j = i - n + 1; j <= i; j++) {
                    exact = exact.add(java.math.BigInteger.valueOf(values[j]));
                }
                final double mean = new BigDecimal(exact).divide(BigDecimal.valueOf(n * 100_000_000L),
                    MathContext.DECIMAL128).doubleValue();
                assertThat(Math.abs(window.mean() - mean)).as("mean at %d", i).isLessThanOrEqualTo(Math.ulp(mean));
            }
        }
    }
}
