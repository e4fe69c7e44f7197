package io.ringtrade.engine.report;

import static io.ringtrade.engine.report.Curves.compute;
import static io.ringtrade.engine.report.Curves.whole;
import static io.ringtrade.engine.report.Curves.wholeCurve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ringtrade.engine.api.money.FixedPoint;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Each metric on small curves worked out by hand. The main curve, used by several tests:
 *
 * <pre>
 *   initial cash 10000 → 11000 → 9900 → 10890 → 11979
 *   r = +0.10, −0.10, +0.10, +0.10      (the first bar's return is against the initial cash)
 *   mean r = 0.05
 *   squared deviations 0.0025 + 0.0225 + 0.0025 + 0.0025 = 0.03, / (n − 1 = 3) = 0.01, std = 0.1
 *   downside: Σ min(0, r)² = 0.01, / (n = 4) = 0.0025, downside deviation = 0.05
 *   peak 11000 at bar 0, trough 9900 at bar 1: max drawdown 1100 / 11000 = 0.1
 *   bars 1 and 2 are below 11000, bar 3 recovers: duration 2 bars
 * </pre>
 *
 * With four periods per year the four bars are exactly one year, so CAGR equals the total return and
 * √P = 2.
 */
final class PerformanceMetricsTest {
    private static final double EPS = 1e-12;

    private static PerformanceInput.Builder mainCurve(final double periodsPerYear) {
        return wholeCurve(10_000, periodsPerYear, 11_000, 9_900, 10_890, 11_979);
    }

    @Test
    void shouldComputeReturnsRiskAndDrawdownOfMainCurveOverOneYear() {
        final PerformanceSummary s = compute(mainCurve(4));

        assertThat(s.totalReturn()).isCloseTo(0.1979, within(EPS)); // 11979 / 10000 − 1
        assertThat(s.cagr()).isCloseTo(0.1979, within(EPS)); // years = 4 bars / 4 = 1
        assertThat(s.volatility()).isCloseTo(0.2, within(EPS)); // 0.1 × √4
        assertThat(s.sharpe()).isCloseTo(1.0, within(EPS)); // 0.05 / 0.1 × 2
        assertThat(s.sortino()).isCloseTo(2.0, within(EPS)); // 0.05 / 0.05 × 2
        assertThat(s.maxDrawdown()).isCloseTo(0.1, within(EPS));
        assertThat(s.maxDrawdownDurationBars()).isEqualTo(2);
        assertThat(s.calmar()).isCloseTo(1.979, within(EPS)); // 0.1979 / 0.1
        assertThat(s.finalEquity()).isEqualTo(FixedPoint.of(11_979));
    }

    @Test
    void shouldAnnualiseDailyBarsWithSquareRootOf252AndCompoundCagrOverBarCount() {
        final PerformanceSummary s = compute(mainCurve(252));

        // years = 4 / 252, so CAGR = 1.1979^(252/4) − 1 = 1.1979^63 − 1, computed exactly here.
        final double cagr = new BigDecimal("1.1979").pow(63).subtract(BigDecimal.ONE).doubleValue();
        assertThat(s.cagr()).isCloseTo(cagr, within(cagr * 1e-12));
        assertThat(s.volatility()).isCloseTo(0.1 * Math.sqrt(252), within(EPS));
        assertThat(s.sharpe()).isCloseTo(0.5 * Math.sqrt(252), within(EPS));
        assertThat(s.sortino()).isCloseTo(Math.sqrt(252), within(EPS));
        assertThat(s.calmar()).isCloseTo(cagr / 0.1, within(cagr * 1e-11));
    }

    @Test
    void shouldTakeTheRootOfGrowthWhenTheCurveSpansTwoYears() {
        // One bar per year, two bars: 1.21^(1/2) − 1 = 0.1.
        final PerformanceSummary s = compute(wholeCurve(10_000, 1, 11_000, 12_100));

        assertThat(s.totalReturn()).isCloseTo(0.21, within(EPS));
        assertThat(s.cagr()).isCloseTo(0.1, within(EPS));
    }

    @Test
    void shouldSquareGrowthWhenTheCurveSpansHalfAYear() {
        // Four bars at eight per year: half a year, so CAGR = 1.1979² − 1 = 0.43496441.
        assertThat(compute(mainCurve(8)).cagr()).isCloseTo(0.43496441, within(EPS));
    }

    @Test
    void shouldGiveNegativeCagrAndCalmarForALosingCurve() {
        // 10000 → 9000 → 8100 over two years: 0.81^(1/2) − 1 = −0.1; drawdown 1900 / 10000 = 0.19.
        final PerformanceSummary s = compute(wholeCurve(10_000, 1, 9_000, 8_100));

        assertThat(s.cagr()).isCloseTo(-0.1, within(EPS));
        assertThat(s.maxDrawdown()).isCloseTo(0.19, within(EPS));
        assertThat(s.calmar()).isCloseTo(-0.1 / 0.19, within(EPS));
        assertThat(s.maxDrawdownDurationBars()).isEqualTo(2);
    }

    @Test
    void shouldSubtractGeometricPerBarRiskFreeRateInSharpeAndSortino() {
        // rf = 1.01^4 − 1 = 0.04060401 a year is exactly 0.01 per bar at four bars a year.
        // excess = 0.09, −0.11, 0.09, 0.09: mean 0.04, sample std 0.1 (a constant shift)
        // sharpe = 0.04 / 0.1 × 2 = 0.8
        // downside = sqrt(0.11² / 4) = 0.055, sortino = 0.04 / 0.055 × 2 = 16 / 11
        final PerformanceSummary s = compute(mainCurve(4).riskFreeRatePerYear(0.04060401));

        assertThat(s.sharpe()).isCloseTo(0.8, within(EPS));
        assertThat(s.sortino()).isCloseTo(16.0 / 11.0, within(EPS));
        assertThat(s.volatility()).isCloseTo(0.2, within(EPS)); // volatility ignores the risk-free rate
    }

    @Test
    void shouldReportZerosForAFlatCurve() {
        final PerformanceSummary s = compute(wholeCurve(10_000, 252, 10_000, 10_000, 10_000));

        assertThat(s.totalReturn()).isZero();
        assertThat(s.cagr()).isZero();
        assertThat(s.volatility()).isZero();
        assertThat(s.sharpe()).isZero(); // std 0: 0, not NaN
        assertThat(s.sortino()).isZero();
        assertThat(s.maxDrawdown()).isZero();
        assertThat(s.maxDrawdownDurationBars()).isZero();
        assertThat(s.calmar()).isZero();
    }

    @Test
    void shouldReportZeroSharpeAndSortinoWhenEveryReturnIsTheSamePositiveNumber() {
        // 1000 / 10000 and 1100 / 11000 round to the same double 0.1: std exactly 0, no downside.
        final PerformanceSummary s = compute(wholeCurve(10_000, 252, 11_000, 12_100));

        assertThat(s.volatility()).isZero();
        assertThat(s.sharpe()).isZero();
        assertThat(s.sortino()).isZero();
        assertThat(s.totalReturn()).isCloseTo(0.21, within(EPS));
    }

    @Test
    void shouldCountADrawdownThatIsNeverRecoveredToTheEnd() {
        // Peak 11000; 9900 and 10450 are both below it and the data ends.
        final PerformanceSummary s = compute(wholeCurve(10_000, 252, 11_000, 9_900, 10_450));

        assertThat(s.maxDrawdown()).isCloseTo(0.1, within(EPS));
        assertThat(s.maxDrawdownDurationBars()).isEqualTo(2);
    }

    @Test
    void shouldEndADrawdownOnTheBarThatRegainsThePeakExactly() {
        // 9900 is below 11000; the next bar is back at 11000, which counts as recovered.
        final PerformanceSummary s = compute(wholeCurve(10_000, 252, 11_000, 9_900, 11_000, 11_500));

        assertThat(s.maxDrawdown()).isCloseTo(0.1, within(EPS));
        assertThat(s.maxDrawdownDurationBars()).isEqualTo(1);
    }

    @Test
    void shouldTakeDeepestAndLongestDrawdownsFromDifferentEpisodes() {
        // Episode 1: 9000 below the initial 10000 for 1 bar, depth 1000 / 10000 = 0.1.
        // Episode 2: 11000, 11500, 11900 below the 12000 peak for 3 bars, depth 1000 / 12000.
        final PerformanceSummary s = compute(
            wholeCurve(10_000, 252, 9_000, 10_000, 12_000, 11_000, 11_500, 11_900, 12_000));

        assertThat(s.maxDrawdown()).isCloseTo(0.1, within(EPS));
        assertThat(s.maxDrawdownDurationBars()).isEqualTo(3);
    }

    @Test
    void shouldMeasureDrawdownFromInitialCashWhenTheFirstBarLoses() {
        final PerformanceSummary s = compute(wholeCurve(10_000, 252, 9_000, 9_500));

        assertThat(s.maxDrawdown()).isCloseTo(0.1, within(EPS));
        assertThat(s.maxDrawdownDurationBars()).isEqualTo(2);
    }

    @Test
    void shouldReportReturnAndDrawdownButNoAnnualisedFiguresForOneBar() {
        final PerformanceSummary s = compute(wholeCurve(10_000, 252, 9_500));

        assertThat(s.totalReturn()).isCloseTo(-0.05, within(EPS));
        assertThat(s.cagr()).isZero(); // fewer than 2 bars
        assertThat(s.volatility()).isZero(); // one return has no sample std
        assertThat(s.sharpe()).isZero();
        assertThat(s.sortino()).isZero();
        assertThat(s.maxDrawdown()).isCloseTo(0.05, within(EPS));
        assertThat(s.maxDrawdownDurationBars()).isEqualTo(1);
        assertThat(s.calmar()).isZero(); // cagr is 0
        assertThat(s.finalEquity()).isEqualTo(FixedPoint.of(9_500));
    }

    @Test
    void shouldReportInitialCashAndZerosWhenThereAreNoBars() {
        final PerformanceSummary s = compute(wholeCurve(10_000, 252));

        assertThat(s).isEqualTo(new PerformanceSummary(
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, FixedPoint.of(10_000)));
    }

    @Test
    void shouldReportTotalLossAsCagrOfMinusOne() {
        // 10000 → 5000 → 0 → 0: returns −0.5, −1, then 0 (nothing left to return on).
        final PerformanceSummary s = compute(wholeCurve(10_000, 252, 5_000, 0, 0));

        assertThat(s.totalReturn()).isCloseTo(-1.0, within(EPS));
        assertThat(s.cagr()).isEqualTo(-1.0);
        assertThat(s.maxDrawdown()).isCloseTo(1.0, within(EPS));
        assertThat(s.maxDrawdownDurationBars()).isEqualTo(3);
        // returns −0.5, −1, 0: mean −0.5, squared deviations 0 + 0.25 + 0.25 over 2 → std 0.5
        assertThat(s.volatility()).isCloseTo(0.5 * Math.sqrt(252), within(EPS));
    }

    @Test
    void shouldComputeTradeStatisticsFromRoundTrips() {
        // +300, −100, +200, 0, −50: 5 trades, 2 wins (0 is not a win), gross profit 500, gross loss 150.
        final PerformanceSummary s = compute(mainCurve(4).roundTripPnl(whole(300, -100, 200, 0, -50)));

        assertThat(s.trades()).isEqualTo(5);
        assertThat(s.winRate()).isCloseTo(0.4, within(EPS));
        assertThat(s.profitFactor()).isCloseTo(500.0 / 150.0, within(EPS));
        assertThat(s.avgWin()).isEqualTo(FixedPoint.of(250));
        assertThat(s.avgLoss()).isEqualTo(FixedPoint.of(-75));
    }

    @Test
    void shouldReportInfiniteProfitFactorWhenEveryTradeWins() {
        final PerformanceSummary s = compute(mainCurve(4).roundTripPnl(whole(100, 200)));

        assertThat(s.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.winRate()).isEqualTo(1.0);
        assertThat(s.avgWin()).isEqualTo(FixedPoint.of(150));
        assertThat(s.avgLoss()).isZero();
    }

    @Test
    void shouldReportZeroProfitFactorWhenEveryTradeLoses() {
        final PerformanceSummary s = compute(mainCurve(4).roundTripPnl(whole(-100, -300)));

        assertThat(s.profitFactor()).isZero();
        assertThat(s.winRate()).isZero();
        assertThat(s.avgWin()).isZero();
        assertThat(s.avgLoss()).isEqualTo(FixedPoint.of(-200));
    }

    @Test
    void shouldReportZeroTradeStatisticsWhenThereAreNoTrades() {
        final PerformanceSummary s = compute(mainCurve(4));

        assertThat(s.trades()).isZero();
        assertThat(s.winRate()).isZero();
        assertThat(s.profitFactor()).isZero();
        assertThat(s.avgWin()).isZero();
        assertThat(s.avgLoss()).isZero();
    }

    @Test
    void shouldCountBreakEvenTradesAsTradesButNeitherWinsNorLosses() {
        final PerformanceSummary s = compute(mainCurve(4).roundTripPnl(whole(0, 0)));

        assertThat(s.trades()).isEqualTo(2);
        assertThat(s.winRate()).isZero();
        assertThat(s.profitFactor()).isZero();
    }

    @Test
    void shouldRoundAverageTradeHalfAwayFromZeroToTheFixedPointUnit() {
        // In units of 1e-8: (1 + 2) / 2 = 1.5 → 2; (−1 − 2) / 2 = −1.5 → −2; (1 + 1 + 2) / 3 = 1.33 → 1.
        assertThat(compute(mainCurve(4).roundTripPnl(new long[] {1, 2})).avgWin()).isEqualTo(2L);
        assertThat(compute(mainCurve(4).roundTripPnl(new long[] {-1, -2})).avgLoss()).isEqualTo(-2L);
        assertThat(compute(mainCurve(4).roundTripPnl(new long[] {1, 1, 2})).avgWin()).isEqualTo(1L);
    }

    @Test
    void shouldComputeExposureAsFractionOfBarsInPosition() {
        final PerformanceSummary s = compute(mainCurve(4).inPosition(new boolean[] {false, true, true, false}));

        assertThat(s.exposure()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void shouldComputeBuyAndHoldReturnAgainstInitialCash() {
        final PerformanceSummary s = compute(mainCurve(4).benchmarkEquity(whole(10_100, 10_200, 10_300, 10_400)));

        assertThat(s.buyAndHoldReturn()).isCloseTo(0.04, within(EPS)); // 10400 / 10000 − 1
    }

    @Test
    void shouldNotBeAffectedByChangesToTheCallersArraysAfterBuild() {
        final long[] equity = whole(11_000, 9_900, 10_890, 11_979);
        final PerformanceInput in = Curves.curve(FixedPoint.of(10_000), 4, equity).build();
        equity[3] = FixedPoint.of(1);

        assertThat(PerformanceMetrics.compute(in).finalEquity()).isEqualTo(FixedPoint.of(11_979));
    }
}
