package io.ringtrade.engine.pipeline;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderEffect;

/**
 * Where released effects go: a live venue adapter's queue, the effects log, notifications. Called on the gateway
 * thread only, after the journal has passed the input that caused the effect. Must not block for long: a live venue
 * adapter only enqueues and does its I/O on its own thread.
 */
@FunctionalInterface
public interface EffectSink {
    /** Releases one venue request caused by {@code cause}. */
    void release(OrderEffect effect, EngineEvent cause);

    /** A sink for books on the simulated venue, which lives inside business logic: nothing leaves the process. */
    EffectSink NONE = (effect, cause) -> {
    };
}
