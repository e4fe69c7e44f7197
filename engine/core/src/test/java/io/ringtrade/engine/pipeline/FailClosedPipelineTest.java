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
import io.ringtrade.engine.config.WaitStrategyKind;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.venue.SimulatedFillModel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Fail closed (the core issue, §2): when a stage throws, no effect of that input, and none of any later input, leaves
 * the process, whichever stage failed and however far the other stage had run ahead. A book buys and sells on
 * alternate daily bars, so every bar's input causes exactly one order (sequence n causes client order id n × 1000);
 * the gateway's sink records every released order; a stage is made to fail at input {@value #FAILING}.
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

    private PipelineFailure runUntilFailure(final BusinessLogic logic, final EventJournal journal) {
        final EnginePipeline pipeline = new EnginePipeline(logic, journal, (effect, cause) -> {
            if (effect.kind == EffectKind.SUBMIT) {
                released.add(effect.clientOrderId);
            }
        }, 1024, WaitStrategyKind.BLOCKING, 0);
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

    @RepeatedTest(3)
    void shouldReleaseNothingOfTheInputWhoseBusinessLogicFailedNorOfAnyLaterOne() {
        final BusinessLogic logic = logic(row -> {
            if (row.barIndex() == FAILING) {
                throw new IllegalStateException("strategy bug");
            }
            return flip(row);
        });

        final PipelineFailure failure = runUntilFailure(logic, EventJournal.none());

        assertThat(failure.stage()).isEqualTo("business logic");
        assertThat(failure.inputSequence()).isEqualTo(FAILING);
        assertThat(failure.eventType()).isEqualTo(EventType.MARKET_DATA);
        assertThat(failure.cause()).hasMessage("strategy bug");
        assertThat(failure.describe()).isEqualTo("the business logic stage failed on input 40 (MARKET_DATA):"
            + " java.lang.IllegalStateException: strategy bug");
        assertThat(released).allMatch(id -> id < FAILING * 1000L).doesNotHaveDuplicates();
    }

    @RepeatedTest(3)
    void shouldReleaseNothingOfAnInputTheJournalFailedToWriteEvenWhenBusinessLogicRanAhead() {
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

        final PipelineFailure failure = runUntilFailure(logic, failing);

        assertThat(failure.stage()).isEqualTo("journal");
        assertThat(failure.inputSequence()).isEqualTo(FAILING);
        assertThat(released).allMatch(id -> id < FAILING * 1000L).doesNotHaveDuplicates();
    }

    @RepeatedTest(3)
    void shouldStopReleasingWhenTheGatewayItselfFails() {
        final BusinessLogic logic = logic(FailClosedPipelineTest::flip);
        final EnginePipeline pipeline = new EnginePipeline(logic, EventJournal.none(), (effect, cause) -> {
            if (cause.sequence == FAILING) {
                throw new IllegalStateException("venue queue closed");
            }
            released.add(effect.clientOrderId);
        }, 1024, WaitStrategyKind.BLOCKING, 0);
        final EngineEvent bar = new EngineEvent();
        for (int i = 0; i < INPUTS && pipeline.tryPublish(bar.setBar(0, i * DAY, FixedPoint.of(100),
            FixedPoint.of(100), FixedPoint.of(100), FixedPoint.of(100), 1)); i++) {
            // publish until the ring refuses
        }
        assertThatThrownBy(() -> pipeline.drainAndStop(10, TimeUnit.SECONDS))
            .isInstanceOf(EnginePipeline.PipelineFailedException.class);

        assertThat(pipeline.failure().stage()).isEqualTo("gateway");
        assertThat(released).allMatch(id -> id < FAILING * 1000L);
    }
}
