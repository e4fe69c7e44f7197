package io.ringtrade.engine.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The Disruptor ring: its size, how its consumers wait and which threads run its stages ({@code ringtrade.pipeline}).
 *
 * <p>Immutable; built and read on the start-up (main) thread. Values are validated by {@link EngineConfigLoader};
 * the constructor only rejects nulls.
 *
 * @param ringSize     slots in the ring, a power of two in [{@value #RING_SIZE_MIN}, {@value #RING_SIZE_MAX}]
 * @param waitStrategy the configured wait strategy; {@link #effectiveWaitStrategy} resolves {@code auto}
 * @param timerInterval how often the engine clock of a paper or live run looks for due event-strategy timers and
 *                      journals a {@code TIMER} time advance when one is due ({@code timer-interval}); zero = off
 * @param barCloseDelay bars also close on the engine clock, this long after their end, instead of only at the first
 *                      input after it ({@code bar-close-delay}); null = off (the default, and what journals recorded
 *                      before the setting existed replay with)
 * @param layout       which threads run the stages ({@code layout}); {@link #effectiveLayout} resolves {@code auto}
 */
public record PipelineConfig(int ringSize, WaitStrategyKind waitStrategy, Duration timerInterval,
                             Duration barCloseDelay, PipelineLayout layout) {
    /** Default ring size: 64 Ki slots, a few milliseconds of burst at feed rates seen so far. */
    public static final int RING_SIZE_DEFAULT = 65_536;
    /** Smallest ring accepted. */
    public static final int RING_SIZE_MIN = 1_024;
    /** Largest ring accepted: slots are pre-allocated, so this bounds start-up memory. */
    public static final int RING_SIZE_MAX = 4_194_304;
    /** Default wait strategy. */
    public static final WaitStrategyKind WAIT_STRATEGY_DEFAULT = WaitStrategyKind.AUTO;
    /** Default layout. */
    public static final PipelineLayout LAYOUT_DEFAULT = PipelineLayout.AUTO;

    /**
     * Default timer interval: 100 ms, so a timer fires at most a tenth of a second late in a quiet market while an
     * idle engine journals at most ten time advances a second (and none while no timer is due).
     */
    public static final Duration TIMER_INTERVAL_DEFAULT = Duration.ofMillis(100);
    /** Largest timer interval accepted. */
    public static final Duration TIMER_INTERVAL_MAX = Duration.ofHours(1);
    /** Largest bar close delay accepted. */
    public static final Duration BAR_CLOSE_DELAY_MAX = Duration.ofHours(1);

    /** Rejects nulls. */
    public PipelineConfig {
        Objects.requireNonNull(waitStrategy, "waitStrategy");
        Objects.requireNonNull(timerInterval, "timerInterval");
        Objects.requireNonNull(layout, "layout");
    }

    /** A ring with the default timer interval. */
    public PipelineConfig(final int ringSize, final WaitStrategyKind waitStrategy) {
        this(ringSize, waitStrategy, TIMER_INTERVAL_DEFAULT, null, LAYOUT_DEFAULT);
    }

    /** Bars closing at the next input only. */
    public PipelineConfig(final int ringSize, final WaitStrategyKind waitStrategy, final Duration timerInterval) {
        this(ringSize, waitStrategy, timerInterval, null, LAYOUT_DEFAULT);
    }

    /** The wait strategy to use on a machine with {@code cores} available processors ({@code auto} resolved). */
    public WaitStrategyKind effectiveWaitStrategy(final int cores) {
        return waitStrategy.resolve(cores);
    }

    /** The layout to use on a machine with {@code cores} available processors ({@code auto} resolved). */
    public PipelineLayout effectiveLayout(final int cores) {
        return layout.resolve(cores);
    }
}
