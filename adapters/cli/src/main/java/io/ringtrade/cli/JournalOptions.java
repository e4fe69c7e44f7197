package io.ringtrade.cli;

import io.ringtrade.engine.config.JournalConfig;
import io.ringtrade.journal.JournalRetention;
import io.ringtrade.journal.JournalRollCycle;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Maps the journal's configuration ({@code ringtrade.journal}) onto the journal module's types: its roll cycle and its
 * retention. Stateless; start-up thread.
 */
final class JournalOptions {
    private JournalOptions() {
    }

    /** The journal module's roll cycle for the configured one. */
    static JournalRollCycle rollCycle(final JournalConfig journal) {
        return switch (journal.rollCycle()) {
            case DAILY -> JournalRollCycle.DAILY;
            case HOURLY -> JournalRollCycle.HOURLY;
            case MINUTELY -> JournalRollCycle.MINUTELY;
        };
    }

    /**
     * Retention for the journal in {@code journalDir} as configured (off unless {@code journal.retain} is set), on the
     * wall clock: the snapshot writer calls it after every snapshot.
     */
    static JournalRetention retention(final JournalConfig journal, final Path journalDir) {
        return new JournalRetention(journalDir, journal.retain(), journal.archiveDir(), Clock.systemUTC());
    }
}
