package io.ringtrade.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.config.PipelineLayout;
import io.ringtrade.engine.config.WaitStrategyKind;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.venue.SimulatedFillModel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fail closed (the core issue, §2): when a stage throws, no effect of that input, and none of any later input, leaves
 * the process, whichever stage failed and however far the other stage had run ahead. A book buys and sells on
 * alternate daily bars, so every bar's input causes exactly one order (sequence n causes client order id n × 1000,
 * input 0 id 1); the gateway's sink records every released order; a stage is made to fail at input
 * {@value #FAILING}. Each case runs three times in each layout (parallel stages on three threads, fused on one), since
 * batches form by thread timing.
 */
final class FailClosedPipelineTest {
    private static final int FAILING = 40;
    private static final int INPUTS = 200;
    private static final long DAY = Interval.D1.nanos();

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final List<Long> released = new CopyOnWriteArrayList<>();

    FailClosedPipelineTest() {
        instruments.register("ACME", "USD", 1, 1);
    }

    private BusinessLogic logic(final DecisionStrategy strategy) {
        return new BusinessLogic(instruments, List.of(new BookSpec("flip", strategy, new int[] {0}, Interval.D1,
            FixedPoint.of(1_000_000), new SimulatedFillModel(0, 0, false, 0), new RiskLimits(true, 0, 0))));
    }

    /** Buy on even bars, sell on odd ones: one order per bar. */
    private static int flip(final io.ringtrade.engine.api.strategy.Row row) {
        return row.barIndex() % 2 == 0 ? DecisionStrategy.BUY : DecisionStrategy.SELL;
    }

    private static EnginePipeline pipeline(final BusinessLogic logic, final EventJournal journal, final EffectSink sink,
                                           final PipelineLayout layout) {
        return new EnginePipeline(logic, journal, sink, 1024, WaitStrategyKind.BLOCKING, 0, 0, (entries, state) -> {
        }, System::nanoTime, GatewayHooks.NONE, layout);
    }

    private PipelineFailure runUntilFailure(final BusinessLogic logic, final EventJournal journal,
                                            final PipelineLayout layout) {
        final EnginePipeline pipeline = pipeline(logic, journal, (effect, cause) -> {
            if (effect.kind == EffectKind.SUBMIT) {
                released.add(effect.clientOrderId);
            }
        }, layout);
        final EngineEvent bar = new EngineEvent();
        for (int i = 0; i < INPUTS; i++) {
            bar.setBar(0, i * DAY, FixedPoint.of(100), FixedPoint.of(100), FixedPoint.of(100), FixedPoint.of(100), 1);
            if (!pipeline.tryPublish(bar)) {
                break; // the ring stops taking inputs once a stage has failed
            }
        }
        assertThatThrownBy(() -> pipeline.drainAndStop(10, TimeUnit.SECONDS))
            .isInstanceOf(EnginePipeline.PipelineFailedException.class);
        assertThatThrownBy(() -> pipeline.publish(bar)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("input " + FAILING);
        return pipeline.failure();
    }

    @ParameterizedTest(name = "{0} #{1}")
    @CsvSource({"PARALLEL, 1", "PARALLEL, 2", "PARALLEL, 3", "FUSED, 1", "FUSED, 2", "FUSED, 3"})
    void shouldReleaseNothingOfTheInputWhoseBusinessLogicFailedNorOfAnyLaterOne(final PipelineLayout layout,
                                                                                final int repetition) {
        final BusinessLogic logic = logic(row -> {
            if (row.barIndex() == FAILING) {
                throw new IllegalStateException("strategy bug");
            }
            return flip(row);
        });

        final PipelineFailure failure = runUntilFailure(logic, EventJournal.none(), layout);

        assertThat(failure.stage()).isEqualTo("business logic");
        assertThat(failure.inputSequence()).isEqualTo(FAILING);
        assertThat(failure.eventType()).isEqualTo(EventType.MARKET_DATA);
        assertThat(failure.cause()).hasMessage("strategy bug");
        assertThat(failure.describe()).isEqualTo("the business logic stage failed on input 40 (MARKET_DATA):"
            + " java.lang.IllegalStateException: strategy bug");
        assertThat(released).allMatch(id -> id < FAILING * 1000L).doesNotHaveDuplicates();
        if (layout == PipelineLayout.FUSED) {
            // one thread: the inputs before the failed one, in its batch too, were journaled, processed and released
            assertThat(released).containsExactlyElementsOf(ordersOfInputsBefore(FAILING));
        }
    }

    /** The client order ids of the orders inputs 0 to {@code input - 1} cause (input 0's is 1: id 0 is never used). */
    private static List<Long> ordersOfInputsBefore(final int input) {
        return LongStream.range(0, input).mapToObj(n -> Math.max(1, n * 1000L)).toList();
    }

    @ParameterizedTest(name = "{0} #{1}")
    @CsvSource({"PARALLEL, 1", "PARALLEL, 2", "PARALLEL, 3", "FUSED, 1", "FUSED, 2", "FUSED, 3"})
    void shouldReleaseNothingOfAnInputTheJournalFailedToWriteEvenWhenBusinessLogicRanAhead(
        final PipelineLayout layout, final int repetition) {
        final BusinessLogic logic = logic(FailClosedPipelineTest::flip);
        final EventJournal failing = new EventJournal() {
            private long count;

            @Override
            public void append(final EngineEvent event) {
                if (event.sequence == FAILING) {
                    throw new IllegalStateException("disk full");
                }
                count++;
            }

            @Override
            public void flush() {
            }

            @Override
            public long entryCount() {
                return count;
            }

            @Override
            public void close() {
            }
        };

        final PipelineFailure failure = runUntilFailure(logic, failing, layout);

        assertThat(failure.stage()).isEqualTo("journal");
        assertThat(failure.inputSequence()).isEqualTo(FAILING);
        // in input order, none missing: the inputs of some first batches, never one the journal did not flush
        assertThat(released).allMatch(id -> id < FAILING * 1000L)
            .containsExactlyElementsOf(ordersOfInputsBefore(released.size()));
    }

    @ParameterizedTest(name = "{0} #{1}")
    @CsvSource({"PARALLEL, 1", "PARALLEL, 2", "PARALLEL, 3", "FUSED, 1", "FUSED, 2", "FUSED, 3"})
    void shouldStopReleasingWhenTheGatewayItselfFails(final PipelineLayout layout, final int repetition) {
        final BusinessLogic logic = logic(FailClosedPipelineTest::flip);
        final EnginePipeline pipeline = pipeline(logic, EventJournal.none(), (effect, cause) -> {
            if (cause.sequence == FAILING) {
                throw new IllegalStateException("venue queue closed");
            }
            released.add(effect.clientOrderId);
        }, layout);
        final EngineEvent bar = new EngineEvent();
        for (int i = 0; i < INPUTS && pipeline.tryPublish(bar.setBar(0, i * DAY, FixedPoint.of(100),
            FixedPoint.of(100), FixedPoint.of(100), FixedPoint.of(100), 1)); i++) {
            // publish until the ring refuses
        }
        assertThatThrownBy(() -> pipeline.drainAndStop(10, TimeUnit.SECONDS))
            .isInstanceOf(EnginePipeline.PipelineFailedException.class);

        assertThat(pipeline.failure().stage()).isEqualTo("gateway");
        assertThat(pipeline.failure().inputSequence()).isEqualTo(FAILING);
        assertThat(released).containsExactlyElementsOf(ordersOfInputsBefore(FAILING));
    }

    /**
     * Nothing leaves before the journal has flushed the input that caused it, in either layout: the sink checks each
     * released order's input against the journal's flushed count, on 1,000 inputs (one order each) of which every
     * release must find its input flushed; and the stages run on the layout's threads.
     */
    @ParameterizedTest(name = "{0} #{1}")
    @CsvSource({"PARALLEL, 1", "PARALLEL, 2", "PARALLEL, 3", "FUSED, 1", "FUSED, 2", "FUSED, 3"})
    void shouldReleaseAnOrderOnlyAfterTheJournalFlushedItsInput(final PipelineLayout layout, final int repetition) {
        final FlushCountingJournal journal = new FlushCountingJournal();
        final List<String> early = new CopyOnWriteArrayList<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final EnginePipeline pipeline = pipeline(logic(FailClosedPipelineTest::flip), journal, (effect, cause) -> {
            if (cause.sequence >= journal.flushed) {
                early.add("input " + cause.sequence + " released with " + journal.flushed + " flushed");
            }
            threads.add(Thread.currentThread().getName());
            released.add(effect.clientOrderId);
        }, layout);
        final EngineEvent bar = new EngineEvent();
        for (int i = 0; i < 1_000; i++) {
            pipeline.publish(bar.setBar(0, i * DAY, FixedPoint.of(100), FixedPoint.of(100), FixedPoint.of(100),
                FixedPoint.of(100), 1));
        }
        pipeline.drainAndStop(10, TimeUnit.SECONDS);

        assertThat(early).isEmpty();
        assertThat(journal.flushed).isEqualTo(1_000);
        assertThat(released).containsExactlyElementsOf(ordersOfInputsBefore(1_000));
        assertThat(threads).containsExactly(layout == PipelineLayout.FUSED ? "ringtrade-pipeline"
            : "ringtrade-gateway");
    }

    /** Counts appends, and makes them count as journaled only at a flush. */
    private static final class FlushCountingJournal implements EventJournal {
        private long appended;
        private volatile long flushed;

        @Override
        public void append(final EngineEvent event) {
            appended++;
        }

        @Override
        public void flush() {
            flushed = appended;
        }

        @Override
        public long entryCount() {
            return appended;
        }

        @Override
        public void close() {
        }
    }
}
