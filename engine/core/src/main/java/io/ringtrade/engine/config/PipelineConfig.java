package io.ringtrade.engine.config;

import java.util.Objects;

/**
 * The Disruptor ring: its size and how its consumers wait ({@code ringtrade.pipeline}).
 *
 * <p>Immutable; built and read on the start-up (main) thread. Values are validated by {@link EngineConfigLoader};
 * the constructor only rejects nulls.
 *
 * @param ringSize     slots in the ring, a power of two in [{@value #RING_SIZE_MIN}, {@value #RING_SIZE_MAX}]
 * @param waitStrategy the configured wait strategy; {@link #effectiveWaitStrategy} resolves {@code auto}
 */
public record PipelineConfig(int ringSize, WaitStrategyKind waitStrategy) {
    /** Default ring size: 64 Ki slots, a few milliseconds of burst at feed rates seen so far. */
    public static final int RING_SIZE_DEFAULT = 65_536;
    /** Smallest ring accepted. */
    public static final int RING_SIZE_MIN = 1_024;
    /** Largest ring accepted: slots are pre-allocated, so this bounds start-up memory. */
    public static final int RING_SIZE_MAX = 4_194_304;
    /** Default wait strategy. */
    public static final WaitStrategyKind WAIT_STRATEGY_DEFAULT = WaitStrategyKind.AUTO;

    /** Rejects nulls. */
    public PipelineConfig {
        Objects.requireNonNull(waitStrategy, "waitStrategy");
    }

    /** The wait strategy to use on a machine with {@code cores} available processors ({@code auto} resolved). */
    public WaitStrategyKind effectiveWaitStrategy(final int cores) {
        return waitStrategy.resolve(cores);
    }
}
