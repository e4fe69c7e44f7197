package io.ringtrade.cli;

import io.ringtrade.engine.api.journal.Snapshots;
import io.ringtrade.journal.JournalRetention;
import io.ringtrade.journal.SnapshotStore;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine's snapshots kept beside a Chronicle journal ({@link Snapshots} over the journal module's
 * {@link SnapshotStore}): candidates are the snapshots tied to this journal's content, newest first; a snapshot is
 * written through the journal's {@link JournalRetention}, which then removes what the retention window allows
 * (nothing when it is off). {@link #candidates} on the start-up thread; {@link #write} on the snapshot thread.
 */
final class JournalSnapshots implements Snapshots {
    private final Path journalDir;
    private final JournalRetention retention;

    /** Snapshots of the journal in {@code journalDir}, written under {@code retention}. */
    JournalSnapshots(final Path journalDir, final JournalRetention retention) {
        this.journalDir = journalDir;
        this.retention = retention;
    }

    @Override
    public List<Stored> candidates(final long journalEntries, final Consumer<String> warnings) {
        return SnapshotStore.usable(journalDir, journalEntries, warnings::accept).stream()
            .<Stored>map(snapshot -> new Stored() {
                @Override
                public long entries() {
                    return snapshot.entries();
                }

                @Override
                public String name() {
                    return snapshot.file().toString();
                }

                @Override
                public byte[] state() {
                    return snapshot.state();
                }
            })
            .toList();
    }

    @Override
    public void write(final long entries, final byte[] state) {
        retention.writeSnapshot(entries, state);
    }
}
