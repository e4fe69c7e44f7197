package io.ringtrade.strategies;

import static io.ringtrade.strategies.LibraryBacktest.assertTrades;
import static io.ringtrade.strategies.LibraryBacktest.expected;
import static io.ringtrade.strategies.LibraryBacktest.run;
import static io.ringtrade.strategies.LibraryBacktest.sma;
import static io.ringtrade.strategies.LibraryBacktest.trades;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.strategies.LibraryBacktest.Rule;
import io.ringtrade.strategies.ReferenceBars.Market;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ta_regime} goes long in bull, short in bear (where allowed) and flat in sideways, by {@code ta}'s own
 * {@code trend_adx}, {@code trend_adx_pos} and {@code trend_adx_neg} (14) and an SMA of closes written out in the test.
 */
class TaRegimeTest {
    @ParameterizedTest(name = "{0} strength={1} trend={2} shorts={3}")
    @CsvSource({"APPLE_DAILY, 25, 20, false", "APPLE_DAILY, 20, 20, true", "ETH_5M, 25, 50, false",
        "ETH_5M, 25, 50, true", "BITSTAMP_5M, 30, 50, true"})
    void shouldFollowTheRegimeOfTasAdx(final Market market, final double strength, final int trend,
                                       final boolean shorts) {
        final ReferenceBars data = ReferenceBars.of(market);
        final double[] adx = data.column("trend_adx");
        final double[] plus = data.column("trend_adx_pos");
        final double[] minus = data.column("trend_adx_neg");
        final double[] sma = sma(data.closes(), trend);
        final Rule rule = (t, position) -> {
            if (Double.isNaN(sma[t])) {
                return DecisionStrategy.HOLD;
            }
            final boolean bull = adx[t] > strength && plus[t] > minus[t] && data.close(t) > sma[t];
            final boolean bear = adx[t] > strength && minus[t] > plus[t] && data.close(t) < sma[t];
            return bull ? DecisionStrategy.BUY : bear ? DecisionStrategy.SELL
                : position > 0 ? DecisionStrategy.SELL : position < 0 ? DecisionStrategy.BUY : DecisionStrategy.HOLD;
        };

        assertTrades(trades(run(new TaRegime(), Map.of("strength", Double.toString(strength), "trend",
            Integer.toString(trend)), market, data.bars, shorts)), expected(data.bars, shorts, rule), 2);
    }
}
