package io.ringtrade.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How the ring's consumer threads wait for work. A configuration choice because the right answer depends on
 * the machine: spinning strategies burn a core per stage and only pay when there are cores to spare.
 */
public enum WaitStrategyChoice {
    /** Yielding when the machine has at least 4 cores (three stages plus a producer), else blocking. */
    AUTO,
    /** Lock and condition: no CPU when idle, microseconds of wake-up latency. */
    BLOCKING,
    /** Spin, then yield, then sleep briefly: little CPU when idle. */
    SLEEPING,
    /** Spin then yield: low latency, one busy core per stage. */
    YIELDING,
    /** Spin only: lowest latency, one fully busy core per stage; never on small machines. */
    BUSY_SPIN;

    /** The concrete choice for a machine with {@code cores} available processors. */
    public WaitStrategyChoice resolve(final int cores) {
        if (this != AUTO) {
            return this;
        }
        return cores >= 4 ? YIELDING : BLOCKING;
    }

    /** A new Disruptor wait strategy for this (resolved) choice. */
    public WaitStrategy create(final int cores) {
        return switch (resolve(cores)) {
            case BLOCKING -> new BlockingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case AUTO -> throw new IllegalStateException("AUTO resolves to a concrete strategy");
        };
    }

    /** Lower-case, hyphenated name as used in configuration, e.g. {@code busy-spin}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The choice for a configuration label. */
    public static WaitStrategyChoice parse(final String label) {
        for (final WaitStrategyChoice choice : values()) {
            if (choice.label().equals(label)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown wait strategy '" + label
            + "' (expected auto, blocking, sleeping, yielding or busy-spin)");
    }
}
