package io.ringtrade.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.TradeBarAggregation;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.order.OrderState;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.venue.SimulatedFillModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * Proves that {@code sma_crossover}, run through the engine the way {@code ringtrade backtest} runs it
 * (business logic driven from a bar source, next-open fills), enters and exits on the same bars and at the same
 * prices as ta4j 0.22.2's own backtester ({@link BarSeriesManager} with {@link TradeOnNextOpenModel}) running
 * {@link CrossedUpIndicatorRule} / {@link CrossedDownIndicatorRule} over SMAs of the same bars. Real data only:
 * Apple's 2013 daily bars, Bitstamp BTC/USD trades aggregated to hourly bars by the engine's own aggregation, and
 * ETH/USD five-minute bars.
 *
 * <p>ta4j is run twice per case: with {@code DecimalNum} at 40 digits (sums of 8-decimal prices are exact, so it
 * is the exact reference) and with {@code DoubleNum} (what a ta4j user usually runs). Our SMAs keep exact
 * fixed-point sums, so they order like the exact values.
 *
 * <p><b>Bar mapping.</b> Both sides number bars 0, 1, … in file order. Our strategy decides at the close of bar
 * {@code i}; the order fills at the open of bar {@code i+1} and the fill is stamped with bar {@code i+1}'s start.
 * ta4j's {@code TradeOnNextOpenModel}, asked to operate at {@code i}, records the trade at index {@code i+1} with
 * bar {@code i+1}'s open. So our fill's bar index (found from its time) must equal ta4j's trade index, with no
 * offset; a signal at the last bar fills on neither side.
 *
 * <p><b>Warm-up.</b> Our rule needs both averages at {@code t−1}, so the first possible decision is at bar
 * {@code slow}. The ta4j strategy gets {@code slow} unstable bars to say the same (its cross indicator already
 * refuses indexes up to {@code slow−1}).
 *
 * <p><b>Ties.</b> ta4j's cross rules scan back over bars where the averages are equal; ours looks at {@code t−1}
 * only ({@code fast ≤ slow}). They can disagree only when the averages are exactly equal at some bar (for
 * example equal at {@code t−1} after being above: ours buys at {@code t}, ta4j does not). No bar of these files
 * has an exact tie at any compared setting; the exact-decimal test checks that precondition, so a tie in new
 * data shows up as what it is rather than as a mysterious mismatch.
 */
final class SmaCrossoverTa4jCrossCheckTest {
    private static final long CASH = FixedPoint.of(10_000);
    private static final long MIN_NOTIONAL = FixedPoint.of(10);
    private static final SimulatedFillModel NO_COSTS = new SimulatedFillModel(0, 0, false, 0);
    private static final NumFactory EXACT = DecimalNumFactory.getInstance(40);
    private static final NumFactory DOUBLE = DoubleNumFactory.getInstance();

    /** A real data file at one bar interval, with the steps {@code config/instruments.conf} gives its symbol. */
    private enum Market {
        APPLE_DAILY("appleinc_bars_from_20130101_usd.csv", "AAPL", Interval.D1, false, "0.01", "1"),
        BITSTAMP_HOURLY("bitstamp_trades_from_20131125_usd.csv", "BTC/USD", Interval.H1, true, "0.01", "0.00000001"),
        ETH_FIVE_MINUTES("ETH-USD-PT5M-2023-3-13_2023-3-15.json", "ETH/USD", Interval.M5, false, "0.01",
            "0.00000001");

        private final String file;
        private final String symbol;
        private final Interval interval;
        private final boolean trades;
        private final long tickSize;
        private final long lotSize;

        Market(final String file, final String symbol, final Interval interval, final boolean trades,
               final String tickSize, final String lotSize) {
            this.file = file;
            this.symbol = symbol;
            this.interval = interval;
            this.trades = trades;
            this.tickSize = FixedPoint.parse(tickSize);
            this.lotSize = FixedPoint.parse(lotSize);
        }

        BarSeriesData bars() {
            final Path path = Path.of(System.getProperty("ringtrade.data.dir", "target/data"), file);
            return trades ? TradeBarAggregation.aggregate(MarketDataFiles.loadTrades(path, symbol), interval)
                : MarketDataFiles.loadBars(path, symbol);
        }
    }

    /**
     * One position: entry and exit bar indexes (exit −1 while still open at the end of the data) and fill prices
     * (fixed-point; exit price 0 while open).
     */
    private record RoundTrip(int entryBar, int exitBar, long entryPrice, long exitPrice) {
    }

    static Stream<Arguments> crossings() {
        return Stream.of(
            Arguments.of(Market.APPLE_DAILY, 10, 30),
            Arguments.of(Market.APPLE_DAILY, 20, 50),
            Arguments.of(Market.BITSTAMP_HOURLY, 5, 20),
            Arguments.of(Market.BITSTAMP_HOURLY, 10, 30),
            Arguments.of(Market.BITSTAMP_HOURLY, 3, 10),
            Arguments.of(Market.BITSTAMP_HOURLY, 2, 5),
            Arguments.of(Market.ETH_FIVE_MINUTES, 10, 30),
            Arguments.of(Market.ETH_FIVE_MINUTES, 20, 50));
    }

    @ParameterizedTest(name = "{0} fast={1} slow={2}")
    @MethodSource("crossings")
    void shouldTradeOnTheSameBarsAndPricesAsTa4jWithExactDecimals(final Market market, final int fast,
                                                                  final int slow) {
        final BarSeriesData bars = market.bars();
        final List<RoundTrip> ours = engineRoundTrips(market, bars, Map.of("fast", String.valueOf(fast), "slow",
            String.valueOf(slow)), NO_COSTS);

        assertThat(ours).as("positions taken (the comparison must not be vacuous)").isNotEmpty();
        assertThat(barsWithEqualAverages(bars, market.interval, fast, slow))
            .as("bars where SMA(fast) = SMA(slow) exactly: there ta4j's cross rules, which scan back over equal"
                + " values, and ours, which looks at t-1 only, may rightly differ")
            .isZero();
        assertThat(ours).as(market + " fast=" + fast + " slow=" + slow + ": ours vs ta4j (DecimalNum)")
            .isEqualTo(ta4jRoundTrips(bars, market.interval, fast, slow, EXACT));
    }

    @ParameterizedTest(name = "{0} fast={1} slow={2}")
    @MethodSource("crossings")
    void shouldTradeOnTheSameBarsAndPricesAsTa4jWithDoubles(final Market market, final int fast, final int slow) {
        final BarSeriesData bars = market.bars();
        final List<RoundTrip> ours = engineRoundTrips(market, bars, Map.of("fast", String.valueOf(fast), "slow",
            String.valueOf(slow)), NO_COSTS);

        assertThat(ours).as(market + " fast=" + fast + " slow=" + slow + ": ours vs ta4j (DoubleNum)")
            .isEqualTo(ta4jRoundTrips(bars, market.interval, fast, slow, DOUBLE));
    }

    @Test
    void shouldAgreeWithTa4jThatAppleHasNoCrossingWithTheDefaultFiftyAndTwoHundred() {
        // 252 bars: SMA(200) first exists at bar 199, so only bars 200..251 can decide; SMA(50) is above SMA(200)
        // on every bar from 199 on, so there is nothing to cross and both sides must stay flat.
        final BarSeriesData bars = Market.APPLE_DAILY.bars();
        final List<RoundTrip> ours = engineRoundTrips(Market.APPLE_DAILY, bars, Map.of(), NO_COSTS);

        final BarSeries series = ta4jSeries(bars, Interval.D1, EXACT);
        final ClosePriceIndicator close = new ClosePriceIndicator(series);
        final SMAIndicator fast = new SMAIndicator(close, 50);
        final SMAIndicator slow = new SMAIndicator(close, 200);
        for (int i = 199; i < series.getBarCount(); i++) {
            assertThat(fast.getValue(i).isGreaterThan(slow.getValue(i))).as("SMA(50) > SMA(200) at bar %d", i)
                .isTrue();
        }
        assertThat(ours).isEmpty();
        assertThat(ta4jRoundTrips(bars, Interval.D1, 50, 200, EXACT)).isEmpty();
    }

    @Test
    void shouldFillOnTa4jsBarsAtTheNextOpenMovedBySlippage() {
        // Slippage (5 bps) and commission (10 bps) change quantities and cash, never the decision bars
        // (decisions read closes only): the same bars as ta4j, buys at open × (1 + 5 bps), sells at
        // open × (1 − 5 bps), rounded half up.
        final Market market = Market.BITSTAMP_HOURLY;
        final BarSeriesData bars = market.bars();
        final List<RoundTrip> ours = engineRoundTrips(market, bars, Map.of("fast", "3", "slow", "10"),
            new SimulatedFillModel(5, 10, false, 0));
        final List<RoundTrip> ta4j = ta4jRoundTrips(bars, market.interval, 3, 10, EXACT);

        final List<RoundTrip> slipped = ta4j.stream().map(trip -> new RoundTrip(trip.entryBar(), trip.exitBar(),
            slip(trip.entryPrice(), "1.0005"), trip.exitBar() < 0 ? 0 : slip(trip.exitPrice(), "0.9995"))).toList();
        assertThat(ours).isNotEmpty().isEqualTo(slipped);
    }

    /** Runs the engine as the CLI's {@code prepare()} builds it and pairs its fills into round trips. */
    private static List<RoundTrip> engineRoundTrips(final Market market, final BarSeriesData bars,
                                                    final Map<String, String> given,
                                                    final SimulatedFillModel costs) {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        final int id = instruments.register(market.symbol, "USD", market.tickSize, market.lotSize).id();
        final SmaCrossover definition = new SmaCrossover();
        final Parameters parameters = Parameters.resolve(definition.name(), definition.parameters(), given);
        final BookSpec book = new BookSpec(definition.name(), definition.create(parameters), new int[] {id},
            market.interval, CASH, costs, RiskLimits.longOnly(MIN_NOTIONAL));
        final RecordingSink sink = new RecordingSink();
        final BusinessLogic logic = new BusinessLogic(instruments, List.of(book), LogicSettings.DEFAULT.withOutputs(sink));

        BacktestDriver.run(logic, new BarSeriesSource(bars, id), EventJournal.none(), EffectSink.NONE);

        assertEveryOrderFilledButOneAtTheLastBar(sink, bars, market.interval);
        return roundTrips(sink.fills, bars);
    }

    /**
     * Every order was filled, except that an order decided at the last bar's close stays open (there is no next
     * open to fill it; ta4j's next-open model drops such a signal too). Nothing was rejected by risk, so no
     * signal went missing on our side.
     */
    private static void assertEveryOrderFilledButOneAtTheLastBar(final RecordingSink sink, final BarSeriesData bars,
                                                                 final Interval interval) {
        final List<RecordingSink.OrderEvent> orders = sink.finalOrders();
        final long lastBarEnd = interval.nextBucketStart(bars.timeNanos(bars.size() - 1));
        for (int row = 0; row < orders.size(); row++) {
            final RecordingSink.OrderEvent order = orders.get(row);
            final boolean lastBarOrder = row == orders.size() - 1 && sink.decidedAt(order.orderId()) == lastBarEnd;
            assertThat(order.state()).as("order %d: %s", row, order.reason())
                .isEqualTo(lastBarOrder ? OrderState.ACCEPTED : OrderState.FILLED);
        }
    }

    /** Pairs fills into positions: buy, sell, buy, … (long only), each fill located by its bar start time. */
    private static List<RoundTrip> roundTrips(final List<RecordingSink.Fill> fills, final BarSeriesData bars) {
        final List<RoundTrip> trips = new ArrayList<>();
        for (int row = 0; row < fills.size(); row += 2) {
            final RecordingSink.Fill entry = fills.get(row);
            assertThat(entry.side()).as("fill %d opens a long", row).isEqualTo(1);
            final int entryBar = barAt(bars, entry.time());
            if (row + 1 < fills.size()) {
                final RecordingSink.Fill exit = fills.get(row + 1);
                assertThat(exit.side()).as("fill %d closes it", row + 1).isEqualTo(-1);
                assertThat(exit.quantity()).as("fill %d closes all", row + 1).isEqualTo(entry.quantity());
                trips.add(new RoundTrip(entryBar, barAt(bars, exit.time()), entry.price(), exit.price()));
            } else {
                trips.add(new RoundTrip(entryBar, -1, entry.price(), 0));
            }
        }
        return trips;
    }

    private static int barAt(final BarSeriesData bars, final long timeNanos) {
        final long[] starts = new long[bars.size()];
        Arrays.setAll(starts, bars::timeNanos);
        final int index = Arrays.binarySearch(starts, timeNanos);
        assertThat(index).as("a fill at a bar's start time").isGreaterThanOrEqualTo(0);
        return index;
    }

    /** ta4j's own backtest of the same crossover over the same bars, with zero costs. */
    private static List<RoundTrip> ta4jRoundTrips(final BarSeriesData bars, final Interval interval, final int fast,
                                                  final int slow, final NumFactory numbers) {
        final BarSeries series = ta4jSeries(bars, interval, numbers);
        final ClosePriceIndicator close = new ClosePriceIndicator(series);
        final SMAIndicator fastSma = new SMAIndicator(close, fast);
        final SMAIndicator slowSma = new SMAIndicator(close, slow);
        final BaseStrategy strategy = new BaseStrategy("sma_crossover", new CrossedUpIndicatorRule(fastSma, slowSma),
            new CrossedDownIndicatorRule(fastSma, slowSma), slow);
        final TradingRecord record = new BarSeriesManager(series, new ZeroCostModel(), new ZeroCostModel(),
            new TradeOnNextOpenModel()).run(strategy);

        final List<RoundTrip> trips = new ArrayList<>();
        for (final Position position : record.getPositions()) {
            trips.add(new RoundTrip(position.getEntry().getIndex(), position.getExit().getIndex(),
                fixed(position.getEntry()), fixed(position.getExit())));
        }
        final Position current = record.getCurrentPosition();
        if (current.isOpened()) {
            trips.add(new RoundTrip(current.getEntry().getIndex(), -1, fixed(current.getEntry()), 0));
        }
        return trips;
    }

    /** Bars from the first full slow average on where the two averages are exactly equal (exact decimals). */
    private static int barsWithEqualAverages(final BarSeriesData bars, final Interval interval, final int fast,
                                             final int slow) {
        final BarSeries series = ta4jSeries(bars, interval, EXACT);
        final ClosePriceIndicator close = new ClosePriceIndicator(series);
        final SMAIndicator fastSma = new SMAIndicator(close, fast);
        final SMAIndicator slowSma = new SMAIndicator(close, slow);
        int equal = 0;
        for (int i = slow - 1; i < series.getBarCount(); i++) {
            if (fastSma.getValue(i).isEqual(slowSma.getValue(i))) {
                equal++;
            }
        }
        return equal;
    }

    private static BarSeries ta4jSeries(final BarSeriesData bars, final Interval interval, final NumFactory numbers) {
        final BarSeries series = new BaseBarSeriesBuilder().withName(bars.symbol()).withNumFactory(numbers).build();
        final Duration period = Duration.ofNanos(interval.nanos());
        for (int i = 0; i < bars.size(); i++) {
            final Instant begin = Instant.EPOCH.plusNanos(bars.timeNanos(i));
            series.barBuilder()
                .timePeriod(period)
                .beginTime(begin)
                .endTime(begin.plus(period))
                .openPrice(decimal(bars.open(i)))
                .highPrice(decimal(bars.high(i)))
                .lowPrice(decimal(bars.low(i)))
                .closePrice(decimal(bars.close(i)))
                .volume(decimal(bars.volume(i)))
                .add();
        }
        return series;
    }

    private static BigDecimal decimal(final long fixed) {
        return BigDecimal.valueOf(fixed, FixedPoint.SCALE_DIGITS);
    }

    /**
     * A ta4j trade price as fixed-point. Exact for DecimalNum; a DoubleNum holds the double nearest to an
     * 8-decimal price, which rounding to 8 decimals recovers exactly.
     */
    private static long fixed(final Trade trade) {
        final Num price = trade.getPricePerAsset();
        return price.bigDecimalValue().setScale(FixedPoint.SCALE_DIGITS, RoundingMode.HALF_EVEN).unscaledValue()
            .longValueExact();
    }

    private static long slip(final long price, final String factor) {
        return decimal(price).multiply(new BigDecimal(factor)).setScale(FixedPoint.SCALE_DIGITS, RoundingMode.HALF_UP)
            .unscaledValue().longValueExact();
    }
}
