package io.ringtrade.cli;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.journal.JournalException;
import io.ringtrade.journal.JournalReader;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Reads a journal as an input source for replay, recovery and backtests. An incomplete or corrupt tail ends the
 * input at the last complete entry and is reported once on the given stream, with the entry index; complete
 * entries are never dropped. Single-threaded.
 */
final class JournalInput implements MarketDataSource, AutoCloseable {
    private final JournalReader reader;
    private final PrintWriter warnings;
    private String tailProblem;

    private JournalInput(final JournalReader reader, final PrintWriter warnings) {
        this.reader = reader;
        this.warnings = warnings;
    }

    /**
     * Opens {@code dir} for reading from entry 0; a journal whose first entries retention removed is refused (it can
     * only be read from a snapshot, see {@code ReplayStart}).
     */
    static JournalInput open(final Path dir, final PrintWriter warnings) {
        return new JournalInput(JournalReader.open(dir, 0), warnings);
    }

    /** Opens {@code dir} for reading from entry {@code from}. */
    static JournalInput open(final Path dir, final long from, final PrintWriter warnings) {
        return new JournalInput(JournalReader.open(dir, from), warnings);
    }

    @Override
    public boolean next(final EngineEvent slot) {
        if (tailProblem != null) {
            return false;
        }
        try {
            return reader.next(slot);
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
