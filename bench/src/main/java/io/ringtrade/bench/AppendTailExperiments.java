package io.ringtrade.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.journal.ChronicleEventJournal;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.util.MicroTouched;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The attempts at taking page faults and chunk mappings off the journal thread, each measured the same way: one
 * thread appends trade entries at a fixed rate (Thread.onSpinWait while early), and the time from each entry's due
 * time to the end of its append goes into a histogram (coordinated-omission corrected), next to the minor page faults
 * the appending thread itself took ({@code /proc/thread-self/stat}) and the thread CPU time of each append (which
 * counts the kernel's work in a page fault, but not time the thread spent descheduled, so it shows what the appending
 * thread itself had to do even on a busy machine). Not part of the suite: BENCHMARKS.md
 * ("Cutting the journal's tail") quotes a run of it.
 * <pre>
 *   journal-plain       ChronicleEventJournal, pretoucher off (-Dringtrade.journal.pretouch=false): the old path
 *   journal-pretouch    ChronicleEventJournal with its pretoucher thread (the fix kept), 16 MiB ahead
 *   journal-pretouch-64 the same, 64 MiB ahead (-Dringtrade.journal.pretouch.ahead)
 *   raw-microtouch      bare Chronicle queue; after every append the appender itself touches the next page
 *                       (Chronicle's open-source MicroTouched.microTouch(): the fault moves, but stays on this thread)
 *   raw-1g-blocks       bare Chronicle queue with 1 GiB blocks instead of 64 MiB: 16× fewer chunk mappings
 *   raw-enterprise      Chronicle's own pretoucher, queue.createPretoucher(): reports what the open-source build does
 * </pre>
 * Arguments: {@code [--json FILE] [--rate N] [--seconds N] [--warmup-s N] [--case NAME]...}; defaults 100,000/s,
 * 20 s measured after 3 s, every case. Journals go under {@code bench/target} and are deleted at the end.
 */
public final class AppendTailExperiments {
    private static final long PRICE = 80_000_000_000L;

    private AppendTailExperiments() {
    }

    /** Runs the cases in order and prints one line each. */
    public static void main(final String[] args) throws IOException {
        int rate = 100_000;
        int seconds = 20;
        int warmupSeconds = 3;
        final List<String> cases = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> i++;
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup-s" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--case" -> cases.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (cases.isEmpty()) {
            cases.addAll(List.of("journal-plain", "journal-pretouch", "journal-pretouch-64", "raw-microtouch",
                "raw-1g-blocks", "raw-enterprise"));
        }
        final Path probe = JournalFixtures.newDirectory("tail-probe-");
        final String disk = JournalFixtures.disk(probe);
        JournalFixtures.delete(probe);
        RunConditions.print("AppendTailExperiments", "disk: " + disk, "rate: " + rate + " appends/s, " + warmupSeconds
            + " s warm-up then " + seconds + " s measured per case; latency = end of append − due time");
        final List<Path> dirs = new ArrayList<>();
        final JsonArray results = new JsonArray();
        final List<String> lines = new ArrayList<>();
        try {
            for (final String name : cases) {
                final Path dir = JournalFixtures.newDirectory("tail-" + name + "-");
                dirs.add(dir);
                final JsonObject result = run(name, dir, rate, warmupSeconds, seconds);
                results.add(result);
                lines.add(result.remove("line").getAsString());
            }
        } finally {
            dirs.forEach(JournalFixtures::delete);
        }
        System.out.println();
        System.out.println(LatencyReport.header() + "   minor faults on the appending thread");
        lines.forEach(System.out::println);
        final JsonObject out = new JsonObject();
        out.add("conditions", RunConditions.json());
        out.addProperty("disk", disk);
        out.addProperty("rate", rate);
        out.addProperty("seconds", seconds);
        out.add("cases", results);
        final Path json = ResultFile.jsonArgument(args);
        if (json != null) {
            ResultFile.write(json, out);
        }
    }

    /** Appends one entry. */
    private interface Appending extends AutoCloseable {
        void append(EngineEvent event);

        @Override
        void close();
    }

    private static JsonObject run(final String name, final Path dir, final int rate, final int warmupSeconds,
                                  final int seconds) {
        final Appending appending;
        try {
            appending = open(name, dir);
        } catch (final RuntimeException | StackOverflowError e) {
            final String line = String.format(Locale.ROOT, "%-58s not available: %s", name, e);
            System.out.println(line);
            final JsonObject result = new JsonObject();
            result.addProperty("name", name);
            result.addProperty("unavailable", e.toString());
            result.addProperty("line", line);
            return result;
        }
        final Histogram latency = LatencyReport.newHistogram();
        final Histogram cpu = LatencyReport.newHistogram();
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final EngineEvent event = new EngineEvent().setTrade(0, 1_385_337_600_000_000_000L, PRICE, 1_000_000L);
        final long interval = 1_000_000_000L / rate;
        final long warmup = (long) rate * warmupSeconds;
        final long total = warmup + (long) rate * seconds;
        long faults = 0;
        // the appends that themselves took more than 2 ms: when in the run, and at which entry (its place in the file)
        final StringBuilder stalls = new StringBuilder();
        int stallCount = 0;
        try (appending) {
            final long start = System.nanoTime() + 1_000_000L;
            for (long i = 0; i < total; i++) {
                if (i == warmup) {
                    faults = minorFaults();
                }
                final long due = start + i * interval;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                event.sequence = i;
                event.price = PRICE + (i & 1023);
                final long cpu0 = threads.getCurrentThreadCpuTime();
                final long began = System.nanoTime();
                appending.append(event);
                final long took = System.nanoTime() - began;
                final long cpu1 = threads.getCurrentThreadCpuTime();
                if (took > 2_000_000L && stallCount++ < 20) {
                    stalls.append(String.format(Locale.ROOT, "%n    stall: entry %,d at %.3f s took %.2f ms (CPU %.2f ms)",
                        i, (began - start) / 1e9, took / 1e6, (cpu1 - cpu0) / 1e6));
                }
                if (i >= warmup) {
                    LatencyReport.record(latency, System.nanoTime() - due);
                    LatencyReport.record(cpu, cpu1 - cpu0);
                }
            }
            faults = minorFaults() - faults;
        }
        final String line = LatencyReport.line(name, latency) + String.format(Locale.ROOT, "   %,d", faults) + "\n"
            + LatencyReport.line("  thread CPU time of one append", cpu) + stalls;
        System.out.println(line);
        final JsonObject result = LatencyReport.json(latency);
        result.addProperty("name", name);
        result.addProperty("minorFaults", faults);
        result.add("appendCpu", LatencyReport.json(cpu));
        result.addProperty("line", line);
        return result;
    }

    private static Appending open(final String name, final Path dir) {
        return switch (name) {
            case "journal-plain" -> journal(dir, false, null);
            case "journal-pretouch" -> journal(dir, true, null);
            case "journal-pretouch-64" -> journal(dir, true, Long.toString(64L << 20));
            case "raw-microtouch" -> raw(dir, 64L << 20, true, false);
            case "raw-1g-blocks" -> raw(dir, 1L << 30, false, false);
            case "raw-enterprise" -> raw(dir, 64L << 20, false, true);
            default -> throw new IllegalArgumentException("unknown case " + name);
        };
    }

    private static Appending journal(final Path dir, final boolean pretouch, final String ahead) {
        if (ahead != null) {
            System.setProperty("ringtrade.journal.pretouch.ahead", ahead);
        }
        final ChronicleEventJournal journal;
        try {
            journal = BenchEngine.journal(dir, pretouch);
        } finally {
            System.clearProperty("ringtrade.journal.pretouch.ahead");
        }
        return new Appending() {
            private int batch;

            @Override
            public void append(final EngineEvent event) {
                journal.append(event);
                if (++batch == 16) {
                    batch = 0;
                    journal.flush();
                }
            }

            @Override
            public void close() {
                journal.close();
            }
        };
    }

    private static Appending raw(final Path dir, final long blockSize, final boolean microTouch,
                                 final boolean enterprisePretoucher) {
        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.single(dir.toFile())
            .rollCycle(RollCycles.FAST_DAILY).syncMode(SyncMode.NONE).blockSize(blockSize).build();
        final ExcerptAppender appender = queue.createAppender();
        if (enterprisePretoucher) {
            try {
                queue.createPretoucher().execute();
            } catch (final Exception | StackOverflowError e) {
                appender.close();
                queue.close();
                throw new IllegalStateException("queue.createPretoucher() failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
            }
        }
        final MicroTouched touched = (MicroTouched) appender;
        return new Appending() {
            @Override
            public void append(final EngineEvent event) {
                RawTradeEntry.append(appender, event);
                if (microTouch) {
                    touched.microTouch();
                }
            }

            @Override
            public void close() {
                appender.close();
                queue.close();
            }
        };
    }

    /** Minor page faults taken by the calling thread so far (field 10 of /proc/thread-self/stat), or -1. */
    private static long minorFaults() {
        try {
            final String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[7]);
        } catch (final IOException | RuntimeException e) {
            return -1;
        }
    }
}
