package io.ringtrade.cli;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.JournalCursor;
import io.ringtrade.journal.JournalException;
import io.ringtrade.journal.JournalReader;
import io.ringtrade.journal.JournalSkips;
import io.ringtrade.journal.SkippedEntries;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Reads a journal as an input source for replay, recovery and backtests. Entries named by {@code SKIP_ENTRY}
 * commands ({@code ringtrade journal skip}) are passed over, found by {@link JournalSkips#scan} before the first read,
 * so replay and recovery leave them out identically every time. An incomplete or corrupt tail ends the input at the
 * last complete entry and is reported once on the given stream, with the entry index; complete entries are never
 * dropped. Single-threaded.
 */
final class JournalInput implements JournalCursor {
    private final JournalReader reader;
    private final SkippedEntries skipped;
    private final PrintWriter warnings;
    private String tailProblem;

    private JournalInput(final JournalReader reader, final SkippedEntries skipped, final PrintWriter warnings) {
        this.reader = reader;
        this.skipped = skipped;
        this.warnings = warnings;
    }

    /**
     * Opens {@code dir} for reading from entry 0; a journal whose first entries retention removed is refused (it can
     * only be read from a snapshot, see {@code ReplayStart}).
     */
    static JournalInput open(final Path dir, final PrintWriter warnings) {
        return open(dir, 0, warnings);
    }

    /** Opens {@code dir} for reading from entry {@code from}. */
    static JournalInput open(final Path dir, final long from, final PrintWriter warnings) {
        final JournalReader reader = JournalReader.open(dir, from);
        try {
            return new JournalInput(reader, JournalSkips.scan(dir, from), warnings);
        } catch (final RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public boolean next(final EngineEvent slot) {
        if (tailProblem != null) {
            return false;
        }
        try {
            while (reader.next(slot)) {
                if (!skipped.contains(reader.lastEntry())) {
                    return true;
                }
            }
            return false;
        } catch (final JournalException e) {
            if (!e.damagedTail()) {
                throw e;
            }
            tailProblem = e.getMessage();
            warnings.println("ringtrade: " + tailProblem + "; input ends at the last complete entry ("
                + reader.nextEntry() + " entries read)");
            warnings.flush();
            return false;
        }
    }

    @Override
    public long nextEntry() {
        return reader.nextEntry();
    }

    /** Entries read so far. */
    long entriesRead() {
        return reader.nextEntry();
    }

    /** The tail problem met, or null when the journal ended cleanly. */
    String tailProblem() {
        return tailProblem;
    }

    @Override
    public void close() {
        reader.close();
    }
}
