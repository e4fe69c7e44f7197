package io.ringtrade.bench;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.journal.ChronicleEventJournal;
import io.ringtrade.journal.DurabilityPolicy;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;

/**
 * Journal append latency: the distribution of single appends (and of the batch-ending append plus its flush),
 * each timed with {@link System#nanoTime} around the call, for our journal and a raw Chronicle appender writing the
 * same 60 bytes, in the same JVM, after a warm-up of both. A harness, not JMH: JMH reports averages, and the tail
 * (a new 64 MiB chunk being mapped, a page fault, a daily roll) is the point here.
 * <pre>
 *   main thread (stands in for the journal stage J; no other threads)
 *
 *     reused trade EngineEvent ──► t0 = nanoTime
 *                                   ├── ours:     ChronicleEventJournal.append   (+ flush() every 16th entry)
 *                                   └── BASELINE: ExcerptAppender.writingDocument + 60 bytes (RawTradeEntry)
 *                                  t1 = nanoTime ──► HdrHistogram (t1 - t0)
 *
 *     also: "timer only"  (t1 - t0 around nothing: what the clock itself adds to every line)
 *           ours, SYNC_ON_BATCH: the same with FileChannel.force at each 16th entry (fewer entries: it is slow)
 * </pre>
 * Each case writes into a fresh directory under {@code bench/target} which is deleted afterwards. Arguments:
 * {@code [entries per case, default 5,000,000] [warm-up entries per case, default 2,000,000]
 * [SYNC_ON_BATCH entries, default 50,000]}.
 */
public final class JournalAppendLatency {
    private static final int BATCH = 16;
    private static final long PRICE = 80_000_000_000L;

    private JournalAppendLatency() {
    }

    /** Runs the cases and prints one line each. */
    public static void main(final String[] args) {
        final int entries = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        final int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        final int syncEntries = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        final Path probe = JournalFixtures.newDirectory("latency-probe-");
        RunConditions.print("JournalAppendLatency",
            "disk: " + JournalFixtures.disk(probe),
            "entries per case: " + entries + " after " + warmup + " warm-up entries in the same journal;"
                + " flush every " + BATCH + " entries; SYNC_ON_BATCH case: " + syncEntries + " entries",
            "timing: System.nanoTime around each call, HdrHistogram 3 digits");
        JournalFixtures.delete(probe);

        // Warm both code paths first, in their own directories, so neither measured case pays for the JIT.
        ours(DurabilityPolicy.OS_CACHE, warmup, 0);
        raw(warmup, 0);
        ours(DurabilityPolicy.OS_CACHE, warmup, 0);
        raw(warmup, 0);

        final Histogram timer = timerOnly(entries);
        final Histogram[] ours = ours(DurabilityPolicy.OS_CACHE, warmup, entries);
        final Histogram raw = raw(warmup, entries)[0];
        final Histogram[] synced = ours(DurabilityPolicy.SYNC_ON_BATCH, BATCH * 64, syncEntries);

        System.out.println();
        System.out.println(LatencyReport.header());
        System.out.println(LatencyReport.line("timer only (nanoTime pair)", timer));
        System.out.println(LatencyReport.line("BASELINE raw Chronicle append (60 B)", raw));
        System.out.println(LatencyReport.line("ours append, OS_CACHE, all entries", ours[0]));
        System.out.println(LatencyReport.line("ours append, OS_CACHE, 16th entry + flush", ours[1]));
        System.out.println(LatencyReport.line("ours append, SYNC_ON_BATCH, all entries", synced[0]));
        System.out.println(LatencyReport.line("ours append, SYNC_ON_BATCH, 16th + fsync", synced[1]));
    }

    private static Histogram timerOnly(final int entries) {
        final Histogram h = LatencyReport.newHistogram();
        for (int i = 0; i < entries; i++) {
            final long t0 = System.nanoTime();
            final long t1 = System.nanoTime();
            h.recordValue(t1 - t0);
        }
        return h;
    }

    /** All appends, and the batch-ending ones (append + flush) alone. */
    private static Histogram[] ours(final DurabilityPolicy policy, final int warmup, final int entries) {
        final Histogram all = LatencyReport.newHistogram();
        final Histogram flushes = LatencyReport.newHistogram();
        final Path dir = JournalFixtures.newDirectory("latency-ours-");
        final EngineEvent event = new EngineEvent().setTrade(0, 1_385_337_600_000_000_000L, PRICE, 1_000_000L);
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir, policy)) {
            for (int i = 0; i < warmup + entries; i++) {
                event.sequence = i;
                event.price = PRICE + (i & 1023);
                final boolean endOfBatch = (i + 1) % BATCH == 0;
                final long t0 = System.nanoTime();
                journal.append(event);
                if (endOfBatch) {
                    journal.flush();
                }
                final long t1 = System.nanoTime();
                if (i >= warmup) {
                    all.recordValue(t1 - t0);
                    if (endOfBatch) {
                        flushes.recordValue(t1 - t0);
                    }
                }
            }
        } finally {
            JournalFixtures.delete(dir);
        }
        return new Histogram[] {all, flushes};
    }

    private static Histogram[] raw(final int warmup, final int entries) {
        final Histogram all = LatencyReport.newHistogram();
        final Path dir = JournalFixtures.newDirectory("latency-raw-");
        final EngineEvent event = new EngineEvent().setTrade(0, 1_385_337_600_000_000_000L, PRICE, 1_000_000L);
        try (SingleChronicleQueue queue = RawTradeEntry.openQueue(dir); ExcerptAppender appender = queue.createAppender()) {
            for (int i = 0; i < warmup + entries; i++) {
                event.sequence = i;
                event.price = PRICE + (i & 1023);
                final long t0 = System.nanoTime();
                RawTradeEntry.append(appender, event);
                final long t1 = System.nanoTime();
                if (i >= warmup) {
                    all.recordValue(t1 - t0);
                }
            }
        } finally {
            JournalFixtures.delete(dir);
        }
        return new Histogram[] {all};
    }
}
