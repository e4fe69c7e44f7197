package io.ringtrade.engine.pipeline;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderEffect;

/**
 * Where released effects go: a live venue's order gateway, notifications. Called on the gateway thread only
 * after the journal has passed the input that caused the effect. Must not block for long.
 */
@FunctionalInterface
public interface EffectSink {
    /** Releases one order caused by {@code cause}. */
    void release(OrderEffect order, EngineEvent cause);

    /** A sink for the paper venue, which lives inside business logic: nothing leaves the process. */
    EffectSink NONE = (order, cause) -> {
    };
}
