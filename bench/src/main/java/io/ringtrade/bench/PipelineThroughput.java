package io.ringtrade.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.lmax.disruptor.RingBuffer;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.PipelineLayout;
import io.ringtrade.engine.config.WaitStrategyKind;
import io.ringtrade.engine.logic.BusinessLogic;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Maximum throughput: one producer publishes trade ticks as fast as the pipeline takes them (blocking when it is
 * full) for a fixed time, then waits for the pipeline to drain; scored in inputs per second from the first publish to
 * the end of the drain. Each case runs twice on a fresh pipeline and journal, first for {@code --warmup-ms} to warm the
 * JIT (not reported), then for {@code --measure-ms}. Cases, in one JVM:
 * <pre>
 *   ring      producer ──► EnginePipeline (65536 slots, wait strategy under test)
 *                            J Chronicle journal (os-cache, pretoucher) ∥ B sma_crossover 2/5 ──► G gateway
 *   ring-none the same with EventJournal.none()
 *   fused     the same pipeline in the fused layout: J, B and G one after another on one consumer thread
 *   fused-none the fused layout with EventJournal.none()
 *   queue     the same stages on ArrayBlockingQueues (QueuePipeline), Chronicle journal
 *   BASELINE hop:    producer ──► a bare Disruptor ring, same size and wait strategy, a handler that does nothing
 *   BASELINE append: one thread appending the same 60-byte entries to a bare Chronicle queue (RawTradeEntry)
 * </pre>
 * Arguments: {@code --json FILE}, {@code --warmup-ms N} (default 2000), {@code --measure-ms N} (default 5000),
 * {@code --wait LABEL} (default the engine's {@code auto}), and {@code --case NAME[:WAIT]} per case (default all five,
 * in the order above; {@code :WAIT} overrides the wait strategy of a ring or hop case). Prices are the latency harness's random walk. Journals go under {@code bench/target} and are deleted
 * at the end. Threads: the producer (main) plus each case's stage threads.
 */
public final class PipelineThroughput {
    private static final long TICK_SPACING_NANOS = 30_000_000_000L;
    private static final long START_NANOS = 1_385_337_600_000_000_000L;
    private static final long QUANTITY = FixedPoint.parse("0.05");

    private PipelineThroughput() {
    }

    /** Runs the cases and writes their results. */
    public static void main(final String[] args) {
        long warmupMs = 2_000;
        long measureMs = 5_000;
        WaitStrategyKind wait = WaitStrategyKind.AUTO;
        final List<String> cases = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> i++;
                case "--warmup-ms" -> warmupMs = Long.parseLong(args[++i]);
                case "--measure-ms" -> measureMs = Long.parseLong(args[++i]);
                case "--wait" -> wait = TickToOrderLatency.waitStrategy(args[++i]);
                case "--case" -> cases.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (cases.isEmpty()) {
            cases.addAll(List.of("ring", "ring-none", "queue", "hop", "append"));
        }
        final String waitLabel = wait.resolve(RunConditions.cores()).label();
        final long[] prices = TickToOrderLatency.randomWalk(1 << 20);
        final Path probe = JournalFixtures.newDirectory("throughput-probe-");
        final String disk = JournalFixtures.disk(probe);
        JournalFixtures.delete(probe);
        RunConditions.print("PipelineThroughput", "disk: " + disk, "wait strategy: " + wait.label() + " -> "
            + waitLabel, "each case: " + warmupMs + " ms warm-up then " + measureMs + " ms measured, as fast as it goes");
        final JsonObject conditions = RunConditions.json();
        final List<Path> dirs = new ArrayList<>();
        final JsonArray results = new JsonArray();
        try {
            for (final String name : cases) {
                // The same case twice, each on a fresh pipeline: once to warm the JIT, once measured.
                drive(open(name, wait, dirs), prices, warmupMs);
                final Counted run = open(name, wait, dirs);
                final double perSecond = drive(run, prices, measureMs);
                final String line = String.format(Locale.ROOT, "%-60s %,14.0f inputs/s   (%s)", run.label(), perSecond,
                    run.layout());
                System.out.println(line);
                final JsonObject result = new JsonObject();
                result.addProperty("case", name);
                result.addProperty("name", run.label());
                result.addProperty("layout", run.layout());
                result.addProperty("perSecond", Math.round(perSecond));
                results.add(result);
            }
        } finally {
            dirs.forEach(JournalFixtures::delete);
        }
        final JsonObject out = new JsonObject();
        out.add("conditions", conditions);
        out.addProperty("disk", disk);
        out.addProperty("wait", waitLabel);
        out.addProperty("warmupMs", warmupMs);
        out.addProperty("measureMs", measureMs);
        out.addProperty("loadAfter", RunConditions.loadAverage());
        out.add("cases", results);
        final Path json = ResultFile.jsonArgument(args);
        if (json != null) {
            ResultFile.write(json, out);
        }
    }

    /** A case: publish, then finish (drain). */
    private interface Counted {
        void publish(EngineEvent input);

        void finish();

        String label();

        String layout();
    }

    /** The case {@code spec}: its name, optionally followed by {@code :WAIT} to override the wait strategy. */
    private static Counted open(final String spec, final WaitStrategyKind defaultWait, final List<Path> dirs) {
        final int colon = spec.indexOf(':');
        final String name = colon < 0 ? spec : spec.substring(0, colon);
        final WaitStrategyKind wait = colon < 0 ? defaultWait : TickToOrderLatency.waitStrategy(spec.substring(colon + 1));
        return switch (name) {
            case "ring", "fused" -> pipeline(name, true, false, wait, dirs);
            case "ring-none", "fused-none" -> pipeline(name, false, false, wait, dirs);
            case "queue" -> pipeline(name, true, true, wait, dirs);
            case "hop" -> hop(wait);
            case "append" -> append(dirs);
            default -> throw new IllegalArgumentException("unknown case " + name);
        };
    }

    /**
     * Publishes for {@code millis}, then drains; returns inputs per second from the first publish to the end of the
     * drain (the pipeline starts empty, so every input counted went all the way through in that time).
     */
    private static double drive(final Counted run, final long[] prices, final long millis) {
        final EngineEvent input = new EngineEvent();
        final long begin = System.nanoTime();
        final long end = begin + TimeUnit.MILLISECONDS.toNanos(millis);
        long i = 0;
        // Reading the clock every 256 inputs keeps it out of the cost of an input.
        while ((i & 255) != 0 || System.nanoTime() < end) {
            input.setTrade(0, START_NANOS + i * TICK_SPACING_NANOS, prices[(int) (i & (prices.length - 1))], QUANTITY);
            input.sequence = i;
            run.publish(input);
            i++;
        }
        run.finish();
        return i / ((System.nanoTime() - begin) / 1e9);
    }

    private static Counted pipeline(final String name, final boolean journaled, final boolean queues,
                                    final WaitStrategyKind wait, final List<Path> dirs) {
        final InstrumentRegistry instruments = BenchEngine.instruments();
        final BusinessLogic logic = BenchEngine.fastCrossoverLogic(instruments);
        final EventJournal journal;
        if (journaled) {
            final Path dir = JournalFixtures.newDirectory("throughput-journal-");
            dirs.add(dir);
            journal = BenchEngine.journal(dir, true);
        } else {
            journal = EventJournal.none();
        }
        final Pipeline pipeline = queues
            ? BenchEngine.queues(logic, journal, OrderTap.NONE, TickToOrderLatency.RING_SIZE)
            : BenchEngine.ring(logic, journal, OrderTap.NONE, TickToOrderLatency.RING_SIZE, wait,
                name.startsWith("fused") ? PipelineLayout.FUSED : PipelineLayout.PARALLEL);
        final String label = queues ? "BASELINE queues, Chronicle journal"
            : "full pipeline" + (name.startsWith("fused") ? " fused" : "") + (journaled ? ", Chronicle journal, "
            : ", no journal, ") + wait.resolve(RunConditions.cores()).label();
        return new Counted() {
            @Override
            public void publish(final EngineEvent input) {
                pipeline.publish(input);
            }

            @Override
            public void finish() {
                try {
                    pipeline.drainAndStop();
                } finally {
                    journal.close();
                }
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public String layout() {
                return pipeline.description() + "; " + logic.eventsProcessed() + " inputs, " + logic.ordersAccepted()
                    + " orders";
            }
        };
    }

    private static Counted hop(final WaitStrategyKind wait) {
        final long[] handled = new long[1];
        final RawDisruptorHop hop = new RawDisruptorHop(wait, (event, sequence, endOfBatch) -> handled[0]++);
        final RingBuffer<EngineEvent> ring = hop.ring;
        return new Counted() {
            @Override
            public void publish(final EngineEvent input) {
                ring.publishEvent(RawDisruptorHop.COPY, input);
            }

            @Override
            public void finish() {
                hop.finish();
            }

            @Override
            public String label() {
                return "BASELINE raw Disruptor hop, " + wait.resolve(RunConditions.cores()).label();
            }

            @Override
            public String layout() {
                return "Disruptor ring, " + TickToOrderLatency.RING_SIZE + " slots, multi-producer, "
                    + wait.resolve(RunConditions.cores()).label() + ", one handler; " + handled[0] + " events";
            }
        };
    }

    private static Counted append(final List<Path> dirs) {
        final Path dir = JournalFixtures.newDirectory("throughput-raw-");
        dirs.add(dir);
        final SingleChronicleQueue queue = RawTradeEntry.openQueue(dir);
        final ExcerptAppender appender = queue.createAppender();
        return new Counted() {
            @Override
            public void publish(final EngineEvent input) {
                RawTradeEntry.append(appender, input);
            }

            @Override
            public void finish() {
                appender.close();
                queue.close();
            }

            @Override
            public String label() {
                return "BASELINE raw Chronicle append";
            }

            @Override
            public String layout() {
                return "bare Chronicle queue, one thread, 60-byte entries";
            }
        };
    }
}
