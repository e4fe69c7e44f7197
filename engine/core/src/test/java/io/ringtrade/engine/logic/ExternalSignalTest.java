package io.ringtrade.engine.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.event.SignalSizeKind;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.venue.SimulatedFillModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * External signals (DESIGN.md §2, §4) at the unit level: business logic built directly with one book,
 * {@code signals}, that trades ACME (instrument 0, lot 1) and never decides anything itself (its decision function
 * always holds), so every order comes from a signal. A second instrument, BETA (id 1), is registered but not traded
 * by the book. The book starts with 1000 and pays 10 bps slippage and 10 bps commission; minimum notional 10, no
 * shorting.
 *
 * <p>Inputs are numbered from 1, so an order caused by input n has client order id n × 1000. Market orders fill at
 * the next trade (tick input) or the next bar's open (bar input) with slippage; limit orders fill without slippage.
 */
final class ExternalSignalTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = Interval.D1.nanos();
    private static final int ACME = 0;
    private static final int BETA = 1;
    private static final int BUY = 1;
    private static final int SELL = -1;
    private static final int CLOSE = 0;
    private static final int QUANTITY = SignalSizeKind.QUANTITY;
    private static final int NOTIONAL = SignalSizeKind.NOTIONAL;

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final List<EngineEvent> inputs = new ArrayList<>();
    private final RecordingSink sink = new RecordingSink();
    private long sequence;

    ExternalSignalTest() {
        instruments.register("ACME", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
        instruments.register("BETA", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private BusinessLogic logic(final Interval interval) {
        return new BusinessLogic(instruments, List.of(new BookSpec("signals", row -> DecisionStrategy.HOLD,
            new int[] {ACME}, interval, FixedPoint.of(1000), new SimulatedFillModel(10, 10, false, 0),
            RiskLimits.longOnly(FixedPoint.of(10)))), LogicSettings.DEFAULT.withOutputs(sink));
    }

    private void feed(final BusinessLogic logic, final EngineEvent event) {
        event.sequence = ++sequence;
        inputs.add(event);
        logic.onEvent(event);
    }

    private void trade(final BusinessLogic logic, final long seconds, final String price) {
        feed(logic, new EngineEvent().setTrade(ACME, seconds * SECOND, fp(price), FixedPoint.of(1)));
    }

    private void signal(final BusinessLogic logic, final long timeNanos, final long key, final int book,
                        final int instrument, final int action, final int sizeKind, final String size,
                        final String limitPrice) {
        feed(logic, new EngineEvent().setSignal(timeNanos, key, book, instrument, action, sizeKind, fp(size),
            fp(limitPrice)));
    }

    private List<String> orders(final BusinessLogic logic) {
        return sink.finalOrders().stream().map(o -> ("order " + o.orderId() + (o.side() > 0 ? " buy " : " sell ")
            + OrderType.name(o.type()) + " " + FixedPoint.toString(o.quantity()) + " @ "
            + FixedPoint.toString(o.price()) + " " + o.state() + " "
            + (o.state().isTerminal() ? o.reason().label() : "")).trim()).toList();
    }

    private List<String> fills(final BusinessLogic logic) {
        return sink.fills.stream().map(f -> "t " + f.time() / SECOND + " order " + f.orderId()
            + (f.side() > 0 ? " buy " : " sell ") + FixedPoint.toString(f.quantity()) + " @ "
            + FixedPoint.toString(f.price()) + " fee " + FixedPoint.toString(f.fee()) + " pnl "
            + FixedPoint.toString(f.realizedPnl())).toList();
    }

    @Test
    void shouldPlaceNoSecondOrderForARepeatedKeyAndCountTheDuplicate() {
        // input 2: buy 3.7 ACME → rounded down to the lot: 3 (order 2000, market, checked at the last price 100)
        // input 3: the same key again (a sender's retry, even with another size): ignored, counted
        // input 4: trade 101 fills it: 101 × 1.001 = 101.101; notional 303.303, fee 0.303303
        final BusinessLogic logic = logic(Interval.M1);
        trade(logic, 0, "100");
        signal(logic, SECOND, 42, 0, ACME, BUY, QUANTITY, "3.7", "0");
        signal(logic, 2 * SECOND, 42, 0, ACME, BUY, QUANTITY, "5", "0");
        trade(logic, 3, "101");

        assertThat(orders(logic)).containsExactly("order 2000 buy MARKET 3 @ 0 FILLED");
        assertThat(fills(logic)).containsExactly("t 3 order 2000 buy 3 @ 101.101 fee 0.303303 pnl 0");
        assertThat(logic.signals().duplicates()).isEqualTo(1);
        assertThat(logic.signals().invalid()).isZero();
        assertThat(inputs.get(1).effects.size()).isEqualTo(1);
        assertThat(inputs.get(1).effects.get(0).clientOrderId).isEqualTo(2000);
        assertThat(inputs.get(1).effects.get(0).quantity).isEqualTo(FixedPoint.of(3));
        assertThat(inputs.get(2).effects.size()).isZero();
        // 1000 − 303.303 − 0.303303
        assertThat(logic.books()[0].cash()).isEqualTo(fp("696.393697"));
        assertThat(logic.books()[0].position(ACME)).isEqualTo(FixedPoint.of(3));
        assertThat(logic.ordersAccepted()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreARepeatedKeyEvenAfterTheFirstOrderFilled() {
        // key 7 buys 2 (order 2000), fills at 100 × 1.001 = 100.1; key 7 again after the fill: no second order
        final BusinessLogic logic = logic(Interval.M1);
        trade(logic, 0, "100");
        signal(logic, SECOND, 7, 0, ACME, BUY, QUANTITY, "2", "0");
        trade(logic, 2, "100");
        signal(logic, 3 * SECOND, 7, 0, ACME, BUY, QUANTITY, "2", "0");
        trade(logic, 4, "100");

        assertThat(fills(logic)).containsExactly("t 2 order 2000 buy 2 @ 100.1 fee 0.2002 pnl 0");
        assertThat(logic.signals().duplicates()).isEqualTo(1);
        assertThat(logic.books()[0].position(ACME)).isEqualTo(FixedPoint.of(2));
    }

    @Test
    void shouldRejectABuyThatRoundsDownToNothing() {
        // 0.9 rounded down to the lot 1 is 0: risk refuses it as ZERO_QUANTITY, no effect is released
        final BusinessLogic logic = logic(Interval.M1);
        trade(logic, 0, "100");
        signal(logic, SECOND, 1, 0, ACME, BUY, QUANTITY, "0.9", "0");
        trade(logic, 2, "100");

        assertThat(orders(logic)).containsExactly("order 2000 buy MARKET 0 @ 0 REJECTED ZERO_QUANTITY");
        assertThat(inputs.get(1).effects.size()).isZero();
        assertThat(logic.risk().rejections(OrderReason.ZERO_QUANTITY)).isEqualTo(1);
        assertThat(logic.fills()).isZero();
    }

    @Test
    void shouldConvertANotionalAtTheLastPrice() {
        // last price 102 (input 2): 500 / 102 = 4.90… → 4 (order 3000)
        // input 4: trade 103 fills it at 103 × 1.001 = 103.103; notional 412.412, fee 0.412412
        final BusinessLogic logic = logic(Interval.M1);
        trade(logic, 0, "100");
        trade(logic, 1, "102");
        signal(logic, 2 * SECOND, 9, 0, ACME, BUY, NOTIONAL, "500", "0");
        trade(logic, 3, "103");

        assertThat(orders(logic)).containsExactly("order 3000 buy MARKET 4 @ 0 FILLED");
        assertThat(fills(logic)).containsExactly("t 3 order 3000 buy 4 @ 103.103 fee 0.412412 pnl 0");
        // 1000 − 412.412 − 0.412412
        assertThat(logic.books()[0].cash()).isEqualTo(fp("587.175588"));
    }

    @Test
    void shouldRejectANotionalBeforeAnyPrice() {
        // no trade yet, so no price to convert at: refused as NO_PRICE
        final BusinessLogic logic = logic(Interval.M1);
        signal(logic, 0, 9, 0, ACME, BUY, NOTIONAL, "500", "0");
        trade(logic, 1, "100");

        assertThat(orders(logic)).containsExactly("order 1000 buy MARKET 0 @ 0 REJECTED NO_PRICE");
        assertThat(logic.fills()).isZero();
    }

    @Test
    void shouldFlattenThePositionOnCloseAndDoNothingOnCloseWhileFlat() {
        // input 2: buy 5 (order 2000); input 3: trade 100 fills it at 100.1; notional 500.5, fee 0.5005
        // input 5: close → sell the whole 5 (order 5000); input 6: trade 111 fills it at 111 × 0.999 = 110.889;
        //   notional 554.445, fee 0.554445, realized (110.889 − 100.1) × 5 − 0.554445 = 53.945 − 0.554445 = 53.390555
        //   cash 1000 − 500.5 − 0.5005 + 554.445 − 0.554445 = 1052.890055
        // input 7: close while flat: no order at all
        final BusinessLogic logic = logic(Interval.M1);
        trade(logic, 0, "100");
        signal(logic, SECOND, 1, 0, ACME, BUY, QUANTITY, "5", "0");
        trade(logic, 2, "100");
        trade(logic, 3, "110");
        signal(logic, 4 * SECOND, 2, 0, ACME, CLOSE, QUANTITY, "0", "0");
        trade(logic, 5, "111");
        signal(logic, 6 * SECOND, 3, 0, ACME, CLOSE, QUANTITY, "0", "0");
        trade(logic, 7, "112");

        assertThat(orders(logic)).containsExactly(
            "order 2000 buy MARKET 5 @ 0 FILLED",
            "order 5000 sell MARKET 5 @ 0 FILLED");
        assertThat(fills(logic)).containsExactly(
            "t 2 order 2000 buy 5 @ 100.1 fee 0.5005 pnl 0",
            "t 5 order 5000 sell 5 @ 110.889 fee 0.554445 pnl 53.390555");
        assertThat(logic.books()[0].position(ACME)).isZero();
        assertThat(logic.books()[0].cash()).isEqualTo(fp("1052.890055"));
        assertThat(inputs.get(6).effects.size()).isZero();
        assertThat(logic.signals().duplicates()).isZero();
    }

    @Test
    void shouldSellPartOfAPositionWithoutSlippageOnTheQuantity() {
        // buy 5 at 100.1 (as above), then sell 2 (order 4000) filled at 120 × 0.999 = 119.88;
        //   notional 239.76, fee 0.23976, realized (119.88 − 100.1) × 2 − 0.23976 = 39.56 − 0.23976 = 39.32024
        final BusinessLogic logic = logic(Interval.M1);
        trade(logic, 0, "100");
        signal(logic, SECOND, 1, 0, ACME, BUY, QUANTITY, "5", "0");
        trade(logic, 2, "100");
        signal(logic, 3 * SECOND, 2, 0, ACME, SELL, QUANTITY, "2", "0");
        trade(logic, 4, "120");

        assertThat(fills(logic)).containsExactly(
            "t 2 order 2000 buy 5 @ 100.1 fee 0.5005 pnl 0",
            "t 4 order 4000 sell 2 @ 119.88 fee 0.23976 pnl 39.32024");
        assertThat(logic.books()[0].position(ACME)).isEqualTo(FixedPoint.of(3));
    }

    @Test
    void shouldRefuseASellWhileFlatWithoutShorting() {
        final BusinessLogic logic = logic(Interval.M1);
        trade(logic, 0, "100");
        signal(logic, SECOND, 1, 0, ACME, SELL, QUANTITY, "1", "0");
        trade(logic, 2, "100");

        assertThat(orders(logic)).containsExactly("order 2000 sell MARKET 1 @ 0 REJECTED SHORT_NOT_ALLOWED");
        assertThat(inputs.get(1).effects.size()).isZero();
        assertThat(logic.risk().rejections(OrderReason.SHORT_NOT_ALLOWED)).isEqualTo(1);
    }

    @Test
    void shouldMakeALimitOrderFromALimitPriceAndFillItWithoutSlippage() {
        // input 2: buy 2 limit 99 (order 2000, LIMIT); trade 100 does not reach it; trade 98.5 is at or below the
        // limit, so it fills there (a limit gets no slippage): notional 197, fee 0.197
        final BusinessLogic logic = logic(Interval.M1);
        trade(logic, 0, "100");
        signal(logic, SECOND, 5, 0, ACME, BUY, QUANTITY, "2", "99");
        trade(logic, 2, "100");
        assertThat(logic.workingOrders()).isEqualTo(1);
        trade(logic, 3, "98.5");

        assertThat(orders(logic)).containsExactly("order 2000 buy LIMIT 2 @ 99 FILLED");
        assertThat(fills(logic)).containsExactly("t 3 order 2000 buy 2 @ 98.5 fee 0.197 pnl 0");
        assertThat(inputs.get(1).effects.get(0).orderType).isEqualTo(OrderType.LIMIT);
        assertThat(inputs.get(1).effects.get(0).price).isEqualTo(fp("99"));
        assertThat(logic.workingOrders()).isZero();
    }

    @Test
    void shouldCountSignalsForAnUnknownBookOrAnInstrumentTheBookDoesNotTradeAsInvalid() {
        final BusinessLogic logic = logic(Interval.M1);
        trade(logic, 0, "100");
        signal(logic, SECOND, 1, 1, ACME, BUY, QUANTITY, "1", "0");   // book 1 does not exist
        signal(logic, SECOND, 2, -1, ACME, BUY, QUANTITY, "1", "0");  // nor does book -1
        signal(logic, SECOND, 3, 0, BETA, BUY, QUANTITY, "1", "0");   // BETA exists, the book does not trade it
        signal(logic, SECOND, 4, 0, 7, BUY, QUANTITY, "1", "0");      // no instrument 7
        signal(logic, SECOND, 5, 0, -1, BUY, QUANTITY, "1", "0");     // no instrument at all
        trade(logic, 2, "100");

        assertThat(logic.signals().invalid()).isEqualTo(5);
        assertThat(logic.signals().duplicates()).isZero();
        assertThat(sink.orderEvents).isEmpty();
        assertThat(logic.fills()).isZero();
        for (final EngineEvent input : inputs) {
            assertThat(input.effects.size()).isZero();
        }
    }

    @Test
    void shouldRefuseASignalWhoseSizeOverflowsWithAReasonInsteadOfFailing() {
        // 90 billion units at 100 cannot be valued in 64 bits: the order is refused, the input processed
        final BusinessLogic logic = logic(Interval.M1);
        trade(logic, 0, "100");
        signal(logic, SECOND, 1, 0, ACME, BUY, QUANTITY, "90000000000", "0");
        trade(logic, 2, "100");

        assertThat(orders(logic)).containsExactly("order 2000 buy MARKET 90000000000 @ 0 REJECTED OVERFLOW");
        assertThat(logic.risk().rejections(OrderReason.OVERFLOW)).isEqualTo(1);
        assertThat(logic.fills()).isZero();
        assertThat(logic.eventsProcessed()).isEqualTo(3);
    }

    @Test
    void shouldRefuseANotionalSignalWhoseQuantityOverflowsWithAReason() {
        // 90 billion of money at 0.01 is 9 trillion units: no fixed-point quantity holds it
        final BusinessLogic logic = logic(Interval.M1);
        trade(logic, 0, "0.01");
        signal(logic, SECOND, 1, 0, ACME, BUY, NOTIONAL, "90000000000", "0");

        assertThat(orders(logic)).containsExactly("order 2000 buy MARKET 0 @ 0 REJECTED OVERFLOW");
        assertThat(logic.eventsProcessed()).isEqualTo(2);
    }

    @Test
    void shouldFillASignalBetweenBarsAtTheNextBarsOpen() {
        // daily bars; the signal arrives during day 0 after bar 0 (close 100): buy 5 (order 2000)
        // bar 1 opens at 110: 110 × 1.001 = 110.11; notional 550.55, fee 0.55055, cash 448.89945
        // day 1 equity: 448.89945 + 5 × 111 = 1003.89945
        final BusinessLogic logic = logic(Interval.D1);
        feed(logic, new EngineEvent().setBar(ACME, 0, fp("100"), fp("102"), fp("99"), fp("100"), FixedPoint.of(1)));
        signal(logic, DAY / 2, 11, 0, ACME, BUY, QUANTITY, "5", "0");
        feed(logic, new EngineEvent().setBar(ACME, DAY, fp("110"), fp("112"), fp("108"), fp("111"), FixedPoint.of(1)));
        logic.finish();

        assertThat(orders(logic)).containsExactly("order 2000 buy MARKET 5 @ 0 FILLED");
        assertThat(sink.fills.get(0).time()).isEqualTo(DAY);
        assertThat(sink.fills.get(0).price()).isEqualTo(fp("110.11"));
        assertThat(sink.fills.get(0).fee()).isEqualTo(fp("0.55055"));
        assertThat(sink.equity).extracting(RecordingSink.Equity::equity)
            .containsExactly(FixedPoint.of(1000), fp("1003.89945"));
        assertThat(sink.equity.get(1).cash()).isEqualTo(fp("448.89945"));
    }
}
