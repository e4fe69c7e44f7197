package io.ringtrade.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Bounds a journal's disk use: cycle files wholly covered by a snapshot older than the retention window are deleted,
 * or moved to an archive folder, oldest first, so that the journal keeps at least the window's worth of inputs,
 * replayable from a snapshot. Retention is an operations concern: it reads the wall clock (snapshots record when they
 * were written); business logic never sees any of it.
 *
 * <p>The engine calls {@link #writeSnapshot} on its snapshot-writer thread in place of
 * {@link SnapshotStore#write(Path, long, byte[])}: it writes the snapshot, then {@link #apply applies} retention.
 * With retention off ({@link Duration#ZERO}) that is exactly {@code SnapshotStore.write}.
 *
 * <p>What is kept, with W the window and T now (wall clock):
 * <ul>
 *   <li>the <b>base</b> snapshot: the newest one written at or before T − W. Cycles whose entries all lie before its
 *       last covered entry go; the cycle holding that entry stays, so the base can still be checked against the
 *       journal ({@link SnapshotStore}) and a replay of the kept journal can start from it (a restore);</li>
 *   <li>every cycle a running reader still needs ({@link JournalHold}), and always the newest cycle;</li>
 *   <li>snapshots: the newest {@value SnapshotStore#KEEP} (recovery), the base, and for every cycle the oldest snapshot
 *       whose last covered entry lies in it: the future bases, one per cycle because cycles are the unit of removal.
 *       Older snapshots, whose entries are gone, are deleted.</li>
 * </ul>
 * So the journal holds from the base snapshot's cycle to now: at least W of inputs, at most W plus one cycle plus one
 * snapshot interval. Every removal is appended to {@value #LOG_FILE} in the journal directory, which
 * {@code journal stats} shows. Archived cycles keep their names; the archive also gets a copy of the queue's
 * {@code metadata.cq4t} (refreshed with every file), so the archive folder is itself a journal readable with
 * {@code journal dump}.
 *
 * <p>Crash safety: cycles go oldest first, each by one rename (or copy then delete across file systems, the source
 * staying authoritative until deleted), so the journal is always a contiguous run of entries; the log line is written
 * after the cycle is gone, so a crash can at worst leave a removal unlogged.
 *
 * <p>Threads: one snapshot-writer thread calls {@link #writeSnapshot} / {@link #apply}; construction anywhere.
 */
public final class JournalRetention {
    /** The log of removed cycles inside the journal directory. */
    public static final String LOG_FILE = "retention.log";

    private final Path dir;
    private final Duration retain;
    private final Path archiveDir;
    private final Clock clock;

    /**
     * A cycle file retention removed.
     *
     * @param fileName   its name
     * @param firstEntry number of its first entry
     * @param lastEntry  number of its last entry
     * @param archivedTo where it went, or null when it was deleted
     */
    public record RemovedCycle(String fileName, long firstEntry, long lastEntry, Path archivedTo) {
    }

    /**
     * Retention for the journal in {@code journalDir}.
     *
     * @param retain     the window; {@link Duration#ZERO} turns retention off (snapshots are then kept as
     *                   {@link SnapshotStore#write(Path, long, byte[])} keeps them and no cycle is removed)
     * @param archiveDir where removed cycles go, or null to delete them
     * @param clock      the wall clock (ops time, never business time)
     */
    public JournalRetention(final Path journalDir, final Duration retain, final Path archiveDir, final Clock clock) {
        this.dir = Objects.requireNonNull(journalDir, "journalDir");
        this.retain = Objects.requireNonNull(retain, "retain");
        this.archiveDir = archiveDir;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retain.isNegative()) {
            throw new IllegalArgumentException("retention window must not be negative: " + retain);
        }
    }

    /** Retention off: {@link #writeSnapshot} is {@link SnapshotStore#write(Path, long, byte[])}. */
    public static JournalRetention off(final Path journalDir) {
        return new JournalRetention(journalDir, Duration.ZERO, null, Clock.systemUTC());
    }

    /** Whether a window is set. */
    public boolean enabled() {
        return !retain.isZero();
    }

    /**
     * Writes a snapshot covering the first {@code entries} entries (tied to the checksum of entry
     * {@code entries - 1}, waiting for the journal stage to record it, see {@link SnapshotStore}), then applies
     * retention. Snapshot-writer thread.
     *
     * @return the cycles removed (empty with retention off)
     * @throws JournalException when the journal does not record the entry in time or a cycle cannot be removed
     */
    public List<RemovedCycle> writeSnapshot(final long entries, final byte[] state) {
        if (!enabled()) {
            SnapshotStore.write(dir, entries, state);
            return List.of();
        }
        SnapshotStore.write(dir, entries, SnapshotStore.awaitChecksum(dir, entries, SnapshotStore.JOURNAL_WAIT),
            clock.millis(), state);
        return apply();
    }

    /**
     * Removes what the window allows, as the class comment says, and returns the cycles removed, oldest first.
     * Snapshot-writer thread (or any thread while no engine writes snapshots).
     */
    public List<RemovedCycle> apply() {
        final List<SnapshotStore.Header> snapshots = SnapshotStore.headers(dir); // newest first
        if (!enabled()) {
            SnapshotStore.keepOnly(dir, List.of());
            return List.of();
        }
        final long threshold = clock.millis() - retain.toMillis();
        SnapshotStore.Header base = null;
        for (final SnapshotStore.Header snapshot : snapshots) {
            if (snapshot.writtenAtMillis() <= threshold && snapshot.entries() > 0) {
                base = snapshot;
                break;
            }
        }
        final List<JournalFiles.CycleFile> cycles;
        try (SingleChronicleQueue queue = JournalFiles.openForReading(dir)) {
            cycles = JournalFiles.cycleFiles(queue, false);
        }
        final List<RemovedCycle> removed = new ArrayList<>();
        if (base != null && cycles.size() > 1) {
            // Entries from `keepFrom` on stay: the base's last covered entry (to check and restore it) and whatever a
            // running reader still needs.
            final long keepFrom = Math.min(base.entries() - 1, JournalHold.firstNeeded(dir));
            for (int i = 0; i < cycles.size() - 1; i++) {
                final JournalFiles.CycleFile cycle = cycles.get(i);
                if (cycle.lastEntry() >= keepFrom) {
                    break;
                }
                removed.add(remove(cycle, base));
            }
            if (!removed.isEmpty()) {
                JournalFiles.refreshListing(dir);
            }
        }
        SnapshotStore.keepOnly(dir, snapshotsToKeep(snapshots, base, cycles));
        return removed;
    }

    /** The base, and per cycle the oldest snapshot newer than the base whose last covered entry lies in it. */
    private static Set<Path> snapshotsToKeep(final List<SnapshotStore.Header> newestFirst,
                                             final SnapshotStore.Header base,
                                             final List<JournalFiles.CycleFile> cycles) {
        final Set<Path> keep = new HashSet<>();
        if (base != null) {
            keep.add(base.file());
        }
        final Map<Integer, SnapshotStore.Header> oldestPerCycle = new HashMap<>();
        for (final SnapshotStore.Header snapshot : newestFirst) {
            if (base != null && snapshot.entries() <= base.entries()) {
                continue;
            }
            final int cycle = cycleOf(cycles, snapshot.entries() - 1);
            if (cycle != Integer.MIN_VALUE) {
                oldestPerCycle.put(cycle, snapshot); // newest first, so the last put is the oldest
            }
        }
        for (final SnapshotStore.Header snapshot : oldestPerCycle.values()) {
            keep.add(snapshot.file());
        }
        return keep;
    }

    private static int cycleOf(final List<JournalFiles.CycleFile> cycles, final long entry) {
        for (final JournalFiles.CycleFile cycle : cycles) {
            if (entry >= cycle.firstEntry() && entry <= cycle.lastEntry()) {
                return cycle.cycle();
            }
        }
        // beyond the last counted entry: the newest cycle is still growing
        return !cycles.isEmpty() && entry > cycles.get(cycles.size() - 1).lastEntry()
            ? cycles.get(cycles.size() - 1).cycle() : Integer.MIN_VALUE;
    }

    private RemovedCycle remove(final JournalFiles.CycleFile cycle, final SnapshotStore.Header base) {
        final Path source = dir.resolve(cycle.fileName());
        Path target = null;
        try {
            if (archiveDir == null) {
                Files.deleteIfExists(source);
            } else {
                Files.createDirectories(archiveDir);
                // refreshed with every file, so the archive's table (schema, roll cycle, skip count) stays current
                Files.copy(dir.resolve(JournalFiles.QUEUE_METADATA_FILE),
                    archiveDir.resolve(JournalFiles.QUEUE_METADATA_FILE), StandardCopyOption.REPLACE_EXISTING);
                target = archiveDir.resolve(cycle.fileName());
                // The source stays authoritative until it is gone: a target left by an interrupted copy is replaced.
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (final IOException e) {
            throw new JournalException("journal " + dir + ": retention cannot " + (archiveDir == null ? "delete " : "archive ")
                + source + (archiveDir == null ? "" : " to " + archiveDir) + ": " + e.getMessage(), e);
        }
        final RemovedCycle removed = new RemovedCycle(cycle.fileName(), cycle.firstEntry(), cycle.lastEntry(), target);
        log(removed, base);
        return removed;
    }

    private void log(final RemovedCycle removed, final SnapshotStore.Header base) {
        final String line = Instant.ofEpochMilli(clock.millis()) + " "
            + (removed.archivedTo() == null ? "deleted " + removed.fileName()
                : "archived " + removed.fileName() + " to " + removed.archivedTo())
            + " (entries " + removed.firstEntry() + ".." + removed.lastEntry() + "; covered by the snapshot at entry "
            + base.entries() + " written " + Instant.ofEpochMilli(base.writtenAtMillis()) + ", retention " + retain + ")\n";
        try {
            Files.writeString(dir.resolve(LOG_FILE), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        } catch (final IOException e) {
            throw new UncheckedIOException("journal " + dir + ": cannot write " + LOG_FILE + ": " + e.getMessage(), e);
        }
    }
}
