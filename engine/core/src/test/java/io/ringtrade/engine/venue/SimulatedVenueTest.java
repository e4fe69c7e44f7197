package io.ringtrade.engine.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.money.FixedPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fill model of {@link SimulatedVenue}, rule by rule. Book 0 pays 10 bps slippage (buys at price × 1.001,
 * sells at price × 0.999), book 1 none. A recording handler settles every execution in full (unless told not
 * to) and writes each execution and cancel as one line, so each test states the exact sequence it expects.
 */
final class SimulatedVenueTest {
    private static final int SLIPPING = 0;
    private static final int FRICTIONLESS = 1;
    private static final int ACME = 0;
    private static final int OTHER = 1;
    private static final int BUY = 1;
    private static final int SELL = -1;

    private final Recorder recorder = new Recorder();
    private final SimulatedVenue venue = new SimulatedVenue(recorder, new long[] {10, 0});

    /** Records executions and cancels as text; settles the order's quantity unless {@link #settle} is false. */
    private static final class Recorder implements FillHandler {
        final List<String> events = new ArrayList<>();
        boolean settle = true;

        @Override
        public long onExecution(final Order order, final long executionPrice, final long timeNanos) {
            events.add("fill " + order.id + " @ " + FixedPoint.toString(executionPrice) + " t" + timeNanos);
            return settle ? order.quantity : 0;
        }

        @Override
        public void onCancel(final Order order, final String reason, final long timeNanos) {
            events.add("cancel " + order.id + " " + reason + " t" + timeNanos);
        }
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private Order submit(final long id, final int book, final int instrument, final int side, final int type,
                         final String price, final long ocoGroup) {
        final Order order = new Order().clear();
        order.id = id;
        order.bookIndex = book;
        order.instrumentId = instrument;
        order.side = side;
        order.type = type;
        order.quantity = fp("1");
        order.price = price == null ? 0 : fp(price);
        order.ocoGroup = ocoGroup;
        venue.submit(order);
        return order;
    }

    private Order submit(final long id, final int side, final int type, final String price) {
        return submit(id, SLIPPING, ACME, side, type, price, 0);
    }

    private void bar(final long time, final String open, final String high, final String low) {
        venue.onBar(ACME, time, fp(open), fp(high), fp(low));
    }

    // ---- market orders ----------------------------------------------------------------------------------

    @Test
    void shouldFillAMarketBuyAtTheNextOpenPlusSlippage() {
        submit(1, BUY, OrderType.MARKET, null);

        bar(5, "100", "120", "80"); // 100 × 1.001 = 100.1

        assertThat(recorder.events).containsExactly("fill 1 @ 100.1 t5");
        assertThat(venue.workingOrderCount()).isZero();
    }

    @Test
    void shouldFillAMarketSellAtTheNextOpenMinusSlippage() {
        submit(1, SELL, OrderType.MARKET, null);

        bar(5, "100", "120", "80"); // 100 × 0.999 = 99.9

        assertThat(recorder.events).containsExactly("fill 1 @ 99.9 t5");
    }

    @Test
    void shouldFillAtTheOpenWithoutSlippageForABookWithout() {
        submit(1, FRICTIONLESS, ACME, BUY, OrderType.MARKET, null, 0);

        bar(5, "100", "120", "80");

        assertThat(recorder.events).containsExactly("fill 1 @ 100 t5");
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
        venue.onBar(ACME, 6, 500, 500, 500);

        assertThat(recorder.events).containsExactly(
            "fill 1 @ 123.5802458 t5", "fill 2 @ 123.33333222 t5", "fill 3 @ 0.00000501 t6", "fill 4 @ 0.000005 t6");
    }

    @Test
    void shouldFillAnOrderOnlyOnce() {
        submit(1, BUY, OrderType.MARKET, null);

        bar(5, "100", "120", "80");
        bar(6, "100", "120", "80");

        assertThat(recorder.events).containsExactly("fill 1 @ 100.1 t5");
    }

    @Test
    void shouldIgnoreBarsOfOtherInstruments() {
        submit(1, SLIPPING, OTHER, BUY, OrderType.MARKET, null, 0);

        bar(5, "100", "120", "80");

        assertThat(recorder.events).isEmpty();
        assertThat(venue.workingOrderCount()).isEqualTo(1);
    }

    // ---- limit orders -----------------------------------------------------------------------------------

    @Test
    void shouldFillALimitBuyAtTheLimitWhenTheLowTradesThroughIt() {
        submit(1, BUY, OrderType.LIMIT, "95");

        bar(5, "100", "101", "94"); // low 94 < 95: at the limit, no slippage

        assertThat(recorder.events).containsExactly("fill 1 @ 95 t5");
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

        assertThat(recorder.events).containsExactly("fill 1 @ 93 t5");
    }

    @Test
    void shouldFillALimitBuyAtTheOpenWhenTheBarOpensExactlyAtIt() {
        submit(1, BUY, OrderType.LIMIT, "95");

        bar(5, "95", "96", "95");

        assertThat(recorder.events).containsExactly("fill 1 @ 95 t5");
    }

    @Test
    void shouldFillALimitSellAtTheLimitWhenTheHighTradesThroughIt() {
        submit(1, SELL, OrderType.LIMIT, "105");

        bar(5, "100", "106", "99");

        assertThat(recorder.events).containsExactly("fill 1 @ 105 t5");
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

        assertThat(recorder.events).containsExactly("fill 1 @ 107 t5");
    }

    // ---- stop orders ------------------------------------------------------------------------------------

    @Test
    void shouldFillAStopBuyAtTheStopPlusSlippageWhenTheHighReachesIt() {
        submit(1, BUY, OrderType.STOP, "105");

        bar(5, "100", "105", "99"); // touching triggers a stop: 105 × 1.001 = 105.105

        assertThat(recorder.events).containsExactly("fill 1 @ 105.105 t5");
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

        assertThat(recorder.events).containsExactly("fill 1 @ 107.107 t5");
    }

    @Test
    void shouldFillAStopSellAtTheStopMinusSlippageWhenTheLowReachesIt() {
        submit(1, SELL, OrderType.STOP, "95");

        bar(5, "100", "101", "95"); // 95 × 0.999 = 94.905

        assertThat(recorder.events).containsExactly("fill 1 @ 94.905 t5");
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

        assertThat(recorder.events).containsExactly("fill 1 @ 89.91 t5");
    }

    // ---- order within one bar, OCO --------------------------------------------------------------------

    @Test
    void shouldFillOpenFillsThenStopsThenLimitsWithinOneBar() {
        // submitted in the reverse of the order they fill in
        submit(1, SELL, OrderType.LIMIT, "105"); // high 106 > 105: limit pass, at 105
        submit(2, BUY, OrderType.STOP, "104"); // high 106 ≥ 104: stop pass, 104 × 1.001 = 104.104
        submit(3, BUY, OrderType.MARKET, null); // open pass, 100 × 1.001 = 100.1

        bar(5, "100", "106", "99");

        assertThat(recorder.events).containsExactly("fill 3 @ 100.1 t5", "fill 2 @ 104.104 t5", "fill 1 @ 105 t5");
    }

    @Test
    void shouldTakeTheStopLossFirstWhenABarReachesBothStopAndTakeProfit() {
        // a long's bracket: take-profit limit sell 105 and stop-loss sell 95, one OCO group
        submit(2, SLIPPING, ACME, SELL, OrderType.LIMIT, "105", 7);
        submit(1, SLIPPING, ACME, SELL, OrderType.STOP, "95", 7);

        bar(5, "100", "106", "94"); // both reached: the adverse one, 95 × 0.999 = 94.905

        assertThat(recorder.events).containsExactly("fill 1 @ 94.905 t5", "cancel 2 OCO t5");
        assertThat(venue.workingOrderCount()).isZero();
    }

    @Test
    void shouldCancelTheStopWhenTheTakeProfitOfItsGroupFills() {
        submit(1, SLIPPING, ACME, SELL, OrderType.STOP, "90", 9);
        submit(2, SLIPPING, ACME, SELL, OrderType.LIMIT, "105", 9);

        bar(5, "100", "106", "95");

        assertThat(recorder.events).containsExactly("fill 2 @ 105 t5", "cancel 1 OCO t5");
        assertThat(venue.workingOrderCount()).isZero();
    }

    @Test
    void shouldCancelTheGroupWhenAnOrderFillsOnAGapAtTheOpen() {
        submit(1, SLIPPING, ACME, SELL, OrderType.STOP, "90", 9);
        submit(2, SLIPPING, ACME, SELL, OrderType.LIMIT, "105", 9);

        bar(5, "110", "111", "85"); // opens above the limit: limit at 110; the stop is cancelled before its pass

        assertThat(recorder.events).containsExactly("fill 2 @ 110 t5", "cancel 1 OCO t5");
    }

    @Test
    void shouldLeaveOtherGroupsAndUngroupedOrdersWorking() {
        submit(1, SLIPPING, ACME, SELL, OrderType.LIMIT, "105", 9);
        submit(2, SLIPPING, ACME, SELL, OrderType.STOP, "90", 9);
        submit(3, SLIPPING, ACME, SELL, OrderType.STOP, "80", 4);
        submit(4, SLIPPING, ACME, SELL, OrderType.STOP, "70", 0);
        submit(5, SLIPPING, ACME, BUY, OrderType.LIMIT, "60", 0);

        bar(5, "100", "106", "99");

        assertThat(recorder.events).containsExactly("fill 1 @ 105 t5", "cancel 2 OCO t5");
        assertThat(venue.workingOrderCount()).isEqualTo(3);
    }

    @Test
    void shouldFillUngroupedOrdersIndependently() {
        submit(1, SELL, OrderType.LIMIT, "104");
        submit(2, SELL, OrderType.LIMIT, "105");

        bar(5, "100", "106", "99");

        assertThat(recorder.events).containsExactly("fill 1 @ 104 t5", "fill 2 @ 105 t5");
    }

    @Test
    void shouldCancelAnOrderTheBooksCannotSettleAndKeepItsGroup() {
        recorder.settle = false;
        submit(1, SLIPPING, ACME, SELL, OrderType.MARKET, null, 3);
        submit(2, SLIPPING, ACME, SELL, OrderType.STOP, "50", 3);

        bar(5, "100", "101", "99");

        assertThat(recorder.events).containsExactly("fill 1 @ 99.9 t5", "cancel 1 UNSETTLED t5");
        assertThat(venue.workingOrderCount()).isEqualTo(1); // nothing filled, so its OCO partner stays
    }

    // ---- ticks ------------------------------------------------------------------------------------------

    @Test
    void shouldFillAMarketOrderAtTheNextTickPlusSlippage() {
        submit(1, BUY, OrderType.MARKET, null);

        venue.onTick(ACME, 9, fp("100"));

        assertThat(recorder.events).containsExactly("fill 1 @ 100.1 t9");
    }

    @Test
    void shouldFillALimitAtATickAtItsPrice() {
        // a tick is a bar with O = H = L: a tick at the limit is an open at the limit, which fills
        submit(1, BUY, OrderType.LIMIT, "95");

        venue.onTick(ACME, 9, fp("95.01"));
        venue.onTick(ACME, 10, fp("95"));

        assertThat(recorder.events).containsExactly("fill 1 @ 95 t10");
    }

    @Test
    void shouldTriggerAStopAtATickAtItsPrice() {
        submit(1, BUY, OrderType.STOP, "105");

        venue.onTick(ACME, 9, fp("104.99"));
        venue.onTick(ACME, 10, fp("105")); // 105 × 1.001

        assertThat(recorder.events).containsExactly("fill 1 @ 105.105 t10");
    }

    // ---- fill at close, cancel all ------------------------------------------------------------------------

    @Test
    void shouldFillOnlyTheBooksMarketOrdersOfTheInstrumentAtTheGivenPrice() {
        submit(1, SLIPPING, ACME, BUY, OrderType.MARKET, null, 0);
        submit(2, SLIPPING, ACME, BUY, OrderType.LIMIT, "90", 0);
        submit(3, FRICTIONLESS, ACME, BUY, OrderType.MARKET, null, 0);
        submit(4, SLIPPING, OTHER, BUY, OrderType.MARKET, null, 0);
        submit(5, SLIPPING, ACME, SELL, OrderType.MARKET, null, 0);

        venue.fillMarketOrdersAt(SLIPPING, ACME, fp("100"), 8); // the signal bar's close, with slippage

        assertThat(recorder.events).containsExactly("fill 1 @ 100.1 t8", "fill 5 @ 99.9 t8");
        assertThat(venue.workingOrderCount()).isEqualTo(3);
    }

    @Test
    void shouldCancelAllOrdersOfOneBook() {
        submit(1, SLIPPING, ACME, BUY, OrderType.LIMIT, "90", 0);
        submit(2, FRICTIONLESS, ACME, BUY, OrderType.LIMIT, "90", 0);
        submit(3, SLIPPING, OTHER, SELL, OrderType.STOP, "80", 0);

        venue.cancelAll(SLIPPING, "STOP", 8);

        assertThat(recorder.events).containsExactly("cancel 1 STOP t8", "cancel 3 STOP t8");
        assertThat(venue.workingOrderCount()).isEqualTo(1);
    }

    @Test
    void shouldCancelAllOrdersOfAllBooksForANegativeBook() {
        submit(1, SLIPPING, ACME, BUY, OrderType.LIMIT, "90", 0);
        submit(2, FRICTIONLESS, ACME, BUY, OrderType.LIMIT, "90", 0);

        venue.cancelAll(-1, "STOP", 8);

        assertThat(recorder.events).containsExactly("cancel 1 STOP t8", "cancel 2 STOP t8");
        assertThat(venue.workingOrderCount()).isZero();
    }

    @Test
    void shouldCopyASubmittedOrderSoTheCallerCanReuseItsTemplate() {
        final Order template = submit(1, BUY, OrderType.LIMIT, "95");
        template.price = fp("200"); // must not move the working order
        template.id = 2;

        bar(5, "100", "101", "94");

        assertThat(recorder.events).containsExactly("fill 1 @ 95 t5");
    }

    @Test
    void shouldKeepManyMoreOrdersThanItsInitialCapacityAndReuseThem() {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 200; i++) {
                submit(i, BUY, OrderType.MARKET, null);
            }
            assertThat(venue.workingOrderCount()).isEqualTo(200);
            bar(5 + round, "100", "101", "99");
            assertThat(venue.workingOrderCount()).isZero();
        }
        assertThat(recorder.events).hasSize(400).allMatch(line -> line.contains("@ 100.1 "));
    }
}
