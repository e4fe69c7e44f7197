package io.ringtrade.cli;

import io.ringtrade.engine.api.journal.Snapshots;
import io.ringtrade.journal.SnapshotStore;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine's snapshots kept beside a Chronicle journal ({@link Snapshots} over the journal module's
 * {@link SnapshotStore}). {@link #candidates} on the start-up thread; {@link #write} on the snapshot thread.
 */
final class JournalSnapshots implements Snapshots {
    private final Path journalDir;

    JournalSnapshots(final Path journalDir) {
        this.journalDir = journalDir;
    }

    @Override
    public List<Stored> candidates(final long journalEntries, final Consumer<String> warnings) {
        return SnapshotStore.newestUsable(journalDir, journalEntries, warnings::accept)
            .<List<Stored>>map(snapshot -> List.of(new Stored() {
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
            }))
            .orElse(List.of());
    }

    @Override
    public void write(final long entries, final byte[] state) {
        SnapshotStore.write(journalDir, entries, state);
    }
}
