package io.ringtrade.engine.api.journal;

import io.ringtrade.engine.api.market.MarketDataSource;

/**
 * Reads a journal's entries in order from a given entry, for replay and recovery: each slot it fills carries the
 * entry's own sequence (its journal index). Entries an operator passed over with {@code ringtrade journal skip} are
 * not delivered, so replay and recovery pass over them identically. A damaged tail ends the input at the last
 * complete entry. Single-threaded.
 */
public interface JournalCursor extends MarketDataSource, AutoCloseable {
    /** Index of the entry the next call to {@link #next} would read. */
    long nextEntry();

    /** Closes the files; idempotent. */
    @Override
    void close();
}
