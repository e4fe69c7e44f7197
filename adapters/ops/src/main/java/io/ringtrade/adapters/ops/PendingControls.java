package io.ringtrade.adapters.ops;

import io.ringtrade.engine.pipeline.GatewayHooks;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Control requests waiting for business logic to apply their command: registered by a Netty thread under the
 * sequence of the input it published, completed by the gateway thread when it has passed that input (journaled,
 * applied, its effects released). No correlation id is journaled: the input's sequence is the match.
 *
 * <p>The gateway may pass the input before the Netty thread registers it; both sides therefore check: the gateway
 * records the highest command sequence it passed before looking for a waiter, and the registering thread looks at
 * that mark after registering. Whoever removes the waiter completes it, exactly once.
 */
final class PendingControls implements GatewayHooks.CommandListener {
    /** Completes one control request; runs on whichever thread removed it. */
    @FunctionalInterface
    interface Waiter {
        void released(long sequence);
    }

    private final ConcurrentHashMap<Long, Waiter> waiting = new ConcurrentHashMap<>();
    private final AtomicLong releasedUpTo = new AtomicLong(-1);

    @Override
    public void onCommandReleased(final long sequence) {
        releasedUpTo.accumulateAndGet(sequence, Math::max);
        final Waiter waiter = waiting.remove(sequence);
        if (waiter != null) {
            waiter.released(sequence);
        }
    }

    /** Waits for the command input {@code sequence}; completes at once if the gateway already passed it. */
    void await(final long sequence, final Waiter waiter) {
        waiting.put(sequence, waiter);
        if (releasedUpTo.get() >= sequence) {
            final Waiter mine = waiting.remove(sequence);
            if (mine != null) {
                mine.released(sequence);
            }
        }
    }

    /** Gives up waiting (a timeout); returns whether the request was still waiting (and so is now the caller's). */
    boolean abandon(final long sequence) {
        return waiting.remove(sequence) != null;
    }
}
