package io.ringtrade.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * Checks the risk and return metrics on an irregular curve against a second implementation written
 * here in 34-digit {@link BigDecimal} arithmetic, straight from the README definitions. The parameters
 * are chosen so that no fractional power is needed: six bars at three per year are two years (CAGR is a
 * square root) and rf = 1.01³ − 1 is exactly 1 % per bar.
 */
final class PerformanceMetricsReferenceTest {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final String INITIAL = "10000";
    private static final String[] EQUITY = {"10234.56", "9876.54", "10111.11", "10555.55", "9999.99", "10777.77"};
    private static final BigDecimal PERIODS_PER_YEAR = new BigDecimal(3);
    private static final BigDecimal RF_PER_BAR = new BigDecimal("0.01");

    private static PerformanceSummary actual() {
        return Curves.compute(Curves.curve(Curves.money(INITIAL)[0], 3, Curves.money(EQUITY))
            .riskFreeRatePerYear(0.030301));
    }

    private static BigDecimal[] returns() {
        final BigDecimal[] r = new BigDecimal[EQUITY.length];
        BigDecimal previous = new BigDecimal(INITIAL);
        for (int t = 0; t < EQUITY.length; t++) {
            final BigDecimal e = new BigDecimal(EQUITY[t]);
            r[t] = e.divide(previous, MC).subtract(BigDecimal.ONE);
            previous = e;
        }
        return r;
    }

    private static BigDecimal mean(final BigDecimal[] x) {
        BigDecimal sum = BigDecimal.ZERO;
        for (final BigDecimal v : x) {
            sum = sum.add(v);
        }
        return sum.divide(new BigDecimal(x.length), MC);
    }

    private static BigDecimal sampleStd(final BigDecimal[] x) {
        final BigDecimal m = mean(x);
        BigDecimal sum = BigDecimal.ZERO;
        for (final BigDecimal v : x) {
            sum = sum.add(v.subtract(m).pow(2));
        }
        return sum.divide(new BigDecimal(x.length - 1), MC).sqrt(MC);
    }

    private static BigDecimal[] excess() {
        final BigDecimal[] r = returns();
        for (int t = 0; t < r.length; t++) {
            r[t] = r[t].subtract(RF_PER_BAR);
        }
        return r;
    }

    @Test
    void shouldMatchReferenceVolatility() {
        final BigDecimal expected = sampleStd(returns()).multiply(PERIODS_PER_YEAR.sqrt(MC));
        assertThat(actual().volatility()).isCloseTo(expected.doubleValue(), within(1e-12));
    }

    @Test
    void shouldMatchReferenceSharpe() {
        final BigDecimal[] x = excess();
        final BigDecimal expected = mean(x).divide(sampleStd(x), MC).multiply(PERIODS_PER_YEAR.sqrt(MC));
        assertThat(actual().sharpe()).isCloseTo(expected.doubleValue(), within(1e-12));
    }

    @Test
    void shouldMatchReferenceSortino() {
        final BigDecimal[] x = excess();
        BigDecimal squares = BigDecimal.ZERO;
        for (final BigDecimal v : x) {
            if (v.signum() < 0) {
                squares = squares.add(v.pow(2));
            }
        }
        final BigDecimal downside = squares.divide(new BigDecimal(x.length), MC).sqrt(MC);
        final BigDecimal expected = mean(x).divide(downside, MC).multiply(PERIODS_PER_YEAR.sqrt(MC));
        assertThat(actual().sortino()).isCloseTo(expected.doubleValue(), within(1e-12));
    }

    @Test
    void shouldMatchReferenceCagrDrawdownAndCalmar() {
        final BigDecimal growth = new BigDecimal(EQUITY[EQUITY.length - 1]).divide(new BigDecimal(INITIAL), MC);
        final BigDecimal cagr = growth.sqrt(MC).subtract(BigDecimal.ONE);
        // Peak 10555.55 (bar 3), trough 9999.99 (bar 4); the earlier dip 9876.54 is measured from 10234.56.
        final BigDecimal dd1 = new BigDecimal("10234.56").subtract(new BigDecimal("9876.54"))
            .divide(new BigDecimal("10234.56"), MC);
        final BigDecimal dd2 = new BigDecimal("10555.55").subtract(new BigDecimal("9999.99"))
            .divide(new BigDecimal("10555.55"), MC);
        final BigDecimal maxDrawdown = dd1.max(dd2);

        final PerformanceSummary s = actual();
        assertThat(s.cagr()).isCloseTo(cagr.doubleValue(), within(1e-12));
        assertThat(s.maxDrawdown()).isCloseTo(maxDrawdown.doubleValue(), within(1e-12));
        assertThat(s.calmar()).isCloseTo(cagr.divide(maxDrawdown, MC).doubleValue(), within(1e-12));
        // Bars 1 and 2 under 10234.56 (bar 3 recovers), then bar 4 under 10555.55 (bar 5 recovers).
        assertThat(s.maxDrawdownDurationBars()).isEqualTo(2);
        assertThat(s.totalReturn()).isCloseTo(growth.subtract(BigDecimal.ONE).doubleValue(), within(1e-15));
    }
}
