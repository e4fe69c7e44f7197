package io.ringtrade.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The report's derived series, on a four-bar curve worked out by hand. */
class EquityAnalyticsTest {
    private static final double[] EQUITY = {110, 99, 121, 121};

    @Test
    void shouldMeasureEachReturnAgainstThePreviousEquityAndTheFirstAgainstTheInitialCapital() {
        assertThat(EquityAnalytics.returns(EQUITY, 100)).containsExactly(new double[] {0.1, -0.1, 2.0 / 9, 0},
            within(1e-15));
    }

    @Test
    void shouldMeasureDrawdownFromTheRunningPeakIncludingTheInitialCapital() {
        assertThat(EquityAnalytics.drawdown(EQUITY, 100)).containsExactly(new double[] {0, -0.1, 0, 0}, within(1e-15));
        assertThat(EquityAnalytics.drawdown(new double[] {90, 95}, 100)).containsExactly(new double[] {-0.1, -0.05},
            within(1e-15));
    }

    @Test
    void shouldComputeTheRollingSharpeOfEachWindowWithTheSampleDeviation() {
        // windows of 2 at 4 bars a year: (0.1, -0.1) has mean 0; (-1/10, 2/9): mean 11/180, sd 29√2/180, so
        // 11/(29√2) × √4 = 11√2/29; (2/9, 0): mean 1/9, sd √2/9, so √2
        final double[] sharpe = EquityAnalytics.rollingSharpe(EquityAnalytics.returns(EQUITY, 100), 2, 4);
        assertThat(sharpe).containsExactly(new double[] {0, 11 * Math.sqrt(2) / 29, Math.sqrt(2)}, within(1e-12));
    }

    @Test
    void shouldSlideTheWindowLikeARecomputationAndGiveZeroOnFlatWindows() {
        final double[] returns = new double[1_000];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = i >= 600 && i < 800 ? 0 : StrictMath.sin(i * 0.7) * 0.01 + 0.0003;
        }
        final int window = 37;
        final double[] sliding = EquityAnalytics.rollingSharpe(returns, window, 252);
        for (int end = window - 1; end < returns.length; end++) {
            double sum = 0;
            for (int i = end - window + 1; i <= end; i++) {
                sum += returns[i];
            }
            final double mean = sum / window;
            double squares = 0;
            for (int i = end - window + 1; i <= end; i++) {
                squares += (returns[i] - mean) * (returns[i] - mean);
            }
            final double sd = Math.sqrt(squares / (window - 1));
            final double expected = sd == 0 ? 0 : mean / sd * Math.sqrt(252);
            assertThat(sliding[end - window + 1]).as("window ending at " + end).isCloseTo(expected, within(1e-9));
        }
        assertThat(sliding[700]).isZero();
    }

    @Test
    void shouldGiveNoRollingSharpeWhenTheCurveIsShorterThanTheWindow() {
        assertThat(EquityAnalytics.rollingSharpe(new double[] {0.1}, 2, 252)).isEmpty();
    }

    @Test
    void shouldUseHalfAYearAsTheWindowOrAQuarterOfAShortRun() {
        assertThat(EquityAnalytics.rollingWindow(252, 252)).isEqualTo(126);
        assertThat(EquityAnalytics.rollingWindow(251, 252)).isEqualTo(62);
        assertThat(EquityAnalytics.rollingWindow(5, 252)).isEqualTo(2);
    }

    @Test
    void shouldCompoundMonthEndsIntoMonthlyAndYearlyReturns() {
        final double[] times = {seconds("2013-01-15T00:00:00Z"), seconds("2013-01-31T00:00:00Z"),
            seconds("2013-02-10T00:00:00Z"), seconds("2014-03-01T00:00:00Z")};
        final EquityAnalytics.MonthlyReturns monthly =
            EquityAnalytics.monthly(times, new double[] {110, 99, 121, 133.1}, 100);
        assertThat(monthly.years()).containsExactly(2013, 2014);
        assertThat(monthly.months()[0][0]).isCloseTo(-0.01, within(1e-15));
        assertThat(monthly.months()[0][1]).isCloseTo(121.0 / 99 - 1, within(1e-15));
        assertThat(monthly.months()[0][2]).isNaN();
        assertThat(monthly.months()[1][2]).isCloseTo(0.1, within(1e-12));
        assertThat(monthly.months()[1][0]).isNaN();
        assertThat(monthly.yearTotals()).containsExactly(new double[] {0.21, 0.1}, within(1e-12));
    }

    @Test
    void shouldKeepEveryRowOfAShortCurveAndEachBucketsExtremesOfALongOne() {
        assertThat(EquityAnalytics.drawnRows(new double[] {1, 2, 3}, 6)).containsExactly(0, 1, 2);
        final double[] values = {5, 9, 1, 4, 4, 3, 3, 8, 0, 6};
        // two buckets of five: [0,5) first 0, low 2, high 1; [5,10) first 5, low 8, high 7; then the last row 9
        assertThat(EquityAnalytics.drawnRows(values, 6)).containsExactly(0, 1, 2, 5, 7, 8, 9);
    }

    private static double seconds(final String iso) {
        return Instant.parse(iso).getEpochSecond();
    }
}
