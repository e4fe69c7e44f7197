package io.ringtrade.cli;

import io.ringtrade.adapters.ops.OpsEngine;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.pipeline.PipelineFailure;
import io.ringtrade.engine.pipeline.StatusBoard;
import io.ringtrade.engine.runtime.Engine;

/** The running {@link Engine} as the ops API sees it (publishing and the read model only). Any thread. */
final class EngineOps implements OpsEngine {
    private final Engine engine;

    EngineOps(final Engine engine) {
        this.engine = engine;
    }

    @Override
    public long offer(final EngineEvent input) {
        return engine.offer(input);
    }

    @Override
    public StatusBoard status() {
        return engine.status();
    }

    @Override
    public long dataTimeNanos() {
        return engine.dataTimeNanos();
    }

    @Override
    public long backlog() {
        return engine.backlog();
    }

    @Override
    public long journaled() {
        return engine.status().journaled();
    }

    @Override
    public PipelineFailure failure() {
        return engine.failure();
    }
}
