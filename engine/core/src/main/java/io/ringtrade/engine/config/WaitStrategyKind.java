package io.ringtrade.engine.config;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import java.util.concurrent.TimeUnit;

/**
 * How the ring's consumers wait for the next event. Spinning and yielding give the lowest latency but keep a core
 * busy per consumer thread (journaler, business logic, gateway) even when no event comes; on a machine with fewer
 * cores than the pipeline has threads (CI has 2) that core is taken from the producers and from everything else, so
 * {@link #AUTO} picks {@link #YIELDING} only with at least {@value #MIN_CORES_FOR_YIELDING} cores and
 * {@link #PHASED_BACKOFF} below: it yields while events keep coming and sleeps once they stop. BENCHMARKS.md
 * ("Wait strategies") has the measurements behind the choice: on 2 cores {@link #BLOCKING}'s lock-and-condition
 * hand-offs cost tens of microseconds at the median and milliseconds at p99, and {@link #SLEEPING} adds its ~55 µs
 * nap to every hand-off at low rates.
 *
 * <p>Immutable; read on the start-up (main) thread.
 */
public enum WaitStrategyKind implements ConfigChoice {
    /** {@link #YIELDING} with at least {@value #MIN_CORES_FOR_YIELDING} cores, otherwise {@link #PHASED_BACKOFF}. */
    AUTO("auto"),
    /** Lock and condition: lowest CPU use, highest latency. */
    BLOCKING("blocking"),
    /** Spin, then yield, then park briefly: a compromise for shared machines. */
    SLEEPING("sleeping"),
    /** Spin, then {@link Thread#yield()}: low latency while leaving the core to other runnable threads. */
    YIELDING("yielding"),
    /**
     * Disruptor's {@link PhasedBackoffWaitStrategy}: spin for {@value #PHASED_SPIN_MICROS} µs, then yield until
     * {@value #PHASED_YIELD_MICROS} µs have passed without an event, then sleep like {@link #SLEEPING}: yielding's
     * latency while events keep coming, sleeping's idle cost once they stop.
     */
    PHASED_BACKOFF("phased-backoff"),
    /** Spin forever: lowest latency, needs one dedicated core per consumer thread. Never chosen by {@link #AUTO}. */
    BUSY_SPIN("busy-spin");

    /** Cores needed before {@link #AUTO} yields for good: three consumer threads plus at least one producer. */
    public static final int MIN_CORES_FOR_YIELDING = 4;
    /** {@link #PHASED_BACKOFF}: how long a consumer spins before it starts to yield. */
    public static final long PHASED_SPIN_MICROS = 10;
    /** {@link #PHASED_BACKOFF}: how long a consumer yields before it falls back to sleeping. */
    public static final long PHASED_YIELD_MICROS = 1_000;

    private final String label;

    WaitStrategyKind(final String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** This choice with {@link #AUTO} resolved for a machine with {@code cores} available processors. */
    public WaitStrategyKind resolve(final int cores) {
        if (this != AUTO) {
            return this;
        }
        return cores >= MIN_CORES_FOR_YIELDING ? YIELDING : PHASED_BACKOFF;
    }

    /**
     * A new Disruptor wait strategy of this kind ({@link #AUTO} resolved for this machine's core count); one per
     * ring, created on the start-up thread.
     */
    public WaitStrategy newWaitStrategy() {
        return switch (resolve(Runtime.getRuntime().availableProcessors())) {
            case BLOCKING -> new BlockingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case PHASED_BACKOFF -> PhasedBackoffWaitStrategy.withSleep(PHASED_SPIN_MICROS, PHASED_YIELD_MICROS,
                TimeUnit.MICROSECONDS);
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case AUTO -> throw new IllegalStateException("auto is resolved above");
        };
    }
}
