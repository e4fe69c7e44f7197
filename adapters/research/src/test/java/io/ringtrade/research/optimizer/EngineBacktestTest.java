package io.ringtrade.research.optimizer;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.TimeRange;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.output.OrderLog;
import io.ringtrade.engine.output.RunSummaries;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.risk.BookRules;
import io.ringtrade.strategies.SmaCrossover;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optimizer's backtests on the Apple 2013 bars against plain business-logic runs built the way
 * {@code ringtrade backtest} builds them: without a warm-up a window gives exactly that run's metrics and
 * buy-and-hold over the same bars; with a trading start, no order is placed before it.
 */
class EngineBacktestTest {
    private static final Path APPLE = Path.of(System.getProperty("ringtrade.data.dir", "target/data"))
        .resolve("appleinc_bars_from_20130101_usd.csv");

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final int aapl = instruments.intern("AAPL");
    private final BarSeriesData bars = MarketDataFiles.loadBars(APPLE, "AAPL");
    private final Timeline timeline = new Timeline(List.of(bars), new int[] {aapl});
    private final BacktestSettings settings = new BacktestSettings(new SmaCrossover(), instruments, Interval.D1,
        FixedPoint.of(10_000), 5, 10, false, FixedPoint.of(10), false, 0);

    @Test
    void shouldGiveThePlainBacktestsMetricsAndBenchmarkOverAllBars() {
        final EngineBacktest.Result window = EngineBacktest.run(settings, sma(10, 30), timeline, Window.of(0, 252),
            settings.cash());
        final BusinessLogic plain = plain(bars, sma(10, 30), Long.MIN_VALUE);
        assertThat(window.summary().trades()).isEqualTo(3);
        assertThat(window.summary().toJson()).isEqualTo(RunSummaries.summarize(plain, 252, 0).toJson());
        assertThat(window.benchmark(settings.cash())).isEqualTo(plain.equityLog().benchmarks());
        assertThat(window.equity()).isEqualTo(plain.equityLog().equities());
    }

    @Test
    void shouldGiveThePlainBacktestOfTheSameBarsForAWindowWithoutWarmUp() {
        final EngineBacktest.Result window = EngineBacktest.run(settings, sma(5, 20), timeline, Window.of(100, 200),
            settings.cash());
        final BarSeriesData slice = bars.slice(TimeRange.of(date(bars.timeNanos(100)), date(bars.timeNanos(199))));
        assertThat(slice.size()).isEqualTo(100);
        final BusinessLogic plain = plain(slice, sma(5, 20), Long.MIN_VALUE);
        assertThat(window.summary().trades()).isPositive();
        assertThat(window.summary().toJson()).isEqualTo(RunSummaries.summarize(plain, 252, 0).toJson());
        assertThat(window.benchmark(settings.cash())).isEqualTo(plain.equityLog().benchmarks());
    }

    @Test
    void shouldPlaceNoOrderBeforeTheTradingStartButDecideOnEveryBar() {
        final long start = bars.timeNanos(150);
        final OrderLog orders = plain(bars, sma(10, 30), start).orderLog();
        assertThat(orders.size()).isPositive();
        for (int i = 0; i < orders.size(); i++) {
            assertThat(orders.time(i)).isGreaterThanOrEqualTo(start);
        }
        // crossings alternate, so the run that traded from the start is flat at every cross up; the warmed-up run,
        // flat at its start, ignores a first cross down and buys at the first cross up: the same order
        final OrderLog all = plain(bars, sma(10, 30), Long.MIN_VALUE).orderLog();
        int firstBuy = 0;
        while (all.time(firstBuy) < start || all.side(firstBuy) < 0) {
            firstBuy++;
        }
        assertThat(orders.side(0)).isEqualTo(1);
        assertThat(orders.time(0)).isEqualTo(all.time(firstBuy));
        assertThat(orders.orderId(0)).isEqualTo(all.orderId(firstBuy));
    }

    private BusinessLogic plain(final BarSeriesData data, final Parameters parameters, final long tradingStart) {
        final BookSpec book = new BookSpec("sma_crossover", new SmaCrossover().create(parameters), new int[] {aapl},
            Interval.D1, settings.cash(), new BookRules(5, 10, false, FixedPoint.of(10), false), tradingStart);
        final BusinessLogic logic = new BusinessLogic(instruments, List.of(book));
        BacktestDriver.run(logic, new BarSeriesSource(data, aapl), EventJournal.none(), EffectSink.NONE);
        return logic;
    }

    private static Parameters sma(final int fast, final int slow) {
        return Parameters.resolve("sma_crossover", new SmaCrossover().parameters(),
            Map.of("fast", Integer.toString(fast), "slow", Integer.toString(slow)));
    }

    private static LocalDate date(final long nanos) {
        return Instant.ofEpochSecond(nanos / 1_000_000_000L).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
