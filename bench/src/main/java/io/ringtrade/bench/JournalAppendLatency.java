package io.ringtrade.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.journal.ChronicleEventJournal;
import io.ringtrade.journal.DurabilityPolicy;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Journal append latency: the distribution of single appends (and of the batch-ending append plus its flush),
 * each timed with {@link System#nanoTime} around the call, back to back as fast as one thread goes, for our journal
 * with and without its pretoucher thread and for a raw Chronicle appender writing the same 60 bytes, in the same JVM,
 * after a warm-up of each. A harness, not JMH: JMH reports averages, and the tail (a page fault on a fresh page of the
 * cycle file, a new 64 MiB chunk being mapped, a daily roll) is the point here. Not paced, so not corrected for
 * coordinated omission: it is the service time of one append; {@link TickToOrderLatency} has the paced raw append.
 * <pre>
 *   main thread (stands in for the journal stage J)
 *
 *     reused trade EngineEvent ──► t0 = nanoTime
 *                                   ├── ours:     ChronicleEventJournal.append   (+ flush() every 16th entry)
 *                                   │             with the pretoucher thread (default) | without it
 *                                   └── BASELINE: ExcerptAppender.writingDocument + 60 bytes (RawTradeEntry)
 *                                  t1 = nanoTime ──► HdrHistogram (t1 - t0)
 *
 *     also: "timer only"  (t1 - t0 around nothing: what the clock itself adds to every line)
 *           "CPU time": the same appends timed by the thread's CPU time instead of the wall clock: the work the
 *                       appending thread itself did, page faults included, without time it spent descheduled,
 *                       so it shows the pretoucher's effect even on a busy machine
 *           ours, SYNC_ON_BATCH: the same with FileChannel.force at each 16th entry (fewer entries: it is slow)
 * </pre>
 * Each case writes into a fresh directory under {@code bench/target}; all are deleted at the end. Arguments:
 * {@code --json FILE}, {@code --entries N} (per case, default 5,000,000), {@code --warmup N} (entries per case before
 * recording, default 2,000,000), {@code --sync-entries N} (default 50,000).
 */
public final class JournalAppendLatency {
    private static final int BATCH = 16;
    private static final long PRICE = 80_000_000_000L;

    private JournalAppendLatency() {
    }

    /** Runs the cases, prints one line each and writes the results. */
    public static void main(final String[] args) {
        int entries = 5_000_000;
        int warmup = 2_000_000;
        int syncEntries = 50_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> i++;
                case "--entries" -> entries = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--sync-entries" -> syncEntries = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        final Path probe = JournalFixtures.newDirectory("latency-probe-");
        final String disk = JournalFixtures.disk(probe);
        JournalFixtures.delete(probe);
        RunConditions.print("JournalAppendLatency", "disk: " + disk,
            "entries per case: " + entries + " after " + warmup + " warm-up entries in the same journal;"
                + " flush every " + BATCH + " entries; SYNC_ON_BATCH case: " + syncEntries + " entries",
            "timing: System.nanoTime around each call, HdrHistogram 3 digits");
        final JsonObject conditions = RunConditions.json();
        final List<Path> dirs = new ArrayList<>();
        final Map<String, Histogram> cases = new LinkedHashMap<>();
        try {
            // Warm both code paths first, in their own directories, so neither measured case pays for the JIT.
            ours(DurabilityPolicy.OS_CACHE, true, Math.min(warmup, 1_000_000), 0, dirs);
            raw(Math.min(warmup, 1_000_000), 0, dirs);

            cases.put("timer only (nanoTime pair)", timerOnly(entries));
            cases.put("BASELINE raw Chronicle append (60 B)", raw(warmup, entries, dirs));
            final Histogram[] pretouched = ours(DurabilityPolicy.OS_CACHE, true, warmup, entries, dirs);
            cases.put("ours, OS_CACHE, pretoucher on, all entries", pretouched[0]);
            cases.put("ours, OS_CACHE, pretoucher on, 16th entry + flush", pretouched[1]);
            final Histogram[] bare = ours(DurabilityPolicy.OS_CACHE, false, warmup, entries, dirs);
            cases.put("ours, OS_CACHE, pretoucher off, all entries", bare[0]);
            cases.put("CPU time: ours, OS_CACHE, pretoucher on", ours(DurabilityPolicy.OS_CACHE, true, warmup, entries,
                dirs, true)[0]);
            cases.put("CPU time: ours, OS_CACHE, pretoucher off", ours(DurabilityPolicy.OS_CACHE, false, warmup, entries,
                dirs, true)[0]);
            // Under SYNC_ON_BATCH the pretoucher touches nothing ahead (JournalPretoucher says why).
            final Histogram[] synced = ours(DurabilityPolicy.SYNC_ON_BATCH, true, BATCH * 64, syncEntries, dirs);
            cases.put("ours, SYNC_ON_BATCH, all entries", synced[0]);
            cases.put("ours, SYNC_ON_BATCH, 16th entry + fsync", synced[1]);
        } finally {
            dirs.forEach(JournalFixtures::delete);
        }
        System.out.println();
        System.out.println(LatencyReport.header());
        final JsonArray results = new JsonArray();
        cases.forEach((name, histogram) -> {
            System.out.println(LatencyReport.line(name, histogram));
            final JsonObject result = LatencyReport.json(histogram);
            result.addProperty("name", name);
            results.add(result);
        });
        final JsonObject out = new JsonObject();
        out.add("conditions", conditions);
        out.addProperty("disk", disk);
        out.addProperty("entries", entries);
        out.addProperty("warmup", warmup);
        out.addProperty("syncEntries", syncEntries);
        out.addProperty("loadAfter", RunConditions.loadAverage());
        out.add("cases", results);
        final Path json = ResultFile.jsonArgument(args);
        if (json != null) {
            ResultFile.write(json, out);
        }
    }

    private static Histogram timerOnly(final int entries) {
        final Histogram h = LatencyReport.newHistogram();
        for (int i = 0; i < entries; i++) {
            final long t0 = System.nanoTime();
            final long t1 = System.nanoTime();
            LatencyReport.record(h, t1 - t0);
        }
        return h;
    }

    private static Histogram[] ours(final DurabilityPolicy policy, final boolean pretouch, final int warmup,
                                    final int entries, final List<Path> dirs) {
        return ours(policy, pretouch, warmup, entries, dirs, false);
    }

    /**
     * All appends, and the batch-ending ones (append + flush) alone; timed by the wall clock, or with
     * {@code cpuTime} by the thread's CPU time (which counts the kernel's work in a page fault taken by this thread,
     * but not time spent descheduled).
     */
    private static Histogram[] ours(final DurabilityPolicy policy, final boolean pretouch, final int warmup,
                                    final int entries, final List<Path> dirs, final boolean cpuTime) {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final Histogram all = LatencyReport.newHistogram();
        final Histogram flushes = LatencyReport.newHistogram();
        final Path dir = JournalFixtures.newDirectory("latency-ours-");
        dirs.add(dir);
        final EngineEvent event = new EngineEvent().setTrade(0, 1_385_337_600_000_000_000L, PRICE, 1_000_000L);
        final ChronicleEventJournal opened = BenchEngine.openJournal(pretouch, () -> ChronicleEventJournal.open(dir, policy));
        try (ChronicleEventJournal journal = opened) {
            for (int i = 0; i < warmup + entries; i++) {
                event.sequence = i;
                event.price = PRICE + (i & 1023);
                final boolean endOfBatch = (i + 1) % BATCH == 0;
                final long t0 = cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime();
                journal.append(event);
                if (endOfBatch) {
                    journal.flush();
                }
                final long t1 = cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime();
                if (i >= warmup) {
                    LatencyReport.record(all, t1 - t0);
                    if (endOfBatch) {
                        LatencyReport.record(flushes, t1 - t0);
                    }
                }
            }
        }
        return new Histogram[] {all, flushes};
    }

    private static Histogram raw(final int warmup, final int entries, final List<Path> dirs) {
        final Histogram all = LatencyReport.newHistogram();
        final Path dir = JournalFixtures.newDirectory("latency-raw-");
        dirs.add(dir);
        final EngineEvent event = new EngineEvent().setTrade(0, 1_385_337_600_000_000_000L, PRICE, 1_000_000L);
        try (SingleChronicleQueue queue = RawTradeEntry.openQueue(dir); ExcerptAppender appender = queue.createAppender()) {
            for (int i = 0; i < warmup + entries; i++) {
                event.sequence = i;
                event.price = PRICE + (i & 1023);
                final long t0 = System.nanoTime();
                RawTradeEntry.append(appender, event);
                final long t1 = System.nanoTime();
                if (i >= warmup) {
                    LatencyReport.record(all, t1 - t0);
                }
            }
        }
        return all;
    }
}
