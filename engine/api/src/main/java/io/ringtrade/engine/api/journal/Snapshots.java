package io.ringtrade.engine.api.journal;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where business-logic snapshots are kept beside a journal (implemented by the journal module). A snapshot is the
 * state after a number of journal entries; recovery restores one and replays only the entries after it.
 *
 * <p>{@link #candidates} runs on the start-up thread; {@link #write} on the snapshot writer's thread.
 */
public interface Snapshots {
    /** A stored snapshot: the entries it covers, a name for messages, and its bytes (read on demand). */
    interface Stored {
        /** Journal entries the state covers. */
        long entries();

        /** A name for messages (e.g. the file). */
        String name();

        /** The state bytes. */
        byte[] state();
    }

    /**
     * The intact snapshots a journal of {@code journalEntries} entries may recover from, newest first; snapshots that
     * cannot be used are skipped with a message to {@code warnings}.
     */
    List<Stored> candidates(long journalEntries, Consumer<String> warnings);

    /** Stores the state after the first {@code entries} entries. */
    void write(long entries, byte[] state);

    /** No snapshots at all. */
    Snapshots NONE = new Snapshots() {
        @Override
        public List<Stored> candidates(final long journalEntries, final Consumer<String> warnings) {
            return List.of();
        }

        @Override
        public void write(final long entries, final byte[] state) {
        }
    };
}
