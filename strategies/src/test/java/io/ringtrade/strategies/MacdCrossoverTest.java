package io.ringtrade.strategies;

import static io.ringtrade.strategies.LibraryBacktest.assertTrades;
import static io.ringtrade.strategies.LibraryBacktest.ema;
import static io.ringtrade.strategies.LibraryBacktest.expected;
import static io.ringtrade.strategies.LibraryBacktest.run;
import static io.ringtrade.strategies.LibraryBacktest.trades;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.strategies.LibraryBacktest.Rule;
import io.ringtrade.strategies.ReferenceBars.Market;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code macd_crossover} trades on the crosses of {@code ta}'s own {@code trend_macd} and {@code trend_macd_signal}
 * (12, 26, 9), filtered by an EMA of closes written out in the test ({@code ta}'s definition), long only and with
 * shorts.
 */
class MacdCrossoverTest {
    @ParameterizedTest(name = "{0} trend={1} shorts={2}")
    @CsvSource({"APPLE_DAILY, 20, false", "ETH_5M, 50, false", "ETH_5M, 50, true", "BITSTAMP_5M, 50, false",
        "BITSTAMP_5M, 100, true"})
    void shouldTradeTasMacdCrossesInTheDirectionOfTheTrend(final Market market, final int trend,
                                                           final boolean shorts) {
        final ReferenceBars data = ReferenceBars.of(market);
        final double[] macd = data.column("trend_macd");
        final double[] signal = data.column("trend_macd_signal");
        final double[] ema = ema(data.closes(), trend);
        final Rule rule = (t, position) -> {
            if (t < 1 || Double.isNaN(signal[t - 1]) || Double.isNaN(ema[t])) {
                return DecisionStrategy.HOLD;
            }
            final boolean up = macd[t] > signal[t] && macd[t - 1] <= signal[t - 1];
            final boolean down = macd[t] < signal[t] && macd[t - 1] >= signal[t - 1];
            if (up && (data.close(t) > ema[t] || position != 0)) {
                return DecisionStrategy.BUY;
            }
            if (down && (data.close(t) < ema[t] || position != 0)) {
                return DecisionStrategy.SELL;
            }
            return DecisionStrategy.HOLD;
        };

        assertTrades(trades(run(new MacdCrossover(), Map.of("trend", Integer.toString(trend)), market, data.bars,
            shorts)), expected(data.bars, shorts, rule), 2);
    }

    @Test
    void shouldRefuseAFastAverageNotFasterThanTheSlowOne() {
        final MacdCrossover definition = new MacdCrossover();
        final Parameters parameters = Parameters.resolve(definition.name(), definition.parameters(),
            Map.of("fast", "26"));

        assertThatThrownBy(() -> definition.create(parameters))
            .hasMessage("strategy macd_crossover: fast (26) must be less than slow (26)");
    }
}
