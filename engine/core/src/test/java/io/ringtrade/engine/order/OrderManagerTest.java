package io.ringtrade.engine.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.EffectList;
import io.ringtrade.engine.api.event.ExecutionReport;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.venue.Venue;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.book.FillSettlement;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.risk.CostEstimate;
import io.ringtrade.engine.risk.PreTradeRisk;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.risk.TradingStates;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;
import io.ringtrade.engine.venue.SimulatedFillModel;
import io.ringtrade.engine.venue.SimulatedVenue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order manager's life cycle, transition by transition: risk refusals, release with its effect, acks, partial
 * and full fills, cancel and replace requests and the races between them and fills, venue rejects, expiry,
 * reservations, one-cancels-other, and the anomalies that halt a book. Book 0 trades on a venue that answers only
 * through reports the test writes (as a live venue would); book 1 on the simulated venue. Both hold 10,000, judge
 * orders with 10 bps commission and no slippage, and may go short; ACME ticks at 0.01 in whole lots.
 */
final class OrderManagerTest {
    private static final int LIVE = 0;
    private static final int PAPER = 1;
    private static final int ACME = 0;
    private static final int BUY = 1;
    private static final int SELL = -1;

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final RecordingSink sink = new RecordingSink();
    private final Book[] books = new Book[2];
    private final PreTradeRisk risk = new PreTradeRisk();
    private final SimulatedVenue paper;
    private final OrderManager orders;
    private final EffectList effects = new EffectList(4);
    private final ExecutionReport report = new ExecutionReport();
    private final OrderRequest request = new OrderRequest();
    private final RiskLimits limits;
    private final CostEstimate costs;
    private final FillSettlement settlement;
    private long sequence = 1;

    OrderManagerTest() {
        instruments.register("ACME", "USD", fp("0.01"), fp("1"));
        for (int i = 0; i < books.length; i++) {
            books[i] = new Book(i, i == LIVE ? "live" : "paper", fp("10000"), 1, (b, n, o, c, p) -> { });
        }
        limits = new RiskLimits(true, fp("10"), 0);
        costs = new CostEstimate(0, 10);
        paper = new SimulatedVenue(instruments, books,
            new SimulatedFillModel[] {new SimulatedFillModel(0, 10, false, 0), new SimulatedFillModel(0, 10, false, 0)},
            new boolean[] {true, true});
        settlement = new FillSettlement(books, (t, b, i, s, q, p, f, o, r) ->
            sink.fill(t, b, i, s, q, p, f, o, r));
        orders = new OrderManager(instruments, books, new RiskLimits[] {limits, limits},
            new CostEstimate[] {costs, costs}, new Venue[] {null, paper}, risk, settlement,
            (time, order, transition, reason, q, p) -> sink.orderEvent(time, order.id, order.bookIndex,
                order.instrumentId, order.side, order.type, order.quantity, order.notional, order.price,
                transition.ordinal(), order.state.ordinal(), reason.ordinal(), q, p, order.filledQuantity));
        paper.connect(orders);
        nextInput();
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private void nextInput() {
        effects.clear();
        orders.beginInput(sequence++, effects);
    }

    private long decide(final int book, final int side, final int type, final String quantity, final String price) {
        return orders.decide(request(book, side, type, quantity, price));
    }

    private OrderRequest request(final int book, final int side, final int type, final String quantity,
                                 final String price) {
        request.clear();
        request.bookIndex = book;
        request.instrumentId = ACME;
        request.side = side;
        request.type = type;
        request.quantity = fp(quantity);
        request.price = type == OrderType.MARKET ? 0 : fp(price);
        request.referencePrice = fp(price);
        request.timeNanos = 10;
        return request;
    }

    private void report(final long id, final int kind, final int reason, final String quantity, final String price) {
        orders.onReport(report.set(20, id, 9000 + id, kind, reason, fp(quantity), fp(price), 0));
    }

    private List<String> history(final long id) {
        return sink.history(id);
    }

    // ---- decision and release -----------------------------------------------------------------------------------

    @Test
    void shouldDecideReleaseAndAttachASubmitEffectWithTheDecidedSize() {
        final long id = decide(LIVE, BUY, OrderType.LIMIT, "3", "99.5");

        assertThat(id).isEqualTo(1000);
        assertThat(history(id)).containsExactly("DECIDED strategy", "RELEASED");
        assertThat(effects.size()).isEqualTo(1);
        assertThat(effects.get(0).kind).isEqualTo(EffectKind.SUBMIT);
        assertThat(effects.get(0).clientOrderId).isEqualTo(1000);
        assertThat(effects.get(0).quantity).isEqualTo(fp("3"));
        assertThat(effects.get(0).price).isEqualTo(fp("99.5"));
        assertThat(effects.get(0).timeNanos).isEqualTo(10);
        // 3 × 99.5 × 1.001 = 298.7985
        assertThat(orders.reservations().cash(LIVE)).isEqualTo(fp("298.7985"));
        assertThat(orders.ordersReleased()).isEqualTo(1);
    }

    @Test
    void shouldRecordARiskRefusalAsARejectedOrderWithoutAnEffect() {
        final long id = decide(LIVE, BUY, OrderType.MARKET, "0.5", "100");

        assertThat(id).isZero();
        assertThat(history(1000)).containsExactly("DECIDED strategy", "REJECTED LOT_SIZE");
        assertThat(effects.size()).isZero();
        assertThat(orders.openOrders().size()).isZero();
        assertThat(risk.rejections(OrderReason.LOT_SIZE)).isEqualTo(1);
    }

    @Test
    void shouldNumberOrdersFromTheInputAndRefuseMoreThanAnInputMayCause() {
        // ordinals 0..998 are orders; 999 is the refusal that says so; beyond, refusals are only counted
        for (int i = 0; i < ClientOrderIds.PER_INPUT - 1; i++) {
            assertThat(decide(LIVE, SELL, OrderType.LIMIT, "1", "10")).isEqualTo(1000 + i);
        }
        assertThat(decide(LIVE, SELL, OrderType.LIMIT, "1", "10")).isZero();
        assertThat(decide(LIVE, SELL, OrderType.LIMIT, "1", "10")).isZero();

        assertThat(history(1999)).containsExactly("DECIDED strategy", "REJECTED TOO_MANY_ORDERS");
        assertThat(risk.rejections(OrderReason.TOO_MANY_ORDERS)).isEqualTo(2);
        nextInput();
        assertThat(decide(LIVE, SELL, OrderType.LIMIT, "1", "10")).isEqualTo(2000);
    }

    @Test
    void shouldGoThroughEveryStateOfAMarketOrderOnTheSimulatedVenue() {
        final long id = decide(PAPER, BUY, OrderType.MARKET, "2", "100");
        nextInput();
        paper.onBar(ACME, 30, fp("101"), fp("102"), fp("100"), fp("50"));

        assertThat(history(id)).containsExactly("DECIDED strategy", "RELEASED", "ACCEPTED", "FILLED 2 @ 101");
        assertThat(books[PAPER].position(ACME)).isEqualTo(fp("2"));
        assertThat(orders.openOrders().size()).isZero();
        assertThat(orders.reservations().cash(PAPER)).isZero();
    }

    // ---- reports from a live venue ----------------------------------------------------------------------------

    @Test
    void shouldMoveThroughPartialFillsToFilledAndShrinkTheReservation() {
        final long id = decide(LIVE, BUY, OrderType.LIMIT, "10", "100");
        report(id, ReportKind.ACK, 0, "0", "0");
        report(id, ReportKind.PARTIAL_FILL, 0, "4", "100");
        // 6 left × 100.1 = 600.6
        assertThat(orders.reservations().cash(LIVE)).isEqualTo(fp("600.6"));
        report(id, ReportKind.PARTIAL_FILL, 0, "5", "99");
        report(id, ReportKind.FILL, 0, "1", "98");

        assertThat(history(id)).containsExactly("DECIDED strategy", "RELEASED", "ACCEPTED",
            "PARTIALLY_FILLED 4 @ 100", "PARTIALLY_FILLED 5 @ 99", "FILLED 1 @ 98");
        assertThat(books[LIVE].position(ACME)).isEqualTo(fp("10"));
        assertThat(orders.reservations().cash(LIVE)).isZero();
        assertThat(orders.openOrders().size()).isZero();
    }

    @Test
    void shouldLetAFillWinTheRaceAgainstACancelRequestAndTolerateTheLateCancelReject() {
        final long id = decide(LIVE, SELL, OrderType.LIMIT, "5", "100");
        report(id, ReportKind.ACK, 0, "0", "0");
        nextInput();
        assertThat(orders.requestCancel(id, OrderReason.REQUESTED, 15)).isTrue();
        assertThat(effects.get(0).kind).isEqualTo(EffectKind.CANCEL);
        assertThat(effects.get(0).venueOrderId).isEqualTo(9000 + id);

        report(id, ReportKind.FILL, 0, "5", "100"); // the fill crossed the cancel on the wire
        report(id, ReportKind.CANCEL_REJECT, VenueReason.TOO_LATE, "0", "0");

        assertThat(history(id)).containsExactly("DECIDED strategy", "RELEASED", "ACCEPTED", "PENDING_CANCEL REQUESTED",
            "FILLED 5 @ 100");
        assertThat(books[LIVE].position(ACME)).isEqualTo(fp("-5"));
        assertThat(orders.lateReports()).isEqualTo(1);
        assertThat(orders.anomalies()).isZero();
    }

    @Test
    void shouldKeepFillingWhileACancelIsPendingAndEndCancelledWithTheRequestsReason() {
        final long id = decide(LIVE, BUY, OrderType.LIMIT, "10", "100");
        report(id, ReportKind.ACK, 0, "0", "0");
        report(id, ReportKind.PARTIAL_FILL, 0, "4", "100");
        orders.requestCancel(id, OrderReason.STOP, 15);
        report(id, ReportKind.PARTIAL_FILL, 0, "1", "100");
        report(id, ReportKind.CANCEL_ACK, 0, "0", "0");

        assertThat(history(id)).containsExactly("DECIDED strategy", "RELEASED", "ACCEPTED",
            "PARTIALLY_FILLED 4 @ 100", "PENDING_CANCEL STOP", "PENDING_CANCEL 1 @ 100", "CANCELLED STOP");
        assertThat(books[LIVE].position(ACME)).isEqualTo(fp("5"));
        assertThat(orders.reservations().cash(LIVE)).isZero();
    }

    @Test
    void shouldReturnToTheStateBeforeARefusedCancel() {
        final long id = decide(LIVE, BUY, OrderType.LIMIT, "10", "100");
        report(id, ReportKind.ACK, 0, "0", "0");
        report(id, ReportKind.PARTIAL_FILL, 0, "4", "100");
        orders.requestCancel(id, OrderReason.REQUESTED, 15);
        report(id, ReportKind.CANCEL_REJECT, VenueReason.OTHER, "0", "0");

        assertThat(orders.openOrder(id).state).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(orders.requestCancel(id, OrderReason.REQUESTED, 16)).isTrue(); // may be asked again
    }

    @Test
    void shouldNotAskTwiceForACancelThatIsPending() {
        final long id = decide(LIVE, BUY, OrderType.LIMIT, "1", "100");
        orders.requestCancel(id, OrderReason.REQUESTED, 15);

        assertThat(orders.requestCancel(id, OrderReason.REQUESTED, 16)).isFalse();
        assertThat(orders.requestCancel(424242, OrderReason.REQUESTED, 16)).isFalse();
    }

    @Test
    void shouldEndAVenueRejectionAsRejectedWithTheVenuesReasonAndReleaseTheReservation() {
        final long id = decide(LIVE, BUY, OrderType.LIMIT, "10", "100");
        report(id, ReportKind.REJECT, VenueReason.INSUFFICIENT_FUNDS, "0", "0");

        assertThat(history(id)).containsExactly("DECIDED strategy", "RELEASED", "REJECTED INSUFFICIENT_FUNDS");
        assertThat(orders.reservations().cash(LIVE)).isZero();
    }

    @Test
    void shouldReplaceAWorkingOrdersQuantityAndPriceAndItsReservation() {
        final long id = decide(LIVE, BUY, OrderType.LIMIT, "10", "100");
        report(id, ReportKind.ACK, 0, "0", "0");
        nextInput();

        assertThat(orders.requestReplace(id, fp("4"), fp("95"), fp("100"), 15, new OrderRequest())).isTrue();
        assertThat(effects.get(0).kind).isEqualTo(EffectKind.REPLACE);
        report(id, ReportKind.REPLACE_ACK, 0, "4", "95");

        assertThat(history(id)).containsExactly("DECIDED strategy", "RELEASED", "ACCEPTED",
            "PENDING_REPLACE REQUESTED", "ACCEPTED REQUESTED 4 @ 95");
        assertThat(orders.openOrder(id).quantity).isEqualTo(fp("4"));
        assertThat(orders.reservations().cash(LIVE)).isEqualTo(fp("380.38")); // 4 × 95 × 1.001
    }

    @Test
    void shouldRefuseAReplaceThatFailsTheChecksAndLeaveTheOrderAlone() {
        final long id = decide(LIVE, BUY, OrderType.LIMIT, "10", "100");
        report(id, ReportKind.ACK, 0, "0", "0");

        assertThat(orders.requestReplace(id, fp("1000"), fp("95"), fp("100"), 15, new OrderRequest())).isFalse();
        assertThat(orders.openOrder(id).state).isEqualTo(OrderState.ACCEPTED);
        assertThat(orders.reservations().cash(LIVE)).isEqualTo(fp("1001"));
    }

    @Test
    void shouldRefuseEveryReplaceWhenTheVenueDoesNotReplaceInPlace() {
        // the same books and venues, but a venue whose replace would be a cancel and a new order (XChange)
        final OrderManager noReplaces = new OrderManager(instruments, books, new RiskLimits[] {limits, limits},
            new CostEstimate[] {costs, costs}, new Venue[] {null, paper}, risk, settlement, (t, o, tr, r, q, p) -> { },
            new TradingStates(books.length), false);
        noReplaces.beginInput(sequence++, effects);
        final long id = noReplaces.decide(request(LIVE, BUY, OrderType.LIMIT, "10", "100"));
        noReplaces.onReport(report.set(20, id, 9000 + id, ReportKind.ACK, 0, 0, 0, 0));
        effects.clear();

        assertThat(noReplaces.requestReplace(id, fp("4"), fp("95"), fp("100"), 15, new OrderRequest())).isFalse();
        assertThat(effects.size()).isZero();
        assertThat(noReplaces.openOrder(id).state).isEqualTo(OrderState.ACCEPTED);
        assertThat(noReplaces.openOrder(id).quantity).isEqualTo(fp("10"));
        assertThat(noReplaces.reservations().cash(LIVE)).isEqualTo(fp("1001")); // 10 × 100 × 1.001, unchanged
    }

    @Test
    void shouldExpireAnOrder() {
        final long id = decide(LIVE, BUY, OrderType.LIMIT, "1", "100");
        report(id, ReportKind.ACK, 0, "0", "0");
        report(id, ReportKind.EXPIRED, 0, "0", "0");

        assertThat(history(id)).endsWith("EXPIRED EXPIRED");
        assertThat(orders.openOrders().size()).isZero();
    }

    // ---- reservations -------------------------------------------------------------------------------------------

    @Test
    void shouldNotLetTwoOpenBuysSpendTheSameCash() {
        decide(LIVE, BUY, OrderType.LIMIT, "60", "100"); // reserves 6006

        assertThat(decide(LIVE, BUY, OrderType.LIMIT, "40", "100")).isZero(); // 4004 > 10000 − 6006
        assertThat(decide(LIVE, BUY, OrderType.LIMIT, "39", "100")).isNotZero(); // 3903.9 fits
    }

    // ---- anomalies ----------------------------------------------------------------------------------------------

    @Test
    void shouldHaltTheBookOnAReportIllegalForTheOrdersStateAndRefuseItsNewOrders() {
        final long id = decide(LIVE, BUY, OrderType.LIMIT, "1", "100");
        report(id, ReportKind.ACK, 0, "0", "0");
        report(id, ReportKind.ACK, 0, "0", "0");

        assertThat(orders.anomalies()).isEqualTo(1);
        assertThat(orders.lastAnomaly()).isEqualTo("ACK for order 1000 in state ACCEPTED; book live halted");
        assertThat(orders.isHalted(LIVE)).isTrue();
        assertThat(orders.isHalted(PAPER)).isFalse();
        assertThat(decide(LIVE, BUY, OrderType.LIMIT, "1", "100")).isZero();
        assertThat(history(1001)).containsExactly("DECIDED strategy", "REJECTED BOOK_HALTED");
    }

    @Test
    void shouldHaltEveryBookOnAFillForAnOrderThatIsNoLongerOpen() {
        final long id = decide(LIVE, BUY, OrderType.LIMIT, "1", "100");
        report(id, ReportKind.ACK, 0, "0", "0");
        orders.requestReplace(id, fp("2"), fp("100"), fp("100"), 15, new OrderRequest());
        report(id, ReportKind.REPLACE_ACK, 0, "2", "100");
        report(id, ReportKind.EXPIRED, 0, "0", "0");
        report(id, ReportKind.FILL, 0, "1", "100"); // after EXPIRED: unknown order now

        assertThat(orders.isHalted(LIVE)).isTrue(); // an unknown order halts every book
        assertThat(orders.isHalted(PAPER)).isTrue();
        assertThat(orders.lastAnomaly()).isEqualTo("FILL for order 1000, which is not open in this engine; every book"
            + " halted");
    }

    // ---- one-cancels-other and cancel-all on the simulated venue ---------------------------------------------

    @Test
    void shouldTakeTheStopLossFirstAndCancelItsTakeProfitWhenABarReachesBoth() {
        books[PAPER].applyFill(ACME, BUY, fp("1"), fp("100"), 0, 1);
        request.clear();
        final long takeProfit = bracket(SELL, OrderType.LIMIT, "105");
        final long stopLoss = bracket(SELL, OrderType.STOP, "95");
        nextInput();

        paper.onBar(ACME, 30, fp("100"), fp("106"), fp("94"), fp("10")); // both reached: the adverse one

        assertThat(history(stopLoss)).endsWith("FILLED 1 @ 95");
        assertThat(history(takeProfit)).endsWith("PENDING_CANCEL OCO", "CANCELLED OCO");
        assertThat(paper.workingOrderCount()).isZero();
        assertThat(effects.size()).isEqualTo(1); // the cancel of the take-profit leaves as an effect
    }

    private long bracket(final int side, final int type, final String price) {
        request.clear();
        request.bookIndex = PAPER;
        request.instrumentId = ACME;
        request.side = side;
        request.type = type;
        request.quantity = fp("1");
        request.price = fp(price);
        request.ocoGroup = 7;
        request.timeNanos = 10;
        return orders.decide(request);
    }

    @Test
    void shouldCancelEveryOpenOrderOfABookWithOneCancelAllEffect() {
        final long a = decide(PAPER, BUY, OrderType.LIMIT, "1", "90");
        final long b = decide(PAPER, SELL, OrderType.STOP, "1", "80");
        final long other = decide(LIVE, BUY, OrderType.LIMIT, "1", "90");
        nextInput();

        orders.cancelAll(PAPER, -1, OrderReason.STOP, 40);

        assertThat(effects.size()).isEqualTo(1);
        assertThat(effects.get(0).kind).isEqualTo(EffectKind.CANCEL_ALL);
        assertThat(effects.get(0).bookIndex).isEqualTo(PAPER);
        assertThat(history(a)).endsWith("PENDING_CANCEL STOP", "CANCELLED STOP");
        assertThat(history(b)).endsWith("PENDING_CANCEL STOP", "CANCELLED STOP");
        assertThat(orders.openOrder(other)).isNotNull();
    }

    // ---- state ----------------------------------------------------------------------------------------------------

    @Test
    void shouldRestoreOpenOrdersAndRecountTheirReservationsFromASnapshot() {
        final long id = decide(LIVE, BUY, OrderType.LIMIT, "10", "100");
        report(id, ReportKind.ACK, 0, "0", "0");
        report(id, ReportKind.PARTIAL_FILL, 0, "4", "100");
        final StateWriter out = new StateWriter();
        orders.writeState(out);

        final OrderManagerTest fresh = new OrderManagerTest();
        fresh.books[LIVE].applyFill(ACME, BUY, fp("4"), fp("100"), fp("0.4"), 20);
        final StateReader in = new StateReader(out.toByteArray());
        fresh.orders.readState(in);
        fresh.report(id, ReportKind.FILL, 0, "6", "100");

        assertThat(fresh.orders.reservations().cash(LIVE)).isZero();
        assertThat(fresh.history(id)).containsExactly("FILLED 6 @ 100");
        assertThat(fresh.books[LIVE].position(ACME)).isEqualTo(fp("10"));
        assertThat(orders.reservations().cash(LIVE)).isEqualTo(fp("600.6"));
    }
}
