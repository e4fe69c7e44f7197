package io.ringtrade.engine.runtime;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.logic.BusinessLogic;

import java.util.List;

/**
 * Reconciles the recovered state with the venue before the engine trades (DESIGN.md §4: replay, then reconcile,
 * then go live). Called once by {@link Engine#start} on the start-up thread, after recovery and before the feed
 * starts, while business logic is idle and may be read; the inputs it returns are published first, so they are
 * journaled before they change any book and replay reproduces them.
 */
@FunctionalInterface
public interface StartupReconciliation {
    /**
     * The inputs to publish before anything else (execution reports, venue holds), in order.
     *
     * @param recovered business logic after recovery; read only, on this thread, during this call
     * @param recovery  what recovery did
     */
    List<EngineEvent> reconcile(BusinessLogic recovered, Engine.RecoveryReport recovery);
}
