package io.ringtrade.bench;

import io.ringtrade.engine.api.event.EngineEvent;

/**
 * What a benchmark sees of the orders a pipeline releases: one call per order, on the pipeline's gateway thread, with
 * the input slot that caused it. Lets the harnesses measure tick-to-order latency without depending on how the engine
 * itself represents its effects and gateway (only {@link BenchEngine} does).
 */
@FunctionalInterface
interface OrderTap {
    /** An order caused by {@code cause} is being released now. Gateway thread; must not allocate. */
    void onOrder(EngineEvent cause);

    /** Ignores every order. */
    OrderTap NONE = cause -> {
    };
}
