package io.ringtrade.journal;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * A summary of a journal: entries, entries per event type, the event times of the first and last entries, the bytes
 * its files take, its roll cycle, the cycle files and snapshots it keeps, and what retention removed (from
 * {@value JournalRetention#LOG_FILE}). Computed by reading every entry present (so it also proves the journal reads
 * to the end); on the caller's thread.
 */
public final class JournalStats {
    /** Event type codes counted (0 .. {@link EventType#TIMER}); codes beyond are counted as the last slot. */
    private static final int TYPES = EventType.TIMER + 1;
    /** The most recent retention log lines {@link #format} shows. */
    private static final int SHOWN_LOG_LINES = 10;

    private final Path dir;
    private final long entries;
    private final long[] perType;
    private final long firstEventTimeNanos;
    private final long lastEventTimeNanos;
    private final long bytesOnDisk;
    private final long firstEntry;
    private final JournalRollCycle rollCycle;
    private final List<JournalFiles.CycleFile> cycles;
    private final List<SnapshotStore.Header> snapshots;
    private final List<String> retentionLog;

    private JournalStats(final Path dir, final long entries, final long[] perType, final long firstEventTimeNanos,
                         final long lastEventTimeNanos, final long bytesOnDisk, final long firstEntry,
                         final JournalRollCycle rollCycle, final List<JournalFiles.CycleFile> cycles,
                         final List<SnapshotStore.Header> snapshots, final List<String> retentionLog) {
        this.dir = dir;
        this.entries = entries;
        this.perType = perType;
        this.firstEventTimeNanos = firstEventTimeNanos;
        this.lastEventTimeNanos = lastEventTimeNanos;
        this.bytesOnDisk = bytesOnDisk;
        this.firstEntry = firstEntry;
        this.rollCycle = rollCycle;
        this.cycles = cycles;
        this.snapshots = snapshots;
        this.retentionLog = retentionLog;
    }

    /**
     * Reads the whole journal in {@code dir}.
     *
     * @throws JournalException as {@link JournalReader} does
     */
    public static JournalStats compute(final Path dir) {
        final EngineEvent slot = new EngineEvent();
        final long[] perType = new long[TYPES];
        long entries = 0;
        long first = 0;
        long last = 0;
        final long firstEntry;
        try (JournalReader reader = JournalReader.open(dir)) {
            firstEntry = reader.firstEntry();
            while (reader.next(slot)) {
                if (entries == 0) {
                    first = slot.eventTimeNanos;
                }
                last = slot.eventTimeNanos;
                perType[Math.min(Math.max(slot.type, 0), TYPES - 1)]++;
                entries++;
            }
        }
        final JournalRollCycle rollCycle;
        final List<JournalFiles.CycleFile> cycles;
        try (SingleChronicleQueue queue = JournalFiles.openForReading(dir)) {
            rollCycle = JournalRollCycle.of(queue.rollCycle());
            cycles = JournalFiles.cycleFiles(queue, true);
        }
        return new JournalStats(dir, entries, perType, first, last, JournalFiles.bytesOnDisk(dir), firstEntry, rollCycle,
            cycles, SnapshotStore.headers(dir), retentionLog(dir));
    }

    private static List<String> retentionLog(final Path dir) {
        final Path log = dir.resolve(JournalRetention.LOG_FILE);
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("journal " + dir + ": cannot read " + log + ": " + e.getMessage(), e);
        }
    }

    /** Number of entries. */
    public long entries() {
        return entries;
    }

    /** Number of entries of {@link EventType} {@code type}. */
    public long count(final int type) {
        return type >= 0 && type < TYPES ? perType[type] : 0;
    }

    /** Number of the first entry present: 0, or the first one retention kept. */
    public long firstEntry() {
        return firstEntry;
    }

    /** The journal's roll cycle. */
    public JournalRollCycle rollCycle() {
        return rollCycle;
    }

    /** Names of the cycle files the journal keeps, oldest first. */
    public List<String> cycleFiles() {
        return cycles.stream().map(JournalFiles.CycleFile::fileName).toList();
    }

    /** Entries covered by each snapshot kept beside the journal, newest first. */
    public List<Long> snapshotEntries() {
        return snapshots.stream().map(SnapshotStore.Header::entries).toList();
    }

    /** The lines of the retention log: one per cycle file removed, oldest first. */
    public List<String> retentionLog() {
        return retentionLog;
    }

    /** Event time (epoch ns) of the first entry; 0 for an empty journal. */
    public long firstEventTimeNanos() {
        return firstEventTimeNanos;
    }

    /** Event time (epoch ns) of the last entry; 0 for an empty journal. */
    public long lastEventTimeNanos() {
        return lastEventTimeNanos;
    }

    /**
     * Sum of the sizes of the files in the journal directory. Cycle files are preallocated sparse files (tens of MiB
     * each), so this is the apparent size, an upper bound on the blocks actually used.
     */
    public long bytesOnDisk() {
        return bytesOnDisk;
    }

    /** A few lines for an operator. */
    public String format() {
        final StringBuilder text = new StringBuilder(256);
        text.append("journal ").append(dir).append('\n')
            .append("entries ").append(entries).append('\n');
        for (int type = EventType.MARKET_DATA; type < TYPES; type++) {
            text.append("  ").append(EventType.name(type)).append(' ').append(perType[type]).append('\n');
        }
        if (firstEntry > 0) {
            text.append("entry numbers ").append(firstEntry).append("..").append(firstEntry + entries - 1)
                .append(" (entries before ").append(firstEntry).append(" were removed by retention)\n");
        }
        if (entries > 0) {
            text.append("first event time ").append(Instant.ofEpochSecond(0, firstEventTimeNanos)).append('\n')
                .append("last event time ").append(Instant.ofEpochSecond(0, lastEventTimeNanos)).append('\n');
        }
        text.append("roll cycle ").append(rollCycle.label()).append('\n');
        text.append("cycle files kept ").append(cycles.size()).append('\n');
        for (final JournalFiles.CycleFile cycle : cycles) {
            text.append("  ").append(cycle.fileName()).append(" entries ").append(cycle.firstEntry()).append("..")
                .append(cycle.lastEntry()).append('\n');
        }
        text.append("snapshots kept ").append(snapshots.size()).append('\n');
        for (final SnapshotStore.Header snapshot : snapshots) {
            text.append("  ").append(snapshot.file().getFileName()).append(" covers ").append(snapshot.entries())
                .append(" entries, written ").append(Instant.ofEpochMilli(snapshot.writtenAtMillis())).append('\n');
        }
        appendRetention(text);
        text.append("bytes on disk ").append(bytesOnDisk).append(" (apparent size; cycle files are preallocated)\n");
        return text.toString();
    }

    private void appendRetention(final StringBuilder text) {
        if (retentionLog.isEmpty()) {
            text.append("removed by retention: nothing\n");
            return;
        }
        long archived = 0;
        for (final String line : retentionLog) {
            archived += line.contains(" archived ") ? 1 : 0;
        }
        text.append("removed by retention: ").append(retentionLog.size()).append(" cycle files (").append(archived)
            .append(" archived, ").append(retentionLog.size() - archived).append(" deleted), see ")
            .append(dir.resolve(JournalRetention.LOG_FILE)).append('\n');
        for (int i = Math.max(0, retentionLog.size() - SHOWN_LOG_LINES); i < retentionLog.size(); i++) {
            text.append("  ").append(retentionLog.get(i)).append('\n');
        }
    }
}
