package io.ringtrade.engine.api.journal;

import io.ringtrade.engine.api.event.EngineEvent;

/**
 * The durable record of the engine's inputs (DESIGN.md §4). The pipeline's journal stage calls
 * {@link #append} for every input slot in sequence order and {@link #flush} at the end of each batch; the
 * gateway releases an input's effects only after its append (and flush, per the durability policy) returned.
 *
 * <p>Single-threaded: only the journal stage's thread calls it.
 */
public interface EventJournal extends AutoCloseable {
    /** Writes the input fields of {@code event} (not its effects) as the next entry. Must not allocate. */
    void append(EngineEvent event);

    /** Makes everything appended so far as durable as the configured policy promises. */
    void flush();

    /** Number of entries the journal holds (appended now and before this process started). */
    long entryCount();

    /** Closes files; idempotent. */
    @Override
    void close();

    /** A fresh journal that keeps nothing and only counts: backtests without {@code --journal-out}. */
    static EventJournal none() {
        return new EventJournal() {
            private long count;

            @Override
            public void append(final EngineEvent event) {
                count++;
            }

            @Override
            public void flush() {
            }

            @Override
            public long entryCount() {
                return count;
            }

            @Override
            public void close() {
            }
        };
    }
}
