package io.ringtrade.bench;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.config.PipelineLayout;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.config.WaitStrategyKind;
import io.ringtrade.engine.logic.BusinessLogic;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.util.concurrent.TimeUnit;

/**
 * Backtest throughput: one whole {@code sma_crossover} (fast 50, slow 200) backtest over {@code bars} (default
 * 1,000,000) one-minute BTC/USD bars per invocation; JMH scores invocations per second, so bars per second is the score
 * times {@code bars} ({@link BenchSuite} reports it so). Three ways over the same bars, in the same run:
 * <pre>
 *   ours, direct (the CLI's backtest path, one thread):
 *
 *     BarSeriesSource ──► BacktestDriver ──► BusinessLogic.onEvent
 *     (long columns)      (one reused         market state → venue → bars + SMA(50/200) → strategy
 *                          EngineEvent)        → pre-trade risk → order entry → books → equity/order/fill logs
 *                              │
 *                              └──► EventJournal.none(), EffectSink.NONE
 *
 *   ours, through the ring (the paper-run path; wait strategy printed, blocking on 2 cores):
 *
 *     benchmark thread ──publish──► RingBuffer&lt;EngineEvent&gt; (16384 slots, multi-producer)
 *                                     ├──► J journal (none)  ─┐
 *                                     └──► B BusinessLogic    ├──► G gateway (EffectSink.NONE)
 *
 *   BASELINE, ta4j 0.22.2 (one thread):
 *
 *     BaseBarSeries (DoubleNum, built in setup) ──► BarSeriesManager.run(strategy), TradeOnNextOpenModel
 *        entry CrossedUp(SMA(close,50), SMA(close,200)), exit CrossedDown(...), 200 unstable bars
 * </pre>
 * Per invocation ours builds fresh business logic (books, bar history, logs) and ta4j a fresh strategy with
 * fresh indicator caches, both outside the timed region; loading the file and building the ta4j series happen
 * once per trial. Ours does more work per bar than ta4j (fixed-point books, risk checks, an equity row and the
 * order and fill logs); ta4j only records its positions. The trial setup prints the machine, the JDK and the
 * trade counts of both sides so a reader can check they ran the same rules.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {
    // the root pom's chronicle.jvm.flags, then a heap large enough for ta4j's million Bar objects
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--enable-native-access=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
    "-Xms3g", "-Xmx3g"})
public class BacktestThroughputBenchmark {
    private static final int RING_SIZE = 16_384;
    private static final WaitStrategyKind WAIT_STRATEGY = WaitStrategyKind.AUTO;

    /** The million bars, loaded once per trial. */
    @State(Scope.Benchmark)
    public static class Bars {
        /** Bars per backtest run. */
        @Param("1000000")
        public int bars;
        BarSeriesData series;
        BarSeriesData original;

        @Setup(Level.Trial)
        public void load() {
            original = MinuteBars.original();
            series = MinuteBars.repeated(original, bars);
        }
    }

    /** Our engine, driven directly: fresh business logic per invocation. */
    @State(Scope.Thread)
    public static class Direct {
        InstrumentRegistry instruments;
        BarSeriesSource source;
        BusinessLogic logic;

        @Setup(Level.Trial)
        public void trial(final Bars bars) {
            instruments = BenchEngine.instruments();
            source = new BarSeriesSource(bars.series, BenchEngine.instrument(instruments));
            final BusinessLogic check = BenchEngine.backtestLogic(instruments, Interval.M1, 5);
            BenchEngine.backtest(check, source);
            RunConditions.print("BacktestThroughputBenchmark.ringtradeDirect",
                "input: " + bars.series.size() + " 1m bars = " + bars.original.size() + " real bars from "
                    + MinuteBars.FILE + ", repeated with shifted times",
                "strategy: " + BenchEngine.BACKTEST_DESCRIPTION,
                "one run: " + check.ordersAccepted() + " orders accepted, " + check.fills() + " fills, "
                    + check.summary().trades() + " round trips, " + check.outputRows().equity() + " equity rows");
        }

        @Setup(Level.Invocation)
        public void invocation() {
            source.rewind();
            logic = BenchEngine.backtestLogic(instruments, Interval.M1, 5);
        }
    }

    /** Our engine behind the Disruptor ring: a fresh pipeline (and its three stage threads) per invocation. */
    @State(Scope.Thread)
    public static class Ring {
        InstrumentRegistry instruments;
        BarSeriesSource source;
        BusinessLogic logic;
        Pipeline pipeline;
        int expectedInputs;
        final EngineEvent input = new EngineEvent();

        @Setup(Level.Trial)
        public void trial(final Bars bars) {
            instruments = BenchEngine.instruments();
            source = new BarSeriesSource(bars.series, BenchEngine.instrument(instruments));
            expectedInputs = bars.series.size() + 1;
            RunConditions.print("BacktestThroughputBenchmark.ringtradeRing",
                "input: " + bars.series.size() + " 1m bars from " + MinuteBars.FILE,
                "strategy: " + BenchEngine.BACKTEST_DESCRIPTION,
                "ring: " + RING_SIZE + " slots, multi-producer, wait strategy " + WAIT_STRATEGY.label() + " -> "
                    + WAIT_STRATEGY.resolve(Runtime.getRuntime().availableProcessors()).label()
                    + ", stages journal(none) || logic -> gateway(none)");
        }

        @Setup(Level.Invocation)
        public void invocation() {
            source.rewind();
            logic = BenchEngine.backtestLogic(instruments, Interval.M1, 5);
            pipeline = BenchEngine.ring(logic, EventJournal.none(), OrderTap.NONE, RING_SIZE, WAIT_STRATEGY,
                PipelineLayout.PARALLEL);
        }

        @TearDown(Level.Invocation)
        public void check() {
            if (logic.eventsProcessed() != expectedInputs) {
                throw new IllegalStateException("ring processed " + logic.eventsProcessed() + " inputs, expected "
                    + expectedInputs);
            }
        }
    }

    /** ta4j's series over the same bars (DoubleNum), built once per trial; a fresh strategy per invocation. */
    @State(Scope.Thread)
    public static class Ta4j {
        BarSeries series;
        BarSeriesManager manager;
        Strategy strategy;

        @Setup(Level.Trial)
        public void trial(final Bars bars) {
            series = MinuteBars.ta4jSeries(bars.series);
            manager = new BarSeriesManager(series, new TradeOnNextOpenModel());
            final TradingRecord check = manager.run(newStrategy(series));
            RunConditions.print("BacktestThroughputBenchmark.ta4jBarSeriesManager (baseline)",
                "input: " + series.getBarCount() + " 1m bars from " + MinuteBars.FILE + " as a BaseBarSeries (DoubleNum)",
                "strategy: CrossedUp/CrossedDown(SMA(close," + BenchEngine.BACKTEST_FAST + "), SMA(close," + BenchEngine.BACKTEST_SLOW
                    + ")), " + BenchEngine.BACKTEST_SLOW + " unstable bars, TradeOnNextOpenModel, zero costs",
                "one run: " + check.getPositionCount() + " closed positions, " + check.getTrades().size() + " trades");
        }

        @Setup(Level.Invocation)
        public void invocation() {
            strategy = newStrategy(series);
        }

        private static Strategy newStrategy(final BarSeries series) {
            final ClosePriceIndicator close = new ClosePriceIndicator(series);
            final SMAIndicator fast = new SMAIndicator(close, BenchEngine.BACKTEST_FAST);
            final SMAIndicator slow = new SMAIndicator(close, BenchEngine.BACKTEST_SLOW);
            return new BaseStrategy("sma_crossover", new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow), BenchEngine.BACKTEST_SLOW);
        }
    }

    /** Ours: the CLI backtest path, one thread. */
    @Benchmark
    public long ringtradeDirect(final Direct run) {
        return BenchEngine.backtest(run.logic, run.source) + run.logic.fills();
    }

    /** Ours through the Disruptor ring: publish every bar, then END_OF_DATA, then wait for the drain. */
    @Benchmark
    public long ringtradeRing(final Ring run) {
        final EngineEvent input = run.input;
        long lastTime = 0;
        while (run.source.next(input)) {
            lastTime = input.eventTimeNanos;
            run.pipeline.publish(input);
        }
        run.pipeline.publish(input.setCommand(lastTime, CommandCode.END_OF_DATA, -1, 0));
        run.pipeline.drainAndStop();
        return run.logic.fills();
    }

    /** BASELINE: ta4j's backtest loop over the same bars with the same rules. */
    @Benchmark
    public int ta4jBarSeriesManager(final Ta4j run) {
        return run.manager.run(run.strategy).getPositionCount();
    }
}
