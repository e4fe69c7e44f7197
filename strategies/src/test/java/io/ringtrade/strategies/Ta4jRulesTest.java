package io.ringtrade.strategies;

import static io.ringtrade.strategies.LibraryBacktest.run;
import static io.ringtrade.strategies.LibraryBacktest.runWithRestart;
import static io.ringtrade.strategies.LibraryBacktest.trades;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.strategies.LibraryBacktest.Trade;
import io.ringtrade.strategies.ReferenceBars.Market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Trade.TradeType;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.StopGainRule;
import org.ta4j.core.rules.StopLossRule;

/**
 * The ta4j bridge trades what ta4j's own backtester trades: {@code ta4j_rules} through the engine (a bounded series
 * rebuilt each bar, the entry passed to the stop rules in a trading record) against {@link BarSeriesManager} with
 * {@link TradeOnNextOpenModel} running the same rules over the whole series, on real data; and a run stopped,
 * snapshotted and restored into a fresh instance trades exactly as an uninterrupted one.
 */
class Ta4jRulesTest {
    @ParameterizedTest(name = "{0} fast={1} slow={2} sl={3}% tp={4}% bars={5}")
    @CsvSource({"APPLE_DAILY, 10, 30, 3, 6, 100", "APPLE_DAILY, 5, 20, 2, 4, 21", "ETH_5M, 10, 30, 0.5, 1, 100",
        "BITSTAMP_5M, 10, 30, 0.5, 1, 60", "BITSTAMP_5M, 5, 20, 1, 2, 200"})
    void shouldTradeWhatTa4jsBarSeriesManagerTradesWithTheSameRules(final Market market, final int fast,
                                                                    final int slow, final double stopLoss,
                                                                    final double takeProfit, final int bars) {
        final ReferenceBars data = ReferenceBars.of(market);
        final Map<String, String> given = Map.of("fast", Integer.toString(fast), "slow", Integer.toString(slow),
            "stop_loss_pct", Double.toString(stopLoss), "take_profit_pct", Double.toString(takeProfit), "bars",
            Integer.toString(bars));

        final List<Trade> expected = ta4j(data.bars, fast, slow, stopLoss, takeProfit, TradeType.BUY);

        assertThat(expected).as("ta4j's trades (the comparison must not be vacuous)").hasSizeGreaterThanOrEqualTo(4);
        assertThat(trades(run(new Ta4jRules(), given, market, data.bars, false))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0} fast={1} slow={2} sl={3}% tp={4}% bars={5}")
    @CsvSource({"APPLE_DAILY, 10, 30, 3, 6, 100", "ETH_5M, 10, 30, 0.5, 1, 100", "BITSTAMP_5M, 5, 20, 1, 2, 200"})
    void shouldTradeWhatTa4jTradesShortWithSideShort(final Market market, final int fast, final int slow,
                                                     final double stopLoss, final double takeProfit, final int bars) {
        final ReferenceBars data = ReferenceBars.of(market);
        final Map<String, String> given = Map.of("fast", Integer.toString(fast), "slow", Integer.toString(slow),
            "stop_loss_pct", Double.toString(stopLoss), "take_profit_pct", Double.toString(takeProfit), "bars",
            Integer.toString(bars), "side", "short");

        // ta4j's BarSeriesManager running the same rules with TradeType.SELL: entries are short sales, and the stop
        // rules judge the entry from above
        final List<Trade> expected = ta4j(data.bars, fast, slow, stopLoss, takeProfit, TradeType.SELL);

        assertThat(expected).as("ta4j's trades (the comparison must not be vacuous)").hasSizeGreaterThanOrEqualTo(4);
        assertThat(expected.getFirst().side()).isEqualTo(-1);
        assertThat(trades(run(new Ta4jRules(), given, market, data.bars, true))).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldRefuseASideThatIsNeitherLongNorShort() {
        final Ta4jRules definition = new Ta4jRules();
        final Parameters parameters = Parameters.resolve(definition.name(), definition.parameters(),
            Map.of("side", "sideways"));

        assertThatThrownBy(() -> definition.create(parameters))
            .hasMessage("strategy ta4j_rules: side must be long or short, not 'sideways'");
    }

    @Test
    void shouldTradeTheSameAfterARestoreFromASnapshotWhileAPositionIsOpen() {
        final ReferenceBars data = ReferenceBars.of(Market.BITSTAMP_5M);
        final Map<String, String> given = Map.of("stop_loss_pct", "0.5", "take_profit_pct", "1", "bars", "60");
        final List<Trade> whole = trades(run(new Ta4jRules(), given, Market.BITSTAMP_5M, data.bars, false));
        // stop while the first position is open, so the entry price must come back from the snapshot
        final int openBar = barAt(data.bars, whole.get(0).time()) + 2;
        assertThat(whole).as("the stops decide some exits (the trading record reaches the rules)").isNotEqualTo(
            trades(run(new Ta4jRules(), Map.of("stop_loss_pct", "99.99", "take_profit_pct", "1000", "bars", "60"),
                Market.BITSTAMP_5M, data.bars, false)));

        assertThat(runWithRestart(new Ta4jRules(), given, Market.BITSTAMP_5M, data.bars, false, openBar))
            .isEqualTo(whole);
        assertThat(runWithRestart(new Ta4jRules(), given, Market.BITSTAMP_5M, data.bars, false, 1000))
            .isEqualTo(whole);
    }

    @Test
    void shouldRefuseASeriesTooShortForTheSlowAverage() {
        final Ta4jRules definition = new Ta4jRules();
        final Parameters parameters = Parameters.resolve(definition.name(), definition.parameters(),
            Map.of("slow", "50", "bars", "40"));

        assertThatThrownBy(() -> definition.create(parameters))
            .hasMessage("strategy ta4j_rules: bars (40) must be at least 51 for these rules");
    }

    private static int barAt(final BarSeriesData bars, final long time) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.timeNanos(i) == time) {
                return i;
            }
        }
        throw new AssertionError("no bar at " + time);
    }

    private static List<Trade> ta4j(final BarSeriesData bars, final int fast, final int slow, final double stopLoss,
                                    final double takeProfit, final TradeType type) {
        final BarSeries series = new BaseBarSeriesBuilder().withName(bars.symbol())
            .withNumFactory(DoubleNumFactory.getInstance()).build();
        for (int i = 0; i < bars.size(); i++) {
            final Instant begin = Instant.EPOCH.plusNanos(bars.timeNanos(i));
            final Instant end = i + 1 < bars.size() ? Instant.EPOCH.plusNanos(bars.timeNanos(i + 1))
                : begin.plusSeconds(60);
            series.barBuilder().timePeriod(Duration.between(begin, end)).beginTime(begin).endTime(end)
                .openPrice(FixedPoint.toDouble(bars.open(i))).highPrice(FixedPoint.toDouble(bars.high(i)))
                .lowPrice(FixedPoint.toDouble(bars.low(i))).closePrice(FixedPoint.toDouble(bars.close(i)))
                .volume(FixedPoint.toDouble(bars.volume(i))).add();
        }
        final ClosePriceIndicator close = new ClosePriceIndicator(series);
        final SMAIndicator fastSma = new SMAIndicator(close, fast);
        final SMAIndicator slowSma = new SMAIndicator(close, slow);
        final BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(fastSma, slowSma),
            new CrossedDownIndicatorRule(fastSma, slowSma).or(new StopLossRule(close, stopLoss))
                .or(new StopGainRule(close, takeProfit)), slow);
        final TradingRecord record = new BarSeriesManager(series, new ZeroCostModel(), new ZeroCostModel(),
            new TradeOnNextOpenModel()).run(strategy, type);
        final List<Trade> trades = new ArrayList<>();
        final List<Position> positions = new ArrayList<>(record.getPositions());
        if (record.getCurrentPosition().isOpened()) {
            positions.add(record.getCurrentPosition());
        }
        final int entrySide = type == TradeType.BUY ? 1 : -1;
        for (final Position position : positions) {
            trades.add(trade(entrySide, bars, position.getEntry().getIndex(), position.getEntry().getPricePerAsset()
                .bigDecimalValue()));
            if (position.getExit() != null) {
                trades.add(trade(-entrySide, bars, position.getExit().getIndex(), position.getExit().getPricePerAsset()
                    .bigDecimalValue()));
            }
        }
        return trades;
    }

    private static Trade trade(final int side, final BarSeriesData bars, final int index, final BigDecimal price) {
        return new Trade(side, bars.timeNanos(index), price.setScale(FixedPoint.SCALE_DIGITS, RoundingMode.HALF_EVEN)
            .unscaledValue().longValueExact());
    }
}
