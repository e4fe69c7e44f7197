package io.ringtrade.bench;

import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.PipelineLayout;
import io.ringtrade.engine.config.WaitStrategyKind;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.pipeline.EnginePipeline;
import io.ringtrade.engine.pipeline.GatewayHooks;
import io.ringtrade.engine.venue.SimulatedFillModel;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.runtime.BookAssembly;
import io.ringtrade.engine.strategy.StrategyCatalog;
import io.ringtrade.journal.ChronicleEventJournal;
import io.ringtrade.journal.DurabilityPolicy;
import io.ringtrade.journal.JournalRollCycle;
import io.ringtrade.strategies.SmaCrossover;
import net.openhft.chronicle.core.time.TimeProvider;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one place where the benchmarks build the engine: the instrument, business logic for each benchmark's books,
 * the journal, and the running pipeline (the engine's Disruptor ring, or the same stages on
 * {@code ArrayBlockingQueue}s) with an {@link OrderTap} on the orders it releases. When the engine's constructors
 * change (business logic's inputs, the pipeline's gateway and effects), this class is what to adapt; the harnesses
 * and JMH benchmarks only see {@link BusinessLogic#onEvent}, {@link Pipeline} and {@link OrderTap} (which sees the
 * {@code SUBMIT} effects: an order leaving for its venue).
 *
 * <p>Books: {@link #backtestLogic} is {@code ringtrade backtest --strategy sma_crossover --param fast=50 --param
 * slow=200} (cash 10,000, 5 bps slippage by default, no commission, minimum notional 10, next-open fills);
 * {@link #fastCrossoverLogic} is sma_crossover 2/5 with no costs, which trades often enough to measure tick-to-order
 * latency; {@link #configuredLogic} builds every book of a configuration file as {@code ringtrade run} does.
 *
 * <p>Start-up thread only.
 */
final class BenchEngine {
    /** The one instrument of every benchmark. */
    static final String SYMBOL = "BTC/USD";
    /** The backtest strategy's fast and slow moving averages. */
    static final int BACKTEST_FAST = 50;
    static final int BACKTEST_SLOW = 200;
    static final String BACKTEST_DESCRIPTION = "sma_crossover fast=" + BACKTEST_FAST + " slow=" + BACKTEST_SLOW
        + ", 1 book, cash 10000, slippage 5 bps, commission 0, fill next-open";
    static final String FAST_CROSSOVER_DESCRIPTION = "sma_crossover fast=2 slow=5 on 1m bars, 1 book, cash 10000,"
        + " slippage 0, commission 0";
    private static final long CASH = 10_000;
    private static final long MIN_NOTIONAL = 10;

    private BenchEngine() {
    }

    /** An instrument registry holding BTC/USD (id 0) as {@code config/instruments.conf} defines it. */
    static InstrumentRegistry instruments() {
        final InstrumentRegistry registry = new InstrumentRegistry();
        registry.register(SYMBOL, "USD", FixedPoint.parse("0.01"), FixedPoint.parse("0.00000001"));
        return registry;
    }

    /** The id of {@link #SYMBOL} in {@code instruments}. */
    static int instrument(final InstrumentRegistry instruments) {
        return instruments.find(SYMBOL).id();
    }

    /** Fresh business logic for the backtest book (sma_crossover 50/200) on {@code interval} bars. */
    static BusinessLogic backtestLogic(final InstrumentRegistry instruments, final Interval interval,
                                       final long slippageBps) {
        return smaCrossover(instruments, BACKTEST_FAST, BACKTEST_SLOW, interval, slippageBps);
    }

    /** Fresh business logic for the latency book: sma_crossover 2/5 on 1-minute bars, no costs. */
    static BusinessLogic fastCrossoverLogic(final InstrumentRegistry instruments) {
        return smaCrossover(instruments, 2, 5, Interval.M1, 0);
    }

    private static BusinessLogic smaCrossover(final InstrumentRegistry instruments, final int fast, final int slow,
                                              final Interval interval, final long slippageBps) {
        final SmaCrossover definition = new SmaCrossover();
        final Parameters parameters = Parameters.resolve(definition.name(), definition.parameters(),
            Map.of("fast", Integer.toString(fast), "slow", Integer.toString(slow)));
        return singleBookLogic(instruments, definition.name(), definition.create(parameters), interval, slippageBps);
    }

    /**
     * Fresh business logic with one book named {@code name} trading {@link #SYMBOL} with {@code strategy} on
     * {@code interval} bars: cash 10,000, {@code slippageBps} slippage, no commission, minimum notional 10, long only.
     */
    static BusinessLogic singleBookLogic(final InstrumentRegistry instruments, final String name,
                                         final DecisionStrategy strategy, final Interval interval,
                                         final long slippageBps) {
        final BookSpec book = new BookSpec(name, strategy, new int[] {instrument(instruments)}, interval,
            FixedPoint.of(CASH), new SimulatedFillModel(slippageBps, 0, false, 0),
            RiskLimits.longOnly(FixedPoint.of(MIN_NOTIONAL)));
        return new BusinessLogic(instruments, List.of(book));
    }

    /** Fresh business logic holding every book of {@code config}, built the way every command builds them. */
    static BusinessLogic configuredLogic(final EngineConfig config, final InstrumentRegistry instruments,
                                         final StrategyCatalog catalog) {
        return new BusinessLogic(instruments, BookAssembly.assemble(config.books(), instruments, catalog));
    }

    /**
     * The engine's Chronicle journal in {@code dir} (durability {@code os-cache}), with or without the pretoucher
     * thread that keeps the pages ahead of the write position mapped.
     */
    static ChronicleEventJournal journal(final Path dir, final boolean pretouch) {
        return openJournal(pretouch, () -> ChronicleEventJournal.open(dir));
    }

    /**
     * The engine's Chronicle journal in {@code dir} (durability {@code os-cache}) whose pretoucher only maps and advises
     * the chunks ahead of the writer and touches no page ({@code -Dringtrade.journal.pretouch.pages=false}).
     */
    static ChronicleEventJournal advisingJournal(final Path dir) {
        return withProperty(ChronicleEventJournal.PRETOUCH_PAGES_PROP_NAME, false, () -> ChronicleEventJournal.open(dir));
    }

    /**
     * The journal {@code open} opens, with or without its pretoucher thread: the switch is a system property read when
     * a journal is opened, so it is set around the call and put back as it was.
     */
    static ChronicleEventJournal openJournal(final boolean pretouch, final Supplier<ChronicleEventJournal> open) {
        return openJournal(pretouch, true, open);
    }

    /**
     * As {@link #openJournal(boolean, Supplier)}, and with the pretoucher preparing the next cycle's file or leaving it
     * to the appender (another property read when the journal opens).
     */
    static ChronicleEventJournal openJournal(final boolean pretouch, final boolean prepareNextCycle,
                                             final Supplier<ChronicleEventJournal> open) {
        return withProperty(ChronicleEventJournal.PRETOUCH_PROP_NAME, pretouch, () -> withProperty(
            ChronicleEventJournal.PRETOUCH_NEXT_CYCLE_PROP_NAME, prepareNextCycle, open));
    }

    private static <T> T withProperty(final String name, final boolean value, final Supplier<T> call) {
        final String before = System.getProperty(name);
        System.setProperty(name, Boolean.toString(value));
        try {
            return call.get();
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
            }
        }
    }

    /** How much faster than real time {@link #rollingJournal}'s clock runs: a minute every 6 s. */
    static final int ROLLING_CLOCK_SPEED = 10;

    /**
     * A {@code minutely} journal in {@code dir} (os-cache, pretoucher on) whose Chronicle clock runs
     * {@value #ROLLING_CLOCK_SPEED} times faster than real time, so that it rolls to a new cycle file every 6 s of real
     * time the way a daily journal rolls at midnight (the pretoucher sees the roll coming, 2 s of the journal's time
     * ahead: 200 ms of real time), with the next cycle's file prepared or left to the appender. The clock only places
     * entries in files; nothing in an entry depends on it.
     */
    static ChronicleEventJournal rollingJournal(final Path dir, final boolean prepareNextCycle) {
        final long startNanos = System.nanoTime();
        final long startMillis = Instant.parse("2024-01-02T10:00:30Z").toEpochMilli();
        final TimeProvider fast = () -> startMillis + (System.nanoTime() - startNanos) * ROLLING_CLOCK_SPEED / 1_000_000;
        return openJournal(true, prepareNextCycle,
            () -> ChronicleEventJournal.open(dir, DurabilityPolicy.OS_CACHE, JournalRollCycle.MINUTELY, fast));
    }

    /**
     * The engine's pipeline: {@link EnginePipeline} (multi-producer ring) in {@code layout}, its gateway calling
     * {@code tap}.
     */
    static Pipeline ring(final BusinessLogic logic, final EventJournal journal, final OrderTap tap, final int ringSize,
                         final WaitStrategyKind wait, final PipelineLayout layout) {
        final EffectSink sink = (effect, cause) -> {
            if (effect.kind == EffectKind.SUBMIT) {
                tap.onOrder(cause);
            }
        };
        final EnginePipeline pipeline = new EnginePipeline(logic, journal, sink, ringSize, wait, 0, 0,
            (entries, state) -> {
            }, System::nanoTime, GatewayHooks.NONE, layout);
        final String description = "Disruptor ring, " + ringSize + " slots, multi-producer, " + pipeline.waitStrategy()
            + ", " + pipeline.layout().label() + " layout";
        return new Pipeline() {
            @Override
            public void publish(final EngineEvent input) {
                pipeline.publish(input);
            }

            @Override
            public void drainAndStop() {
                pipeline.drainAndStop(1, TimeUnit.MINUTES);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    /** The same stages on {@code ArrayBlockingQueue}s ({@link QueuePipeline}): the Disruptor's classic baseline. */
    static Pipeline queues(final BusinessLogic logic, final EventJournal journal, final OrderTap tap,
                           final int capacity) {
        return new QueuePipeline(logic, journal, tap, capacity);
    }

    /** What the engine's gateway does with an input's effects, for {@link QueuePipeline}'s gateway thread. */
    static void releaseOrders(final EngineEvent cause, final OrderTap tap) {
        final int count = cause.effects.size();
        for (int i = 0; i < count; i++) {
            if (cause.effects.get(i).kind == EffectKind.SUBMIT) {
                tap.onOrder(cause);
            }
        }
    }

    /**
     * The command line's backtest path ({@code BacktestDriver}): every input of {@code source} into {@code logic} on
     * this thread, no journal, orders dropped; returns the inputs read.
     */
    static long backtest(final BusinessLogic logic, final MarketDataSource source) {
        return BacktestDriver.run(logic, source, EventJournal.none(), EffectSink.NONE);
    }

    /** Runs {@code input} through {@code logic} as the business stage would, and drops the orders it caused. */
    static int onEventDroppingOrders(final BusinessLogic logic, final EngineEvent input) {
        logic.onEvent(input);
        final int orders = input.effects.size();
        input.effects.clear();
        return orders;
    }
}
