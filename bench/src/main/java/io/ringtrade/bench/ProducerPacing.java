package io.ringtrade.bench;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * How a paced producer waits for its next input's due time, and so what it leaves of its core to the machine's other
 * threads:
 * <ul>
 *   <li>{@code yielding}: {@code Thread.yield()} in a loop. The producer is always runnable and holds its core, as a
 *       spinning market-data thread would. On 2 cores, with a consumer that yields too, every other thread (the JIT,
 *       the pretoucher, the kernel's) must take a core from one of the two.</li>
 *   <li>{@code sleeping}: {@code LockSupport.parkNanos} until the due time, with this thread's timer slack cut to
 *       1 µs (Linux {@code prctl(PR_SET_TIMERSLACK)}; the default 50 µs would make each sleep end up to 50 µs late).
 *       The producer's core is free between inputs, as the core of a thread that reads its inputs from a socket is
 *       while it waits (Netty's event loop in {@code epoll_wait}, such as the ops API's). It wakes some µs late, and
 *       that lateness counts in the latency, which is measured from the due time.</li>
 * </ul>
 * Used on the producer's own thread only.
 */
enum ProducerPacing {
    YIELDING("yielding"),
    SLEEPING("sleeping");

    /** Linux {@code PR_SET_TIMERSLACK} (include/uapi/linux/prctl.h). */
    private static final int PR_SET_TIMERSLACK = 29;
    private static final long SLEEPING_TIMER_SLACK_NANOS = 1_000;

    private final String label;

    ProducerPacing(final String label) {
        this.label = label;
    }

    /** The name used on the command line and in results. */
    String label() {
        return label;
    }

    /** The pacing named {@code label}; refused with the valid names otherwise. */
    static ProducerPacing of(final String label) {
        for (final ProducerPacing pacing : values()) {
            if (pacing.label.equals(label)) {
                return pacing;
            }
        }
        throw new IllegalArgumentException("producer pacing '" + label + "': expected one of "
            + List.of(YIELDING.label, SLEEPING.label));
    }

    /**
     * Prepares the calling thread for this pacing, and says how: for {@code sleeping}, its timer slack is set to
     * 1 µs, or left at the kernel's default if the call is not possible here (the answer says which).
     */
    String prepareCurrentThread() {
        if (this == YIELDING) {
            return "yields while early";
        }
        return "parks while early (timer slack " + (setTimerSlack(SLEEPING_TIMER_SLACK_NANOS)
            ? SLEEPING_TIMER_SLACK_NANOS / 1_000 + " us)" : "the kernel's default: prctl not available)");
    }

    /** Waits until {@code System.nanoTime()} reaches {@code due}; returns the time it saw last. */
    long awaitDue(final long due) {
        long now;
        while ((now = System.nanoTime()) < due) {
            if (this == YIELDING) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(due - now);
            }
        }
        return now;
    }

    private static boolean setTimerSlack(final long nanos) {
        try {
            final Linker linker = Linker.nativeLinker();
            final MethodHandle prctl = linker.downcallHandle(linker.defaultLookup().findOrThrow("prctl"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG),
                Linker.Option.firstVariadicArg(1));
            return (int) prctl.invokeExact(PR_SET_TIMERSLACK, nanos) == 0;
        } catch (final Throwable notHere) {
            // not Linux, or native access refused: the sleeps are then up to 50 us late, and the result says so
            return false;
        }
    }
}
