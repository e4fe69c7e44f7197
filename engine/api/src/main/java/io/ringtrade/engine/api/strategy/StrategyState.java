package io.ringtrade.engine.api.strategy;

import java.util.List;

/**
 * Where a strategy keeps anything it must remember between calls, so the engine can snapshot and restore it
 * exactly (recovery from a snapshot must give the same outputs as replaying every input). A strategy asks for its
 * cells once, in {@link StrategyDefinition#create(Parameters, StrategyState)}, keeps them in final fields and reads
 * and writes them while deciding. Asking after the first input is refused.
 *
 * <p>The engine refuses, at start, a strategy that keeps state anywhere else: every field of a strategy (and of the
 * objects it holds) must be final and of an immutable kind (primitives, strings, boxed numbers, enums,
 * {@link Parameters}) or one of these cells.
 *
 * <p>Names must be unique within one strategy instance; they label the values in snapshots. Business-logic thread.
 */
public interface StrategyState {
    /** A long initialised to {@code initial}. */
    LongCell longCell(String name, long initial);

    /** A double initialised to {@code initial}. */
    DoubleCell doubleCell(String name, double initial);

    /** An array of {@code length} longs, all {@code initial}. */
    LongArrayCell longArray(String name, int length, long initial);

    /** An array of {@code length} doubles, all {@code initial}. */
    DoubleArrayCell doubleArray(String name, int length, double initial);

    /**
     * The log of the weights of {@code members} (their names, in the order {@link WeightLog#record} numbers them),
     * whose rows the engine writes to {@code weights.csv}. At most once per strategy instance. A state that writes no
     * output files returns {@link WeightLog#NONE}.
     */
    default WeightLog weightLog(final List<String> members) {
        return WeightLog.NONE;
    }
}
