package io.ringtrade.strategies;

import static io.ringtrade.strategies.LibraryBacktest.assertTrades;
import static io.ringtrade.strategies.LibraryBacktest.expected;
import static io.ringtrade.strategies.LibraryBacktest.run;
import static io.ringtrade.strategies.LibraryBacktest.trades;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.strategy.PositionRules;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import io.ringtrade.strategies.LibraryBacktest.Rule;
import io.ringtrade.strategies.ReferenceBars.Market;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The entry and signal-exit rules of {@code alpha}, {@code momentum}, {@code mean_reversion},
 * {@code bollinger_breakout} and {@code crypto_momentum}, with their managed exits pushed out of reach (a 99 % stop,
 * a 99 % target, a time stop of a million bars), against {@code ta}'s own columns and plain calculations on real
 * data, long only and with shorts; and their managed-position defaults.
 */
class ManagedSignalsTest {
    private static final Map<String, String> FAR_EXITS = Map.of("stop_loss", "0.99", "take_profit", "0.99");

    private static Map<String, String> farExits(final String... more) {
        final Map<String, String> given = new HashMap<>(FAR_EXITS);
        for (int i = 0; i < more.length; i += 2) {
            given.put(more[i], more[i + 1]);
        }
        return given;
    }

    @ParameterizedTest(name = "{0} shorts={1}")
    @CsvSource({"APPLE_DAILY, false", "APPLE_DAILY, true", "ETH_5M, true", "BITSTAMP_5M, false", "BITSTAMP_5M, true"})
    void shouldTradeAlphasEmaCrossesFilteredByTasRsi(final Market market, final boolean shorts) {
        final ReferenceBars data = ReferenceBars.of(market);
        final Rule rule = SignalRules.alpha(data);

        assertTrades(trades(run(new Alpha(), FAR_EXITS, market, data.bars, shorts)), expected(data.bars, shorts, rule),
            4);
    }

    @ParameterizedTest(name = "{0} shorts={1}")
    @CsvSource({"APPLE_DAILY, true", "ETH_5M, false", "ETH_5M, true", "BITSTAMP_5M, true"})
    void shouldTradeMomentumsHistogramSignChangesWithTheTrend(final Market market, final boolean shorts) {
        final ReferenceBars data = ReferenceBars.of(market);
        final Rule rule = SignalRules.momentum(data);

        assertTrades(trades(run(new Momentum(), FAR_EXITS, market, data.bars, shorts)),
            expected(data.bars, shorts, rule), 2);
    }

    @ParameterizedTest(name = "{0} shorts={1}")
    @CsvSource({"APPLE_DAILY, true", "ETH_5M, false", "ETH_5M, true", "BITSTAMP_5M, true"})
    void shouldTradeMeanReversionsBandTouchesAndExitAtTheMiddleBand(final Market market, final boolean shorts) {
        final ReferenceBars data = ReferenceBars.of(market);
        final Rule rule = SignalRules.meanReversion(data);

        assertTrades(trades(run(new MeanReversion(), farExits("time_stop_bars", "1000000"), market, data.bars,
            shorts)), expected(data.bars, shorts, rule), 4);
    }

    @ParameterizedTest(name = "{0} vol_mult={1}")
    @CsvSource({"APPLE_DAILY, 1.0", "ETH_5M, 1.5", "BITSTAMP_5M, 1.5"})
    void shouldBuyBollingerBreakoutsOnVolumeAndExitAtTheMiddleBand(final Market market, final double multiple) {
        final ReferenceBars data = ReferenceBars.of(market);
        final Rule rule = SignalRules.bollingerBreakout(data, multiple);

        assertTrades(trades(run(new BollingerBreakout(), farExits("vol_mult", Double.toString(multiple)), market,
            data.bars, true)), expected(data.bars, true, rule), 2);
    }

    @Test
    void shouldEnterCryptoMomentumWhenTasRocBeatsTheThresholdOnVolume() {
        final ReferenceBars data = ReferenceBars.of(Market.BITSTAMP_5M);
        // the trailing stop pushed out of reach: with no signal exit, one entry and nothing else
        final Rule rule = SignalRules.cryptoMomentum(data);

        assertTrades(trades(run(new CryptoMomentum(), Map.of("trailing_stop", "0.99"), Market.BITSTAMP_5M, data.bars,
            false)), expected(data.bars, false, rule), 1);
    }

    @Test
    void shouldDeclareTheManagedDefaultsTheIssueGives() {
        assertThat(new Alpha().positionDefaults()).isEqualTo(PositionRules.DEFAULT.tradeNotional(3_000).stopLoss(0.02)
            .takeProfit(0.04));
        assertThat(new Momentum().positionDefaults()).isEqualTo(PositionRules.DEFAULT.tradeNotional(2_500)
            .stopLoss(0.015).takeProfit(0.03));
        assertThat(new MeanReversion().positionDefaults()).isEqualTo(PositionRules.DEFAULT.tradeNotional(2_500)
            .stopLoss(0.015).timeStopBars(30));
        assertThat(new CryptoMomentum().positionDefaults().trailingStop()).isEqualTo(0.03);
        assertThat(StrategyParameters.resolve(new Alpha(), Map.of()).positionRules())
            .isEqualTo(new Alpha().positionDefaults());
    }

    @Test
    void shouldRefuseAStopLossOfZeroOrAHundredPercentAndNegativeAdds() {
        assertThatThrownBy(() -> StrategyParameters.resolve(new Alpha(), Map.of("stop_loss", "0")))
            .hasMessageStartingWith("strategy alpha parameter stop_loss=0 is refused");
        assertThatThrownBy(() -> StrategyParameters.resolve(new Momentum(), Map.of("stop_loss", "1")))
            .hasMessageContaining("stop_loss");
        assertThatThrownBy(() -> StrategyParameters.resolve(new MeanReversion(), Map.of("max_adds", "-1")))
            .hasMessage("strategy mean_reversion parameter max_adds=-1 is out of range (expected 0 to 1000)");
        assertThatThrownBy(() -> StrategyParameters.resolve(new Alpha(), Map.of("fast", "0")))
            .hasMessage("strategy alpha parameter fast=0 is out of range (expected 1 to 1000)");
        assertThatThrownBy(() -> new Alpha().create(StrategyParameters.resolve(new Alpha(), Map.of("fast", "30"))))
            .hasMessage("strategy alpha: fast (30) must be less than slow (21)");
    }
}
