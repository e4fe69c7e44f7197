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
 * {@code swing} trades confirmed swing points. The expectation scans the whole close series once for swing points
 * (the lowest or highest close within k bars on each side, strictly) and trades each k bars after it: what a
 * look-ahead-free reader of the closes knows at that bar.
 */
class SwingPointsTest {
    @ParameterizedTest(name = "{0} k={1}")
    @CsvSource({"APPLE_DAILY, 3", "APPLE_DAILY, 5", "ETH_5M, 5", "BITSTAMP_5M, 10"})
    void shouldTradeKBarsAfterEachSwingPointOfTheClose(final Market market, final int k) {
        final ReferenceBars data = ReferenceBars.of(market);
        final double[] close = data.closes();
        final int[] swing = new int[close.length];
        for (int c = k; c + k < close.length; c++) {
            boolean low = true;
            boolean high = true;
            for (int j = c - k; j <= c + k; j++) {
                if (j != c) {
                    low &= close[c] < close[j];
                    high &= close[c] > close[j];
                }
            }
            swing[c] = low ? -1 : high ? 1 : 0;
        }

        assertTrades(trades(run(new SwingPoints(), Map.of("k", Integer.toString(k)), market, data.bars, false)),
            expected(data.bars, false, (t, position) -> t < k ? DecisionStrategy.HOLD
                : swing[t - k] < 0 ? DecisionStrategy.BUY : swing[t - k] > 0 ? DecisionStrategy.SELL
                : DecisionStrategy.HOLD), 4);
    }
}
