package io.ringtrade.bench;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.journal.ChronicleEventJournal;
import io.ringtrade.journal.DurabilityPolicy;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Journal append throughput: trade entries appended in batches of {@value #BATCH} with a flush at the end of each
 * batch, as the journal stage does at the Disruptor's end of batch; scored in entries per second
 * ({@code @OperationsPerInvocation(16)}).
 * <pre>
 *   benchmark thread (stands in for the journal stage J of the ring; no other threads)
 *
 *     one reused EngineEvent (trade, price and sequence change per entry)
 *        │  ×16
 *        ├──► ringtradeAppend:      ChronicleEventJournal.append ──► JournalLayout.encode (60 B + checksum)
 *        │                             ──► ExcerptAppender.writingDocument ──► mapped cq4 file (page cache)
 *        │    then ChronicleEventJournal.flush()   OS_CACHE: nothing; SYNC_ON_BATCH: FileChannel.force per batch
 *        │
 *        └──► BASELINE rawChronicleAppend: ExcerptAppender.writingDocument ──► the same 60 bytes written field
 *                by field (no checksum, no length lookup) into a queue opened like the journal's
 * </pre>
 * Each iteration writes into a fresh directory under {@code bench/target} (printed with its file system), closed and
 * deleted at the end of the iteration, so no iteration pays for the previous one's files.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(JournalAppendBenchmark.BATCH)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--enable-native-access=ALL-UNNAMED", "-Dchronicle.analytics.disable=true", "-Xms1g", "-Xmx1g"})
public class JournalAppendBenchmark {
    /** Entries between two flushes. */
    static final int BATCH = 16;
    private static final long PRICE = 80_000_000_000L;
    private static final long QUANTITY = 1_000_000L;

    /** Ours: the engine's journal with the durability policy under test. */
    @State(Scope.Thread)
    public static class Ours {
        @Param({"OS_CACHE", "SYNC_ON_BATCH"})
        public DurabilityPolicy policy;
        Path dir;
        ChronicleEventJournal journal;
        final EngineEvent event = new EngineEvent();
        long sequence;

        @Setup(Level.Trial)
        public void conditions() {
            final Path probe = JournalFixtures.newDirectory("append-probe-");
            RunConditions.print("JournalAppendBenchmark.ringtradeAppend policy=" + policy,
                "disk: " + JournalFixtures.disk(probe),
                "entry: trade, " + io.ringtrade.journal.JournalLayout.TRADE_LENGTH + " bytes + Chronicle's 4-byte header; "
                    + "flush after every " + BATCH + " entries");
            JournalFixtures.delete(probe);
        }

        @Setup(Level.Iteration)
        public void open() {
            dir = JournalFixtures.newDirectory("append-ours-");
            journal = ChronicleEventJournal.open(dir, policy);
            event.setTrade(0, 1_385_337_600_000_000_000L, PRICE, QUANTITY);
        }

        @TearDown(Level.Iteration)
        public void close() {
            final long entries = journal.entryCount();
            journal.close();
            System.out.printf("  (iteration journal: %,d entries, %,d bytes on disk)%n", entries, JournalFixtures.size(dir));
            JournalFixtures.delete(dir);
        }
    }

    /** Baseline: a bare Chronicle queue and appender. */
    @State(Scope.Thread)
    public static class Raw {
        Path dir;
        SingleChronicleQueue queue;
        ExcerptAppender appender;
        final EngineEvent event = new EngineEvent();
        long sequence;

        @Setup(Level.Trial)
        public void conditions() {
            RunConditions.print("JournalAppendBenchmark.rawChronicleAppend (baseline)",
                "entry: the same 60 bytes written field by field, no checksum; nothing at the end of a batch");
        }

        @Setup(Level.Iteration)
        public void open() {
            dir = JournalFixtures.newDirectory("append-raw-");
            queue = RawTradeEntry.openQueue(dir);
            appender = queue.createAppender();
            event.setTrade(0, 1_385_337_600_000_000_000L, PRICE, QUANTITY);
        }

        @TearDown(Level.Iteration)
        public void close() {
            appender.close();
            queue.close();
            JournalFixtures.delete(dir);
        }
    }

    /** Ours: 16 appends, then the end-of-batch flush. */
    @Benchmark
    public long ringtradeAppend(final Ours run) {
        final EngineEvent event = run.event;
        final ChronicleEventJournal journal = run.journal;
        for (int i = 0; i < BATCH; i++) {
            event.sequence = run.sequence++;
            event.price = PRICE + (event.sequence & 1023);
            journal.append(event);
        }
        journal.flush();
        return journal.entryCount();
    }

    /** BASELINE: 16 raw Chronicle appends of the same bytes. */
    @Benchmark
    public long rawChronicleAppend(final Raw run) {
        final EngineEvent event = run.event;
        final ExcerptAppender appender = run.appender;
        for (int i = 0; i < BATCH; i++) {
            event.sequence = run.sequence++;
            event.price = PRICE + (event.sequence & 1023);
            RawTradeEntry.append(appender, event);
        }
        return run.sequence;
    }
}
