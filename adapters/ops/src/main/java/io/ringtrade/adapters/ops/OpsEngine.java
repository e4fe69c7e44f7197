package io.ringtrade.adapters.ops;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.pipeline.PipelineFailure;
import io.ringtrade.engine.pipeline.StatusBoard;

/**
 * What the ops API needs of a running engine, and nothing more: publishing an input without waiting, the read model,
 * the data time commands are stamped with, and whether the pipeline failed. It never reaches business-logic state.
 * Implemented over {@link io.ringtrade.engine.runtime.Engine} by the composition root; any thread.
 */
public interface OpsEngine {
    /** Publishes a copy of {@code input}; returns its sequence (journal entry), or -1 at once when the ring is full. */
    long offer(EngineEvent input);

    /** The read model: counters, the latest state view, latencies. */
    StatusBoard status();

    /** The event time an operator's command is stamped with (the data's "now"). */
    long dataTimeNanos();

    /** Inputs published but not yet through every stage. */
    long backlog();

    /** Entries in the journal. */
    long journaled();

    /** Why the pipeline failed, or null while it runs. */
    PipelineFailure failure();
}
