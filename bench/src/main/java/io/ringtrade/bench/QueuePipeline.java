package io.ringtrade.bench;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.logic.BusinessLogic;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's pipeline built on {@link ArrayBlockingQueue}s instead of the Disruptor ring: the same three stages
 * (journal ∥ business logic, then the gateway after both) on three threads, handing pre-allocated slots over queues —
 * the comparison the Disruptor's own performance tests make against {@code ArrayBlockingQueue}. A baseline, not
 * engine code.
 * <pre>
 *   producer ──take a free slot, copy the input, stamp sequence and ingress──► toJournal ──► J journal.append
 *                                                                        └──► toLogic   ──► B logic.onEvent
 *   J ──► journaled ─┐                                                        (flush when toJournal is empty)
 *   B ──► decided  ──┴──► G gateway: takes the slot from both, in order; releases its orders; returns it ──► free
 * </pre>
 * Blocking {@code put}/{@code take} (lock and condition, like the ring's {@code blocking} wait strategy). Slots are
 * allocated once; a slot goes back to {@code free} only after the gateway, as a ring slot is reused only after its
 * last consumer. Threads: the producer calls {@link #publish} and {@link #drainAndStop}; three stage threads.
 */
final class QueuePipeline implements Pipeline {
    private final BlockingQueue<EngineEvent> free;
    private final BlockingQueue<EngineEvent> toJournal;
    private final BlockingQueue<EngineEvent> toLogic;
    private final BlockingQueue<EngineEvent> journaled;
    private final BlockingQueue<EngineEvent> decided;
    private final Thread[] threads;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final int capacity;
    private volatile long released;
    private volatile boolean stopping;
    private long published;

    QueuePipeline(final BusinessLogic logic, final EventJournal journal, final OrderTap tap, final int capacity) {
        this.capacity = capacity;
        this.free = new ArrayBlockingQueue<>(capacity);
        this.toJournal = new ArrayBlockingQueue<>(capacity);
        this.toLogic = new ArrayBlockingQueue<>(capacity);
        this.journaled = new ArrayBlockingQueue<>(capacity);
        this.decided = new ArrayBlockingQueue<>(capacity);
        for (int i = 0; i < capacity; i++) {
            free.add(new EngineEvent());
        }
        this.threads = new Thread[] {
            stage("queue-journal", () -> {
                final EngineEvent slot = toJournal.take();
                journal.append(slot);
                if (toJournal.isEmpty()) {
                    journal.flush();
                }
                journaled.put(slot);
            }),
            stage("queue-logic", () -> {
                final EngineEvent slot = toLogic.take();
                logic.onEvent(slot);
                decided.put(slot);
            }),
            stage("queue-gateway", () -> {
                final EngineEvent slot = journaled.take();
                if (decided.take() != slot) {
                    throw new IllegalStateException("journal and logic stages passed different slots");
                }
                BenchEngine.releaseOrders(slot, tap);
                slot.effects.clear();
                released++;
                free.put(slot);
            })};
        for (final Thread thread : threads) {
            thread.start();
        }
    }

    /** One step of a stage's loop; may block. */
    @FunctionalInterface
    private interface Step {
        void run() throws InterruptedException;
    }

    private Thread stage(final String name, final Step step) {
        final Thread thread = new Thread(() -> {
            try {
                while (!stopping) {
                    step.run();
                }
            } catch (final InterruptedException e) {
                // stopped by drainAndStop
            } catch (final Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void publish(final EngineEvent input) {
        final EngineEvent slot;
        try {
            slot = free.take();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
        slot.clear();
        slot.copyInputFrom(input);
        slot.sequence = published++;
        slot.ingressNanos = System.nanoTime();
        // Capacity equals the number of slots, so these never block.
        toJournal.add(slot);
        toLogic.add(slot);
    }

    @Override
    public void drainAndStop() {
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (released < published && failure.get() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("queue pipeline did not drain within a minute");
            }
            LockSupport.parkNanos(100_000L);
        }
        stopping = true;
        for (final Thread thread : threads) {
            thread.interrupt();
        }
        for (final Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        final Throwable cause = failure.get();
        if (cause != null) {
            throw new IllegalStateException("a queue pipeline stage failed: " + cause, cause);
        }
    }

    @Override
    public String description() {
        return "ArrayBlockingQueue stages, " + capacity + " slots, blocking put/take";
    }
}
