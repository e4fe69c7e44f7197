package io.ringtrade.bench;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.Strategy;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.strategy.StrategyStateStore;
import io.ringtrade.engine.venue.SimulatedFillModel;
import io.ringtrade.strategies.MarketMaker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The event-style tick path: ns per tick and bytes per tick ({@code -prof gc}, {@code gc.alloc.rate.norm}) of the
 * shipped {@code market_maker} running in business logic, beside the decision-style tick path of
 * {@link TickPathAllocationBenchmark}'s sma_crossover book and an empty slot, in the same run.
 * <pre>
 *   benchmark thread (the logic stage, no other threads)
 *
 *     seeded random-walk trades ──► one reused EngineEvent.setTrade ──► BusinessLogic.onEvent
 *       (100 ms apart)                                                   ├─ due timer → market_maker.onTimer
 *                                                                        │    (every 5th tick: cancel-all, bid + ask
 *                                                                        │     through risk to the venue)
 *                                                                        ├─ 1m bar close → Bollinger(20, 2) → onBar
 *                                                                        ├─ SimulatedVenue.onTick (quotes fill)
 *                                                                        ├─ onFill / onOrderUpdate delivered
 *                                                                        └─ market_maker.onTick (mid)
 *   baselines in the same run:
 *     decisionBookTick   the same trades into an sma_crossover(50, 200) book on 1m bars
 *     baselineSlotOnly   the slot filled, no business logic (expect 0 B/op)
 * </pre>
 * Prices walk ±1 USD per tick around 800 (within 700..900) from a fixed seed, so the quotes (±0.15 % ≈ 1.2 USD) fill
 * often; cash 10,000, no costs, no shorts. Business logic is rebuilt every iteration; outputs go nowhere.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--enable-native-access=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
    "-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class MarketMakerTickBenchmark {
    private static final int PRICES = 1 << 22;
    private static final long SEED = 20131125L;
    private static final long SPACING_NANOS = 100_000_000L;
    private static final long START_NANOS = 1_385_337_600_000_000_000L; // 2013-11-25T00:00Z
    private static final long QUANTITY = FixedPoint.parse("0.5");

    /** The market maker's {@code requote}: {@code cancel} (the default) or {@code replace} ({@code -p requote=…}). */
    @Param({"cancel"})
    public String requote;

    private final long[] prices = new long[PRICES];
    private final EngineEvent slot = new EngineEvent();
    private InstrumentRegistry instruments;
    private int instrument;
    private BusinessLogic marketMaker;
    private BusinessLogic decisions;
    private long tick;

    @Setup(Level.Trial)
    public void trial() {
        final SplittableRandom random = new SplittableRandom(SEED);
        long price = FixedPoint.of(800);
        for (int i = 0; i < PRICES; i++) {
            price += (random.nextInt(201) - 100) * FixedPoint.parse("0.01");
            price = Math.clamp(price, FixedPoint.of(700), FixedPoint.of(900));
            prices[i] = price;
        }
        instruments = BenchEngine.instruments();
        instrument = instruments.find(MinuteBars.SYMBOL).id();
        RunConditions.print("MarketMakerTickBenchmark",
            "input: trade ticks 100 ms apart, seeded random walk (seed " + SEED + ", +-1 USD steps, 700..900 USD), "
                + "quantity 0.5",
            "strategy: market_maker defaults (half_spread 0.0015, quote_usd 500, max_inventory 1, requote 500 ms), "
                + "1m bars, cash 10000, no costs; baseline: " + BenchEngine.BACKTEST_DESCRIPTION.replace("slippage 5 bps",
                "slippage 0 bps"),
            "no ring: the benchmark thread calls BusinessLogic.onEvent as the logic stage would");
    }

    @Setup(Level.Iteration)
    public void iteration() {
        final MarketMaker definition = new MarketMaker();
        final Parameters parameters = StrategyParameters.resolve(definition, Map.of("requote", requote));
        final StrategyStateStore state = new StrategyStateStore("market_maker");
        final Strategy strategy = definition.create(parameters, state);
        state.close();
        marketMaker = new BusinessLogic(instruments, List.of(new BookSpec("market_maker", strategy,
            new int[] {instrument}, Interval.M1, FixedPoint.of(10_000), new SimulatedFillModel(0, 0, false, 0),
            new RiskLimits(false, 0, 0), state, parameters.positionRules())));
        decisions = BenchEngine.backtestLogic(instruments, Interval.M1, 0);
    }

    @TearDown(Level.Iteration)
    public void report() {
        if (marketMaker.eventsProcessed() > 0) {
            System.out.println("\n# market_maker iteration: " + marketMaker.eventsProcessed() + " ticks, "
                + marketMaker.ordersAccepted() + " orders, " + marketMaker.fills() + " fills, equity "
                + FixedPoint.toDouble(marketMaker.books()[0].equity()));
        }
    }

    private EngineEvent next() {
        final EngineEvent event = slot.setTrade(instrument, START_NANOS + tick * SPACING_NANOS,
            prices[(int) tick & (PRICES - 1)], QUANTITY);
        event.sequence = tick++;
        return event;
    }

    /** Ours: one trade into business logic with the market maker's book. */
    @Benchmark
    public long marketMakerTick() {
        final EngineEvent event = next();
        marketMaker.onEvent(event);
        final int effects = event.effects.size();
        event.effects.clear();
        return effects;
    }

    /** BASELINE: the same trade into a decision-function book (sma_crossover on 1m bars). */
    @Benchmark
    public long decisionBookTick() {
        final EngineEvent event = next();
        decisions.onEvent(event);
        final int effects = event.effects.size();
        event.effects.clear();
        return effects;
    }

    /** BASELINE: the slot filled, no business logic. */
    @Benchmark
    public long baselineSlotOnly() {
        return next().price;
    }
}
