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
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Tick-to-order latency at a fixed input rate, coordinated-omission corrected, through the engine's pipeline and its
 * baselines, one case after another in one JVM:
 * <pre>
 *   main thread: paced producer, tick i due at start + i / rate (yields while early, or with PACING sleeping parks:
 *                ProducerPacing; never skips a tick)
 *        │ publish (copy into a slot; sequence = i)
 *        ▼
 *   ring:  Disruptor ring (65536 slots, multi-producer, wait strategy under test), the parallel layout
 *   fused: the same pipeline in the fused layout: J, B and G one after another on one consumer thread
 *   queue: the same stages on ArrayBlockingQueues (QueuePipeline; blocking put/take)
 *        ├──► J  journal: none | Chronicle (os-cache) with the pretoucher | Chronicle without it
 *        └──► B  BusinessLogic: sma_crossover 2/5 on 1m bars, ticks 30 s apart in event time (2 ticks a bar)
 *                 │ after J and B
 *                 ▼
 *             G  gateway ──► OrderTap: HdrHistogram(now − due time of tick i), per order
 *
 *   BASELINE hop:    the same producer ──► a bare Disruptor ring, same size and wait strategy, one handler that
 *                    records now − due time of every event (a raw one-hop)
 *   BASELINE append: the producer itself appends the tick's 60 bytes to a bare Chronicle queue (RawTradeEntry) and
 *                    records now − due time after each append
 * </pre>
 * Recording against the tick's due time, not the time it was published, corrects for coordinated omission: when the
 * pipeline stalls, the producer falls behind, and every tick it publishes late counts the time it waited. A case that
 * falls more than {@value #GIVE_UP_SECONDS} s behind stops publishing and is reported as saturated. The first
 * {@code --warmup-ms} of ticks of every case are not recorded. Prices are a seeded random walk (±0.25 USD a tick,
 * 700–900 USD): the crossover's expected P&amp;L is zero, so it keeps trading for the whole run (about one order per
 * ten ticks). Journals are written under {@code bench/target} and deleted after the last case, so that deleting one
 * does not disturb the next (ext4 discards freed blocks at its journal commits).
 *
 * <p>Arguments: {@code --json FILE} (results), {@code --warmup-ms N} (default 3000), {@code --measure-ms N} (default
 * 10000), {@code --rounds N} (default 1: the whole list of cases runs N times, interleaved, and each case reports
 * its N runs merged, which spreads a busy machine's changing load over all cases alike), and one
 * {@code --case KIND:JOURNAL:WAIT:RATE[:PACING]} per case, run in order, e.g. {@code ring:chronicle:yielding:100000},
 * {@code queue:none:-:10000}, {@code hop:-:yielding:100000}, {@code append:-:-:500000},
 * {@code fused:chronicle:yielding:100000:sleeping}. PACING is how the producer waits for a tick's due time,
 * {@code yielding} (the default) or {@code sleeping} ({@link ProducerPacing}). JOURNAL is one of
 * {@link #JOURNALS}: {@code none}, {@code chronicle}, {@code chronicle-nopretouch}, {@code chronicle-advising} (the
 * pretoucher maps and advises chunks ahead, touching no page), {@code chronicle-rolling} (a roll
 * to a new cycle file every 6 s, the next file prepared) or {@code chronicle-rolling-unprepared}. Before the cases,
 * one untimed case of each pipeline (ring in either layout, queues) warms the JIT.
 * Threads: the producer (main) plus each case's stage threads.
 */
public final class TickToOrderLatency {
    static final int RING_SIZE = 65_536;
    /** 30 s of event time between ticks: two ticks per 1-minute bar. */
    private static final long TICK_SPACING_NANOS = 30_000_000_000L;
    private static final long START_NANOS = 1_385_337_600_000_000_000L;
    private static final long QUANTITY = FixedPoint.parse("0.05");
    private static final int GIVE_UP_SECONDS = 5;

    private TickToOrderLatency() {
    }

    /**
     * The journals a pipeline case can have: none; the engine's (os-cache, daily) with its pretoucher, without it, or
     * with a pretoucher that only maps and advises the chunks ahead (touching no page); a
     * minutely one whose clock rolls it every 6 s ({@link BenchEngine#rollingJournal}), with the next cycle's file
     * prepared as the engine does or left to the appender.
     */
    static final List<String> JOURNALS = List.of("none", "chronicle", "chronicle-nopretouch", "chronicle-advising",
        "chronicle-rolling", "chronicle-rolling-unprepared");

    /** One measured configuration. */
    record Case(String kind, String journal, WaitStrategyKind waitStrategy, int rate, ProducerPacing pacing) {
        static Case parse(final String spec) {
            final String[] parts = spec.split(":");
            if (parts.length != 4 && parts.length != 5) {
                throw new IllegalArgumentException("case '" + spec + "': expected KIND:JOURNAL:WAIT:RATE[:PACING]");
            }
            final String kind = parts[0];
            if (!List.of("ring", "queue", "hop", "append", "fused").contains(kind)) {
                throw new IllegalArgumentException("case '" + spec + "': kind must be ring, queue, hop, append or "
                    + "fused");
            }
            final String journal = parts[1];
            if ((kind.equals("ring") || kind.equals("queue") || kind.equals("fused"))
                && !JOURNALS.contains(journal)) {
                throw new IllegalArgumentException("case '" + spec + "': journal must be one of " + JOURNALS);
            }
            final WaitStrategyKind wait = kind.equals("ring") || kind.equals("hop") || kind.equals("fused")
                ? TickToOrderLatency.waitStrategy(parts[2]) : null;
            final ProducerPacing pacing;
            try {
                pacing = parts.length == 5 ? ProducerPacing.of(parts[4]) : ProducerPacing.YIELDING;
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException("case '" + spec + "': " + e.getMessage(), e);
            }
            return new Case(kind, journal, wait, Integer.parseInt(parts[3]), pacing);
        }

        /** The wait strategy as the pipeline resolves it on this machine ("blocking" for queues). */
        String waitLabel() {
            return waitStrategy == null ? (kind.equals("queue") ? "blocking (ArrayBlockingQueue)" : "-")
                : waitStrategy.resolve(RunConditions.cores()).label();
        }

        String name() {
            return switch (kind) {
                case "ring" -> "ring, journal " + journal + ", " + waitLabel();
                case "queue" -> "BASELINE queues, journal " + journal;
                case "hop" -> "BASELINE raw Disruptor hop, " + waitLabel();
                case "fused" -> "ring fused, journal " + journal + ", " + waitLabel();
                default -> "BASELINE raw Chronicle append";
            } + (pacing == ProducerPacing.YIELDING ? "" : ", " + pacing.label() + " producer")
                + String.format(Locale.ROOT, ", %,d/s", rate);
        }
    }

    /** The wait strategy labelled {@code label} in configuration files ({@code yielding}, {@code auto}, ...). */
    static WaitStrategyKind waitStrategy(final String label) {
        for (final WaitStrategyKind kind : WaitStrategyKind.values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown wait strategy '" + label + "'");
    }

    /** Records each order's latency against its tick's due time; gateway thread. */
    private static final class LatencyTap implements OrderTap {
        final Histogram corrected = LatencyReport.newHistogram();
        final Histogram fromIngress = LatencyReport.newHistogram();
        private final long start;
        private final long interval;
        private final long warmupTicks;

        LatencyTap(final long start, final long interval, final long warmupTicks) {
            this.start = start;
            this.interval = interval;
            this.warmupTicks = warmupTicks;
        }

        @Override
        public void onOrder(final EngineEvent cause) {
            final long now = System.nanoTime();
            if (cause.sequence >= warmupTicks) {
                LatencyReport.record(corrected, now - (start + cause.sequence * interval));
                LatencyReport.record(fromIngress, now - cause.ingressNanos);
            }
        }
    }

    /** Runs the cases given on the command line and writes their results. */
    public static void main(final String[] args) {
        long warmupMs = 3_000;
        long measureMs = 10_000;
        int rounds = 1;
        final List<Case> cases = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> i++;
                case "--warmup-ms" -> warmupMs = Long.parseLong(args[++i]);
                case "--measure-ms" -> measureMs = Long.parseLong(args[++i]);
                case "--case" -> cases.add(Case.parse(args[++i]));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (cases.isEmpty()) {
            cases.add(Case.parse("ring:chronicle:yielding:100000"));
            cases.add(Case.parse("ring:none:yielding:100000"));
        }
        final long[] prices = randomWalk(1 << 20);
        final Path probe = JournalFixtures.newDirectory("latency-probe-");
        final String disk = JournalFixtures.disk(probe);
        JournalFixtures.delete(probe);
        RunConditions.print("TickToOrderLatency", "disk: " + disk,
            "cases: " + cases.size() + ", each " + warmupMs + " ms warm-up then " + measureMs + " ms measured",
            "strategy: " + BenchEngine.FAST_CROSSOVER_DESCRIPTION + ", ticks 30 s apart in event time",
            "latency: now − the tick's due time (coordinated-omission corrected), per order (hop, append: per event)");
        final JsonObject conditions = RunConditions.json();
        final List<Path> dirs = new ArrayList<>();
        try {
            // JIT warm-up of every pipeline and the journal, not reported. Without the fused one, C2 was still compiling
            // the fused layout's code seconds into its first measured case (perf sched: 21 ms of a core in 8 s).
            runCase(Case.parse("ring:chronicle:yielding:100000"), prices, warmupMs, Math.min(measureMs, 2_000), dirs);
            runCase(Case.parse("fused:chronicle:yielding:100000"), prices, warmupMs, Math.min(measureMs, 2_000), dirs);
            runCase(Case.parse("queue:chronicle:-:50000"), prices, warmupMs, Math.min(measureMs, 1_000), dirs);
            final JsonArray results = new JsonArray();
            final List<String> lines = new ArrayList<>();
            final Measured[] all = new Measured[cases.size()];
            for (int round = 0; round < rounds; round++) {
                for (int c = 0; c < cases.size(); c++) {
                    final Measured measured = runCase(cases.get(c), prices, warmupMs, measureMs, dirs);
                    all[c] = all[c] == null ? measured : all[c].merge(measured);
                }
            }
            for (int c = 0; c < cases.size(); c++) {
                final JsonObject result = all[c].json(cases.get(c));
                lines.add(result.remove("line").getAsString());
                results.add(result);
            }
            System.out.println();
            System.out.println(LatencyReport.header() + "   achieved/s, producer max lag");
            lines.forEach(System.out::println);
            final JsonObject out = new JsonObject();
            out.add("conditions", conditions);
            out.addProperty("disk", disk);
            out.addProperty("warmupMs", warmupMs);
            out.addProperty("measureMs", measureMs);
            out.addProperty("rounds", rounds);
            out.addProperty("ringSize", RING_SIZE);
            out.addProperty("strategy", BenchEngine.FAST_CROSSOVER_DESCRIPTION + ", ticks 30 s apart in event time");
            out.addProperty("loadAfter", RunConditions.loadAverage());
            out.add("cases", results);
            final Path json = ResultFile.jsonArgument(args);
            if (json != null) {
                ResultFile.write(json, out);
            }
        } finally {
            dirs.forEach(JournalFixtures::delete);
        }
    }

    /** What one case (or several rounds of it, merged) measured. */
    private record Measured(Histogram latency, Histogram fromIngress, double achieved, long maxLag, boolean saturated,
                            int rounds, String layout, String detail) {
        Measured merge(final Measured other) {
            latency.add(other.latency);
            if (fromIngress != null) {
                fromIngress.add(other.fromIngress);
            }
            return new Measured(latency, fromIngress, (achieved * rounds + other.achieved) / (rounds + 1),
                Math.max(maxLag, other.maxLag), saturated || other.saturated, rounds + 1, layout, other.detail);
        }

        JsonObject json(final Case c) {
            final String line = LatencyReport.line(c.name(), latency) + String.format(Locale.ROOT,
                "   %,.0f, %.1f ms%s", achieved, maxLag / 1e6, saturated ? " SATURATED" : "");
            final JsonObject result = new JsonObject();
            result.addProperty("name", c.name());
            result.addProperty("kind", c.kind());
            result.addProperty("journal", c.journal());
            result.addProperty("wait", c.waitLabel());
            result.addProperty("rate", c.rate());
            result.addProperty("producer", c.pacing().label());
            result.addProperty("layout", layout);
            result.add("latency", LatencyReport.json(latency));
            if (fromIngress != null) {
                result.add("fromIngress", LatencyReport.json(fromIngress));
            }
            result.addProperty("achievedRate", Math.round(achieved));
            result.addProperty("maxLagMs", LatencyReport.round(maxLag / 1e6));
            result.addProperty("saturated", saturated);
            if (rounds > 1) {
                result.addProperty("rounds", rounds);
            }
            result.addProperty("detail", detail);
            result.addProperty("line", line);
            return result;
        }
    }

    private static Measured runCase(final Case c, final long[] prices, final long warmupMs, final long measureMs,
                                    final List<Path> dirs) {
        final long interval = 1_000_000_000L / c.rate();
        final long warmupTicks = c.rate() * warmupMs / 1_000;
        final long totalTicks = warmupTicks + c.rate() * measureMs / 1_000;
        final Run run = switch (c.kind()) {
            case "ring", "queue", "fused" -> pipelineRun(c, interval, warmupTicks, dirs);
            case "hop" -> hopRun(c, interval, warmupTicks);
            default -> appendRun(interval, warmupTicks, dirs);
        };
        final EngineEvent input = new EngineEvent();
        final int instrument = 0;
        long maxLag = 0;
        long measuredStart = 0;
        long published = 0;
        boolean saturated = false;
        final String pacing = c.pacing().prepareCurrentThread();
        final long start = run.start();
        for (long i = 0; i < totalTicks; i++) {
            final long due = start + i * interval;
            final long now = c.pacing().awaitDue(due);
            if (i == warmupTicks) {
                measuredStart = now;
            }
            final long lag = now - due;
            if (i >= warmupTicks && lag > maxLag) {
                maxLag = lag;
            }
            if (lag > TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS)) {
                saturated = true;
                break;
            }
            input.setTrade(instrument, START_NANOS + i * TICK_SPACING_NANOS, prices[(int) (i & (prices.length - 1))],
                QUANTITY);
            input.sequence = i;
            run.publish(input);
            published++;
        }
        final long measuredEnd = System.nanoTime();
        run.finish();
        final long measuredTicks = Math.max(0, published - warmupTicks);
        final double achieved = measuredStart == 0 ? 0 : measuredTicks / ((measuredEnd - measuredStart) / 1e9);
        final Measured measured = new Measured(run.latency(), run.fromIngress(), achieved, maxLag, saturated, 1,
            run.layout() + "; the producer " + pacing, run.detail());
        System.out.println(measured.json(c).get("line").getAsString() + "   (" + run.detail() + ")");
        return measured;
    }

    /** A case being run: what the producer publishes into and what it measured. */
    private interface Run {
        long start();

        void publish(EngineEvent input);

        void finish();

        Histogram latency();

        Histogram fromIngress();

        String layout();

        String detail();
    }

    private static Run pipelineRun(final Case c, final long interval, final long warmupTicks, final List<Path> dirs) {
        final InstrumentRegistry instruments = BenchEngine.instruments();
        final BusinessLogic logic = BenchEngine.fastCrossoverLogic(instruments);
        final EventJournal journal;
        if (c.journal().equals("none")) {
            journal = EventJournal.none();
        } else {
            final Path dir = JournalFixtures.newDirectory("latency-journal-");
            dirs.add(dir);
            journal = switch (c.journal()) {
                case "chronicle-rolling" -> BenchEngine.rollingJournal(dir, true);
                case "chronicle-rolling-unprepared" -> BenchEngine.rollingJournal(dir, false);
                case "chronicle-advising" -> BenchEngine.advisingJournal(dir);
                default -> BenchEngine.journal(dir, c.journal().equals("chronicle"));
            };
        }
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        final LatencyTap tap = new LatencyTap(start, interval, warmupTicks);
        final Pipeline pipeline = switch (c.kind()) {
            case "ring" -> BenchEngine.ring(logic, journal, tap, RING_SIZE, c.waitStrategy(), PipelineLayout.PARALLEL);
            case "fused" -> BenchEngine.ring(logic, journal, tap, RING_SIZE, c.waitStrategy(), PipelineLayout.FUSED);
            default -> BenchEngine.queues(logic, journal, tap, RING_SIZE);
        };
        return new Run() {
            @Override
            public long start() {
                return start;
            }

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
            public Histogram latency() {
                return tap.corrected;
            }

            @Override
            public Histogram fromIngress() {
                return tap.fromIngress;
            }

            @Override
            public String layout() {
                return pipeline.description() + (c.kind().equals("fused") ? "; producer + one consumer thread"
                    : "; producer + journal + logic + gateway threads");
            }

            @Override
            public String detail() {
                return logic.eventsProcessed() + " ticks, " + logic.ordersAccepted() + " orders, " + logic.fills()
                    + " fills; ingress-to-release p99 " + String.format(Locale.ROOT, "%.1f us",
                    tap.fromIngress.getValueAtPercentile(99) / 1e3);
            }
        };
    }

    private static Run hopRun(final Case c, final long interval, final long warmupTicks) {
        final Histogram latency = LatencyReport.newHistogram();
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        final RawDisruptorHop hop = new RawDisruptorHop(c.waitStrategy(), (event, sequence, endOfBatch) -> {
            final long now = System.nanoTime();
            if (sequence >= warmupTicks) {
                LatencyReport.record(latency, now - (start + sequence * interval));
            }
        });
        final RingBuffer<EngineEvent> ring = hop.ring;
        return new Run() {
            @Override
            public long start() {
                return start;
            }

            @Override
            public void publish(final EngineEvent input) {
                ring.publishEvent(RawDisruptorHop.COPY, input);
            }

            @Override
            public void finish() {
                hop.finish();
            }

            @Override
            public Histogram latency() {
                return latency;
            }

            @Override
            public Histogram fromIngress() {
                return null;
            }

            @Override
            public String layout() {
                return "Disruptor ring, " + RING_SIZE + " slots, multi-producer, " + c.waitLabel()
                    + "; producer + one handler thread";
            }

            @Override
            public String detail() {
                return "every event recorded";
            }
        };
    }

    private static Run appendRun(final long interval, final long warmupTicks, final List<Path> dirs) {
        final Histogram latency = LatencyReport.newHistogram();
        final Path dir = JournalFixtures.newDirectory("latency-raw-");
        dirs.add(dir);
        final SingleChronicleQueue queue = RawTradeEntry.openQueue(dir);
        final ExcerptAppender appender = queue.createAppender();
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        return new Run() {
            @Override
            public long start() {
                return start;
            }

            @Override
            public void publish(final EngineEvent input) {
                RawTradeEntry.append(appender, input);
                final long now = System.nanoTime();
                if (input.sequence >= warmupTicks) {
                    LatencyReport.record(latency, now - (start + input.sequence * interval));
                }
            }

            @Override
            public void finish() {
                appender.close();
                queue.close();
            }

            @Override
            public Histogram latency() {
                return latency;
            }

            @Override
            public Histogram fromIngress() {
                return null;
            }

            @Override
            public String layout() {
                return "bare Chronicle queue (FAST_DAILY, sync off), appended on the producer thread; no pretoucher";
            }

            @Override
            public String detail() {
                return "every append recorded";
            }
        };
    }

    /** Prices in fixed point: a reflected ±0.25 USD random walk from 800 USD, seed 20131125. */
    static long[] randomWalk(final int count) {
        final SplittableRandom random = new SplittableRandom(20_131_125L);
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
}
