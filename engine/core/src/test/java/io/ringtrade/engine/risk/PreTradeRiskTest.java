package io.ringtrade.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderRequest;
import io.ringtrade.engine.order.Reservations;
import org.junit.jupiter.api.Test;

/**
 * Pre-trade checks with their reasons and counters. The book holds 1000 cash; orders are judged with 10 bps
 * commission and no slippage; the instrument ticks at 0.01 in lots of 0.001; the minimum notional is 10.
 */
final class PreTradeRiskTest {
    private static final int ACME = 0;
    private static final int BUY = 1;
    private static final int SELL = -1;
    private static final RiskLimits LONG_ONLY = new RiskLimits(false, fp("10"), 0);
    private static final RiskLimits SHORTING = new RiskLimits(true, fp("10"), 0);
    private static final CostEstimate COSTS = new CostEstimate(0, 10);
    private static final Instrument INSTRUMENT = new Instrument(ACME, "ACME", "USD", fp("0.01"), fp("0.001"));

    private final PreTradeRisk risk = new PreTradeRisk();
    private final Book book = new Book(0, "b", fp("1000"), 1, (b, i, o, c, pnl) -> { });
    private final Reservations reserved = new Reservations(1, 1);
    private final PreTradeRisk.Assessment assessment = new PreTradeRisk.Assessment();

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private static OrderRequest order(final int side, final String quantity, final String price) {
        final OrderRequest request = new OrderRequest().clear();
        request.side = side;
        request.instrumentId = ACME;
        request.quantity = fp(quantity);
        request.referencePrice = fp(price);
        return request;
    }

    private OrderReason check(final RiskLimits limits, final OrderRequest request) {
        return risk.check(request, book, limits, COSTS, INSTRUMENT, reserved, assessment);
    }

    private OrderReason check(final RiskLimits limits, final int side, final String quantity, final String price) {
        return check(limits, order(side, quantity, price));
    }

    @Test
    void shouldAcceptAnOrdinaryBuyAndReserveItsCost() {
        // 5 @ 100 = 500 + fee 0.5 ≤ 1000
        assertThat(check(LONG_ONLY, BUY, "5", "100")).isNull();
        assertThat(assessment.reservedCash).isEqualTo(fp("500.5"));
        assertThat(assessment.unitCost).isEqualTo(fp("100.1"));
        assertThat(risk.totalRejections()).isZero();
    }

    @Test
    void shouldRejectAZeroQuantity() {
        assertThat(check(LONG_ONLY, BUY, "0", "100")).isEqualTo(OrderReason.ZERO_QUANTITY);
        assertThat(risk.rejections(OrderReason.ZERO_QUANTITY)).isEqualTo(1);
    }

    @Test
    void shouldRejectAQuantityThatIsNotWholeLots() {
        assertThat(check(LONG_ONLY, BUY, "1.0005", "100")).isEqualTo(OrderReason.LOT_SIZE);
    }

    @Test
    void shouldRejectALimitOrStopPriceOffTheTickSize() {
        final OrderRequest limit = order(BUY, "1", "100");
        limit.type = OrderType.LIMIT;
        limit.price = fp("99.995");
        assertThat(check(LONG_ONLY, limit)).isEqualTo(OrderReason.TICK_SIZE);
        limit.type = OrderType.STOP;
        assertThat(check(LONG_ONLY, limit)).isEqualTo(OrderReason.TICK_SIZE);
        limit.price = fp("99.99");
        assertThat(check(LONG_ONLY, limit)).isNull();
        assertThat(risk.rejections(OrderReason.TICK_SIZE)).isEqualTo(2);
    }

    @Test
    void shouldRejectAMarketOrderBeforeAnyPrice() {
        assertThat(check(LONG_ONLY, BUY, "1", "0")).isEqualTo(OrderReason.NO_PRICE);
    }

    @Test
    void shouldRejectANotionalBelowTheMinimum() {
        // 0.999 @ 10 = 9.99 < 10
        assertThat(check(LONG_ONLY, BUY, "0.999", "10")).isEqualTo(OrderReason.MIN_NOTIONAL);
        assertThat(risk.rejections(OrderReason.MIN_NOTIONAL)).isEqualTo(1);
    }

    @Test
    void shouldAcceptANotionalExactlyAtTheMinimum() {
        // 1 @ 10 = 10, not below 10
        assertThat(check(LONG_ONLY, BUY, "1", "10")).isNull();
    }

    @Test
    void shouldRejectASellWhileFlatWithoutShorting() {
        assertThat(check(LONG_ONLY, SELL, "1", "100")).isEqualTo(OrderReason.SHORT_NOT_ALLOWED);
        assertThat(risk.rejections(OrderReason.SHORT_NOT_ALLOWED)).isEqualTo(1);
    }

    @Test
    void shouldRejectASellLargerThanThePositionWithoutShorting() {
        book.applyFill(ACME, BUY, fp("1"), fp("100"), 0, 1);

        assertThat(check(LONG_ONLY, SELL, "1.001", "100")).isEqualTo(OrderReason.SHORT_NOT_ALLOWED);
        assertThat(check(LONG_ONLY, SELL, "1", "100")).isNull(); // closing exactly is fine
        assertThat(assessment.closeQuantity).isEqualTo(fp("1"));
        assertThat(assessment.shortQuantity).isZero();
    }

    @Test
    void shouldNotSellHoldingsThatAnOpenSellAlreadyReserves() {
        book.applyFill(ACME, BUY, fp("1"), fp("100"), 0, 1);
        reserved.add(0, ACME, 0, 0, fp("0.6"), 0); // an open sell of 0.6 closes part of the long

        assertThat(check(LONG_ONLY, SELL, "0.5", "100")).isEqualTo(OrderReason.SHORT_NOT_ALLOWED);
        assertThat(check(LONG_ONLY, SELL, "0.4", "100")).isNull();
    }

    @Test
    void shouldAcceptASellWhileFlatWithShortingUpToTheBooksEquity() {
        // equity 1000: a short of 10 @ 100 = 1000 is at the cap, 10.001 beyond it
        assertThat(check(SHORTING, SELL, "10", "100")).isNull();
        assertThat(assessment.shortQuantity).isEqualTo(fp("10"));
        assertThat(check(SHORTING, SELL, "10.001", "100")).isEqualTo(OrderReason.MAX_SHORT_NOTIONAL);
    }

    @Test
    void shouldCountOpenShortSellsAndTheHeldShortTowardTheCap() {
        // cap 500: short 2 @ 100 held, 2 more in open sells: 1 more @ 100 makes 500, 1.001 more makes 500.1
        final RiskLimits capped = new RiskLimits(true, fp("10"), fp("500"));
        book.applyFill(ACME, SELL, fp("2"), fp("100"), 0, 1);
        reserved.add(0, ACME, 0, 0, 0, fp("2"));

        assertThat(check(capped, SELL, "1", "100")).isNull();
        assertThat(check(capped, SELL, "1.001", "100")).isEqualTo(OrderReason.MAX_SHORT_NOTIONAL);
        assertThat(risk.rejections(OrderReason.MAX_SHORT_NOTIONAL)).isEqualTo(1);
    }

    @Test
    void shouldRejectABuyWhoseNotionalPlusFeeExceedsTheCash() {
        // 10 @ 100 = 1000 + fee 1 = 1001 > 1000
        assertThat(check(LONG_ONLY, BUY, "10", "100")).isEqualTo(OrderReason.INSUFFICIENT_CASH);
        assertThat(risk.rejections(OrderReason.INSUFFICIENT_CASH)).isEqualTo(1);
    }

    @Test
    void shouldAcceptABuyWhoseNotionalPlusFeeEqualsTheCash() {
        // 9.99 @ 100 = 999 + fee 0.999 = 999.999 ≤ 1000; the same cost against 999.999 cash is exactly equal
        assertThat(check(LONG_ONLY, BUY, "9.99", "100")).isNull();
        final Book tight = new Book(1, "tight", fp("999.999"), 1, (b, i, o, c, pnl) -> { });
        final Reservations none = new Reservations(2, 1);
        final OrderRequest request = order(BUY, "9.99", "100");
        request.bookIndex = 1;
        assertThat(risk.check(request, tight, LONG_ONLY, COSTS, INSTRUMENT, none, assessment)).isNull();
    }

    @Test
    void shouldCountTheCashOpenOrdersReserve() {
        // an open buy reserves 600: 5 @ 100 (500.5) no longer fits in 1000 − 600 = 400
        reserved.add(0, ACME, fp("600"), 0, 0, 0);

        assertThat(check(LONG_ONLY, BUY, "5", "100")).isEqualTo(OrderReason.INSUFFICIENT_CASH);
        assertThat(check(LONG_ONLY, BUY, "3.996", "100")).isNull(); // 399.6 + 0.3996 = 399.9996 ≤ 400
    }

    @Test
    void shouldReserveANotionalBuyAndRefuseOneBeyondTheUnreservedCash() {
        final OrderRequest notional = order(BUY, "0", "100");
        notional.notional = fp("1000");
        assertThat(check(LONG_ONLY, notional)).isNull();
        assertThat(assessment.reservedCash).isEqualTo(fp("1000"));

        reserved.add(0, ACME, fp("1"), 0, 0, 0);
        assertThat(check(LONG_ONLY, notional)).isEqualTo(OrderReason.INSUFFICIENT_CASH);
    }

    @Test
    void shouldRefuseANotionalThatBuysNoLotOrLessThanTheMinimum() {
        final OrderRequest notional = order(BUY, "0", "100000");
        notional.notional = fp("50"); // 50 / 100100 = 0.0004995: no lot of 0.001
        assertThat(check(LONG_ONLY, notional)).isEqualTo(OrderReason.ZERO_QUANTITY);
        final OrderRequest small = order(BUY, "0", "5");
        small.notional = fp("9"); // 9 / 5.005 = 1.798 → 1.798 @ 5 = 8.99 < 10
        assertThat(check(LONG_ONLY, small)).isEqualTo(OrderReason.MIN_NOTIONAL);
    }

    @Test
    void shouldNotCashCheckABuyThatOnlyCoversAShort() {
        // short 10 @ 100 (cash 2000); covering 10 @ 300 = 3003 > 2000 is not refused for cash
        book.applyFill(ACME, SELL, fp("10"), fp("100"), 0, 1);

        assertThat(check(SHORTING, BUY, "10", "300")).isNull();
        assertThat(assessment.coverQuantity).isEqualTo(fp("10"));
        assertThat(assessment.reservedCash).isZero();
    }

    @Test
    void shouldCheckTheLongPartOfABuyThatFlipsAShortAgainstTheCashLeftAfterTheCover() {
        // short 10 @ 100: cash 2000. Buy 25 @ 100: cover 10 costs 1001, leaving 999; the long 15 costs 1501.5 > 999
        book.applyFill(ACME, SELL, fp("10"), fp("100"), 0, 1);
        assertThat(check(SHORTING, BUY, "25", "100")).isEqualTo(OrderReason.INSUFFICIENT_CASH);

        // buy 19.98: the long 9.98 costs 998.998 ≤ 999: accepted, reserving only the long part
        assertThat(check(SHORTING, BUY, "19.98", "100")).isNull();
        assertThat(assessment.coverQuantity).isEqualTo(fp("10"));
        assertThat(assessment.reservedCash).isEqualTo(fp("998.998"));
    }

    @Test
    void shouldRefuseWithOverflowInsteadOfFailingTheInput() {
        // 9e10 units at 9e10 cannot be valued in 64 bits of fixed-point
        assertThat(check(SHORTING, BUY, "90000000000", "90000000000")).isEqualTo(OrderReason.OVERFLOW);
        assertThat(risk.rejections(OrderReason.OVERFLOW)).isEqualTo(1);
    }

    @Test
    void shouldReportTheFirstFailingCheckInOrder() {
        // a zero-quantity sell while flat: zero quantity before anything else
        assertThat(check(LONG_ONLY, SELL, "0", "100")).isEqualTo(OrderReason.ZERO_QUANTITY);
        // a tiny sell while flat: minimum notional before shorting
        assertThat(check(LONG_ONLY, SELL, "0.01", "100")).isEqualTo(OrderReason.MIN_NOTIONAL);
    }

    @Test
    void shouldCountRejectionsPerReasonAndInTotal() {
        check(LONG_ONLY, BUY, "0", "100");
        check(LONG_ONLY, BUY, "0", "100");
        check(LONG_ONLY, SELL, "1", "100");
        check(LONG_ONLY, BUY, "5", "100"); // accepted: not counted

        assertThat(risk.rejections(OrderReason.ZERO_QUANTITY)).isEqualTo(2);
        assertThat(risk.rejections(OrderReason.SHORT_NOT_ALLOWED)).isEqualTo(1);
        assertThat(risk.rejections(OrderReason.MIN_NOTIONAL)).isZero();
        assertThat(risk.rejections(OrderReason.INSUFFICIENT_CASH)).isZero();
        assertThat(risk.totalRejections()).isEqualTo(3);
    }

    @Test
    void shouldRefuseLimitsAndCostsOutOfRange() {
        assertThatThrownBy(() -> new CostEstimate(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CostEstimate(10_000, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CostEstimate(0, 10_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RiskLimits(false, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RiskLimits(false, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CostEstimate(9_999, 9_999).commissionBps()).isEqualTo(9_999);
    }

    @Test
    void shouldEstimateAMarketBuysUnitCostWithSlippageAndCommissionRoundedUp() {
        // 100 × 1.0005 = 100.05; × 1.001 = 100.15005
        assertThat(new CostEstimate(5, 10).unitBuyCost(OrderType.MARKET, fp("100"))).isEqualTo(fp("100.15005"));
        // a limit fills at its price or better: no slippage
        assertThat(new CostEstimate(5, 10).unitBuyCost(OrderType.LIMIT, fp("100"))).isEqualTo(fp("100.1"));
        // 0.00000003 × 1.0005 = 0.0000000300015 → 0.00000004 (up); × 1.001 → 0.00000005 (up)
        assertThat(new CostEstimate(5, 10).unitBuyCost(OrderType.MARKET, 3)).isEqualTo(5);
    }
}
