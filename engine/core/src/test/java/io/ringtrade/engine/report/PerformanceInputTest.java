package io.ringtrade.engine.report;

import static io.ringtrade.engine.report.Curves.whole;
import static io.ringtrade.engine.report.Curves.wholeCurve;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Input validation: a malformed run fails at build time with a message naming the field. */
final class PerformanceInputTest {
    @Test
    void shouldRejectNonPositiveInitialCash() {
        assertThatThrownBy(() -> wholeCurve(0, 252, 10_000).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialCash");
    }

    @Test
    void shouldRejectPerBarArraysOfDifferentLengths() {
        assertThatThrownBy(() -> wholeCurve(10_000, 252, 10_000, 10_100).benchmarkEquity(whole(10_000)).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("benchmarkEquity 1");
    }

    @Test
    void shouldRejectBarTimesThatDoNotIncrease() {
        assertThatThrownBy(() -> wholeCurve(10_000, 252, 10_000, 10_100).barTimeNanos(new long[] {5, 5}).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("barTimeNanos");
    }

    @Test
    void shouldRejectMissingPeriodsPerYear() {
        assertThatThrownBy(() -> wholeCurve(10_000, Double.NaN, 10_000).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodsPerYear");
        assertThatThrownBy(() -> wholeCurve(10_000, 0, 10_000).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodsPerYear");
    }

    @Test
    void shouldRejectRiskFreeRateOfMinusOneOrLess() {
        assertThatThrownBy(() -> wholeCurve(10_000, 252, 10_000).riskFreeRatePerYear(-1).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("riskFreeRatePerYear");
    }

    @Test
    void shouldNameAMissingArray() {
        assertThatThrownBy(() -> PerformanceInput.builder().initialCash(1).periodsPerYear(252).build())
            .isInstanceOf(NullPointerException.class).hasMessage("equity");
    }
}
