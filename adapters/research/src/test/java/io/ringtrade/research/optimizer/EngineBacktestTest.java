package io.ringtrade.research.optimizer;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.TimeRange;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.FillModel;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.CsvOutputWriter;
import io.ringtrade.engine.output.OutputRows;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.runtime.BookAssembly;
import io.ringtrade.engine.strategy.StrategyCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The optimizer's backtests on the Apple 2013 bars against plain business-logic runs built the way
 * {@code ringtrade backtest} builds them: a window without warm-up gives exactly the metrics of a backtest over the
 * same bars, whether it is all of them or a stretch in the middle read from the shared columns.
 */
class EngineBacktestTest {
    private static final Path APPLE = Path.of(System.getProperty("ringtrade.data.dir", "target/data"))
        .resolve("appleinc_bars_from_20130101_usd.csv");

    private final StrategyCatalog catalog = StrategyCatalog.load(getClass().getClassLoader());
    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final int aapl = instruments.intern("AAPL");
    private final BarSeriesData bars = MarketDataFiles.loadBars(APPLE, "AAPL");
    private final Timeline timeline = new Timeline(List.of(bars), new int[] {aapl});
    private final BacktestSettings settings = new BacktestSettings(catalog, "sma_crossover", instruments, Interval.D1,
        FixedPoint.of(10_000), 5, 10, false, FixedPoint.of(10), false, 0);

    @Test
    void shouldGiveThePlainBacktestsMetricsOverAllBars() {
        final String window = EngineBacktest.summary(settings, sma(10, 30), timeline, Window.of(0, 252),
            settings.cash()).toJson();
        assertThat(window).isEqualTo(plain(bars, sma(10, 30)));
        assertThat(window).contains("\"trades\": 3,");
    }

    @Test
    void shouldGiveThePlainBacktestOfTheSameBarsForAWindowWithoutWarmUp() {
        final String window = EngineBacktest.summary(settings, sma(5, 20), timeline, Window.of(100, 200),
            settings.cash()).toJson();
        final BarSeriesData slice = bars.slice(TimeRange.of(date(bars.timeNanos(100)), date(bars.timeNanos(199))));
        assertThat(slice.size()).isEqualTo(100);
        assertThat(window).isEqualTo(plain(slice, sma(5, 20))).doesNotContain("\"trades\": 0,");
    }

    @Test
    void shouldRefuseACombinationTheStrategyRefusesInItsOwnWords() {
        assertThatThrownBy(() -> EngineBacktest.check(settings, timeline, sma(30, 10)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("strategy sma_crossover: fast (30) must be less than slow (10)");
    }

    @Test
    void shouldGiveTheMetricsAndTheSnapshotOfARunThatWritesItsEquityRows(@TempDir final Path out) throws Exception {
        // the optimizer's sink keeps no rows, so the buy-and-hold value is computed only when read: same bits
        for (final int end : new int[] {1, 60, 181, bars.size()}) {
            final BarSeriesData slice = bars.slice(TimeRange.of(date(bars.timeNanos(0)),
                date(bars.timeNanos(end - 1))));
            final Path dir = out.resolve("bars-" + end);
            final BusinessLogic unkept = logic(sma(5, 20), OutputSink.NONE);
            final BusinessLogic kept;
            try (CsvOutputWriter csv = CsvOutputWriter.open(dir, OutputRows.NONE, new String[] {"AAPL"},
                new String[] {"sma_crossover"})) {
                kept = logic(sma(5, 20), csv);
                BacktestDriver.run(unkept, new BarSeriesSource(slice, aapl), EventJournal.none(), EffectSink.NONE);
                BacktestDriver.run(kept, new BarSeriesSource(slice, aapl), EventJournal.none(), EffectSink.NONE);
            }
            final List<String> rows = Files.readAllLines(dir.resolve("equity.csv"));
            final String last = rows.getLast();
            final long benchmark = FixedPoint.parse(last.substring(last.lastIndexOf(',') + 1));

            assertThat(rows).hasSize(end + 1); // the header and a row per bar
            assertThat(unkept.summary()).isEqualTo(kept.summary());
            assertThat(unkept.summary().buyAndHoldReturn())
                .isEqualTo((benchmark - settings.cash()) / (double) settings.cash());
            assertThat(unkept.snapshot()).isEqualTo(kept.snapshot());
        }
    }

    private String plain(final BarSeriesData data, final SequencedMap<String, String> parameters) {
        final BusinessLogic logic = logic(parameters, OutputSink.NONE);
        BacktestDriver.run(logic, new BarSeriesSource(data, aapl), EventJournal.none(), EffectSink.NONE);
        return logic.summary().toJson();
    }

    private BusinessLogic logic(final SequencedMap<String, String> parameters, final OutputSink sink) {
        final BookConfig book = new BookConfig("sma_crossover", "sma_crossover", parameters, List.of("AAPL"),
            Interval.D1, FixedPoint.of(10_000), FixedPoint.of(5), FixedPoint.of(10), false, FixedPoint.of(10),
            FillModel.NEXT_OPEN);
        return new BusinessLogic(instruments, List.of(BookAssembly.assemble(book, instruments, catalog)),
            new LogicSettings(sink, null, Interval.D1.periodsPerYear(), 0, Long.MIN_VALUE));
    }

    private static SequencedMap<String, String> sma(final int fast, final int slow) {
        return new LinkedHashMap<>(Map.of("fast", Integer.toString(fast), "slow", Integer.toString(slow)));
    }

    private static LocalDate date(final long nanos) {
        return Instant.ofEpochSecond(nanos / 1_000_000_000L).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
