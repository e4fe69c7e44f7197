package io.ringtrade.engine.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.UnreleasedRule;
import io.ringtrade.engine.order.OrderState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reconciliation's comparison, against a venue record written in the test: each case one difference, the reports it
 * becomes worked by hand. Orders buy 2 of instrument 0; the report time is 7.
 */
final class ReconcilerTest {
    private static final long TIME = 7;

    private final Map<Long, VenueOrder> venueOrders = new HashMap<>();
    private final Map<String, List<VenueFill>> venueFills = new HashMap<>();
    private final List<VenueOrder> open = new ArrayList<>();
    private final Set<Long> sent = new HashSet<>();
    private long[] held;

    private final VenueRecord venue = new VenueRecord() {
        @Override
        public String name() {
            return "venue";
        }

        @Override
        public VenueOrder find(final EngineOrder order) {
            return venueOrders.get(order.clientOrderId());
        }

        @Override
        public List<VenueFill> fills(final EngineOrder order, final VenueOrder venueOrder) {
            return venueFills.getOrDefault(venueOrder.venueOrderId(), List.of());
        }

        @Override
        public List<VenueOrder> openOrders() {
            return open;
        }

        @Override
        public boolean wasSent(final long clientOrderId) {
            return sent.contains(clientOrderId);
        }

        @Override
        public long[] positions() {
            return held;
        }
    };

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private static EngineOrder order(final long id, final OrderState state, final String filled,
                                     final String filledNotional) {
        return new EngineOrder(id, 0, 0, 1, OrderType.LIMIT, fp("2"), 0, fp("100"), fp(filled), fp(filledNotional),
            state, 1);
    }

    private Reconciliation reconcile(final UnreleasedRule rule, final EngineOrder... orders) {
        return Reconciler.reconcile(List.of(orders), new long[] {0}, venue, rule, TIME, id -> id.length(),
            id -> "BTC/USD");
    }

    private static String describe(final EngineEvent report) {
        return ReportKind.name(ReportKind.kindOf(report.reportKind)) + " " + report.clientOrderId + " "
            + VenueReason.name(ReportKind.reasonOf(report.reportKind)) + " " + FixedPoint.toString(report.lastQuantity)
            + " @ " + FixedPoint.toString(report.lastPrice) + " fee " + FixedPoint.toString(report.lastFee);
    }

    private static List<String> reports(final Reconciliation result) {
        return result.inputs().stream().map(ReconcilerTest::describe).toList();
    }

    @Test
    void shouldAckAnOrderTheVenueTookAndApplyItsFillsPastWhatTheEngineSettled() {
        // the engine settled 0.5 of it (at 100); the venue filled 0.5 @ 100, 1 @ 99, 0.5 @ 98 (fees 0.05, 0.1, 0.05)
        sent.add(1000L);
        venueOrders.put(1000L, new VenueOrder(1000, "v-1", 0, 1, fp("2"), fp("2"), fp("99"), VenueOrderStatus.FILLED));
        venueFills.put("v-1", List.of(new VenueFill("f1", fp("0.5"), fp("100"), fp("0.05"), 1),
            new VenueFill("f2", fp("1"), fp("99"), fp("0.1"), 2), new VenueFill("f3", fp("0.5"), fp("98"), fp("0.05"), 3)));
        final Reconciliation result = reconcile(UnreleasedRule.DROP,
            order(1000, OrderState.PARTIALLY_FILLED, "0.5", "50"));

        assertThat(reports(result)).containsExactly("PARTIAL_FILL 1000  1 @ 99 fee 0.1", "FILL 1000  0.5 @ 98 fee 0.05");
        assertThat(result.clean()).isTrue();
        assertThat(result.differences()).containsExactly("order 1000: 2 fills of 1.5 while the engine was down, applied");
    }

    @Test
    void shouldApplyAMissingQuantityAtThePriceThatMakesTheVenuesAverageWhenItListsNoFills() {
        // venue: 2 filled at an average of 99.5 (199); engine: 0.5 at 100 (50); the 1.5 left cost 149: 99.3333...
        venueOrders.put(1000L, new VenueOrder(1000, "v-1", 0, 1, fp("2"), fp("2"), fp("99.5"), VenueOrderStatus.FILLED));
        final Reconciliation result = reconcile(UnreleasedRule.DROP,
            order(1000, OrderState.PARTIALLY_FILLED, "0.5", "50"));
        assertThat(reports(result)).containsExactly("FILL 1000  1.5 @ 99.33333333 fee 0");
    }

    @Test
    void shouldMarkAnOrderLostWhenItWasSentButTheVenueDoesNotKnowIt() {
        sent.add(1000L);
        sent.add(2000L);
        final Reconciliation result = reconcile(UnreleasedRule.DROP, order(1000, OrderState.RELEASED, "0", "0"),
            order(2000, OrderState.ACCEPTED, "0", "0"));
        assertThat(reports(result)).containsExactly("REJECT 1000 LOST 0 @ 0 fee 0", "CANCEL_ACK 2000 LOST 0 @ 0 fee 0");
        assertThat(result.clean()).isTrue();
    }

    @Test
    void shouldDropOrSendAnOrderThatNeverLeftTheProcessAsConfigured() {
        final Reconciliation dropped = reconcile(UnreleasedRule.DROP, order(1000, OrderState.RELEASED, "0", "0"));
        assertThat(reports(dropped)).containsExactly("REJECT 1000 NOT_SENT 0 @ 0 fee 0");
        assertThat(dropped.toSend()).isEmpty();

        final Reconciliation sentNow = reconcile(UnreleasedRule.SEND, order(1000, OrderState.RELEASED, "0", "0"));
        assertThat(sentNow.inputs()).isEmpty();
        assertThat(sentNow.toSend()).extracting(EngineOrder::clientOrderId).containsExactly(1000L);
    }

    @Test
    void shouldEndOrdersTheVenueEndedAndSendAPendingCancelAgain() {
        venueOrders.put(1000L, new VenueOrder(1000, "v-1", 0, 1, fp("2"), 0, 0, VenueOrderStatus.CANCELLED));
        venueOrders.put(2000L, new VenueOrder(2000, "v-22", 0, 1, fp("2"), 0, 0, VenueOrderStatus.EXPIRED));
        venueOrders.put(3000L, new VenueOrder(3000, "v-333", 0, 1, fp("2"), 0, 0, VenueOrderStatus.OPEN));
        final Reconciliation result = reconcile(UnreleasedRule.DROP, order(1000, OrderState.ACCEPTED, "0", "0"),
            order(2000, OrderState.ACCEPTED, "0", "0"), order(3000, OrderState.PENDING_CANCEL, "0", "0"));
        assertThat(reports(result)).containsExactly("CANCEL_ACK 1000  0 @ 0 fee 0", "EXPIRED 2000  0 @ 0 fee 0");
        // venue ids are interned by the function given (here: their length)
        assertThat(result.inputs().get(1).venueOrderId).isEqualTo(4);
        assertThat(result.cancelsToSend()).extracting(EngineOrder::clientOrderId).containsExactly(3000L);
    }

    @Test
    void shouldLeaveWhatItCannotApplyUnresolved() {
        // filled less at the venue than settled here; an order of ours open there but ended here; a holding short of
        // the books'; a foreign order (reported, not unresolved)
        venueOrders.put(1000L, new VenueOrder(1000, "v-1", 0, 1, fp("2"), fp("0.5"), fp("100"), VenueOrderStatus.OPEN));
        open.add(new VenueOrder(4000, "v-4", 0, 1, fp("1"), 0, 0, VenueOrderStatus.OPEN));
        open.add(new VenueOrder(0, "manual", 0, -1, fp("1"), 0, 0, VenueOrderStatus.OPEN));
        held = new long[] {fp("-1")};
        final Reconciliation result = reconcile(UnreleasedRule.DROP, order(1000, OrderState.PARTIALLY_FILLED, "1", "100"));
        assertThat(result.inputs()).isEmpty();
        assertThat(result.unresolved()).isEqualTo(3);
        assertThat(result.clean()).isFalse();
        assertThat(result.differences()).containsExactly(
            "UNRESOLVED: order 1000: venue filled 0.5 but the engine settled 1",
            "UNRESOLVED: order 4000 (venue id v-4) is open at venue but ended in the engine: cancel it at the venue",
            "foreign order manual open at venue (no client order id of this engine): left alone",
            "UNRESOLVED: venue holds -1 BTC/USD but the books hold 0");
    }

    @Test
    void shouldBeIncompleteWhenTheVenueCannotBeAsked() {
        final VenueRecord down = new VenueRecord() {
            @Override
            public String name() {
                return "venue";
            }

            @Override
            public VenueOrder find(final EngineOrder order) throws VenueUnavailableException {
                throw new VenueUnavailableException("connection refused");
            }

            @Override
            public List<VenueFill> fills(final EngineOrder order, final VenueOrder venueOrder) {
                return List.of();
            }

            @Override
            public List<VenueOrder> openOrders() {
                return List.of();
            }

            @Override
            public boolean wasSent(final long clientOrderId) {
                return true;
            }

            @Override
            public long[] positions() {
                return null;
            }
        };
        final Reconciliation result = Reconciler.reconcile(List.of(order(1000, OrderState.ACCEPTED, "0", "0")),
            new long[] {0}, down, UnreleasedRule.DROP, TIME, String::length, id -> "BTC/USD");
        assertThat(result.complete()).isFalse();
        assertThat(result.clean()).isFalse();
        assertThat(result.summary()).isEqualTo("reconciliation incomplete (incomplete: venue: connection refused)");
    }
}
