package io.ringtrade.strategies;

import static io.ringtrade.strategies.LibraryBacktest.assertTrades;
import static io.ringtrade.strategies.LibraryBacktest.expected;
import static io.ringtrade.strategies.LibraryBacktest.run;
import static io.ringtrade.strategies.LibraryBacktest.trades;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.strategies.ReferenceBars.Market;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code stochastic_oscillator} trades the crosses of {@code ta}'s own {@code momentum_stoch} (%K 14) and
 * {@code momentum_stoch_signal} (%D 3) inside the zones.
 */
class StochasticOscillatorTest {
    @ParameterizedTest(name = "{0} {1}/{2}")
    @CsvSource({"APPLE_DAILY, 30, 70", "ETH_5M, 20, 80", "BITSTAMP_5M, 20, 80"})
    void shouldTradeTasKAndDCrossesInsideTheZones(final Market market, final double oversold,
                                                 final double overbought) {
        final ReferenceBars data = ReferenceBars.of(market);
        final double[] k = data.column("momentum_stoch");
        final double[] d = data.column("momentum_stoch_signal");

        assertTrades(trades(run(new StochasticOscillator(), Map.of("oversold", Double.toString(oversold),
                "overbought", Double.toString(overbought)), market, data.bars, false)),
            expected(data.bars, false, (t, position) -> {
                if (t < 1 || Double.isNaN(d[t - 1])) {
                    return DecisionStrategy.HOLD;
                }
                if (k[t] > d[t] && k[t - 1] <= d[t - 1] && k[t] < oversold && d[t] < oversold) {
                    return DecisionStrategy.BUY;
                }
                if (k[t] < d[t] && k[t - 1] >= d[t - 1] && k[t] > overbought && d[t] > overbought) {
                    return DecisionStrategy.SELL;
                }
                return DecisionStrategy.HOLD;
            }), 2);
    }
}
