package io.ringtrade.cli;

import io.ringtrade.engine.runtime.RecoveryStoppedException;

import java.nio.file.Path;

/** The one-line messages for journal problems the operator must act on. Stateless. */
final class JournalErrors {
    private JournalErrors() {
    }

    /** Recovery or replay stopped at an entry business logic cannot process: say which, and how to pass over it. */
    static UserException stopped(final Path journal, final RecoveryStoppedException e) {
        return new UserException("journal " + journal + ": " + e.getMessage() + "; fix the cause, or pass over the"
            + " entry with: ringtrade journal skip " + journal + " --entry " + e.entry() + " --reason \"...\"");
    }
}
