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

/** {@code vwap} trades around {@code ta}'s own rolling {@code volume_vwap} (14 bars). */
class VwapReversionTest {
    @ParameterizedTest(name = "{0} band={1}")
    @CsvSource({"APPLE_DAILY, 0.03", "ETH_5M, 0.005", "BITSTAMP_5M, 0.01", "BITSTAMP_5M, 0.02"})
    void shouldBuyBelowAndSellAboveTasVwapByTheBand(final Market market, final double band) {
        final ReferenceBars data = ReferenceBars.of(market);
        final double[] vwap = data.column("volume_vwap");

        assertTrades(trades(run(new VwapReversion(), Map.of("band", Double.toString(band)), market, data.bars, false)),
            expected(data.bars, false, (t, position) -> Double.isNaN(vwap[t]) ? DecisionStrategy.HOLD
                : data.close(t) < vwap[t] * (1 - band) ? DecisionStrategy.BUY
                : data.close(t) > vwap[t] * (1 + band) ? DecisionStrategy.SELL : DecisionStrategy.HOLD), 2);
    }
}
