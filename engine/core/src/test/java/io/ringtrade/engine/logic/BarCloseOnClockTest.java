package io.ringtrade.engine.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.venue.SimulatedFillModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Bars closing on the engine clock ({@code pipeline.bar-close-delay}): one-minute bars of one instrument built from
 * trades, a close delay of 2 seconds, and {@code TIMER} inputs as the engine clock journals them. Times are seconds
 * after midnight of day 0; each bar the strategy sees is noted as "start open/high/low/close @ input", the input
 * being the sequence of the input that closed it.
 */
final class BarCloseOnClockTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long DELAY = 2 * SECOND;

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final List<String> bars = new ArrayList<>();
    private final RecordingSink sink = new RecordingSink();
    private long sequence;
    private long current;

    BarCloseOnClockTest() {
        instruments.register("ACME", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
    }

    /** Notes each closed bar; buys on the first and sells on the second, holds after. */
    private DecisionStrategy noting() {
        return row -> {
            bars.add((row.timeNanos() / SECOND) + " " + (long) row.open() + "/" + (long) row.high() + "/"
                + (long) row.low() + "/" + (long) row.close() + " @ " + current);
            return row.barIndex() == 0 ? DecisionStrategy.BUY
                : row.barIndex() == 1 ? DecisionStrategy.SELL : DecisionStrategy.HOLD;
        };
    }

    private BusinessLogic logic(final long delayNanos) {
        final BookSpec spec = new BookSpec("clocked", noting(), new int[] {0}, Interval.M1, FixedPoint.of(1000),
            new SimulatedFillModel(0, 0, false, 0), RiskLimits.longOnly(FixedPoint.of(10)));
        return new BusinessLogic(instruments, List.of(spec),
            LogicSettings.DEFAULT.withOutputs(sink).withBarCloseDelay(delayNanos));
    }

    private void trade(final BusinessLogic logic, final long seconds, final long price) {
        feed(logic, new EngineEvent().setTrade(0, seconds * SECOND, FixedPoint.of(price), FixedPoint.of(1)));
    }

    private void timer(final BusinessLogic logic, final long nanos) {
        feed(logic, new EngineEvent().setTimer(nanos));
    }

    private void feed(final BusinessLogic logic, final EngineEvent event) {
        event.sequence = ++sequence;
        current = sequence;
        logic.onEvent(event);
    }

    @Test
    void shouldCloseABarOnceTheClockPassesItsEndPlusTheDelay() {
        final BusinessLogic logic = logic(DELAY);
        trade(logic, 10, 100); // 1
        trade(logic, 40, 103); // 2
        trade(logic, 50, 99); // 3
        assertThat(logic.nextTimerNanos()).as("the bar of minute 0 is due at 60 s + 2 s").isEqualTo(62 * SECOND);

        timer(logic, 62 * SECOND - 1); // 4: a nanosecond early
        assertThat(bars).isEmpty();
        timer(logic, 62 * SECOND); // 5
        assertThat(bars).containsExactly("0 100/103/99/99 @ 5");
        assertThat(logic.nextTimerNanos()).as("nothing is being built").isEqualTo(Long.MAX_VALUE);
        // the buy decided on the bar is the clock's input's effect, decided at the bar's end
        assertThat(sink.finalOrders()).hasSize(1);
        assertThat(sink.finalOrders().get(0).orderId()).isEqualTo(5 * 1000);
        assertThat(sink.decidedAt(5 * 1000)).isEqualTo(60 * SECOND);

        trade(logic, 75, 101); // 6: opens minute 1, and the buy fills at it (next open)
        assertThat(sink.fills).hasSize(1);
        assertThat(sink.fills.get(0).price()).isEqualTo(FixedPoint.of(101));
        trade(logic, 121, 104); // 7: minute 2's first trade closes minute 1 (before the clock did)
        assertThat(bars).containsExactly("0 100/103/99/99 @ 5", "60 101/101/101/101 @ 7");
        timer(logic, 185 * SECOND); // 8: closes minute 2
        assertThat(bars).containsExactly("0 100/103/99/99 @ 5", "60 101/101/101/101 @ 7", "120 104/104/104/104 @ 8");
        assertThat(logic.lateBarInputs()).isZero();
    }

    @Test
    void shouldFoldATradeStampedInABarAlreadyClosedIntoTheNextBar() {
        final BusinessLogic logic = logic(DELAY);
        trade(logic, 10, 100); // 1
        timer(logic, 62 * SECOND); // 2: closes minute 0
        trade(logic, 59, 90); // 3: stamped in minute 0, arrives after its close: opens minute 1
        trade(logic, 80, 95); // 4
        trade(logic, 70, 92); // 5: out of order within minute 1: stays in it
        timer(logic, 122 * SECOND); // 6: closes minute 1
        assertThat(bars).containsExactly("0 100/100/100/100 @ 2", "60 90/95/90/92 @ 6");
        assertThat(logic.lateBarInputs()).isEqualTo(1);
    }

    @Test
    void shouldWriteTheEquityRowOfTheBarBeforeTheDecisionsTheClockCloses() {
        final BusinessLogic logic = logic(DELAY);
        trade(logic, 10, 100); // 1
        timer(logic, 62 * SECOND); // 2: the row of minute 0, then the buy
        assertThat(sink.equity).hasSize(1);
        assertThat(sink.equity.get(0).time()).isZero();
        assertThat(sink.equity.get(0).equity()).isEqualTo(FixedPoint.of(1000));
        trade(logic, 61, 101); // 3: fills the buy in minute 1, whose row is not written yet
        assertThat(sink.equity).hasSize(1);
    }

    @Test
    void shouldLeaveBarsToTheNextInputWhenTheSettingIsOff() {
        final BusinessLogic logic = logic(LogicSettings.BARS_CLOSE_AT_NEXT_INPUT);
        trade(logic, 10, 100); // 1
        assertThat(logic.nextTimerNanos()).isEqualTo(Long.MAX_VALUE);
        timer(logic, 300 * SECOND); // 2
        assertThat(bars).isEmpty();
        assertThat(sink.equity).isEmpty();
        trade(logic, 301, 101); // 3
        assertThat(bars).containsExactly("0 100/100/100/100 @ 3");
    }

    @Test
    void shouldRestoreToTheSameStateAsARunThatNeverStopped() {
        final List<Supplier<EngineEvent>> inputs = List.of(
            () -> new EngineEvent().setTrade(0, 10 * SECOND, FixedPoint.of(100), FixedPoint.of(1)),
            () -> new EngineEvent().setTimer(62 * SECOND),
            // the snapshot is taken here: between bars, the last closed bar's end must survive it
            () -> new EngineEvent().setTrade(0, 59 * SECOND, FixedPoint.of(90), FixedPoint.of(1)),
            () -> new EngineEvent().setTrade(0, 70 * SECOND, FixedPoint.of(95), FixedPoint.of(1)),
            () -> new EngineEvent().setTimer(122 * SECOND),
            () -> new EngineEvent().setTrade(0, 130 * SECOND, FixedPoint.of(97), FixedPoint.of(1)));
        final BusinessLogic straight = logic(DELAY);
        final BusinessLogic first = logic(DELAY);
        for (int i = 0; i < inputs.size(); i++) {
            final EngineEvent input = inputs.get(i).get();
            input.sequence = i + 1;
            straight.onEvent(input);
        }
        final List<String> straightBars = new ArrayList<>(bars);
        bars.clear();
        for (int i = 0; i < 2; i++) {
            final EngineEvent input = inputs.get(i).get();
            input.sequence = i + 1;
            first.onEvent(input);
        }
        final BusinessLogic restored = logic(DELAY);
        restored.restore(first.snapshot());
        for (int i = 2; i < inputs.size(); i++) {
            final EngineEvent input = inputs.get(i).get();
            input.sequence = i + 1;
            restored.onEvent(input);
        }
        assertThat(restored.snapshot()).isEqualTo(straight.snapshot());
        assertThat(restored.lateBarInputs()).isEqualTo(1);
        assertThat(straightBars).containsExactly("0 100/100/100/100 @ 0", "60 90/95/90/95 @ 0");
    }

    @Test
    void shouldCloseTheBarsOfSeveralBooksInTheOrderOfTheirEnds() {
        final List<String> closes = new ArrayList<>();
        final List<BookSpec> specs = new ArrayList<>();
        for (final String[] book : new String[][] {{"five", "M5"}, {"one", "M1"}, {"another", "M1"}}) {
            final DecisionStrategy noteBook = row -> {
                closes.add(book[0] + " " + row.timeNanos() / SECOND);
                return DecisionStrategy.HOLD;
            };
            specs.add(new BookSpec(book[0], noteBook, new int[] {0}, Interval.valueOf(book[1]), FixedPoint.of(1000),
                new SimulatedFillModel(0, 0, false, 0), RiskLimits.longOnly(FixedPoint.of(10))));
        }
        final BusinessLogic logic = new BusinessLogic(instruments, specs,
            LogicSettings.DEFAULT.withOutputs(sink).withBarCloseDelay(DELAY));
        trade(logic, 10, 100);
        assertThat(logic.nextTimerNanos()).as("the 1-minute bars are due first").isEqualTo(62 * SECOND);
        timer(logic, 302 * SECOND); // a gap: both 1-minute bars and the 5-minute bar ended by 300 s
        // by end, then book order: the 5-minute book is listed first but its bar ends last
        assertThat(closes).containsExactly("one 0", "another 0", "five 0");
    }
}
