package io.ringtrade.engine.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.SignalSizeKind;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.venue.SimulatedFillModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Business logic's order rules end to end: client order ids unique over a journal's life (across a stop, a restart
 * and recovery), decisions stamped with the bar's end, sizes decided with the order, reservations, the flip of a short,
 * tick sizes, the participation limit, bars resampled from finer inputs, a trading start for warm-up, and inputs it
 * must refuse loudly. ACME ticks at 0.01 in whole lots; books start with 10,000 and pay no costs unless a test says
 * otherwise.
 */
final class OrderLifecycleTest {
    private static final long MINUTE = Interval.M1.nanos();
    private static final long DAY = Interval.D1.nanos();
    private static final int ACME = 0;

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final RecordingSink sink = new RecordingSink();
    private long sequence;

    OrderLifecycleTest() {
        instruments.register("ACME", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private BusinessLogic logic(final DecisionStrategy strategy, final Interval interval, final SimulatedFillModel fills,
                                final RiskLimits limits, final LogicSettings settings) {
        return new BusinessLogic(instruments, List.of(new BookSpec("book", strategy, new int[] {ACME}, interval,
            FixedPoint.of(10_000), fills, limits)), settings);
    }

    private BusinessLogic logic(final DecisionStrategy strategy, final Interval interval) {
        return logic(strategy, interval, new SimulatedFillModel(0, 0, false, 0), new RiskLimits(true, fp("10"), 0),
            LogicSettings.DEFAULT.withOutputs(sink));
    }

    private EngineEvent feed(final BusinessLogic logic, final EngineEvent event) {
        event.sequence = sequence++;
        logic.onEvent(event);
        return event;
    }

    private EngineEvent bar(final BusinessLogic logic, final long start, final String price) {
        return feed(logic, new EngineEvent().setBar(ACME, start, fp(price), fp(price), fp(price), fp(price),
            FixedPoint.of(100)));
    }

    /** Buys on even bars and sells on odd ones: every closed bar decides. */
    private static int flip(final Row row) {
        return row.barIndex() % 2 == 0 ? DecisionStrategy.BUY : DecisionStrategy.SELL;
    }

    // ---- ids ------------------------------------------------------------------------------------------------------

    @Test
    void shouldNeverReuseAClientOrderIdAcrossAStopARestartAndRecovery() {
        // first session: trades build 1-minute bars; the stop journals a cancel-all, then the end of input closes the
        // bar being built, whose decision is an order numbered after the stop command, not after the next input
        final List<EngineEvent> journal = new ArrayList<>();
        final BusinessLogic first = logic(OrderLifecycleTest::flip, Interval.M1);
        for (int i = 0; i < 5; i++) {
            journal.add(feed(first, new EngineEvent().setTrade(ACME, i * MINUTE + 1, fp("100"), 1)));
        }
        journal.add(feed(first, new EngineEvent().setCommand(5 * MINUTE, CommandCode.CANCEL_ALL_ORDERS, -1, 0)));
        first.finish();
        final Set<Long> ids = new HashSet<>();
        sink.orderEvents.forEach(e -> ids.add(e.orderId()));
        assertThat(sink.orderEvents.getLast().orderId()).isEqualTo(5 * 1000); // numbered after the stop, input 5

        // restart: recovery replays the journal (effects suppressed), then new inputs continue its sequence
        final RecordingSink second = new RecordingSink();
        final BusinessLogic recovered = logic(OrderLifecycleTest::flip, Interval.M1,
            new SimulatedFillModel(0, 0, false, 0), new RiskLimits(true, fp("10"), 0),
            LogicSettings.DEFAULT.withOutputs(second));
        journal.forEach(input -> {
            input.effects.clear();
            recovered.onEvent(input);
        });
        final int replayed = second.orderEvents.size();
        for (int i = 6; i < 9; i++) {
            feed(recovered, new EngineEvent().setTrade(ACME, i * MINUTE + 1, fp("100"), 1));
        }
        recovered.finish();

        final List<Long> newIds = second.orderEvents.subList(replayed, second.orderEvents.size()).stream()
            .map(RecordingSink.OrderEvent::orderId).distinct().toList();
        assertThat(newIds).isNotEmpty().doesNotContainAnyElementsOf(ids);
    }

    @Test
    void shouldStampADecisionWithTheEndOfItsBar() {
        final BusinessLogic logic = logic(OrderLifecycleTest::flip, Interval.D1);
        bar(logic, 0, "100");

        // the first input's first order is 1: no order is numbered 0
        assertThat(sink.decidedAt(1)).isEqualTo(DAY);
    }

    // ---- sizes and reservations ---------------------------------------------------------------------------------

    @Test
    void shouldBuyWithTheCashThatOpenOrdersDoNotReserve() {
        // a limit buy from a signal reserves 10 × 90 = 900; the strategy's all-cash buy is then a notional of 9,100
        final BusinessLogic logic = logic(row -> row.barIndex() == 1 ? DecisionStrategy.BUY : DecisionStrategy.HOLD,
            Interval.D1);
        bar(logic, 0, "100");
        feed(logic, new EngineEvent().setSignal(DAY / 2, 1, 0, ACME, 1, SignalSizeKind.QUANTITY, fp("10"), fp("90")));
        bar(logic, DAY, "100");

        final RecordingSink.OrderEvent buy = sink.finalOrders().get(1);
        assertThat(buy.notional()).isEqualTo(fp("9100"));
        assertThat(logic.orders().reservations().cash(0)).isEqualTo(fp("10000"));
    }

    @Test
    void shouldRefuseTheUnfundedLongPartOfABuyThatFlipsAShort() {
        // short 50 @ 100 (cash 15,000). Buy 200: cover 50 costs 5,000, leaving 10,000; long 150 costs 15,000: refused.
        // Buy 149 instead: long 99 costs 9,900: accepted, and fills as a cover and a new long.
        final BusinessLogic logic = logic(row -> DecisionStrategy.HOLD, Interval.M1);
        feed(logic, new EngineEvent().setTrade(ACME, 1, fp("100"), 1));
        feed(logic, new EngineEvent().setSignal(2, 1, 0, ACME, -1, SignalSizeKind.QUANTITY, fp("50"), 0));
        feed(logic, new EngineEvent().setTrade(ACME, 3, fp("100"), 1));
        feed(logic, new EngineEvent().setSignal(4, 2, 0, ACME, 1, SignalSizeKind.QUANTITY, fp("200"), 0));
        feed(logic, new EngineEvent().setSignal(5, 3, 0, ACME, 1, SignalSizeKind.QUANTITY, fp("149"), 0));
        feed(logic, new EngineEvent().setTrade(ACME, 6, fp("100"), 1));

        assertThat(sink.finalOrders()).extracting(o -> o.state() + " " + o.reason().label())
            .containsExactly("FILLED ", "REJECTED INSUFFICIENT_CASH", "FILLED ");
        assertThat(logic.books()[0].position(ACME)).isEqualTo(fp("99"));
        assertThat(logic.books()[0].cash()).isEqualTo(fp("100"));
    }

    @Test
    void shouldRefuseASignalsLimitPriceOffTheTickSize() {
        final BusinessLogic logic = logic(row -> DecisionStrategy.HOLD, Interval.M1);
        feed(logic, new EngineEvent().setTrade(ACME, 1, fp("100"), 1));
        feed(logic, new EngineEvent().setSignal(2, 1, 0, ACME, 1, SignalSizeKind.QUANTITY, fp("1"), fp("99.995")));

        assertThat(sink.history(1000)).containsExactly("DECIDED signal", "REJECTED TICK_SIZE");
        assertThat(logic.risk().rejections(OrderReason.TICK_SIZE)).isEqualTo(1);
    }

    // ---- the simulated venue's fidelity ----------------------------------------------------------------------

    @Test
    void shouldFillOnlyTheParticipationShareOfEachBarsVolume() {
        // 10 % of each bar's volume of 100 is 10 per bar: a sell of 25 fills 10, 10, 5 over three bars
        final BusinessLogic logic = logic(row -> DecisionStrategy.HOLD, Interval.D1,
            new SimulatedFillModel(0, 0, false, fp("0.1")), new RiskLimits(true, fp("10"), 0),
            LogicSettings.DEFAULT.withOutputs(sink));
        bar(logic, 0, "100");
        feed(logic, new EngineEvent().setSignal(DAY / 2, 1, 0, ACME, -1, SignalSizeKind.QUANTITY, fp("25"), 0));
        bar(logic, DAY, "100");
        bar(logic, 2 * DAY, "100");
        bar(logic, 3 * DAY, "100");

        assertThat(sink.history(1000)).containsExactly("DECIDED signal", "RELEASED", "ACCEPTED",
            "PARTIALLY_FILLED 10 @ 100", "PARTIALLY_FILLED 10 @ 100", "FILLED 5 @ 100");
    }

    @Test
    void shouldResampleFinerInputBarsToTheBooksIntervalAndDecideWhenItsLastMinuteCloses() {
        // 1-minute input bars, a 5-minute book: the bar of minutes 0–4 closes with minute 4's bar (its end is the
        // book bar's end), so the decision comes at minute 5 without waiting for the next input
        final List<String> seen = new ArrayList<>();
        final BusinessLogic logic = logic(row -> {
            seen.add(row.barIndex() + " " + row.open() + "/" + row.high() + "/" + row.low() + "/" + row.close() + " v"
                + row.volume());
            return DecisionStrategy.HOLD;
        }, Interval.M5, new SimulatedFillModel(0, 0, false, 0), new RiskLimits(true, fp("10"), 0),
            new LogicSettings(OutputSink.NONE, Interval.M1, 0, 0, Long.MIN_VALUE));
        final String[][] minutes = {{"10", "12", "9", "11"}, {"11", "15", "11", "14"}, {"14", "14", "8", "9"},
            {"9", "10", "9", "10"}, {"10", "13", "10", "12"}};
        for (int m = 0; m < minutes.length; m++) {
            final String[] b = minutes[m];
            feed(logic, new EngineEvent().setBar(ACME, m * MINUTE, fp(b[0]), fp(b[1]), fp(b[2]), fp(b[3]),
                FixedPoint.of(m + 1)));
            assertThat(seen).hasSize(m < 4 ? 0 : 1);
        }

        assertThat(seen).containsExactly("0 10.0/15.0/8.0/12.0 v15.0");
    }

    @Test
    void shouldWarmUpBeforeTheTradingStartWithoutOrdersOrEquityRows() {
        final BusinessLogic logic = logic(OrderLifecycleTest::flip, Interval.D1, new SimulatedFillModel(0, 0, false, 0),
            new RiskLimits(true, fp("10"), 0), new LogicSettings(sink, null, 0, 0, 3 * DAY));
        for (int day = 0; day < 6; day++) {
            bar(logic, day * DAY, Integer.toString(100 + day));
        }
        logic.finish();

        // bars 0–2 are seen by the strategy but place nothing; bars 3–5 trade and are the equity curve
        assertThat(sink.finalOrders()).extracting(o -> sink.decidedAt(o.orderId()) / DAY).containsExactly(4L, 5L, 6L);
        assertThat(sink.equity).extracting(e -> e.time() / DAY).containsExactly(3L, 4L, 5L);
        assertThat(sink.equity.getFirst().benchmark()).isEqualTo(FixedPoint.of(10_000)); // anchored at bar 3's 103
    }

    // ---- inputs refused loudly -----------------------------------------------------------------------------------

    @Test
    void shouldRefuseACommandItDoesNotKnow() {
        final BusinessLogic logic = logic(row -> DecisionStrategy.HOLD, Interval.D1);

        assertThatThrownBy(() -> feed(logic, new EngineEvent().setCommand(0, 99, -1, 0)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("input 0 is command UNKNOWN(99), which this engine does not know");
    }

    @Test
    void shouldPassAnExecutionReportToTheOrderManager() {
        // a report for an order this engine never had is an anomaly: every book halts
        final BusinessLogic logic = logic(row -> DecisionStrategy.HOLD, Interval.D1);
        feed(logic, new EngineEvent().setReport(0, 777_000, 1, ReportKind.FILL, 0, fp("1"), fp("100"), 0));

        assertThat(logic.orders().anomalies()).isEqualTo(1);
        assertThat(logic.orders().isHalted(0)).isTrue();
    }

    @Test
    void shouldRefuseMarketDataForAnInstrumentThatIsNotRegistered() {
        final BusinessLogic logic = logic(row -> DecisionStrategy.HOLD, Interval.D1);

        assertThatThrownBy(() -> feed(logic, new EngineEvent().setTrade(7, 0, fp("1"), 1)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("input 0 names instrument 7, which is not registered (1 instruments)");
    }
}
