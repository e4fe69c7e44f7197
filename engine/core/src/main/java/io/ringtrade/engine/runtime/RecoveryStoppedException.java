package io.ringtrade.engine.runtime;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.output.OutputFiles;

/**
 * Recovery (or replay) met a journal entry that business logic cannot process: it stops there, so the engine is not
 * started on a state that skipped an input silently. The operator decides: fix the cause, or pass over the entry
 * with {@code ringtrade journal skip DIR --entry N --reason …}, which journals a command so replay and recovery then
 * pass over it identically.
 */
public final class RecoveryStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long entry;

    /** Business logic threw {@code cause} on {@code input}. */
    public RecoveryStoppedException(final EngineEvent input, final Throwable cause) {
        super("entry " + input.sequence + " (" + EventType.name(input.type) + " at "
            + OutputFiles.isoTime(input.eventTimeNanos) + ") cannot be processed: " + cause.getMessage(), cause);
        this.entry = input.sequence;
    }

    /** The journal index of the entry. */
    public long entry() {
        return entry;
    }
}
