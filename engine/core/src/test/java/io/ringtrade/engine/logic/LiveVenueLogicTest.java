package io.ringtrade.engine.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.SignalSizeKind;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderState;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.reconcile.PaperReconciliation;
import io.ringtrade.engine.reconcile.Reconciliation;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.runtime.Engine;
import io.ringtrade.engine.venue.SimulatedFillModel;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Business logic with its books on a live venue: orders leave as effects and move only with the venue's journaled
 * reports; venue holds refuse new orders until released; a book of several instruments clamps a buy to its cash;
 * paper mode reconciles against the simulated venue through the same reconciler and finds nothing. ACME and BETA tick
 * at 0.01 in whole lots; no costs.
 */
final class LiveVenueLogicTest {
    private static final long DAY = Interval.D1.nanos();

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final RecordingSink sink = new RecordingSink();
    private final List<EngineEvent> journal = new ArrayList<>();

    LiveVenueLogicTest() {
        instruments.register("ACME", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
        instruments.register("BETA", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private BusinessLogic logic(final boolean live, final DecisionStrategy strategy, final int[] traded,
                                final String minNotional) {
        return new BusinessLogic(instruments, List.of(new BookSpec("book", strategy, traded, Interval.D1,
            FixedPoint.of(1000), new SimulatedFillModel(0, 0, false, 0), RiskLimits.longOnly(fp(minNotional)))),
            LogicSettings.DEFAULT.withOutputs(sink).withLiveVenue(live));
    }

    private EngineEvent feed(final BusinessLogic logic, final EngineEvent input) {
        input.sequence = journal.size();
        journal.add(input);
        logic.onEvent(input);
        return input;
    }

    private static EngineEvent buy(final long key, final String quantity, final String limit) {
        return new EngineEvent().setSignal(0, key, 0, 0, 1, SignalSizeKind.QUANTITY, fp(quantity),
            limit == null ? 0 : fp(limit));
    }

    @Test
    void shouldMoveAnOrderOnALiveVenueOnlyWithTheVenuesReports() {
        final BusinessLogic logic = logic(true, row -> DecisionStrategy.HOLD, new int[] {0}, "10");
        feed(logic, new EngineEvent().setBar(0, 0, fp("100"), fp("100"), fp("100"), fp("100"), 1));
        final EngineEvent signal = feed(logic, buy(1, "3", "100.00"));
        assertThat(signal.effects.size()).isEqualTo(1);
        assertThat(signal.effects.get(0).kind).isEqualTo(EffectKind.SUBMIT);
        final long id = signal.effects.get(0).clientOrderId;
        // market data that trades through the limit fills nothing: the order is at the venue, not in here
        feed(logic, new EngineEvent().setBar(0, DAY, fp("99"), fp("99"), fp("90"), fp("95"), 1));
        assertThat(logic.orders().openOrder(id).state).isEqualTo(OrderState.RELEASED);

        feed(logic, new EngineEvent().setReport(DAY, id, 77, ReportKind.ACK, VenueReason.NONE, 0, 0, 0));
        feed(logic, new EngineEvent().setReport(DAY, id, 77, ReportKind.PARTIAL_FILL, VenueReason.NONE, fp("1"),
            fp("99.50"), fp("0.10")));
        feed(logic, new EngineEvent().setReport(DAY, id, 77, ReportKind.FILL, VenueReason.NONE, fp("2"), fp("99.00"),
            fp("0.20")));

        assertThat(logic.orders().openOrders().size()).isZero();
        assertThat(logic.books()[0].position(0)).isEqualTo(fp("3"));
        // 1000 − 99.50 − 0.10 − 198 − 0.20
        assertThat(logic.books()[0].cash()).isEqualTo(fp("702.20"));

        // replaying the journal reproduces the state byte for byte
        final BusinessLogic replayed = logic(true, row -> DecisionStrategy.HOLD, new int[] {0}, "10");
        for (final EngineEvent input : journal) {
            input.effects.clear();
            replayed.onEvent(input);
        }
        assertThat(replayed.snapshot()).isEqualTo(logic.snapshot());
    }

    @Test
    void shouldRefuseNewOrdersWhileAVenueHoldsTheBookUntilItReleasesIt() {
        final BusinessLogic logic = logic(true, row -> DecisionStrategy.HOLD, new int[] {0}, "10");
        feed(logic, new EngineEvent().setBar(0, 0, fp("100"), fp("100"), fp("100"), fp("100"), 1));
        feed(logic, new EngineEvent().setCommand(0, CommandCode.VENUE_HOLD, -1, CommandCode.HOLD_RECONCILING));
        assertThat(feed(logic, buy(1, "1", "100.00")).effects.size()).isZero();
        assertThat(logic.risk().rejections(OrderReason.VENUE_HOLD)).isEqualTo(1);
        assertThat(sink.orderEvents.getLast().reason()).isEqualTo(OrderReason.VENUE_HOLD);

        feed(logic, new EngineEvent().setCommand(0, CommandCode.VENUE_RELEASE, -1, 0));
        assertThat(feed(logic, buy(2, "1", "100.00")).effects.size()).isEqualTo(1);
        assertThat(logic.orders().isHeld(0)).isFalse();
    }

    @Test
    void shouldClampABuyOfABookOfSeveralInstrumentsToItsCash() {
        // bar 0: both buy: ACME 500 / 100 = 5 lots, BETA 500 / 50 = 10 lots; they fill at the next opens (100, 50):
        // cash 0. Bar 1 closes ACME at 190 and BETA at 25: BETA sells all (10 × 25 = 250 cash).
        // Bar 2: BETA buys again: equity 250 + 5 × 190 = 1200, half is 600 = 24 lots at 25, more than the 250 of cash:
        // clamped to 250 less 50 bps = 248.75, 9 lots (9 × 25 = 225 ≤ 248.75 < 250).
        final int[][] script = {{1, 1}, {0, -1}, {0, 1}, {0, 0}};
        final BusinessLogic logic = logic(false, row -> script[row.barIndex()][row.symbol().equals("ACME") ? 0 : 1],
            new int[] {0, 1}, "10");
        final String[][] acme = {{"100", "100"}, {"100", "190"}, {"190", "190"}, {"190", "190"}};
        final String[][] beta = {{"50", "50"}, {"50", "25"}, {"25", "25"}, {"25", "25"}};
        for (int day = 0; day < 4; day++) {
            feed(logic, new EngineEvent().setBar(0, day * DAY, fp(acme[day][0]), fp(acme[day][1]), fp(acme[day][0]),
                fp(acme[day][1]), 1));
            feed(logic, new EngineEvent().setBar(1, day * DAY, fp(beta[day][0]), fp(beta[day][0]), fp(beta[day][1]),
                fp(beta[day][1]), 1));
        }
        feed(logic, new EngineEvent().setCommand(4 * DAY, CommandCode.END_OF_DATA, -1, 0));
        assertThat(sink.fills.stream().map(f -> f.instrument() + ":" + (f.side() > 0 ? "+" : "-")
            + FixedPoint.toString(f.quantity()) + "@" + FixedPoint.toString(f.price())).toList())
            .containsExactly("0:+5@100", "1:+10@50", "1:-10@25", "1:+9@25");
    }

    @Test
    void shouldFindNothingToReconcileInPaperModeAfterRecovery() {
        final BusinessLogic logic = logic(false, row -> DecisionStrategy.HOLD, new int[] {0}, "10");
        feed(logic, new EngineEvent().setBar(0, 0, fp("100"), fp("100"), fp("100"), fp("100"), 1));
        final long id = feed(logic, buy(1, "2", "90.00")).effects.get(0).clientOrderId;
        feed(logic, new EngineEvent().setBar(0, DAY, fp("100"), fp("101"), fp("99"), fp("100"), 1));
        assertThat(logic.orders().openOrder(id).state).isEqualTo(OrderState.ACCEPTED);

        final StringWriter messages = new StringWriter();
        final PaperReconciliation paper = new PaperReconciliation(new PrintWriter(messages, true));
        final List<EngineEvent> inputs = paper.reconcile(logic, new Engine.RecoveryReport(3, 3, 0, 3, DAY, 0));
        final Reconciliation found = paper.last();
        assertThat(inputs).isEmpty();
        assertThat(found.clean()).isTrue();
        assertThat(found.differences()).isEmpty();
        assertThat(messages.toString()).isEmpty();
        assertThat(Arrays.asList(PaperReconciliation.openOrders(logic).getFirst().clientOrderId())).containsExactly(id);
    }
}
