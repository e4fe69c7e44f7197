package io.ringtrade.engine.indicator;

import static io.ringtrade.engine.indicator.Values.AAPL;
import static io.ringtrade.engine.indicator.Values.FLAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.Row;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Windowed sums of prices are exact integers, so comparisons against moving averages come out as exact arithmetic
 * says: a close that equals its n-bar mean reads equal, bit for bit, at any price and any window, and long windows of
 * large prices neither overflow nor drift.
 */
class ExactMeansTest {
    @Test
    void shouldReadACloseEqualToItsTwentyBarMeanAsEqual() {
        // make_synthetic_edges.py builds 20-bar blocks aligned with the window whose 20th close is the block's mean,
        // at prices near 100 (bars 500-899) and near 9,500,000 (bars 900-1499).
        final TaReference reference = TaReference.load("synthetic_edges");
        final Indicators indicators = new Indicators();
        final Column sma = indicators.sma(20);
        final Column bbm = indicators.column("volatility_bbm");
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, indicators);
        final double[] taMean = reference.columns.get("volatility_bbm");
        final List<Integer> blockEnds = new ArrayList<>();
        double naiveSum = 0;
        int naiveMisses = 0;
        int taEqual = 0;
        for (int t = 0; t < reference.size(); t++) {
            reference.feed(bars, t);
            final double close = FixedPoint.toDouble(reference.close[t]);
            naiveSum += close - (t >= 20 ? FixedPoint.toDouble(reference.close[t - 20]) : 0);
            if (t >= 519 && (t - 519) % 20 == 0) {
                blockEnds.add(t);
                final Row row = bars.row();
                assertThat(Double.valueOf(row.get(sma))).as("sma(20) at %d", t).isEqualTo(Double.valueOf(close));
                assertThat(Double.valueOf(row.get(bbm))).as("volatility_bbm at %d", t).isEqualTo(Double.valueOf(close));
                if (taMean[t] == close) {
                    taEqual++;
                } else {
                    assertThat(Math.abs(taMean[t] - close)).as("ta's rounding at %d", t)
                        .isLessThanOrEqualTo(Math.ulp(close));
                }
                if (naiveSum / 20 != close) {
                    naiveMisses++;
                }
            }
        }
        System.out.printf("closes equal to their 20-bar mean: %d; the row reads equal at all of them, ta at %d (pandas'"
            + " compensated running sum is an ulp off at the others), a plain running double sum at %d%n",
            blockEnds.size(), taEqual, blockEnds.size() - naiveMisses);
        assertThat(blockEnds).hasSize(50);
        assertThat(naiveMisses).as("a plain running sum drifts: this is what exact sums avoid").isGreaterThan(0);
    }

    @Test
    void shouldAverageTenThousandClosesNearNinePointThreeMillionExactly() {
        final int n = 10_000;
        final int barCount = 3 * n;
        final long base = FixedPoint.of(9_300_000);
        final long[] closes = new long[barCount];
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < barCount; i++) {
            // the first window is symmetric about the base and ends on it: its last close is exactly its mean
            closes[i] = i < n - 2 ? base + (i % 2 == 0 ? 1 : -1) * FixedPoint.parse("0.37")
                : i < n ? base : base + random.nextLong(-100_000_000L, 100_000_000L);
        }
        assertThatThrownBy(() -> {
            long plain = 0;
            for (int i = 0; i < n; i++) {
                plain = Math.addExact(plain, closes[i]);
            }
        }).as("a plain long sum of the window overflows here").isInstanceOf(ArithmeticException.class);

        final Indicators indicators = new Indicators().maxBarsAgo(0);
        final Column sma = indicators.sma(n);
        final Indicators.Bollinger bands = indicators.bollinger(n, 2);
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, indicators);
        for (int t = 0; t < barCount; t++) {
            bars.onBar(t, closes[t], closes[t], closes[t], closes[t], FixedPoint.of(1));
            if (t == n - 1) {
                assertThat(Double.valueOf(bars.row().get(sma))).isEqualTo(Double.valueOf(FixedPoint.toDouble(base)));
                assertThat(bars.row().get(bands.percentB())).as("a close at the mean is halfway").isEqualTo(0.5);
            }
            if (t >= n - 1 && t % 997 == 0) {
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal squares = BigDecimal.ZERO;
                for (int i = t - n + 1; i <= t; i++) {
                    final BigDecimal x = BigDecimal.valueOf(closes[i], 8);
                    sum = sum.add(x);
                    squares = squares.add(x.multiply(x));
                }
                final BigDecimal count = BigDecimal.valueOf(n);
                final BigDecimal mean = sum.divide(count, MathContext.DECIMAL128);
                final BigDecimal deviation = squares.divide(count, MathContext.DECIMAL128)
                    .subtract(mean.multiply(mean)).sqrt(MathContext.DECIMAL128);
                final Row row = bars.row();
                assertThat(Math.abs(row.get(sma) - mean.doubleValue())).as("sma(10000) at %d", t)
                    .isLessThanOrEqualTo(Math.ulp(mean.doubleValue()));
                final double upper = mean.add(deviation.multiply(BigDecimal.TWO)).doubleValue();
                assertThat(Math.abs(row.get(bands.upper()) - upper)).as("upper band at %d", t)
                    .isLessThanOrEqualTo(4 * Math.ulp(upper));
            }
        }
    }

    @Test
    void shouldStayExactWithPricesNearTheLargestAFixedPointLongHolds() {
        // 60 billion in price units (6e18 of 1e-8): ten of them overflow a long, and 4 × high alone does too
        final long base = FixedPoint.of(60_000_000_000L);
        final SplittableRandom random = new SplittableRandom(8);
        final Indicators indicators = new Indicators().maxBarsAgo(0);
        final Column sma = indicators.sma(10);
        final Indicators.Keltner keltner = indicators.keltner(10);
        final Indicators.Bollinger bands = indicators.bollinger(10, 2);
        final Column awesome = indicators.column("momentum_ao");
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, indicators);
        final long[] high = new long[60];
        final long[] low = new long[60];
        final long[] close = new long[60];
        for (int t = 0; t < 60; t++) {
            close[t] = base + random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
            high[t] = close[t] + random.nextLong(0, 500_000_000_000L);
            low[t] = close[t] - random.nextLong(0, 500_000_000_000L);
            bars.onBar(t, close[t], high[t], low[t], close[t], FixedPoint.of(1));
            if (t < 9) {
                continue;
            }
            BigDecimal closes = BigDecimal.ZERO;
            BigDecimal squares = BigDecimal.ZERO;
            BigDecimal upper = BigDecimal.ZERO;
            for (int i = t - 9; i <= t; i++) {
                final BigDecimal c = BigDecimal.valueOf(close[i], 8);
                closes = closes.add(c);
                squares = squares.add(c.multiply(c));
                upper = upper.add(BigDecimal.valueOf(high[i], 8).multiply(BigDecimal.valueOf(4))
                    .subtract(BigDecimal.valueOf(low[i], 8).multiply(BigDecimal.TWO)).add(c));
            }
            final MathContext m = MathContext.DECIMAL128;
            final BigDecimal mean = closes.divide(BigDecimal.TEN, m);
            final BigDecimal deviation = squares.divide(BigDecimal.TEN, m).subtract(mean.multiply(mean)).sqrt(m);
            final Row row = bars.row();
            assertThat(Math.abs(row.get(sma) - mean.doubleValue())).as("sma at %d", t)
                .isLessThanOrEqualTo(Math.ulp(mean.doubleValue()));
            final double kch = upper.divide(BigDecimal.valueOf(30), m).doubleValue();
            assertThat(Math.abs(row.get(keltner.upper()) - kch)).as("keltner upper at %d", t)
                .isLessThanOrEqualTo(2 * Math.ulp(kch));
            final double bbh = mean.add(deviation.multiply(BigDecimal.TWO)).doubleValue();
            assertThat(Math.abs(row.get(bands.upper()) - bbh)).as("bollinger upper at %d", t)
                .isLessThanOrEqualTo(4 * Math.ulp(bbh));
            if (t >= 33) {
                // momentum_ao: the 5- and 34-bar means of (H + L) / 2 (each within an ulp), then subtracted
                final double fast = medianMean(high, low, t, 5);
                final double slow = medianMean(high, low, t, 34);
                assertThat(Math.abs(row.get(awesome) - (fast - slow))).as("awesome at %d", t)
                    .isLessThanOrEqualTo(2 * Math.ulp(fast));
            }
        }
    }

    private static double medianMean(final long[] high, final long[] low, final int t, final int n) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = t - n + 1; i <= t; i++) {
            sum = sum.add(BigDecimal.valueOf(high[i], 8)).add(BigDecimal.valueOf(low[i], 8));
        }
        return sum.divide(BigDecimal.valueOf(2L * n), MathContext.DECIMAL128).doubleValue();
    }
}
