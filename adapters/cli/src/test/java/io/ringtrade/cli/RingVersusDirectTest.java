package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.TradeSeriesSource;
import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.config.PipelineLayout;
import io.ringtrade.engine.config.WaitStrategyKind;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.CsvOutputWriter;
import io.ringtrade.engine.output.OutputRows;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.pipeline.EnginePipeline;
import io.ringtrade.engine.pipeline.GatewayHooks;
import io.ringtrade.engine.runtime.BookAssembly;
import io.ringtrade.engine.strategy.StrategyCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md §3: a backtest drives the business-logic handlers directly on one thread, and must produce the same
 * outputs as the same inputs fed through the Disruptor ring. Runs the embedded default configuration's books (with
 * its risk settings) on the
 * real Bitstamp trades as ticks, and a command-line backtest on the Apple bars, each way, and compares every output
 * file byte for byte; through the ring, every venue request business logic made is released once. Both pipeline
 * layouts (parallel stages and fused on one thread).
 */
class RingVersusDirectTest {
    private static final List<String> FILES = List.of("trades.csv", "equity.csv", "orders.csv", "order_events.csv",
        "round_trips.csv", "large_transactions.csv", "audit.log");

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(value = PipelineLayout.class, names = {"PARALLEL", "FUSED"})
    void shouldWriteIdenticalFilesThroughTheRingAndDirectlyOnBitstampTicks(final PipelineLayout layout)
        throws Exception {
        final EngineConfig config = EngineConfigLoader.load(EngineConfigLoader.DEFAULT_LOCATION);
        final Function<OutputSink, BusinessLogic> logic = sink -> {
            final InstrumentRegistry instruments = config.newInstrumentRegistry();
            return new BusinessLogic(instruments, BookAssembly.assemble(config.books(), instruments,
                StrategyCatalog.load(getClass().getClassLoader())),
                LogicSettings.DEFAULT.withOutputs(sink).withRisk(config.risk()));
        };
        final Path direct = runDirect(logic, config.newInstrumentRegistry(), RingVersusDirectTest::tradesSource,
            temp.resolve("direct"), names(config));
        final Path ring = runThroughRing(logic, config.newInstrumentRegistry(), RingVersusDirectTest::tradesSource,
            temp.resolve("ring"), WaitStrategyKind.BLOCKING, layout, names(config));
        assertSameFiles(direct, ring);
        assertThat(Files.readAllLines(direct.resolve("trades.csv")).size()).isGreaterThan(100);
    }

    @ParameterizedTest
    @EnumSource(value = PipelineLayout.class, names = {"PARALLEL", "FUSED"})
    void shouldWriteIdenticalFilesThroughTheRingAndDirectlyOnAppleBarsWithAYieldingRing(final PipelineLayout layout)
        throws Exception {
        final BacktestCommand.BacktestRun run = new BacktestCommandFixture().apple();
        final Path direct = runDirect(run::newLogic, run.instruments(), BacktestCommandFixture::appleSource,
            temp.resolve("direct"), new String[] {run.book().name()});
        final Path ring = runThroughRing(run::newLogic, run.instruments(), BacktestCommandFixture::appleSource,
            temp.resolve("ring"), WaitStrategyKind.YIELDING, layout, new String[] {run.book().name()});
        assertSameFiles(direct, ring);
        assertThat(Files.readAllLines(direct.resolve("trades.csv")).size()).isGreaterThan(2);
    }

    private static String[] names(final EngineConfig config) {
        return config.books().stream().map(BookConfig::name).toArray(String[]::new);
    }

    private static MarketDataSource tradesSource(final InstrumentRegistry registry) {
        return new TradeSeriesSource(MarketDataFiles.loadTrades(RealData.bitstamp(), "BTC/USD"),
            registry.find("BTC/USD").id());
    }

    private static String[] symbols(final InstrumentRegistry registry) {
        final String[] symbols = new String[registry.size()];
        for (int id = 0; id < symbols.length; id++) {
            symbols[id] = registry.get(id).symbol();
        }
        return symbols;
    }

    private static Path runDirect(final Function<OutputSink, BusinessLogic> build, final InstrumentRegistry registry,
                                  final Function<InstrumentRegistry, MarketDataSource> source, final Path out,
                                  final String[] books) {
        final CsvOutputWriter outputs = CsvOutputWriter.open(out, OutputRows.NONE, symbols(registry), books);
        final BusinessLogic logic = build.apply(outputs);
        BacktestDriver.run(logic, source.apply(logic.instruments()), EventJournal.none(), EffectSink.NONE);
        outputs.close();
        return out;
    }

    private static Path runThroughRing(final Function<OutputSink, BusinessLogic> build,
                                       final InstrumentRegistry registry,
                                       final Function<InstrumentRegistry, MarketDataSource> source, final Path out,
                                       final WaitStrategyKind wait, final PipelineLayout layout,
                                       final String[] books) {
        final CsvOutputWriter outputs = CsvOutputWriter.open(out, OutputRows.NONE, symbols(registry), books);
        final BusinessLogic logic = build.apply(outputs);
        final List<Long> released = Collections.synchronizedList(new ArrayList<>());
        final EnginePipeline pipeline = new EnginePipeline(logic, EventJournal.none(),
            (effect, cause) -> {
                if (effect.kind == EffectKind.SUBMIT) {
                    released.add(effect.clientOrderId);
                }
            }, 1024, wait, 0, 0, (entries, state) -> {
            }, System::nanoTime, GatewayHooks.NONE, layout);
        assertThat(pipeline.layout()).isEqualTo(layout);
        final MarketDataSource input = source.apply(logic.instruments());
        final EngineEvent slot = new EngineEvent();
        while (input.next(slot)) {
            pipeline.publish(slot);
        }
        pipeline.drainAndStop(30, TimeUnit.SECONDS);
        logic.finish();
        outputs.close();
        // every order that passed risk left through the gateway, once
        assertThat(released).hasSize((int) logic.ordersAccepted()).doesNotHaveDuplicates();
        return out;
    }

    private static void assertSameFiles(final Path a, final Path b) throws Exception {
        for (final String file : FILES) {
            assertThat(Files.readAllBytes(b.resolve(file))).as(file).isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
    }

    /** Builds the Apple sma_crossover backtest the way the command line does. */
    static final class BacktestCommandFixture {
        BacktestCommand.BacktestRun apple() {
            final BacktestCommand command = new BacktestCommand();
            command.strategy = "sma_crossover";
            command.params.put("fast", "10");
            command.params.put("slow", "30");
            command.data.add(RealData.apple());
            command.options.symbols.add("AAPL");
            command.interval = "1d";
            command.options.cash = "10000";
            command.options.slippageBps = 5;
            command.options.commissionBps = 10;
            command.fill = "next-open";
            command.options.minNotional = "10";
            command.options.onOpposite = "close";
            command.out = Path.of("unused");
            return command.prepare();
        }

        static MarketDataSource appleSource(final InstrumentRegistry registry) {
            return new BarSeriesSource(MarketDataFiles.loadBars(RealData.apple(), "AAPL"), registry.find("AAPL").id());
        }
    }
}
