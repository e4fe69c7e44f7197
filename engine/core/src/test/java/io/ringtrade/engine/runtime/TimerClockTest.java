package io.ringtrade.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.EventContext;
import io.ringtrade.engine.api.strategy.EventStrategy;
import io.ringtrade.engine.api.strategy.PositionRules;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.pipeline.StatusBoard;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.strategy.StrategyStateStore;
import io.ringtrade.engine.venue.SimulatedFillModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine clock against real business logic with an event strategy whose timer is due 2 s after its first input:
 * the clock journals a time advance only once its clock has reached the due time, one at a time, never back in time,
 * and business logic fires the timer at that input (never moving its own time back).
 */
class TimerClockTest {
    private static final long T0 = 1_385_337_600_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long INTERVAL = 100_000_000L;
    private static final int BTC = 0;

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final RecordingSink sink = new RecordingSink();
    private final List<Long> fired = new ArrayList<>();
    private final List<EngineEvent> offered = new ArrayList<>();
    private final AtomicLong wall = new AtomicLong();
    private final AtomicLong runClock = new AtomicLong(TimerClock.UNKNOWN);
    private final BusinessLogic logic;
    private final StatusBoard status;
    private final TimerClock clock;
    private long sequence;
    /** What the strategy's onTimer re-arms its timer with (−1: it does not). */
    private long rearmDelay = -1;

    TimerClockTest() {
        instruments.register("BTC/USD", "USD", FixedPoint.parse("0.01"), FixedPoint.parse("0.00000001"));
        final EventStrategy strategy = new EventStrategy() {
            @Override
            public void onStart(final EventContext ctx) {
                ctx.setTimer(3, 2 * SECOND);
            }

            @Override
            public void onTimer(final EventContext ctx, final int timerId) {
                fired.add(ctx.timeNanos());
                if (rearmDelay >= 0) {
                    ctx.setTimer(3, rearmDelay);
                }
            }
        };
        final StrategyStateStore state = new StrategyStateStore("clocked");
        state.close();
        logic = new BusinessLogic(instruments, List.of(new BookSpec("clocked", strategy, new int[] {BTC}, Interval.M1,
            FixedPoint.of(10_000), new SimulatedFillModel(0, 0, false, 0), new RiskLimits(false, 0, 0), state,
            PositionRules.DEFAULT)), LogicSettings.DEFAULT.withOutputs(sink));
        status = new StatusBoard(logic);
        clock = new TimerClock(runClock::get, status, input -> {
            final EngineEvent copy = new EngineEvent();
            copy.copyInputFrom(input);
            copy.sequence = sequence++;
            offered.add(copy);
            return copy.sequence;
        }, INTERVAL, wall::get);
    }

    private void process(final EngineEvent input) {
        logic.onEvent(input);
        status.publish(logic);
    }

    private void trade(final long time) {
        final EngineEvent event = new EngineEvent().setTrade(BTC, time, FixedPoint.of(800), FixedPoint.parse("0.1"));
        event.sequence = sequence++;
        process(event);
    }

    /** One tick of the clock, {@code INTERVAL} of wall time after the last, with its clock at {@code time}. */
    private int tick(final long time) {
        wall.addAndGet(INTERVAL);
        runClock.set(time);
        return clock.doWork();
    }

    @Test
    void shouldPublishATimeAdvanceOnlyOnceAnEventStrategysTimerIsDue() {
        assertThat(status.nextTimerNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(tick(T0)).isZero();
        trade(T0);
        assertThat(status.nextTimerNanos()).isEqualTo(T0 + 2 * SECOND);

        assertThat(tick(T0 + SECOND)).isZero();
        assertThat(tick(T0 + 2 * SECOND + 500_000_000L)).isOne();

        assertThat(offered).hasSize(1);
        assertThat(offered.getFirst().type).isEqualTo(EventType.TIMER);
        assertThat(offered.getFirst().eventTimeNanos).isEqualTo(T0 + 2 * SECOND + 500_000_000L);
        assertThat(fired).isEmpty();
        process(offered.getFirst());
        assertThat(fired).containsExactly(T0 + 2 * SECOND + 500_000_000L);
        assertThat(clock.published()).isOne();
        assertThat(clock.lastTime()).isEqualTo(T0 + 2 * SECOND + 500_000_000L);
        // nothing is armed any more: the clock stays quiet
        assertThat(tick(T0 + 10 * SECOND)).isZero();
        assertThat(offered).hasSize(1);
    }

    @Test
    void shouldKeepOneTimeAdvanceInFlightAndCheckOncePerInterval() {
        trade(T0);
        assertThat(tick(T0 + 3 * SECOND)).isOne();
        // not yet processed: no second one, however often it is asked
        assertThat(tick(T0 + 4 * SECOND)).isZero();
        assertThat(tick(T0 + 5 * SECOND)).isZero();
        assertThat(offered).hasSize(1);
        process(offered.getFirst());
        // processed, but the next check is a whole interval after the last: the same wall time does nothing
        runClock.set(T0 + 6 * SECOND);
        assertThat(clock.doWork()).isZero();
        assertThat(fired).containsExactly(T0 + 3 * SECOND);
    }

    @Test
    void shouldNeverPublishATimeBeforeItsLastOne() {
        rearmDelay = 0;
        trade(T0);
        assertThat(tick(T0 + 5 * SECOND)).isOne();
        process(offered.getLast());
        assertThat(status.nextTimerNanos()).isEqualTo(T0 + 5 * SECOND);
        // the run's clock stepped back (a wall clock set back): the next advance is stamped with the last time
        assertThat(tick(T0 + 4 * SECOND)).isOne();
        assertThat(offered).hasSize(2);
        assertThat(offered.getLast().eventTimeNanos).isEqualTo(T0 + 5 * SECOND);
    }

    @Test
    void shouldFireTimersAtTheLastInputsTimeWhenATimeAdvanceArrivesStampedEarlier() {
        trade(T0);
        trade(T0 + 3 * SECOND);
        assertThat(fired).containsExactly(T0 + 3 * SECOND);
        final EngineEvent late = new EngineEvent().setTimer(T0 + SECOND);
        late.sequence = sequence++;
        process(late);
        // the raced time advance changes nothing: business logic's time stays where the last input left it
        assertThat(logic.lastEventTimeNanos()).isEqualTo(T0 + 3 * SECOND);
        assertThat(logic.eventsOfType(EventType.TIMER)).isOne();
    }

    @Test
    void shouldWaitUntilTheRunsClockIsKnown() {
        trade(T0);
        wall.addAndGet(INTERVAL);
        runClock.set(TimerClock.UNKNOWN);
        assertThat(clock.doWork()).isZero();
        assertThat(offered).isEmpty();
    }
}
