package io.ringtrade.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.output.FillLog;
import io.ringtrade.engine.output.OrderLog;
import io.ringtrade.engine.output.OrderStatus;
import io.ringtrade.engine.risk.BookRules;
import io.ringtrade.engine.venue.Order;
import org.junit.jupiter.api.Test;

/**
 * Settlement of venue executions into books: sizing, clamping, commission and the logs. Book 0 may not short,
 * book 1 may; both pay 10 bps commission and start with 1000. The instrument trades in lots of 0.001.
 */
final class BookSettlementTest {
    private static final int ACME = 0;
    private static final int LONG_ONLY = 0;
    private static final int SHORTING = 1;
    private static final long T = 77L;

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final Book[] books = {
        new Book(LONG_ONLY, "long-only", fp("1000"), 1, (b, i, pnl) -> { }),
        new Book(SHORTING, "shorting", fp("1000"), 1, (b, i, pnl) -> { }),
    };
    private final BookRules[] rules = {
        new BookRules(0, 10, false, 0, false),
        new BookRules(0, 10, true, 0, false),
    };
    private final FillLog fills = new FillLog();
    private final OrderLog orders = new OrderLog();
    private final BookSettlement settlement;

    BookSettlementTest() {
        instruments.register("ACME", "USD", fp("0.01"), fp("0.001"));
        settlement = new BookSettlement(books, rules, instruments, fills, orders);
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    /** A market order of {@code book}, logged as OPEN with its (estimated) quantity. */
    private Order order(final int book, final long id, final int side, final String quantity) {
        final Order order = new Order().clear();
        order.id = id;
        order.bookIndex = book;
        order.instrumentId = ACME;
        order.side = side;
        order.type = OrderType.MARKET;
        order.quantity = fp(quantity);
        order.logRow = orders.add(0, id, book, ACME, side, OrderType.MARKET, order.quantity, 0, OrderStatus.OPEN, "");
        return order;
    }

    @Test
    void shouldSpendAllCashIncludingCommissionOnACashSizedBuyRoundedDownToTheLot() {
        // at 100 with 10 bps one unit costs 100.1: 1000 / 100.1 = 9.99000999 → 9.990 in lots of 0.001
        // notional 999, fee 0.999, cash left 1000 − 999 − 0.999 = 0.001
        final Order buy = order(LONG_ONLY, 42, 1, "9");
        buy.sizeToCash = true;

        final long filled = settlement.onExecution(buy, fp("100"), T);

        assertThat(filled).isEqualTo(fp("9.99"));
        assertThat(books[LONG_ONLY].cash()).isEqualTo(fp("0.001"));
        assertThat(books[LONG_ONLY].position(ACME)).isEqualTo(fp("9.99"));
        assertThat(fills.size()).isEqualTo(1);
        assertThat(fills.time(0)).isEqualTo(T);
        assertThat(fills.instrument(0)).isEqualTo(ACME);
        assertThat(fills.side(0)).isEqualTo(1);
        assertThat(fills.quantity(0)).isEqualTo(fp("9.99"));
        assertThat(fills.price(0)).isEqualTo(fp("100"));
        assertThat(fills.fee(0)).isEqualTo(fp("0.999"));
        assertThat(fills.book(0)).isEqualTo(LONG_ONLY);
        assertThat(fills.orderId(0)).isEqualTo(42);
        assertThat(fills.realizedPnl(0)).isZero();
        assertThat(settlement.fillCount()).isEqualTo(1);
    }

    @Test
    void shouldRecordTheFilledQuantityAndStatusOfACashSizedBuyInTheOrderLog() {
        final Order buy = order(LONG_ONLY, 42, 1, "9"); // the estimate made at the decision
        buy.sizeToCash = true;

        settlement.onExecution(buy, fp("100"), T);

        assertThat(orders.quantity(buy.logRow)).isEqualTo(fp("9.99"));
        assertThat(orders.status(buy.logRow)).isEqualTo(OrderStatus.FILLED);
        assertThat(orders.reason(buy.logRow)).isEmpty();
    }

    @Test
    void shouldFillAnAffordableBuyInFull() {
        // 5 @ 100: notional 500, fee 0.5; cash 1000 − 500.5 = 499.5
        assertThat(settlement.onExecution(order(LONG_ONLY, 1, 1, "5"), fp("100"), T)).isEqualTo(fp("5"));
        assertThat(fills.fee(0)).isEqualTo(fp("0.5"));
        assertThat(books[LONG_ONLY].cash()).isEqualTo(fp("499.5"));
    }

    @Test
    void shouldClampABuyToWhatTheCashAffords() {
        // 20 @ 100 would cost 2002; 1000 affords 9.99 (see the cash-sized buy)
        assertThat(settlement.onExecution(order(LONG_ONLY, 1, 1, "20"), fp("100"), T)).isEqualTo(fp("9.99"));
        assertThat(books[LONG_ONLY].cash()).isEqualTo(fp("0.001"));
    }

    @Test
    void shouldRoundTheCommissionHalfUp() {
        // 1 @ 1.23456789: notional 1.23456789, × 10 bps = 0.00123456789 → 0.00123457
        settlement.onExecution(order(LONG_ONLY, 1, 1, "1"), fp("1.23456789"), T);

        assertThat(fills.fee(0)).isEqualTo(fp("0.00123457"));
        assertThat(books[LONG_ONLY].cash()).isEqualTo(fp("998.76419754")); // 1000 − 1.23456789 − 0.00123457
    }

    @Test
    void shouldClampASellToThePositionWhenShortingIsOff() {
        // buy 5 @ 100 (fee 0.5); sell 8 @ 110 → 5 sold, notional 550, fee 0.55
        // realized (110 − 100) × 5 − 0.55 = 49.45
        settlement.onExecution(order(LONG_ONLY, 1, 1, "5"), fp("100"), T);

        assertThat(settlement.onExecution(order(LONG_ONLY, 2, -1, "8"), fp("110"), T + 1)).isEqualTo(fp("5"));
        assertThat(books[LONG_ONLY].position(ACME)).isZero();
        assertThat(fills.quantity(1)).isEqualTo(fp("5"));
        assertThat(fills.fee(1)).isEqualTo(fp("0.55"));
        assertThat(fills.realizedPnl(1)).isEqualTo(fp("49.45"));
    }

    @Test
    void shouldNotSettleASellWhileFlatWhenShortingIsOff() {
        final Order sell = order(LONG_ONLY, 1, -1, "3");

        assertThat(settlement.onExecution(sell, fp("50"), T)).isZero();
        assertThat(fills.size()).isZero();
        assertThat(settlement.fillCount()).isZero();
        assertThat(orders.status(sell.logRow)).isEqualTo(OrderStatus.OPEN); // the venue cancels it next
        assertThat(books[LONG_ONLY].cash()).isEqualTo(fp("1000"));
    }

    @Test
    void shouldOpenAShortWhenShortingIsOn() {
        // sell 3 @ 50: notional 150, fee 0.15; cash 1000 + 150 − 0.15 = 1149.85
        assertThat(settlement.onExecution(order(SHORTING, 1, -1, "3"), fp("50"), T)).isEqualTo(fp("3"));
        assertThat(books[SHORTING].position(ACME)).isEqualTo(fp("-3"));
        assertThat(books[SHORTING].cash()).isEqualTo(fp("1149.85"));
    }

    @Test
    void shouldCoverAShortInFullEvenBeyondTheCash() {
        // short 10 @ 100: cash 1000 + 1000 − 1 = 1999
        // cover 10 @ 250: notional 2500, fee 2.5 > 1999, still filled in full (a cover is never clamped)
        // cash 1999 − 2502.5 = −503.5; realized (100 − 250) × 10 − 2.5 = −1502.5
        settlement.onExecution(order(SHORTING, 1, -1, "10"), fp("100"), T);

        assertThat(settlement.onExecution(order(SHORTING, 2, 1, "10"), fp("250"), T + 1)).isEqualTo(fp("10"));
        assertThat(books[SHORTING].position(ACME)).isZero();
        assertThat(books[SHORTING].cash()).isEqualTo(fp("-503.5"));
        assertThat(fills.realizedPnl(1)).isEqualTo(fp("-1502.5"));
    }

    @Test
    void shouldRecordACancelWithItsReason() {
        final Order order = order(LONG_ONLY, 1, 1, "1");

        settlement.onCancel(order, "OCO", T);

        assertThat(orders.status(order.logRow)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.reason(order.logRow)).isEqualTo("OCO");
    }

    @Test
    void shouldLeaveTheOrderLogAloneForAnOrderWithoutALogRow() {
        final Order order = new Order().clear(); // logRow −1
        order.side = 1;
        order.quantity = fp("1");

        settlement.onExecution(order, fp("10"), T);
        settlement.onCancel(order, "STOP", T);

        assertThat(orders.size()).isZero();
        assertThat(fills.size()).isEqualTo(1);
    }

    @Test
    void shouldAffordTheLargestWholeNumberOfLots() {
        // unit cost 100 × 1.001 = 100.1; 1000 / 100.1 = 9.99000999
        assertThat(BookSettlement.affordableQuantity(fp("1000"), fp("100"), 10, fp("0.001"))).isEqualTo(fp("9.99"));
        assertThat(BookSettlement.affordableQuantity(fp("1000"), fp("100"), 10, fp("1"))).isEqualTo(fp("9"));
        // no commission: exactly 10 fit
        assertThat(BookSettlement.affordableQuantity(fp("1000"), fp("100"), 0, fp("1"))).isEqualTo(fp("10"));
    }

    @Test
    void shouldAffordNothingWithoutCashOrPrice() {
        assertThat(BookSettlement.affordableQuantity(0, fp("100"), 10, 1)).isZero();
        assertThat(BookSettlement.affordableQuantity(fp("-5"), fp("100"), 10, 1)).isZero();
        assertThat(BookSettlement.affordableQuantity(fp("1000"), 0, 10, 1)).isZero();
        assertThat(BookSettlement.affordableQuantity(fp("99"), fp("100"), 0, fp("1"))).isZero(); // less than a lot
    }

    @Test
    void shouldStepDownWhenHalfUpRoundingOfNotionalAndFeeExceedsTheCash() {
        // cash 200 units, price 400 units, 25 bps, lot 1 unit (all in 1e-8):
        // unit cost ⌈400 × 1.0025⌉ = 401 → estimate ⌊200 × 1e8 / 401⌋ = 49 875 311 units of quantity
        // but its notional 400 × 0.49875311 = 199.501244 → 200 and fee 200 × 0.0025 = 0.5 → 1: 201 > 200.
        // Every quantity from 49 875 000 (notional exactly 199.5 → 200) up costs 201; 49 874 999 has notional
        // 199.499996 → 199 and fee 0.4975 → 0: 199 fits.
        assertThat(BookSettlement.affordableQuantity(200, 400, 25, 1)).isEqualTo(49_874_999L);
        // in lots of 1000 units: 49 875 000 does not fit, 49 874 000 (notional 199.496 → 199, fee 0) does
        assertThat(BookSettlement.affordableQuantity(200, 400, 25, 1000)).isEqualTo(49_874_000L);
    }
}
