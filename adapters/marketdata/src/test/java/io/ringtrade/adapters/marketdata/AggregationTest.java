package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.market.Interval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregationTest {
    private static final long MIN = 60_000_000_000L;
    private static final long ONE = 100_000_000L;

    @Test
    void shouldBuildFiveMinuteBarsFromTradesSkippingEmptyIntervals() {
        final TradeSeriesData trades = TradeSeriesData.of("X",
            new long[] {0, 1 * MIN, 4 * MIN, 4 * MIN, 16 * MIN},
            new long[] {10 * ONE, 12 * ONE, 9 * ONE, 11 * ONE, 20 * ONE},
            new long[] {1 * ONE, 2 * ONE, 0, 3 * ONE, 5 * ONE});

        final BarSeriesData bars = TradeBarAggregation.aggregate(trades, Interval.M5);

        assertThat(bars.symbol()).isEqualTo("X");
        assertThat(bars.size()).isEqualTo(2);
        assertThat(new long[] {bars.timeNanos(0), bars.open(0), bars.high(0), bars.low(0), bars.close(0), bars.volume(0)})
            .containsExactly(0, 10 * ONE, 12 * ONE, 9 * ONE, 11 * ONE, 6 * ONE);
        assertThat(new long[] {bars.timeNanos(1), bars.open(1), bars.high(1), bars.low(1), bars.close(1), bars.volume(1)})
            .containsExactly(15 * MIN, 20 * ONE, 20 * ONE, 20 * ONE, 20 * ONE, 5 * ONE);
    }

    @Test
    void shouldGiveNoBarsForNoTrades() {
        assertThat(TradeBarAggregation.aggregate(TradeSeriesData.of("X", new long[0], new long[0], new long[0]),
            Interval.H1).isEmpty()).isTrue();
    }

    @Test
    void shouldResampleFiveMinuteBarsToFifteen() {
        final BarSeriesData fives = BarSeriesData.of("X",
            new long[] {0, 5 * MIN, 10 * MIN, 15 * MIN},
            new long[] {2 * ONE, 3 * ONE, 4 * ONE, 5 * ONE},
            new long[] {3 * ONE, 6 * ONE, 4 * ONE, 5 * ONE},
            new long[] {1 * ONE, 3 * ONE, 2 * ONE, 5 * ONE},
            new long[] {3 * ONE, 4 * ONE, 3 * ONE, 5 * ONE},
            new long[] {1, 2, 3, 4});

        final BarSeriesData fifteens = fives.resample(Interval.M15);

        assertThat(fifteens.size()).isEqualTo(2);
        assertThat(new long[] {fifteens.timeNanos(0), fifteens.open(0), fifteens.high(0), fifteens.low(0),
            fifteens.close(0), fifteens.volume(0)}).containsExactly(0, 2 * ONE, 6 * ONE, 1 * ONE, 3 * ONE, 6);
        assertThat(fifteens.timeNanos(1)).isEqualTo(15 * MIN);
        assertThat(fifteens.volume(1)).isEqualTo(4);
    }

    @Test
    void shouldRefuseResamplingToFinerInterval() {
        final BarSeriesData hourly = BarSeriesData.of("X", new long[] {0, 60 * MIN}, new long[] {ONE, ONE},
            new long[] {ONE, ONE}, new long[] {ONE, ONE}, new long[] {ONE, ONE}, new long[] {0, 0});

        assertThatThrownBy(() -> hourly.resample(Interval.M5))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("cannot resample X to 5m: its bars are at least 3600 s apart, longer than the interval");
    }

    @Test
    void shouldRefuseInconsistentBarsBuiltInCode() {
        assertThatThrownBy(() -> BarSeriesData.of("X", new long[] {0}, new long[] {ONE}, new long[] {ONE},
            new long[] {2 * ONE}, new long[] {ONE}, new long[] {0}))
            .hasMessage("bar 0: high 1 is below low 2");
        assertThatThrownBy(() -> BarSeriesData.of("X", new long[] {5, 5}, new long[] {ONE, ONE},
            new long[] {ONE, ONE}, new long[] {ONE, ONE}, new long[] {ONE, ONE}, new long[] {0, 0}))
            .hasMessage("bar 1: time 1970-01-01T00:00:00.000000005Z is not after the previous bar's"
                + " 1970-01-01T00:00:00.000000005Z");
    }

    @Test
    void shouldRefuseTradesGoingBackwardsBuiltInCode() {
        assertThatThrownBy(() -> TradeSeriesData.of("X", new long[] {MIN, 0}, new long[] {ONE, ONE},
            new long[] {0, 0}))
            .hasMessage("trade 1: time 1970-01-01T00:00Z is before the previous trade's 1970-01-01T00:01Z");
    }
}
