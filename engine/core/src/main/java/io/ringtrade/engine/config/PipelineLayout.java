package io.ringtrade.engine.config;

/**
 * Which threads run the pipeline's stages (DESIGN.md §3). The rule is the same in both: an input is journaled, then
 * business logic processes it, and nothing it caused leaves the process before the journal has passed it. What
 * differs is how many threads carry that out, and so how many cores the engine keeps busy under load:
 * <ul>
 *   <li>{@link #PARALLEL}: the journal and business logic each on their own thread, side by side, and the gateway on a
 *   third after both — three consumer threads plus the producers. It needs the cores to run them at once.</li>
 *   <li>{@link #FUSED}: the three stages one after another on one consumer thread: each input is appended and
 *   processed, and at the end of each batch the journal is flushed and then what the batch caused is released. Two
 *   busy threads (a producer and the consumer) fit a 2-core machine, where the parallel layout's four fight for two
 *   cores and every hand-off between them waits for the scheduler.</li>
 * </ul>
 * {@link #AUTO} picks {@link #PARALLEL} with at least {@value #MIN_CORES_FOR_PARALLEL} cores and {@link #FUSED} below;
 * BENCHMARKS.md ("Pipeline layout") has the measurements. The layout does not change what business logic computes:
 * journals, replays and outputs are the same in both.
 *
 * <p>Immutable; read on the start-up (main) thread.
 */
public enum PipelineLayout implements ConfigChoice {
    /** {@link #PARALLEL} with at least {@value #MIN_CORES_FOR_PARALLEL} cores, otherwise {@link #FUSED}. */
    AUTO("auto"),
    /** Journal and business logic on two threads side by side, the gateway on a third after both. */
    PARALLEL("parallel"),
    /** Journal, business logic and gateway one after another on one consumer thread. */
    FUSED("fused");

    /**
     * Cores needed before {@link #AUTO} runs the stages in parallel: three consumer threads plus a producer, each on a
     * core of its own — the same machine on which {@link WaitStrategyKind#AUTO} stops backing off.
     */
    public static final int MIN_CORES_FOR_PARALLEL = WaitStrategyKind.MIN_CORES_FOR_YIELDING;

    private final String label;

    PipelineLayout(final String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** This choice with {@link #AUTO} resolved for a machine with {@code cores} available processors. */
    public PipelineLayout resolve(final int cores) {
        if (this != AUTO) {
            return this;
        }
        return cores >= MIN_CORES_FOR_PARALLEL ? PARALLEL : FUSED;
    }
}
