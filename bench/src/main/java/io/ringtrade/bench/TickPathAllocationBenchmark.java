package io.ringtrade.bench;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.logic.BusinessLogic;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The steady-state tick path and what it allocates: run with {@code -prof gc} and read
 * {@code gc.alloc.rate.norm} (bytes per tick). One operation is one BTC/USD trade tick into business logic for a
 * book deciding on 1-minute bars; a bar closes every {@value #TICKS_PER_BAR} ticks and then SMA(50)/SMA(200)
 * update, the strategy decides and, at a crossover, an order is placed and fills at the next tick.
 * <pre>
 *   benchmark thread (stands in for the logic stage of the ring, no other threads)
 *
 *     seeded random-walk prices ──► one reused EngineEvent.setTrade ──► BusinessLogic.onEvent
 *                                                                        ├─ equity row when the minute advances
 *                                                                        ├─ DecisionBook.closeBarBefore
 *                                                                        │    (every 64th tick: bar → SMAs → decide
 *                                                                        │     → risk → order entry → logs)
 *                                                                        ├─ SimulatedVenue.onTick (fills)
 *                                                                        └─ BarAccumulator.addTrade
 *
 *   ringtradeBarClose: the same, but every tick falls in the next minute, so every tick closes a bar:
 *                      the bar-close path alone (equity row, SMAs, decision, and at a crossover risk, order
 *                      entry, logs; the order fills at the next tick)
 *
 *   baseline twins in the same run:
 *     baselineSlotOnly         fills the reused slot, no business logic         (expect 0 B/op)
 *     allocatingEventPerTick   a new EngineEvent per tick into the same logic   (expect hundreds of B/op:
 *                                                                              shows the profiler sees allocation)
 * </pre>
 * Prices are a random walk around 800 USD from a fixed seed, generated once (4M ticks, so the path repeats only
 * every 65,536 bars: a short repeating path lets the strategy compound a tiny edge until the book's value
 * overflows). Slippage is 0 here (the command line's 5 bps would drain the book to the minimum notional within a
 * million bars of a random walk, after which orders are rejected and the path measured is no longer typical);
 * times advance 60 s / 64 per tick, so each bar has exactly 64 ticks. Business logic is rebuilt at every iteration so its run logs (one equity
 * row per bar, one order row per order) start empty each time; their growth is part of what is measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {
    // the root pom's chronicle.jvm.flags
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--enable-native-access=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
    "-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class TickPathAllocationBenchmark {
    static final int TICKS_PER_BAR = 64;
    private static final int BARS_PER_LOGIC = 1 << 20;
    private static final int PRICES = 1 << 22;
    private static final long SEED = 20131125L;
    private static final long TICK_SPACING_NANOS = Interval.M1.nanos() / TICKS_PER_BAR;
    private static final long START_NANOS = 1_385_337_600_000_000_000L; // 2013-11-25T00:00Z
    private static final long QUANTITY = FixedPoint.parse("0.05");

    private final long[] prices = new long[PRICES];
    private final EngineEvent slot = new EngineEvent();
    private InstrumentRegistry instruments;
    private int instrument;
    private BusinessLogic logic;
    private long tick;
    private int barsOnLogic;

    @Setup(Level.Trial)
    public void trial() {
        final SplittableRandom random = new SplittableRandom(SEED);
        final long cent = FixedPoint.parse("0.01");
        long price = FixedPoint.of(800);
        for (int i = 0; i < PRICES; i++) {
            // steps of -5..+5 cents, kept within 700..900 USD
            price += (random.nextInt(11) - 5) * cent;
            price = Math.clamp(price, FixedPoint.of(700), FixedPoint.of(900));
            prices[i] = price;
        }
        instruments = BenchEngine.instruments();
        instrument = BenchEngine.instrument(instruments);
        RunConditions.print("TickPathAllocationBenchmark",
            "input: trade ticks, seeded random walk (seed " + SEED + ", " + PRICES + " prices, 700..900 USD), "
                + TICKS_PER_BAR + " ticks per 1m bar, quantity 0.05",
            "strategy: " + BenchEngine.BACKTEST_DESCRIPTION.replace("slippage 5 bps", "slippage 0 bps"),
            "no ring: the benchmark thread calls BusinessLogic.onEvent as the logic stage would");
    }

    @Setup(Level.Iteration)
    public void iteration() {
        logic = BenchEngine.backtestLogic(instruments, Interval.M1, 0);
        barsOnLogic = 0;
    }

    @TearDown(Level.Iteration)
    public void report() {
        if (logic.eventsProcessed() > 0) {
            System.out.println("\n# iteration: " + logic.eventsProcessed() + " ticks into logic, "
                + logic.outputRows().equity() + " bars, " + logic.ordersAccepted() + " orders, " + logic.fills()
                + " fills, equity " + FixedPoint.toDouble(logic.books()[0].equity()));
        }
    }

    private long nextTime() {
        return START_NANOS + tick * TICK_SPACING_NANOS;
    }

    /** Ours: one tick into business logic through the reused slot, as the logic stage sees it. */
    @Benchmark
    public long ringtradeTick() {
        final EngineEvent event = slot.setTrade(instrument, nextTime(), prices[(int) tick & (PRICES - 1)], QUANTITY);
        event.sequence = tick++;
        return BenchEngine.onEventDroppingOrders(logic, event);
    }

    /**
     * Ours, bar-close path: one tick a minute, so each tick closes the previous one-tick bar. Every
     * {@value #BARS_PER_LOGIC} bars the business logic is rebuilt (inside the measured call, amortised to well under a
     * byte and a nanosecond per bar), because its equity log keeps a row per bar and a 3-second iteration closes some
     * 15 million bars: without the rebuild the log's last doubling alone would not fit the heap.
     */
    @Benchmark
    public long ringtradeBarClose() {
        if (++barsOnLogic == BARS_PER_LOGIC) {
            barsOnLogic = 0;
            logic = BenchEngine.backtestLogic(instruments, Interval.M1, 0);
        }
        final EngineEvent event = slot.setTrade(instrument, START_NANOS + tick * Interval.M1.nanos(),
            prices[(int) tick & (PRICES - 1)], QUANTITY);
        event.sequence = tick++;
        return BenchEngine.onEventDroppingOrders(logic, event);
    }

    /** BASELINE: the same slot filled with the same tick, no business logic. */
    @Benchmark
    public long baselineSlotOnly() {
        final EngineEvent event = slot.setTrade(instrument, nextTime(), prices[(int) tick & (PRICES - 1)], QUANTITY);
        event.sequence = tick++;
        return event.price;
    }

    /** BASELINE that allocates on purpose: a fresh EngineEvent per tick into the same logic. */
    @Benchmark
    public long allocatingEventPerTick() {
        final EngineEvent event = new EngineEvent().setTrade(instrument, nextTime(),
            prices[(int) tick & (PRICES - 1)], QUANTITY);
        event.sequence = tick++;
        logic.onEvent(event);
        return event.effects.size();
    }
}
