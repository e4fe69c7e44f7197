package io.ringtrade.bench;

import io.ringtrade.engine.api.event.EngineEvent;

/**
 * A running pipeline as the benchmarks drive it: the engine's Disruptor ring ({@link BenchEngine#ring}) or its
 * {@code ArrayBlockingQueue} twin ({@link BenchEngine#queues}). Built by {@link BenchEngine}; {@link #publish} from one
 * producer thread, {@link #drainAndStop} from the same thread at the end.
 */
interface Pipeline {
    /** Publishes a copy of {@code input} as the next input (sequence = number published before it). */
    void publish(EngineEvent input);

    /** Waits until every published input has passed every stage, then stops the stage threads. */
    void drainAndStop();

    /** e.g. "Disruptor ring, 65536 slots, yielding". */
    String description();
}
