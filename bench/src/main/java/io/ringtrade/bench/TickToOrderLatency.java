package io.ringtrade.bench;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.config.WaitStrategyKind;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.pipeline.EnginePipeline;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.venue.SimulatedFillModel;
import io.ringtrade.journal.ChronicleEventJournal;
import io.ringtrade.strategies.SmaCrossover;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Tick-to-order latency through the whole ring, warm: trade ticks published at a fixed rate (default 100,000/s) into
 * {@link EnginePipeline}; an {@link EffectSink} on the gateway thread records {@code System.nanoTime() - ingressNanos}
 * for every order released (ingress is stamped when the producer's copy lands in the ring slot). Four cases in one
 * JVM: the real Chronicle journal and, as the baseline, {@link EventJournal#none()}, each with the blocking and the
 * yielding wait strategy.
 * <pre>
 *   main thread: paced producer; when early it either parks (LockSupport.parkNanos: sleeps ~50-60 us on Linux,
 *                then publishes the ticks that fell due as a burst, like a feed thread woken by a packet) or
 *                yields (Thread.yield in a loop: publishes each tick on time but never leaves its core)
 *        │ publish (copy + sequence + ingressNanos = nanoTime)
 *        ▼
 *   RingBuffer&lt;EngineEvent&gt; (65536 slots, multi-producer, wait strategy under test)
 *        ├──► J  journal: ChronicleEventJournal.append (OS_CACHE), flush at end of batch  │ BASELINE: EventJournal.none()
 *        └──► B  BusinessLogic: sma_crossover fast=2 slow=5, 1m bars from ticks 10 s apart (a bar per 6 ticks)
 *                   │ after J and B
 *                   ▼
 *             G  gateway ──► EffectSink: HdrHistogram(nanoTime - ingressNanos) per order
 * </pre>
 * Threads: producer + three stage threads on the machine's cores; on 2 cores yielding oversubscribes them (four
 * runnable threads that never sleep), which is why {@code auto} picks blocking there. Prices are a seeded random walk
 * (±0.25 USD a tick, reflected inside 700–900 USD): on the real Bitstamp prices this fast crossover loses steadily
 * even at zero cost and stops trading (below the minimum notional) after about 300,000 ticks, while on a random walk
 * its expected P&amp;L is zero, so it keeps trading for the whole run. Slippage and commission are 0. Arguments:
 * {@code [ticks per second, default 100000] [warm-up seconds, default 3] [measured seconds, default 10]
 * [pacing: park (default) or yield]}.
 */
public final class TickToOrderLatency {
    private static final int RING_SIZE = 65_536;
    private static final long TICK_SPACING_NANOS = 10_000_000_000L;
    private static final long START_NANOS = 1_385_337_600_000_000_000L;
    private static final long QUANTITY = FixedPoint.parse("0.05");

    private TickToOrderLatency() {
    }

    /** Records the release latency of each order once {@link #measuring} is set; gateway thread only. */
    private static final class RecordingSink implements EffectSink {
        final Histogram latency = LatencyReport.newHistogram();
        volatile boolean measuring;

        @Override
        public void release(final OrderEffect order, final EngineEvent cause) {
            final long now = System.nanoTime();
            if (measuring) {
                latency.recordValue(now - cause.ingressNanos);
            }
        }
    }

    /** Runs the four cases and prints one line each. */
    public static void main(final String[] args) throws Exception {
        final int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        final int warmupSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final int measuredSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        final boolean park = args.length <= 3 || args[3].equals("park");
        final long[] prices = randomWalk(1 << 20);
        final Path probe = JournalFixtures.newDirectory("ring-probe-");
        RunConditions.print("TickToOrderLatency",
            "disk: " + JournalFixtures.disk(probe),
            "rate: " + rate + " ticks/s paced (" + (park ? "parkNanos" : "Thread.yield") + " while early), " + warmupSeconds + " s warm-up then "
                + measuredSeconds + " s measured per case; ring " + RING_SIZE + " slots, multi-producer",
            "strategy: sma_crossover fast=2 slow=5 on 1m bars, ticks 10 s apart in event time, slippage 0, commission 0;"
                + " prices: seeded random walk, 0.25 USD steps inside 700-900 USD",
            "latency: gateway's System.nanoTime at EffectSink.release minus the slot's ingressNanos, per order");
        JournalFixtures.delete(probe);
        final String[] lines = new String[4];
        int n = 0;
        for (final WaitStrategyKind wait : new WaitStrategyKind[] {WaitStrategyKind.BLOCKING, WaitStrategyKind.YIELDING}) {
            for (final boolean journaled : new boolean[] {false, true}) {
                lines[n++] = runCase(prices, wait, journaled, rate, warmupSeconds, measuredSeconds, park);
            }
        }
        System.out.println();
        System.out.println(LatencyReport.header() + "   ticks/s achieved, producer max lag");
        for (final String line : lines) {
            System.out.println(line);
        }
    }

    private static String runCase(final long[] prices, final WaitStrategyKind wait, final boolean journaled,
                                  final int rate, final int warmupSeconds, final int measuredSeconds,
                                  final boolean park) {
        final InstrumentRegistry instruments = BacktestSetup.instruments();
        final int instrument = instruments.find(MinuteBars.SYMBOL).id();
        final BusinessLogic logic = newLogic(instruments);
        final RecordingSink sink = new RecordingSink();
        final Path dir = journaled ? JournalFixtures.newDirectory("ring-journal-") : null;
        final EventJournal journal = journaled ? ChronicleEventJournal.open(dir) : EventJournal.none();
        final String name = (journaled ? "ours, Chronicle journal, " : "BASELINE journal none(), ") + wait.label()
            + (park ? ", park" : ", yield");
        final long interval = 1_000_000_000L / rate;
        final long warmupTicks = (long) warmupSeconds * rate;
        final long totalTicks = warmupTicks + (long) measuredSeconds * rate;
        final EngineEvent input = new EngineEvent();
        long maxLag = 0;
        long measuredStart = 0;
        long measuredEnd;
        try {
            final EnginePipeline pipeline = new EnginePipeline(logic, journal, sink, RING_SIZE, wait, 0);
            final long start = System.nanoTime() + 1_000_000L;
            for (long i = 0; i < totalTicks; i++) {
                if (i == warmupTicks) {
                    sink.measuring = true;
                    measuredStart = System.nanoTime();
                }
                final long due = start + i * interval;
                long now;
                while ((now = System.nanoTime()) < due) {
                    if (park) {
                        LockSupport.parkNanos(due - now);
                    } else {
                        Thread.yield();
                    }
                }
                if (i >= warmupTicks) {
                    maxLag = Math.max(maxLag, now - due);
                }
                input.setTrade(instrument, START_NANOS + i * TICK_SPACING_NANOS, prices[(int) (i & (prices.length - 1))],
                    QUANTITY);
                pipeline.publish(input);
            }
            measuredEnd = System.nanoTime();
            pipeline.drainAndStop(1, TimeUnit.MINUTES);
            if (logic.eventsProcessed() != totalTicks) {
                throw new IllegalStateException(name + ": processed " + logic.eventsProcessed() + " of " + totalTicks);
            }
        } finally {
            try {
                journal.close();
            } catch (final Exception e) {
                throw new IllegalStateException(e);
            }
            JournalFixtures.delete(dir);
        }
        final double achieved = (totalTicks - warmupTicks) / ((measuredEnd - measuredStart) / 1e9);
        final String line = LatencyReport.line(name, sink.latency) + String.format("   %,.0f, %.1f ms", achieved,
            maxLag / 1e6);
        System.out.println(line + "   (" + logic.ordersAccepted() + " orders in all, " + logic.fills() + " fills)");
        return line;
    }

    /** Prices in fixed point: a reflected ±0.25 USD random walk from 800 USD, seed 20131125. */
    private static long[] randomWalk(final int count) {
        final java.util.SplittableRandom random = new java.util.SplittableRandom(20_131_125L);
        final long step = FixedPoint.parse("0.25");
        final long low = FixedPoint.of(700);
        final long high = FixedPoint.of(900);
        final long[] prices = new long[count];
        long price = FixedPoint.of(800);
        for (int i = 0; i < count; i++) {
            price += random.nextBoolean() ? step : -step;
            if (price < low || price > high) {
                price = price < low ? low + step : high - step;
            }
            prices[i] = price;
        }
        return prices;
    }

    private static BusinessLogic newLogic(final InstrumentRegistry instruments) {
        final SmaCrossover definition = new SmaCrossover();
        final Parameters parameters = Parameters.resolve(definition.name(), definition.parameters(),
            Map.of("fast", "2", "slow", "5"));
        final BookSpec book = new BookSpec(definition.name(), definition.create(parameters),
            new int[] {instruments.find(MinuteBars.SYMBOL).id()}, Interval.M1, FixedPoint.of(10_000),
            new SimulatedFillModel(0, 0, false, 0), RiskLimits.longOnly(FixedPoint.of(10)));
        return new BusinessLogic(instruments, List.of(book));
    }
}
