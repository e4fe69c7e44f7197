package io.ringtrade.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.config.WaitStrategyKind;
import io.ringtrade.engine.logic.BusinessLogic;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's one Disruptor pipeline (DESIGN.md §3), wired once here:
 * <pre>
 *   producers (feeds, webhook, ops) ──► RingBuffer&lt;EngineEvent&gt; (multi-producer, pre-allocated slots)
 *                                          │
 *                                          ├──► 1a. J  journal: append each input, flush at end of batch
 *                                          └──► 1b. B  business logic (fused stages, one thread)
 *                                                     │
 *                              after 1a and 1b ──► 2. G  gateway: release effects, record latency
 * </pre>
 * Nothing an input causes leaves the process before the journal has passed that input.
 *
 * <p>Producers call {@link #publish} from any thread. Sequences: the slot's {@code sequence} is the input's
 * position in the engine's whole input history ({@code firstSequence} + ring sequence), so order ids keep
 * counting across restarts.
 */
public final class EnginePipeline implements AutoCloseable {
    private final Disruptor<EngineEvent> disruptor;
    private final RingBuffer<EngineEvent> ring;
    private final StatusBoard status;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final EventTranslatorOneArg<EngineEvent, EngineEvent> copyInput;
    private final String waitStrategyLabel;
    private final EventHandler<EngineEvent> lastStage;
    private volatile boolean stopped;

    /** Receives business-logic snapshots, on the business-logic thread; must hand the bytes off quickly. */
    @FunctionalInterface
    public interface SnapshotSink {
        /** A snapshot of the state after the first {@code entries} inputs. */
        void onSnapshot(long entries, byte[] state);
    }

    /** Builds and starts the pipeline without snapshots. */
    public EnginePipeline(final BusinessLogic logic, final EventJournal journal, final EffectSink sink,
                          final int ringSize, final WaitStrategyKind waitStrategy, final long firstSequence) {
        this(logic, journal, sink, ringSize, waitStrategy, firstSequence, 0, (entries, state) -> {
        });
    }

    /**
     * Builds and starts the pipeline.
     *
     * @param firstSequence    sequence number of the first input published here (journal entries already present)
     * @param snapshotInterval take a snapshot after every this many inputs (counted over the whole journal); 0 = never
     * @param snapshots        where snapshots go
     */
    public EnginePipeline(final BusinessLogic logic, final EventJournal journal, final EffectSink sink,
                          final int ringSize, final WaitStrategyKind waitStrategy, final long firstSequence,
                          final long snapshotInterval, final SnapshotSink snapshots) {
        final int cores = Runtime.getRuntime().availableProcessors();
        this.waitStrategyLabel = waitStrategy.resolve(cores).label();
        this.status = new StatusBoard(logic);
        this.copyInput = (slot, ringSequence, source) -> {
            slot.clear();
            slot.copyInputFrom(source);
            slot.sequence = firstSequence + ringSequence;
            slot.ingressNanos = System.nanoTime();
        };
        this.disruptor = new Disruptor<>(EngineEvent::new, ringSize, stageThreads(), ProducerType.MULTI,
            waitStrategy.newWaitStrategy());
        disruptor.setDefaultExceptionHandler(new StopOnFailure());
        final EventHandler<EngineEvent> journalStage = (event, sequence, endOfBatch) -> {
            journal.append(event);
            if (endOfBatch) {
                journal.flush();
                status.publishJournaled(journal.entryCount());
            }
        };
        final EventHandler<EngineEvent> businessStage = (event, sequence, endOfBatch) -> {
            logic.onEvent(event);
            if (snapshotInterval > 0 && (event.sequence + 1) % snapshotInterval == 0) {
                snapshots.onSnapshot(event.sequence + 1, logic.snapshot());
            }
            if (endOfBatch) {
                status.publish(logic);
            }
        };
        final EventHandler<EngineEvent> gatewayStage = (event, sequence, endOfBatch) -> {
            final int count = event.effects.size();
            if (count > 0) {
                status.recordTickToOrder(System.nanoTime() - event.ingressNanos);
                for (int i = 0; i < count; i++) {
                    sink.release(event.effects.order(i), event);
                }
            }
        };
        disruptor.handleEventsWith(journalStage, businessStage).then(gatewayStage);
        this.lastStage = gatewayStage;
        this.ring = disruptor.start();
    }

    private static ThreadFactory stageThreads() {
        final AtomicInteger count = new AtomicInteger();
        final String[] names = {"ringtrade-journal", "ringtrade-logic", "ringtrade-gateway"};
        return runnable -> {
            final int n = count.getAndIncrement();
            final Thread thread = new Thread(runnable, n < names.length ? names[n] : "ringtrade-stage-" + n);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Publishes a copy of {@code input}'s input fields as the next input. Any thread; blocks when the ring is full. */
    public void publish(final EngineEvent input) {
        if (stopped) {
            throw new IllegalStateException("pipeline stopped");
        }
        ring.publishEvent(copyInput, input);
    }

    /** Waits until every published input has passed all stages, then stops the stage threads. */
    public void drainAndStop(final long timeout, final TimeUnit unit) {
        stopped = true;
        // Disruptor.shutdown() only waits for consumers that are already running, so right after start it can
        // halt before a stage thread has begun and silently drop the backlog. Wait on the last stage's own
        // sequence instead: once the gateway has passed the cursor, every input went through every stage.
        final long target = ring.getCursor();
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (disruptor.getSequenceValueFor(lastStage) < target && failure.get() == null) {
            if (System.nanoTime() > deadline) {
                disruptor.halt();
                throw new IllegalStateException("pipeline did not drain within " + timeout + " " + unit);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000L);
        }
        disruptor.halt();
        final Throwable cause = failure.get();
        if (cause != null) {
            throw new IllegalStateException("a pipeline stage failed: " + cause, cause);
        }
    }

    /** The read model for other threads. */
    public StatusBoard status() {
        return status;
    }

    /** The wait strategy in use, e.g. {@code blocking}. */
    public String waitStrategy() {
        return waitStrategyLabel;
    }

    /** The first failure of a stage, or null. */
    public Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() {
        if (!stopped) {
            drainAndStop(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A failing stage must not let business logic run on with a gap in its input: record the failure and halt
     * the ring, so nothing further is processed or released.
     */
    private final class StopOnFailure implements ExceptionHandler<EngineEvent> {
        @Override
        public void handleEventException(final Throwable ex, final long sequence, final EngineEvent event) {
            failure.compareAndSet(null, ex);
            stopped = true;
            new Thread(disruptor::halt, "ringtrade-halt").start();
        }

        @Override
        public void handleOnStartException(final Throwable ex) {
            failure.compareAndSet(null, ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex) {
            failure.compareAndSet(null, ex);
        }
    }
}
