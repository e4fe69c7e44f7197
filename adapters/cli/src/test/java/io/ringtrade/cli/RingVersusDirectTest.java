package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.TradeSeriesSource;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.config.WaitStrategyKind;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.output.RunOutputWriter;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.pipeline.EnginePipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md §3: a backtest drives the business-logic handlers directly on one thread, and must produce the same
 * outputs as the same inputs fed through the Disruptor ring. Uses the embedded default configuration (three
 * books) on the real Bitstamp trades as ticks, and the Apple bars, and compares the output files byte for byte.
 */
class RingVersusDirectTest {
    @TempDir
    Path temp;

    @Test
    void shouldWriteIdenticalFilesThroughTheRingAndDirectlyOnBitstampTicks() throws Exception {
        final EngineConfig config = EngineConfigLoader.load(EngineConfigLoader.DEFAULT_LOCATION);
        final Supplier<BusinessLogic> logic = () -> EngineAssembly.businessLogic(config, config.newInstrumentRegistry());
        final Path direct = runDirect(logic.get(), registry -> tradesSource(registry), temp.resolve("direct"));
        final Path ring = runThroughRing(logic.get(), registry -> tradesSource(registry), temp.resolve("ring"),
            WaitStrategyKind.BLOCKING);
        assertSameFiles(direct, ring);
        assertThat(Files.readAllLines(direct.resolve("trades.csv")).size()).isGreaterThan(100);
    }

    @Test
    void shouldWriteIdenticalFilesThroughTheRingAndDirectlyOnAppleBarsWithAYieldingRing() throws Exception {
        final EngineConfig config = EngineConfigLoader.load(EngineConfigLoader.DEFAULT_LOCATION);
        final Supplier<BusinessLogic> logic = () -> new BacktestCommandFixture().appleLogic();
        final Path direct = runDirect(logic.get(), BacktestCommandFixture::appleSource, temp.resolve("direct"));
        final Path ring = runThroughRing(logic.get(), BacktestCommandFixture::appleSource, temp.resolve("ring"),
            WaitStrategyKind.YIELDING);
        assertSameFiles(direct, ring);
        assertThat(config.books()).isNotEmpty();
        assertThat(Files.readAllLines(direct.resolve("trades.csv")).size()).isGreaterThan(2);
    }

    private static MarketDataSource tradesSource(final InstrumentRegistry registry) {
        return new TradeSeriesSource(MarketDataFiles.loadTrades(RealData.bitstamp(), "BTC/USD"),
            registry.find("BTC/USD").id());
    }

    private static Path runDirect(final BusinessLogic logic,
                                  final java.util.function.Function<InstrumentRegistry, MarketDataSource> source,
                                  final Path out) {
        BacktestDriver.run(logic, source.apply(logic.instruments()), EventJournal.none(), EffectSink.NONE);
        write(logic, out);
        return out;
    }

    private static Path runThroughRing(final BusinessLogic logic,
                                       final java.util.function.Function<InstrumentRegistry, MarketDataSource> source,
                                       final Path out, final WaitStrategyKind wait) {
        final List<Long> released = new ArrayList<>();
        final EnginePipeline pipeline = new EnginePipeline(logic, EventJournal.none(),
            (order, cause) -> released.add(order.clientOrderId), 1024, wait, 0);
        final MarketDataSource input = source.apply(logic.instruments());
        final EngineEvent slot = new EngineEvent();
        long lastTime = 0;
        while (input.next(slot)) {
            lastTime = slot.eventTimeNanos;
            pipeline.publish(slot);
        }
        pipeline.drainAndStop(30, TimeUnit.SECONDS);
        logic.finish(lastTime, logic.eventsProcessed());
        write(logic, out);
        assertThat(released).hasSize((int) logic.ordersAccepted());
        return out;
    }

    private static void write(final BusinessLogic logic, final Path out) {
        final String[] names = java.util.Arrays.stream(logic.books()).map(b -> b.name()).toArray(String[]::new);
        new RunOutputWriter(logic.instruments(), names).writeAll(out, logic.fillLog(), logic.equityLog(),
            logic.orderLog(), "{}\n");
    }

    private static void assertSameFiles(final Path a, final Path b) throws Exception {
        for (final String file : List.of("trades.csv", "equity.csv", "orders.csv")) {
            assertThat(Files.readAllBytes(b.resolve(file))).as(file).isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
    }

    /** Builds the Apple sma_crossover backtest the way the command line does. */
    static final class BacktestCommandFixture {
        BusinessLogic appleLogic() {
            final BacktestCommand command = new BacktestCommand();
            command.strategy = "sma_crossover";
            command.params.put("fast", "10");
            command.params.put("slow", "30");
            command.data.add(RealData.apple());
            command.symbols.add("AAPL");
            command.interval = "1d";
            command.cash = "10000";
            command.slippageBps = 5;
            command.commissionBps = 10;
            command.fill = "next-open";
            command.minNotional = "10";
            command.out = Path.of("unused");
            return command.prepare().logic();
        }

        static MarketDataSource appleSource(final InstrumentRegistry registry) {
            return new BarSeriesSource(MarketDataFiles.loadBars(RealData.apple(), "AAPL"), registry.find("AAPL").id());
        }
    }
}
