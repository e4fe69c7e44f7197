package io.ringtrade.strategies;

import static io.ringtrade.strategies.LibraryBacktest.assertTrades;
import static io.ringtrade.strategies.LibraryBacktest.expected;
import static io.ringtrade.strategies.LibraryBacktest.run;
import static io.ringtrade.strategies.LibraryBacktest.trades;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.strategies.LibraryBacktest.Trade;
import io.ringtrade.strategies.ReferenceBars.Market;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code rsi_mean_reversion} trades where {@code ta}'s own {@code momentum_rsi} (RSI 14) says it should, on all three
 * real data sets; {@code rsi_threshold} is the same strategy under its old name.
 */
class RsiMeanReversionTest {
    @ParameterizedTest(name = "{0} {1}/{2}")
    @CsvSource({"APPLE_DAILY, 30, 70", "ETH_5M, 35, 65", "BITSTAMP_5M, 30, 70"})
    void shouldBuyBelowAndSellAboveTheLevelsOfTasRsi(final Market market, final double buyBelow,
                                                    final double sellAbove) {
        final ReferenceBars data = ReferenceBars.of(market);
        final double[] rsi = data.column("momentum_rsi");
        final List<Trade> expected = expected(data.bars, false, (t, position) -> Double.isNaN(rsi[t])
            ? DecisionStrategy.HOLD : rsi[t] < buyBelow ? DecisionStrategy.BUY : rsi[t] > sellAbove
            ? DecisionStrategy.SELL : DecisionStrategy.HOLD);

        assertTrades(trades(run(new RsiMeanReversion(), Map.of("buy_below", Double.toString(buyBelow), "sell_above",
            Double.toString(sellAbove)), market, data.bars, false)), expected, 2);
    }

    @Test
    void shouldTradeExactlyAsRsiThresholdItsAlias() {
        final ReferenceBars data = ReferenceBars.of(Market.BITSTAMP_5M);
        final Map<String, String> given = Map.of("period", "7", "buy_below", "25", "sell_above", "75");

        final List<Trade> mean = trades(run(new RsiMeanReversion(), given, Market.BITSTAMP_5M, data.bars, false));

        assertThat(mean).hasSizeGreaterThan(10);
        assertThat(trades(run(new RsiThreshold(), given, Market.BITSTAMP_5M, data.bars, false))).isEqualTo(mean);
        assertThat(new RsiThreshold().parameters()).isEqualTo(new RsiMeanReversion().parameters());
    }

    @Test
    void shouldRefuseABuyLevelAtOrAboveTheSellLevel() {
        final RsiMeanReversion definition = new RsiMeanReversion();
        final Parameters parameters = Parameters.resolve(definition.name(), definition.parameters(),
            Map.of("buy_below", "70", "sell_above", "70"));

        assertThatThrownBy(() -> definition.create(parameters)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("strategy rsi_mean_reversion: buy_below (70.0) must be less than sell_above (70.0)");
    }

    @Test
    void shouldRefuseAnRsiLevelOutOfRangeAndAnUnknownParameter() {
        final RsiMeanReversion definition = new RsiMeanReversion();

        assertThatThrownBy(() -> Parameters.resolve(definition.name(), definition.parameters(),
            Map.of("buy_below", "-5"))).hasMessage(
                "strategy rsi_mean_reversion parameter buy_below=-5 is out of range (expected 0.0 to 100.0)");
        assertThatThrownBy(() -> Parameters.resolve(definition.name(), definition.parameters(),
            Map.of("window", "5"))).hasMessage(
                "strategy rsi_mean_reversion has no parameter 'window' (parameters: period, buy_below, sell_above)");
    }
}
