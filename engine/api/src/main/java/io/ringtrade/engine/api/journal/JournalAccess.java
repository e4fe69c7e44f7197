package io.ringtrade.engine.api.journal;

/**
 * Read access to one journal for the engine's recovery and replay, implemented by the journal module and wired in by
 * the composition root (the engine core depends on no journal implementation). Start-up thread.
 */
public interface JournalAccess {
    /** Entries the journal holds. */
    long entryCount();

    /** A cursor from entry {@code fromEntry} (inclusive) to the end. */
    JournalCursor open(long fromEntry);
}
