package io.ringtrade.journal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a replay or a recovery of a journal starts: at entry 0, or by restoring a snapshot and reading the entries
 * after it. A journal whose first cycles retention removed can only be read from a snapshot; this finds the one to
 * use, so that the engine restores it (business logic's {@code restore}), reads from {@link #fromEntry()} and passes
 * over {@link JournalSkips#scan} of that entry, and prints {@link #describe()}.
 *
 * <ul>
 *   <li>{@link #forRecovery}: the newest usable snapshot (the shortest tail), else entry 0;</li>
 *   <li>{@link #forReplay}: entry 0 when the journal still has it (a replay then writes every output from the
 *       start), else the oldest usable snapshot (the longest replay the kept journal allows).</li>
 * </ul>
 * When the journal lacks entry 0 and no snapshot is usable, both refuse with a {@link JournalException}. If restoring
 * the chosen snapshot fails (another engine version or configuration), the engine may start from entry 0 only when
 * {@link #firstEntry()} is 0.
 *
 * <p>Immutable; computed on the start-up thread.
 *
 * @param snapshot   the snapshot to restore, or empty to start from entry 0
 * @param fromEntry  the first entry to read: the snapshot's entry count, or 0
 * @param firstEntry the first entry the journal holds (greater than 0 after retention)
 */
public record ReplayStart(Optional<SnapshotStore.Snapshot> snapshot, long fromEntry, long firstEntry) {
    /**
     * Where recovery of the journal in {@code dir}, holding {@code journalEntries} entries, starts; snapshots passed
     * over are reported through {@code skipped}.
     */
    public static ReplayStart forRecovery(final Path dir, final long journalEntries, final Consumer<String> skipped) {
        return choose(dir, SnapshotStore.newestUsable(dir, journalEntries, skipped), firstEntry(dir), "recover");
    }

    /** Where a replay of the whole kept journal in {@code dir} starts. */
    public static ReplayStart forReplay(final Path dir, final long journalEntries, final Consumer<String> skipped) {
        final long first = firstEntry(dir);
        if (first == 0) {
            return new ReplayStart(Optional.empty(), 0, 0);
        }
        return choose(dir, SnapshotStore.oldestUsable(dir, journalEntries, skipped), first, "replay");
    }

    private static ReplayStart choose(final Path dir, final Optional<SnapshotStore.Snapshot> snapshot, final long first,
                                      final String what) {
        if (snapshot.isPresent()) {
            return new ReplayStart(snapshot, snapshot.get().entries(), first);
        }
        if (first > 0) {
            throw new JournalException("journal " + dir + " starts at entry " + first + " (retention removed the entries"
                + " before it) and has no usable snapshot to " + what + " from");
        }
        return new ReplayStart(Optional.empty(), 0, 0);
    }

    private static long firstEntry(final Path dir) {
        try (JournalReader reader = JournalReader.open(dir)) {
            return reader.firstEntry();
        }
    }

    /** One line for the operator, e.g. {@code starts from the snapshot at entry 200 (entries before 150 were removed by retention)}. */
    public String describe() {
        if (snapshot.isEmpty()) {
            return "starts at entry 0";
        }
        return "starts from the snapshot at entry " + fromEntry + (firstEntry > 0 ? " (entries before " + firstEntry
            + " were removed by retention)" : "");
    }
}
