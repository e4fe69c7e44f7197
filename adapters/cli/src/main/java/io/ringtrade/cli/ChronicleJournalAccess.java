package io.ringtrade.cli;

import io.ringtrade.engine.api.journal.JournalAccess;
import io.ringtrade.engine.api.journal.JournalCursor;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The engine's read access to a Chronicle journal directory ({@link JournalAccess}), for recovery and replay: the
 * composition root's bridge between the engine core and the journal module. Start-up thread.
 */
final class ChronicleJournalAccess implements JournalAccess {
    private final Path dir;
    private final long entries;
    private final PrintWriter warnings;

    /** Access to {@code dir}, which holds {@code entries} entries; damaged tails are reported on {@code warnings}. */
    ChronicleJournalAccess(final Path dir, final long entries, final PrintWriter warnings) {
        this.dir = dir;
        this.entries = entries;
        this.warnings = warnings;
    }

    @Override
    public long entryCount() {
        return entries;
    }

    @Override
    public JournalCursor open(final long fromEntry) {
        return JournalInput.open(dir, fromEntry, warnings);
    }
}
