package io.ringtrade.engine.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.ExecutionReport;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.venue.ExecutionReportListener;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.book.FillSettlement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fill model of {@link SimulatedVenue}, rule by rule, through its {@link io.ringtrade.engine.api.venue.Venue}
 * interface and the reports it answers with. Book 0 pays 10 bps slippage (buys at price × 1.001, sells at
 * price × 0.999), book 1 none; both may go short and start rich, so unless a test says otherwise nothing is clamped.
 * A recorder writes each report (acks aside) as one line and settles fills into the books, so each test states the
 * exact sequence it expects.
 */
final class SimulatedVenueTest {
    private static final int SLIPPING = 0;
    private static final int FRICTIONLESS = 1;
    private static final int ACME = 0;
    private static final int OTHER = 1;
    private static final int BUY = 1;
    private static final int SELL = -1;

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private Book[] books;
    private Recorder recorder;
    private SimulatedVenue venue;

    SimulatedVenueTest() {
        instruments.register("ACME", "USD", 1, 1);
        instruments.register("OTHER", "USD", 1, 1);
        build(new SimulatedFillModel[] {new SimulatedFillModel(10, 0, false, 0), new SimulatedFillModel(0, 0, false, 0)},
            new boolean[] {true, true}, "1000000");
    }

    /** A fresh test whose venue has these fill models, short permissions and starting cash. */
    private static SimulatedVenueTest with(final SimulatedFillModel[] models, final boolean[] shorts,
                                           final String cash) {
        final SimulatedVenueTest test = new SimulatedVenueTest();
        test.build(models, shorts, cash);
        return test;
    }

    private void build(final SimulatedFillModel[] models, final boolean[] shorts, final String cash) {
        books = new Book[] {
            new Book(0, "zero", fp(cash), 4, (b, i, o, c, p) -> { }),
            new Book(1, "one", fp(cash), 4, (b, i, o, c, p) -> { }),
        };
        recorder = new Recorder(new FillSettlement(books, (t, b, i, s, q, p, f, o, r) -> { }));
        venue = new SimulatedVenue(instruments, books, models, shorts);
        venue.connect(recorder);
    }

    /** Records reports as text and settles fills into the books. */
    private static final class Recorder implements ExecutionReportListener {
        final List<String> events = new ArrayList<>();
        final List<String> acks = new ArrayList<>();
        final Map<Long, long[]> orders = new HashMap<>();
        final FillSettlement settlement;

        Recorder(final FillSettlement settlement) {
            this.settlement = settlement;
        }

        @Override
        public void onReport(final ExecutionReport r) {
            switch (r.kind) {
                case ReportKind.ACK -> acks.add("ack " + r.clientOrderId + " t" + r.timeNanos);
                case ReportKind.FILL, ReportKind.PARTIAL_FILL -> {
                    final long[] order = orders.get(r.clientOrderId);
                    settlement.settle(r.timeNanos, (int) order[0], (int) order[1], (int) order[2], r.lastQuantity,
                        r.lastPrice, r.lastFee, r.clientOrderId);
                    events.add((r.kind == ReportKind.FILL ? "fill " : "partial ") + r.clientOrderId + " "
                        + FixedPoint.toString(r.lastQuantity) + " @ " + FixedPoint.toString(r.lastPrice)
                        + (r.lastFee == 0 ? "" : " fee " + FixedPoint.toString(r.lastFee)) + " t" + r.timeNanos);
                }
                default -> events.add(ReportKind.name(r.kind).toLowerCase() + " " + r.clientOrderId
                    + (r.reason == VenueReason.NONE ? "" : " " + VenueReason.name(r.reason))
                    + (r.kind == ReportKind.REPLACE_ACK ? " " + FixedPoint.toString(r.lastQuantity) + " @ "
                    + FixedPoint.toString(r.lastPrice) : "") + " t" + r.timeNanos);
            }
        }
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private OrderEffect submit(final long id, final int book, final int instrument, final int side, final int type,
                               final String price, final String quantity) {
        final OrderEffect order = new OrderEffect().clear();
        order.kind = EffectKind.SUBMIT;
        order.clientOrderId = id;
        order.bookIndex = book;
        order.instrumentId = instrument;
        order.side = side;
        order.orderType = type;
        order.quantity = fp(quantity);
        order.price = price == null ? 0 : fp(price);
        order.timeNanos = 1;
        recorder.orders.put(id, new long[] {book, instrument, side});
        venue.submit(order);
        return order;
    }

    private OrderEffect submit(final long id, final int side, final int type, final String price) {
        return submit(id, SLIPPING, ACME, side, type, price, "1");
    }

    private void bar(final long time, final String open, final String high, final String low) {
        venue.onBar(ACME, time, fp(open), fp(high), fp(low), fp("1000"));
    }

    private OrderEffect request(final int kind, final long id, final int book, final int instrument) {
        final OrderEffect effect = new OrderEffect().clear();
        effect.kind = kind;
        effect.clientOrderId = id;
        effect.bookIndex = book;
        effect.instrumentId = instrument;
        effect.timeNanos = 8;
        return effect;
    }

    // ---- acknowledgement and refusals ---------------------------------------------------------------------------

    @Test
    void shouldAcknowledgeAnOrderAtItsDecisionTime() {
        submit(1, BUY, OrderType.MARKET, null);

        assertThat(recorder.acks).containsExactly("ack 1 t1");
        assertThat(recorder.events).isEmpty();
        assertThat(venue.workingOrderCount()).isEqualTo(1);
    }

    @Test
    void shouldRejectALimitPriceOffTheTickSize() {
        instruments.register("TICKED", "USD", fp("0.01"), 1);
        final SimulatedVenue ticked = new SimulatedVenue(instruments, books,
            new SimulatedFillModel[] {new SimulatedFillModel(0, 0, false, 0), new SimulatedFillModel(0, 0, false, 0)},
            new boolean[] {true, true});
        ticked.connect(recorder);
        final OrderEffect order = submit(1, BUY, OrderType.MARKET, null);
        order.instrumentId = 2;
        order.orderType = OrderType.LIMIT;
        order.price = fp("95.005");

        ticked.submit(order);

        assertThat(recorder.events).containsExactly("reject 1 OFF_TICK t1");
        assertThat(ticked.workingOrderCount()).isZero();
    }

    // ---- market orders ----------------------------------------------------------------------------------------

    @Test
    void shouldFillAMarketBuyAtTheNextOpenPlusSlippage() {
        submit(1, BUY, OrderType.MARKET, null);

        bar(5, "100", "120", "80"); // 100 × 1.001 = 100.1

        assertThat(recorder.events).containsExactly("fill 1 1 @ 100.1 t5");
        assertThat(venue.workingOrderCount()).isZero();
    }

    @Test
    void shouldFillAMarketSellAtTheNextOpenMinusSlippage() {
        submit(1, SELL, OrderType.MARKET, null);

        bar(5, "100", "120", "80"); // 100 × 0.999 = 99.9

        assertThat(recorder.events).containsExactly("fill 1 1 @ 99.9 t5");
    }

    @Test
    void shouldFillAtTheOpenWithoutSlippageForABookWithout() {
        submit(1, FRICTIONLESS, ACME, BUY, OrderType.MARKET, null, "1");

        bar(5, "100", "120", "80");

        assertThat(recorder.events).containsExactly("fill 1 1 @ 100 t5");
    }

    @Test
    void shouldRoundSlippedPricesHalfUpToOneUnit() {
        // 123.45678901 × 1.001 = 123.58024579901 → 123.5802458; × 0.999 = 123.33333222099 → 123.33333222
        submit(1, BUY, OrderType.MARKET, null);
        submit(2, SELL, OrderType.MARKET, null);
        bar(5, "123.45678901", "124", "123");
        // 500 units × 1.001 = 500.5 units → 501 (half away from zero); × 0.999 = 499.5 → 500
        submit(3, BUY, OrderType.MARKET, null);
        submit(4, SELL, OrderType.MARKET, null);
        venue.onBar(ACME, 6, 500, 500, 500, fp("1000"));

        assertThat(recorder.events).containsExactly("fill 1 1 @ 123.5802458 t5", "fill 2 1 @ 123.33333222 t5",
            "fill 3 1 @ 0.00000501 t6", "fill 4 1 @ 0.000005 t6");
    }

    @Test
    void shouldFillAnOrderOnlyOnce() {
        submit(1, BUY, OrderType.MARKET, null);

        bar(5, "100", "120", "80");
        bar(6, "100", "120", "80");

        assertThat(recorder.events).containsExactly("fill 1 1 @ 100.1 t5");
    }

    @Test
    void shouldIgnoreBarsOfOtherInstruments() {
        submit(1, SLIPPING, OTHER, BUY, OrderType.MARKET, null, "1");

        bar(5, "100", "120", "80");

        assertThat(recorder.events).isEmpty();
        assertThat(venue.workingOrderCount()).isEqualTo(1);
    }

    // ---- limit orders -----------------------------------------------------------------------------------------

    @Test
    void shouldFillALimitBuyAtTheLimitWhenTheLowTradesThroughIt() {
        submit(1, BUY, OrderType.LIMIT, "95");

        bar(5, "100", "101", "94"); // low 94 < 95: at the limit, no slippage

        assertThat(recorder.events).containsExactly("fill 1 1 @ 95 t5");
    }

    @Test
    void shouldNotFillALimitBuyWhenTheLowOnlyTouchesIt() {
        submit(1, BUY, OrderType.LIMIT, "95");

        bar(5, "100", "101", "95");

        assertThat(recorder.events).isEmpty();
        assertThat(venue.workingOrderCount()).isEqualTo(1);
    }

    @Test
    void shouldFillALimitBuyAtTheOpenWhenTheBarGapsBelowIt() {
        submit(1, BUY, OrderType.LIMIT, "95");

        bar(5, "93", "94", "92"); // opens at 93 ≤ 95: the better price, no slippage

        assertThat(recorder.events).containsExactly("fill 1 1 @ 93 t5");
    }

    @Test
    void shouldFillALimitBuyAtTheOpenWhenTheBarOpensExactlyAtIt() {
        submit(1, BUY, OrderType.LIMIT, "95");

        bar(5, "95", "96", "95");

        assertThat(recorder.events).containsExactly("fill 1 1 @ 95 t5");
    }

    @Test
    void shouldFillALimitSellAtTheLimitWhenTheHighTradesThroughIt() {
        submit(1, SELL, OrderType.LIMIT, "105");

        bar(5, "100", "106", "99");

        assertThat(recorder.events).containsExactly("fill 1 1 @ 105 t5");
    }

    @Test
    void shouldNotFillALimitSellWhenTheHighOnlyTouchesIt() {
        submit(1, SELL, OrderType.LIMIT, "105");

        bar(5, "100", "105", "99");

        assertThat(recorder.events).isEmpty();
    }

    @Test
    void shouldFillALimitSellAtTheOpenWhenTheBarGapsAboveIt() {
        submit(1, SELL, OrderType.LIMIT, "105");

        bar(5, "107", "108", "106");

        assertThat(recorder.events).containsExactly("fill 1 1 @ 107 t5");
    }

    // ---- stop orders ------------------------------------------------------------------------------------------

    @Test
    void shouldFillAStopBuyAtTheStopPlusSlippageWhenTheHighReachesIt() {
        submit(1, BUY, OrderType.STOP, "105");

        bar(5, "100", "105", "99"); // touching triggers a stop: 105 × 1.001 = 105.105

        assertThat(recorder.events).containsExactly("fill 1 1 @ 105.105 t5");
    }

    @Test
    void shouldNotTriggerAStopBuyBelowIt() {
        submit(1, BUY, OrderType.STOP, "105");

        bar(5, "100", "104.99", "99");

        assertThat(recorder.events).isEmpty();
    }

    @Test
    void shouldFillAStopBuyAtTheOpenPlusSlippageWhenTheBarGapsAboveIt() {
        submit(1, BUY, OrderType.STOP, "105");

        bar(5, "107", "108", "106"); // 107 × 1.001 = 107.107

        assertThat(recorder.events).containsExactly("fill 1 1 @ 107.107 t5");
    }

    @Test
    void shouldFillAStopSellAtTheStopMinusSlippageWhenTheLowReachesIt() {
        submit(1, SELL, OrderType.STOP, "95");

        bar(5, "100", "101", "95"); // 95 × 0.999 = 94.905

        assertThat(recorder.events).containsExactly("fill 1 1 @ 94.905 t5");
    }

    @Test
    void shouldNotTriggerAStopSellAboveIt() {
        submit(1, SELL, OrderType.STOP, "95");

        bar(5, "100", "101", "95.01");

        assertThat(recorder.events).isEmpty();
    }

    @Test
    void shouldFillAStopSellAtTheOpenMinusSlippageWhenTheBarGapsBelowIt() {
        submit(1, SELL, OrderType.STOP, "95");

        bar(5, "90", "91", "89"); // 90 × 0.999 = 89.91

        assertThat(recorder.events).containsExactly("fill 1 1 @ 89.91 t5");
    }

    // ---- order within one bar ---------------------------------------------------------------------------------

    @Test
    void shouldFillOpenFillsThenStopsThenLimitsWithinOneBar() {
        // submitted in the reverse of the order they fill in
        submit(1, SELL, OrderType.LIMIT, "105"); // high 106 > 105: limit pass, at 105
        submit(2, BUY, OrderType.STOP, "104"); // high 106 ≥ 104: stop pass, 104 × 1.001 = 104.104
        submit(3, BUY, OrderType.MARKET, null); // open pass, 100 × 1.001 = 100.1

        bar(5, "100", "106", "99");

        assertThat(recorder.events).containsExactly("fill 3 1 @ 100.1 t5", "fill 2 1 @ 104.104 t5",
            "fill 1 1 @ 105 t5");
    }

    @Test
    void shouldFillUngroupedOrdersIndependently() {
        submit(1, SELL, OrderType.LIMIT, "104");
        submit(2, SELL, OrderType.LIMIT, "105");

        bar(5, "100", "106", "99");

        assertThat(recorder.events).containsExactly("fill 1 1 @ 104 t5", "fill 2 1 @ 105 t5");
    }

    // ---- trades -----------------------------------------------------------------------------------------------

    @Test
    void shouldFillAMarketOrderAtTheNextTickPlusSlippage() {
        submit(1, BUY, OrderType.MARKET, null);

        venue.onTick(ACME, 9, fp("100"), fp("5"));

        assertThat(recorder.events).containsExactly("fill 1 1 @ 100.1 t9");
    }

    @Test
    void shouldFillALimitAtATickAtItsPrice() {
        // a trade is a bar with O = H = L: a trade at the limit is an open at the limit, which fills
        submit(1, BUY, OrderType.LIMIT, "95");

        venue.onTick(ACME, 9, fp("95.01"), fp("5"));
        venue.onTick(ACME, 10, fp("95"), fp("5"));

        assertThat(recorder.events).containsExactly("fill 1 1 @ 95 t10");
    }

    @Test
    void shouldTriggerAStopAtATickAtItsPrice() {
        submit(1, BUY, OrderType.STOP, "105");

        venue.onTick(ACME, 9, fp("104.99"), fp("5"));
        venue.onTick(ACME, 10, fp("105"), fp("5")); // 105 × 1.001

        assertThat(recorder.events).containsExactly("fill 1 1 @ 105.105 t10");
    }

    // ---- fill at close, cancels, replace, expiry -----------------------------------------------------------------

    @Test
    void shouldFillOnlyTheBooksMarketOrdersOfTheInstrumentAtTheCloseStampedWithTheBarsEnd() {
        submit(1, SLIPPING, ACME, BUY, OrderType.MARKET, null, "1");
        submit(2, SLIPPING, ACME, BUY, OrderType.LIMIT, "90", "1");
        submit(3, FRICTIONLESS, ACME, BUY, OrderType.MARKET, null, "1");
        submit(4, SLIPPING, OTHER, BUY, OrderType.MARKET, null, "1");
        submit(5, SLIPPING, ACME, SELL, OrderType.MARKET, null, "1");

        venue.fillAtClose(SLIPPING, ACME, fp("100"), fp("1000"), 8); // the deciding bar's close, at its end

        assertThat(recorder.events).containsExactly("fill 1 1 @ 100.1 t8", "fill 5 1 @ 99.9 t8");
        assertThat(venue.workingOrderCount()).isEqualTo(3);
    }

    @Test
    void shouldCancelOneOrderOnRequestAndRefuseAnUnknownOne() {
        submit(1, BUY, OrderType.LIMIT, "90");

        venue.cancel(request(EffectKind.CANCEL, 1, SLIPPING, ACME));
        venue.cancel(request(EffectKind.CANCEL, 1, SLIPPING, ACME));

        assertThat(recorder.events).containsExactly("cancel_ack 1 t8", "cancel_reject 1 UNKNOWN_ORDER t8");
        assertThat(venue.workingOrderCount()).isZero();
    }

    @Test
    void shouldCancelAllOrdersOfOneBookOnEveryInstrument() {
        submit(1, SLIPPING, ACME, BUY, OrderType.LIMIT, "90", "1");
        submit(2, FRICTIONLESS, ACME, BUY, OrderType.LIMIT, "90", "1");
        submit(3, SLIPPING, OTHER, SELL, OrderType.STOP, "80", "1");
        submit(4, SLIPPING, ACME, SELL, OrderType.STOP, "80", "1");

        venue.cancelAll(request(EffectKind.CANCEL_ALL, 0, SLIPPING, -1));

        assertThat(recorder.events).containsExactly("cancel_ack 1 t8", "cancel_ack 4 t8", "cancel_ack 3 t8");
        assertThat(venue.workingOrderCount()).isEqualTo(1);
    }

    @Test
    void shouldCancelAllOrdersOfOneBookOnOneInstrument() {
        submit(1, SLIPPING, ACME, BUY, OrderType.LIMIT, "90", "1");
        submit(2, SLIPPING, OTHER, SELL, OrderType.STOP, "80", "1");

        venue.cancelAll(request(EffectKind.CANCEL_ALL, 0, SLIPPING, OTHER));

        assertThat(recorder.events).containsExactly("cancel_ack 2 t8");
        assertThat(venue.workingOrderCount()).isEqualTo(1);
    }

    @Test
    void shouldReplaceAWorkingOrdersQuantityAndPrice() {
        submit(1, SLIPPING, ACME, BUY, OrderType.LIMIT, "90", "2");
        final OrderEffect replace = request(EffectKind.REPLACE, 1, SLIPPING, ACME);
        replace.quantity = fp("3");
        replace.price = fp("96");

        venue.replace(replace);
        bar(9, "100", "101", "95");

        assertThat(recorder.events).containsExactly("replace_ack 1 3 @ 96 t8", "fill 1 3 @ 96 t9");
    }

    @Test
    void shouldExpireAnOrderAtTheFirstDataAtOrAfterItsExpiry() {
        final OrderEffect order = submit(1, BUY, OrderType.LIMIT, "90");
        venue.cancel(request(EffectKind.CANCEL, 1, SLIPPING, ACME));
        order.clientOrderId = 2;
        order.expiresAtNanos = 10;
        recorder.orders.put(2L, new long[] {SLIPPING, ACME, BUY});
        venue.submit(order);

        bar(9, "100", "101", "99");
        bar(10, "89", "90", "80"); // would fill at the open, but the order expired at 10

        assertThat(recorder.events).containsExactly("cancel_ack 1 t8", "expired 2 t10");
        assertThat(venue.workingOrderCount()).isZero();
    }

    @Test
    void shouldKeepManyMoreOrdersThanItsInitialCapacityAndReuseThem() {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 200; i++) {
                submit(round * 1000 + i, BUY, OrderType.MARKET, null);
            }
            assertThat(venue.workingOrderCount()).isEqualTo(200);
            bar(5 + round, "100", "101", "99");
            assertThat(venue.workingOrderCount()).isZero();
        }
        assertThat(recorder.events).hasSize(400).allMatch(line -> line.contains("@ 100.1 "));
    }

    // ---- a cash account -----------------------------------------------------------------------------------------

    /** A venue whose book 0 may not short, book 1 may; both pay 10 bps commission, no slippage, and hold 1000. */
    private static SimulatedVenueTest account() {
        return with(new SimulatedFillModel[] {new SimulatedFillModel(0, 10, false, 0),
            new SimulatedFillModel(0, 10, false, 0)}, new boolean[] {false, true}, "1000");
    }

    @Test
    void shouldSpendAllOfANotionalIncludingCommissionRoundedDownToTheLotAtTheFillPrice() {
        // at 100 with 10 bps one unit costs 100.1: 1000 / 100.1 = 9.99000999 → 9.99 in lots of 0.01
        // notional 999, fee 0.999, cash left 1000 − 999 − 0.999 = 0.001
        final SimulatedVenueTest t = account();
        t.instruments.register("LOTS", "USD", 1, fp("0.01"));
        final SimulatedVenue lots = new SimulatedVenue(t.instruments, t.books, new SimulatedFillModel[] {
            new SimulatedFillModel(0, 10, false, 0), new SimulatedFillModel(0, 10, false, 0)},
            new boolean[] {false, true});
        lots.connect(t.recorder);
        final OrderEffect buy = new OrderEffect().clear();
        buy.clientOrderId = 42;
        buy.instrumentId = 2;
        buy.side = BUY;
        buy.orderType = OrderType.MARKET;
        buy.notional = fp("1000");
        t.recorder.orders.put(42L, new long[] {0, 2, BUY});
        lots.submit(buy);

        lots.onTick(2, 5, fp("100"), fp("50"));

        assertThat(t.recorder.events).containsExactly("fill 42 9.99 @ 100 fee 0.999 t5");
        assertThat(t.books[0].cash()).isEqualTo(fp("0.001"));
        assertThat(t.books[0].position(2)).isEqualTo(fp("9.99"));
    }

    @Test
    void shouldFillAnAffordableBuyInFull() {
        final SimulatedVenueTest t = account();
        t.submit(1, 0, ACME, BUY, OrderType.MARKET, null, "5");

        t.bar(5, "100", "100", "100"); // 5 @ 100: notional 500, fee 0.5; cash 1000 − 500.5 = 499.5

        assertThat(t.recorder.events).containsExactly("fill 1 5 @ 100 fee 0.5 t5");
        assertThat(t.books[0].cash()).isEqualTo(fp("499.5"));
    }

    @Test
    void shouldFillWhatTheCashAffordsAndCancelTheRestForInsufficientFunds() {
        // 20 @ 50 would cost 1001; one unit costs 50.05, so 1000 affords 19.98001998 (in lots of 1e-8):
        // notional 999.000999, fee 0.999000999 → 0.999001, cash left exactly 0
        final SimulatedVenueTest t = account();
        t.submit(1, 0, ACME, BUY, OrderType.MARKET, null, "20");

        t.bar(5, "50", "50", "50");

        assertThat(t.recorder.events).containsExactly("partial 1 19.98001998 @ 50 fee 0.999001 t5",
            "cancel_ack 1 INSUFFICIENT_FUNDS t5");
        assertThat(t.books[0].cash()).isZero();
    }

    @Test
    void shouldRoundTheCommissionHalfUp() {
        // 1 @ 1.23456789: notional 1.23456789, × 10 bps = 0.00123456789 → 0.00123457
        final SimulatedVenueTest t = account();
        t.submit(1, 0, ACME, BUY, OrderType.MARKET, null, "1");

        t.bar(5, "1.23456789", "2", "1");

        assertThat(t.recorder.events).containsExactly("fill 1 1 @ 1.23456789 fee 0.00123457 t5");
        assertThat(t.books[0].cash()).isEqualTo(fp("998.76419754")); // 1000 − 1.23456789 − 0.00123457
    }

    @Test
    void shouldSellAtMostThePositionWhenShortingIsOff() {
        final SimulatedVenueTest t = account();
        t.submit(1, 0, ACME, BUY, OrderType.MARKET, null, "5");
        t.bar(5, "100", "100", "100");
        t.submit(2, 0, ACME, SELL, OrderType.MARKET, null, "8");

        t.bar(6, "110", "110", "110"); // 5 sold: notional 550, fee 0.55

        assertThat(t.recorder.events).containsExactly("fill 1 5 @ 100 fee 0.5 t5", "partial 2 5 @ 110 fee 0.55 t6",
            "cancel_ack 2 NO_POSITION t6");
        assertThat(t.books[0].position(ACME)).isZero();
        assertThat(t.books[0].realizedPnl()).isEqualTo(fp("49.45")); // (110 − 100) × 5 − 0.55
    }

    @Test
    void shouldCancelASellWhileFlatWhenShortingIsOff() {
        final SimulatedVenueTest t = account();
        t.submit(1, 0, ACME, SELL, OrderType.MARKET, null, "3");

        t.bar(5, "50", "50", "50");

        assertThat(t.recorder.events).containsExactly("cancel_ack 1 NO_POSITION t5");
        assertThat(t.books[0].cash()).isEqualTo(fp("1000"));
    }

    @Test
    void shouldOpenAShortWhenShortingIsOn() {
        final SimulatedVenueTest t = account();
        t.submit(1, 1, ACME, SELL, OrderType.MARKET, null, "3");

        t.bar(5, "50", "50", "50"); // notional 150, fee 0.15; cash 1000 + 150 − 0.15 = 1149.85

        assertThat(t.books[1].position(ACME)).isEqualTo(fp("-3"));
        assertThat(t.books[1].cash()).isEqualTo(fp("1149.85"));
    }

    @Test
    void shouldCoverAShortInFullEvenBeyondTheCash() {
        // short 10 @ 100: cash 1000 + 1000 − 1 = 1999
        // cover 10 @ 250: notional 2500, fee 2.5 > 1999, still filled in full (a cover is never clamped)
        // cash 1999 − 2502.5 = −503.5; realized (100 − 250) × 10 − 2.5 = −1502.5
        final SimulatedVenueTest t = account();
        t.submit(1, 1, ACME, SELL, OrderType.MARKET, null, "10");
        t.bar(5, "100", "100", "100");
        t.submit(2, 1, ACME, BUY, OrderType.MARKET, null, "10");

        t.bar(6, "250", "250", "250");

        assertThat(t.recorder.events).containsExactly("fill 1 10 @ 100 fee 1 t5", "fill 2 10 @ 250 fee 2.5 t6");
        assertThat(t.books[1].position(ACME)).isZero();
        assertThat(t.books[1].cash()).isEqualTo(fp("-503.5"));
        assertThat(t.books[1].realizedPnl()).isEqualTo(fp("-1502.5"));
    }

    @Test
    void shouldCoverInFullButGoLongOnlyWithTheCashTheCoverLeaves() {
        // short 3 at 100 (cash 1000 + 300 − 0.3 = 1299.7), then a buy of 10 that covers the 3 and goes long 7 at 180
        // (lots of 1e-8): the cover costs 540 + 0.54, leaving 759.16; one unit costs 180.18, 759.16 / 180.18 =
        // 4.21334221 (floored), so 7.21334221 fill: notional 1298.4015978, fee 1.2984015978 → 1.2984016, cash
        // 1299.7 − 1299.6999994 = 0.0000006; the rest is cancelled, where before the whole 10 filled and left the
        // cash account at 1299.7 − 1801.8 = −502.1
        final SimulatedVenueTest t = account();
        t.submit(1, 1, ACME, SELL, OrderType.MARKET, null, "3");
        t.bar(5, "100", "100", "100");
        t.submit(2, 1, ACME, BUY, OrderType.MARKET, null, "10");

        t.bar(6, "180", "180", "180");

        assertThat(t.recorder.events).containsExactly("fill 1 3 @ 100 fee 0.3 t5",
            "partial 2 7.21334221 @ 180 fee 1.2984016 t6", "cancel_ack 2 INSUFFICIENT_FUNDS t6");
        assertThat(t.books[1].position(ACME)).isEqualTo(fp("4.21334221"));
        assertThat(t.books[1].cash()).isEqualTo(fp("0.0000006"));
    }

    @Test
    void shouldAffordTheLargestWholeNumberOfLots() {
        // unit cost 100 × 1.001 = 100.1; 1000 / 100.1 = 9.99000999
        assertThat(SimulatedVenue.affordableQuantity(fp("1000"), fp("100"), 10, fp("0.001"))).isEqualTo(fp("9.99"));
        assertThat(SimulatedVenue.affordableQuantity(fp("1000"), fp("100"), 10, fp("1"))).isEqualTo(fp("9"));
        // no commission: exactly 10 fit
        assertThat(SimulatedVenue.affordableQuantity(fp("1000"), fp("100"), 0, fp("1"))).isEqualTo(fp("10"));
    }

    @Test
    void shouldAffordNothingWithoutCashOrPrice() {
        assertThat(SimulatedVenue.affordableQuantity(0, fp("100"), 10, 1)).isZero();
        assertThat(SimulatedVenue.affordableQuantity(fp("-5"), fp("100"), 10, 1)).isZero();
        assertThat(SimulatedVenue.affordableQuantity(fp("1000"), 0, 10, 1)).isZero();
        assertThat(SimulatedVenue.affordableQuantity(fp("99"), fp("100"), 0, fp("1"))).isZero(); // less than a lot
    }

    @Test
    void shouldStepDownWhenHalfUpRoundingOfNotionalAndFeeExceedsTheCash() {
        // cash 200 units, price 400 units, 25 bps, lot 1 unit (all in 1e-8):
        // unit cost ⌈400 × 1.0025⌉ = 401 → estimate ⌊200 × 1e8 / 401⌋ = 49 875 311 units of quantity
        // but its notional 400 × 0.49875311 = 199.501244 → 200 and fee 200 × 0.0025 = 0.5 → 1: 201 > 200.
        // Every quantity from 49 875 000 (notional exactly 199.5 → 200) up costs 201; 49 874 999 has notional
        // 199.499996 → 199 and fee 0.4975 → 0: 199 fits.
        assertThat(SimulatedVenue.affordableQuantity(200, 400, 25, 1)).isEqualTo(49_874_999L);
        // in lots of 1000 units: 49 875 000 does not fit, 49 874 000 (notional 199.496 → 199, fee 0) does
        assertThat(SimulatedVenue.affordableQuantity(200, 400, 25, 1000)).isEqualTo(49_874_000L);
    }

    // ---- participation --------------------------------------------------------------------------------------------

    @Test
    void shouldTakeAtMostTheParticipationShareOfEachBarsVolumeAndKeepTheRestWorking() {
        // 10 % of 30 = 3 per bar for book 0; the order of 8 fills 3, 3, then the last 2
        final SimulatedVenueTest t = with(new SimulatedFillModel[] {
            new SimulatedFillModel(0, 0, false, fp("0.1")), new SimulatedFillModel(0, 0, false, 0)},
            new boolean[] {true, true}, "1000000");
        t.submit(1, 0, ACME, BUY, OrderType.MARKET, null, "8");

        for (int bar = 0; bar < 3; bar++) {
            t.venue.onBar(ACME, 5 + bar, fp("100"), fp("100"), fp("100"), fp("30"));
        }

        assertThat(t.recorder.events).containsExactly("partial 1 3 @ 100 t5", "partial 1 3 @ 100 t6",
            "fill 1 2 @ 100 t7");
        assertThat(t.books[0].position(ACME)).isEqualTo(fp("8"));
        assertThat(t.venue.workingOrderCount()).isZero();
    }

    @Test
    void shouldShareTheParticipationBudgetOfABarBetweenABooksOrders() {
        final SimulatedVenueTest t = with(new SimulatedFillModel[] {
            new SimulatedFillModel(0, 0, false, fp("0.5")), new SimulatedFillModel(0, 0, false, 0)},
            new boolean[] {true, true}, "1000000");
        t.submit(1, 0, ACME, BUY, OrderType.MARKET, null, "4");
        t.submit(2, 0, ACME, BUY, OrderType.MARKET, null, "4");

        t.venue.onBar(ACME, 5, fp("100"), fp("100"), fp("100"), fp("10")); // budget 5: 4 to the first, 1 left

        assertThat(t.recorder.events).containsExactly("fill 1 4 @ 100 t5", "partial 2 1 @ 100 t5");
        assertThat(t.venue.workingOrderCount()).isEqualTo(1);
    }
}
