package io.ringtrade.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The statistics section 5 of {@link OpsLoad} prints its reading with, on samples small enough to check by hand. */
class BootstrapMedianTest {
    @Test
    void shouldTakeTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(BootstrapMedian.median(new double[] {5, 1, 3})).isEqualTo(3.0);
        assertThat(BootstrapMedian.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void shouldInterpolateQuantilesBetweenOrderStatistics() {
        final double[] values = {5, 4, 3, 2, 1};
        // positions q × (n − 1): 0.25 → 1.0 (the value 2), 0.1 → 0.4 (1 + 0.4 × (2 − 1))
        assertThat(BootstrapMedian.quantile(values, 0.25)).isEqualTo(2.0);
        assertThat(BootstrapMedian.quantile(values, 0.1)).isEqualTo(1.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(BootstrapMedian.quantile(values, 1.0)).isEqualTo(5.0);
        assertThat(values).containsExactly(5, 4, 3, 2, 1); // the sample itself is left unsorted
    }

    @Test
    void shouldGiveAPointIntervalForAConstantSample() {
        assertThat(BootstrapMedian.interval(new double[] {7, 7, 7, 7}, 0.95, 1_000, 1L)).containsExactly(7.0, 7.0);
    }

    @Test
    void shouldGiveTheSameIntervalForTheSameSeedAroundTheMedian() {
        final double[] values = new double[101];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 37) % 101; // 0..100 in a scrambled order: median 50
        }
        final double[] interval = BootstrapMedian.interval(values, 0.95, 2_000, 42L);

        assertThat(BootstrapMedian.interval(values, 0.95, 2_000, 42L)).containsExactly(interval);
        assertThat(interval[0]).isLessThan(50.0).isGreaterThan(30.0);
        assertThat(interval[1]).isGreaterThan(50.0).isLessThan(70.0);
    }
}
