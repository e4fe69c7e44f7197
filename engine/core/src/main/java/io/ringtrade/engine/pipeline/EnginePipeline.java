package io.ringtrade.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.config.PipelineLayout;
import io.ringtrade.engine.config.WaitStrategyKind;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.view.EngineView;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

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
 * Nothing an input causes leaves the process before the journal has passed that input. That is the
 * {@link PipelineLayout#PARALLEL parallel} layout, three consumer threads; the {@link PipelineLayout#FUSED fused}
 * one runs J, B and G one after another on one consumer thread for machines with few cores: each input is appended
 * and processed, and at the end of each batch the journal is flushed and then the batch's effects are released, in
 * input order. Business logic sees the same inputs in the same order either way.
 *
 * <p><b>Fail closed.</b> When a stage throws, the pipeline records which stage and which input
 * ({@link PipelineFailure}) before the exception leaves the stage, and the stage stops without marking the input
 * processed (its exception handler rethrows, so Disruptor never advances that stage's sequence over it). The gateway
 * checks the failure before every release: no effect of the failed input, nor of any later one, leaves the process
 * — not even when a journal failure lets business logic run ahead — while what the inputs before it caused (journaled
 * and processed) is still released. Business logic stops at its next input; the journal finishes its batch; then the
 * ring halts. Fused, the same holds on one thread: a journal failure releases nothing of its batch (none of it was
 * flushed), and a business-logic failure flushes the journal and releases what the batch's inputs before it caused.
 *
 * <p>Producers call {@link #publish} from any thread. Sequences: the slot's {@code sequence} is the input's position
 * in the engine's whole input history ({@code firstSequence} + ring sequence), so order ids keep counting across
 * restarts.
 */
public final class EnginePipeline implements AutoCloseable {
    private static final String JOURNAL = "journal";
    private static final String BUSINESS_LOGIC = "business logic";
    private static final String GATEWAY = "gateway";

    private final Disruptor<EngineEvent> disruptor;
    private final RingBuffer<EngineEvent> ring;
    private final StatusBoard status;
    private final AtomicReference<PipelineFailure> failure = new AtomicReference<>();
    private final EventTranslatorOneArg<EngineEvent, EngineEvent> copyInput;
    private final String waitStrategyLabel;
    private final PipelineLayout layout;
    private final EventJournal journal;
    private final LongSupplier clock;
    private final Step logicStep;
    private final Step gatewayStep;
    private final EventHandler<EngineEvent> lastStage;
    /** The parallel layout's journal and business-logic stages; null when fused. */
    private final EventHandler<EngineEvent> journalStage;
    private final EventHandler<EngineEvent> businessStage;
    private final long firstSequence;
    private volatile boolean stopped;

    /** Receives business-logic snapshots, on the business-logic thread; must hand the bytes off quickly. */
    @FunctionalInterface
    public interface SnapshotSink {
        /** A snapshot of the state after the first {@code entries} inputs. */
        void onSnapshot(long entries, byte[] state);
    }

    /** What one stage does with one input; {@code endOfBatch} when no further input is available yet. */
    @FunctionalInterface
    private interface Step {
        void process(EngineEvent event, boolean endOfBatch);
    }

    /** Builds and starts the pipeline without snapshots or hooks, in the layout {@code auto} picks for this machine. */
    public EnginePipeline(final BusinessLogic logic, final EventJournal journal, final EffectSink sink,
                          final int ringSize, final WaitStrategyKind waitStrategy, final long firstSequence) {
        this(logic, journal, sink, ringSize, waitStrategy, firstSequence, 0, (entries, state) -> {
        }, System::nanoTime, GatewayHooks.NONE, PipelineLayout.AUTO);
    }

    /**
     * Builds and starts the pipeline with the edges' hooks: NOTIFY effects go to {@code hooks.notifier()} (never to
     * {@code sink}), the gateway tells {@code hooks.commands()} of every command input it has passed, and business
     * logic publishes its state view as {@code hooks.viewIntervalNanos()} says.
     *
     * @param firstSequence    sequence number of the first input published here (journal entries already present)
     * @param snapshotInterval take a snapshot after every this many inputs (counted over the whole journal); 0 = never
     * @param snapshots        where snapshots go
     * @param clock            the monotonic clock for ingress times and latency (never read by business logic)
     * @param layout           which threads run the stages ({@code auto} resolved for this machine's core count)
     */
    public EnginePipeline(final BusinessLogic logic, final EventJournal journal, final EffectSink sink,
                          final int ringSize, final WaitStrategyKind waitStrategy, final long firstSequence,
                          final long snapshotInterval, final SnapshotSink snapshots, final LongSupplier clock,
                          final GatewayHooks hooks, final PipelineLayout layout) {
        final int cores = Runtime.getRuntime().availableProcessors();
        this.firstSequence = firstSequence;
        this.waitStrategyLabel = waitStrategy.resolve(cores).label();
        this.layout = layout.resolve(cores);
        this.journal = journal;
        this.clock = clock;
        this.status = new StatusBoard(logic);
        this.copyInput = (slot, ringSequence, source) -> {
            slot.clear();
            slot.copyInputFrom(source);
            slot.sequence = firstSequence + ringSequence;
            slot.ingressNanos = clock.getAsLong();
        };
        this.disruptor = new Disruptor<>(EngineEvent::new, ringSize, stageThreads(), ProducerType.MULTI,
            waitStrategy.newWaitStrategy());
        // taken before the stage threads start, so that they see it
        this.ring = disruptor.getRingBuffer();
        final long viewInterval = hooks.viewIntervalNanos();
        // what recovery restored is visible before the first new input (a restart on a finished feed may get none);
        // the stage threads are not started yet, so this thread may read business logic and the journal
        status.publishJournaled(journal.entryCount());
        if (viewInterval >= 0) {
            status.publishView(EngineView.capture(logic, firstSequence - 1));
        }
        this.logicStep = new Step() {
            private long lastView = Long.MIN_VALUE / 2;

            @Override
            public void process(final EngineEvent event, final boolean endOfBatch) {
                logic.onEvent(event);
                if (snapshotInterval > 0 && (event.sequence + 1) % snapshotInterval == 0) {
                    snapshots.onSnapshot(event.sequence + 1, logic.snapshot());
                }
                if (viewInterval >= 0 && event.type == EventType.COMMAND) {
                    // before the input is reported done: the gateway answers a control request with this view
                    status.publishView(EngineView.capture(logic, event.sequence));
                    lastView = clock.getAsLong();
                }
                if (endOfBatch) {
                    status.publish(logic);
                    final long now = clock.getAsLong();
                    status.recordStage(StatusBoard.STAGE_LOGIC, now - event.ingressNanos);
                    // at most once per interval under load (a view allocates), and always when the ring runs empty, so
                    // that an idle engine's view is never stale
                    if (viewInterval >= 0 && (now - lastView >= viewInterval
                        || ring.getCursor() == event.sequence - firstSequence)) {
                        status.publishView(EngineView.capture(logic, event.sequence));
                        lastView = now;
                    }
                }
            }
        };
        final Notifier notifier = hooks.notifier();
        final GatewayHooks.CommandListener commands = hooks.commands();
        this.gatewayStep = (event, endOfBatch) -> {
            final int count = event.effects.size();
            if (count > 0) {
                stopAtOrAfterFailedInput(event);
                boolean order = false;
                for (int i = 0; i < count; i++) {
                    final OrderEffect effect = event.effects.get(i);
                    if (effect.kind == EffectKind.NOTIFY) {
                        notifier.onNotify(effect, event);
                    } else {
                        sink.release(effect, event);
                        order = true;
                    }
                }
                if (order) {
                    status.recordTickToOrder(clock.getAsLong() - event.ingressNanos);
                }
            }
            if (event.type == EventType.COMMAND) {
                stopAtOrAfterFailedInput(event);
                commands.onCommandReleased(event.sequence);
            }
            if (endOfBatch) {
                status.recordStage(StatusBoard.STAGE_GATEWAY, clock.getAsLong() - event.ingressNanos);
            }
        };
        if (this.layout == PipelineLayout.FUSED) {
            this.journalStage = null;
            this.businessStage = null;
            this.lastStage = new FusedStage();
            disruptor.handleEventsWith(lastStage);
            // the fused stage records which of its steps failed before the exception reaches this handler
            disruptor.handleExceptionsFor(lastStage).with(new StopOnFailure(BUSINESS_LOGIC));
        } else {
            // the journal reports its inputs done only at its flush (durability is promised there: with sync-on-batch
            // an input is journaled only at the batch's end), and goes on after another stage failed (journaling more
            // inputs is harmless, recovery stops at the failed one, and it lets the batch that holds the inputs
            // before the failure complete, so the gateway can release what they caused)
            this.journalStage = new ReportingStage((event, endOfBatch) -> {
                journal.append(event);
                if (endOfBatch) {
                    flushJournal(event);
                }
            }, false, false);
            this.businessStage = new ReportingStage(logicStep, true, true);
            this.lastStage = (event, sequence, endOfBatch) -> gatewayStep.process(event, endOfBatch);
            disruptor.handleEventsWith(journalStage, businessStage).then(lastStage);
            disruptor.handleExceptionsFor(journalStage).with(new StopOnFailure(JOURNAL));
            disruptor.handleExceptionsFor(businessStage).with(new StopOnFailure(BUSINESS_LOGIC));
            disruptor.handleExceptionsFor(lastStage).with(new StopOnFailure(GATEWAY));
        }
        disruptor.start();
    }

    /** Flushes the journal at the end of a batch (durability is promised here) and reports how far it got. */
    private void flushJournal(final EngineEvent lastOfBatch) {
        journal.flush();
        status.publishJournaled(journal.entryCount());
        status.recordStage(StatusBoard.STAGE_JOURNAL, clock.getAsLong() - lastOfBatch.ingressNanos);
    }

    /**
     * Records that {@code stage} failed on {@code event} (null: on no input) unless a failure is recorded already (the
     * first one is the cause; later ones are its consequences) or {@code cause} is only the stop another stage's
     * failure asked for.
     */
    private void recordFailure(final String stage, final EngineEvent event, final Throwable cause) {
        if (!(cause instanceof StageStopped)) {
            failure.compareAndSet(null, new PipelineFailure(stage, event == null ? -1 : event.sequence,
                event == null ? 0 : event.type, cause));
        }
    }

    private void stopIfFailed() {
        if (failure.get() != null) {
            throw new StageStopped();
        }
    }

    /**
     * The gateway releases the effects of inputs before a failed one (they were journaled and processed), and stops
     * at the failed input: nothing it or any later input caused leaves the process.
     */
    private void stopAtOrAfterFailedInput(final EngineEvent event) {
        final PipelineFailure failed = failure.get();
        if (failed != null && (failed.inputSequence() < 0 || event.sequence >= failed.inputSequence())) {
            throw new StageStopped();
        }
    }

    /**
     * A journal or business-logic stage of the parallel layout: stops at its next input once the pipeline has failed
     * (when {@code stopsWhenAnotherStageFails}), and reports each input done as soon as it is rather than at the end of
     * its batch (when {@code reportsEachInput}), so that when a later input of the same batch fails the gateway can
     * still release what the inputs before it caused.
     */
    private final class ReportingStage implements EventHandler<EngineEvent> {
        private final Step step;
        private final boolean reportsEachInput;
        private final boolean stopsWhenAnotherStageFails;
        private Sequence done;

        ReportingStage(final Step step, final boolean reportsEachInput, final boolean stopsWhenAnotherStageFails) {
            this.step = step;
            this.reportsEachInput = reportsEachInput;
            this.stopsWhenAnotherStageFails = stopsWhenAnotherStageFails;
        }

        @Override
        public void setSequenceCallback(final Sequence sequenceCallback) {
            this.done = sequenceCallback;
        }

        @Override
        public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
            if (stopsWhenAnotherStageFails) {
                stopIfFailed();
            }
            step.process(event, endOfBatch);
            if (reportsEachInput) {
                done.set(sequence);
            }
        }
    }

    /**
     * The fused layout's one consumer: appends each input to the journal and runs business logic on it; at the end of
     * each batch flushes the journal and then releases what the batch's inputs caused, in input order. The batch's
     * slots stay untouched until then: this is the ring's only consumer and reports the batch done only when it
     * returns from its last input, so no producer can reuse them earlier. Records which step failed (the first
     * failure wins), and on a business-logic failure still releases what the inputs before it caused, once the
     * journal has flushed them.
     */
    private final class FusedStage implements EventHandler<EngineEvent> {
        /** Ring sequence of the current batch's first input, or -1 between batches. */
        private long batchStart = -1;

        @Override
        public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
            stopIfFailed();
            if (batchStart < 0) {
                batchStart = sequence;
            }
            try {
                journal.append(event);
            } catch (final RuntimeException | Error e) {
                // nothing of this batch was flushed, so nothing of it may leave
                recordFailure(JOURNAL, event, e);
                throw e;
            }
            try {
                logicStep.process(event, endOfBatch);
            } catch (final RuntimeException | Error e) {
                try {
                    if (sequence > batchStart) {
                        // the inputs before it were journaled and processed: durable once flushed, then released
                        flushJournal(event);
                        release(sequence - 1);
                    }
                } finally {
                    // recorded after that release, so that whoever waits for the failure finds it done
                    recordFailure(BUSINESS_LOGIC, event, e);
                }
                throw e;
            }
            if (endOfBatch) {
                try {
                    flushJournal(event);
                } catch (final RuntimeException | Error e) {
                    recordFailure(JOURNAL, event, e);
                    throw e;
                }
                release(sequence);
            }
        }

        /** Releases the effects of the batch's inputs up to ring sequence {@code last}, then starts a new batch. */
        private void release(final long last) {
            for (long at = batchStart; at <= last; at++) {
                final EngineEvent input = ring.get(at);
                try {
                    gatewayStep.process(input, at == last);
                } catch (final RuntimeException | Error e) {
                    recordFailure(GATEWAY, input, e);
                    throw e;
                }
            }
            batchStart = -1;
        }
    }

    /** Thrown into a stage whose pipeline has failed elsewhere, so it stops at its next input without touching it. */
    private static final class StageStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StageStopped() {
            super("stopped after another stage failed", null, false, false);
        }
    }

    private ThreadFactory stageThreads() {
        final AtomicInteger count = new AtomicInteger();
        final String[] names = layout == PipelineLayout.FUSED ? new String[] {"ringtrade-pipeline"}
            : new String[] {"ringtrade-journal", "ringtrade-logic", "ringtrade-gateway"};
        return runnable -> {
            final int n = count.getAndIncrement();
            final Thread thread = new Thread(runnable, n < names.length ? names[n] : "ringtrade-stage-" + n);
            thread.setDaemon(true);
            // a failed stage's exception ends its thread after being recorded as the pipeline's failure, which the
            // engine reports once; anything else is unexpected and printed
            thread.setUncaughtExceptionHandler((stage, e) -> {
                if (failure.get() == null) {
                    e.printStackTrace();
                }
            });
            return thread;
        };
    }

    /**
     * Publishes a copy of {@code input}'s input fields as the next input. Any thread; blocks while the ring is full.
     *
     * @throws IllegalStateException when the pipeline has stopped or failed
     */
    public void publish(final EngineEvent input) {
        if (stopped || failure.get() != null) {
            throw new IllegalStateException(failure.get() != null ? failure.get().describe() : "pipeline stopped");
        }
        ring.publishEvent(copyInput, input);
    }

    /**
     * Publishes like {@link #publish} but never waits: returns false at once when the ring is full (an HTTP thread
     * then answers 503 instead of blocking).
     */
    public boolean tryPublish(final EngineEvent input) {
        if (stopped || failure.get() != null) {
            return false;
        }
        try {
            final long sequence = ring.tryNext();
            try {
                copyInput.translateTo(ring.get(sequence), sequence, input);
            } finally {
                ring.publish(sequence);
            }
            return true;
        } catch (final InsufficientCapacityException full) {
            return false;
        }
    }

    /**
     * Publishes like {@link #tryPublish} and returns the input's sequence (its journal entry), or -1 at once when the
     * ring is full or the pipeline has stopped. The ops API matches the gateway's {@link GatewayHooks.CommandListener}
     * call to its request by this number.
     */
    public long offer(final EngineEvent input) {
        if (stopped || failure.get() != null) {
            return -1;
        }
        try {
            final long sequence = ring.tryNext();
            try {
                copyInput.translateTo(ring.get(sequence), sequence, input);
            } finally {
                ring.publish(sequence);
            }
            return firstSequence + sequence;
        } catch (final InsufficientCapacityException full) {
            return -1;
        }
    }

    /**
     * Waits until every published input has passed all stages, then stops the stage threads.
     *
     * @throws PipelineFailedException when a stage failed (then not everything was processed)
     * @throws IllegalStateException when the pipeline did not drain in time
     */
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
            LockSupport.parkNanos(100_000L);
        }
        if (failure.get() != null) {
            halt();
            throw new PipelineFailedException(failure.get());
        }
        disruptor.halt();
    }

    /**
     * Stops the stage threads without draining. After a failure it first gives the gateway a moment to release what
     * the inputs before the failed one caused (it never goes past the failed input).
     */
    public void halt() {
        stopped = true;
        final PipelineFailure failed = failure.get();
        // fused, the one stage released what it could before it stopped
        if (failed != null && failed.inputSequence() > firstSequence && !GATEWAY.equals(failed.stage())
            && layout == PipelineLayout.PARALLEL) {
            final long before = failed.inputSequence() - 1 - firstSequence;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            // the gateway can go no further than both earlier stages went, nor past the input before the failed one
            while (disruptor.getSequenceValueFor(lastStage) < Math.min(Math.min(before, ring.getCursor()),
                Math.min(disruptor.getSequenceValueFor(journalStage), disruptor.getSequenceValueFor(businessStage)))
                && System.nanoTime() < deadline) {
                LockSupport.parkNanos(100_000L);
            }
        }
        disruptor.halt();
    }

    /** Inputs published but not yet through every stage (the gateway's lag behind the ring's cursor). Any thread. */
    public long backlog() {
        return Math.max(0, ring.getCursor() - disruptor.getSequenceValueFor(lastStage));
    }

    /** The read model for other threads. */
    public StatusBoard status() {
        return status;
    }

    /** The layout in use ({@code auto} resolved), e.g. {@code fused}. */
    public PipelineLayout layout() {
        return layout;
    }

    /** The wait strategy in use, e.g. {@code blocking}. */
    public String waitStrategy() {
        return waitStrategyLabel;
    }

    /** The first failure of a stage, or null. */
    public PipelineFailure failure() {
        return failure.get();
    }

    @Override
    public void close() {
        if (!stopped) {
            drainAndStop(10, TimeUnit.SECONDS);
        }
    }

    /** Thrown by {@link #drainAndStop} when a stage failed. */
    public static final class PipelineFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PipelineFailure failure;

        PipelineFailedException(final PipelineFailure failure) {
            super(failure.describe(), failure.cause());
            this.failure = failure;
        }

        /** What failed. */
        public PipelineFailure failure() {
            return failure;
        }
    }

    /**
     * Records a stage's failure (the first one only) and rethrows, so that Disruptor stops the stage without marking
     * the input processed. The other stages stop by themselves at the failed input (business logic at its next input,
     * the gateway before releasing anything of the failed input); {@link #halt} ends their threads.
     */
    private final class StopOnFailure implements ExceptionHandler<EngineEvent> {
        private final String stage;

        StopOnFailure(final String stage) {
            this.stage = stage;
        }

        @Override
        public void handleEventException(final Throwable ex, final long sequence, final EngineEvent event) {
            recordFailure(stage, event, ex);
            stopped = true;
            if (ex instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex) {
            failure.compareAndSet(null, new PipelineFailure(stage, -1, 0, ex));
        }

        @Override
        public void handleOnShutdownException(final Throwable ex) {
            failure.compareAndSet(null, new PipelineFailure(stage, -1, 0, ex));
        }
    }
}
