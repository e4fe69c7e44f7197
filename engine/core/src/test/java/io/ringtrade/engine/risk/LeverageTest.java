package io.ringtrade.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderRequest;
import io.ringtrade.engine.order.Reservations;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The cash check with leverage L ({@code max-leverage}): a buy of a quantity passes when its cost is at most the cash
 * open orders do not reserve plus (L − 1) × the book's equity (none while the equity is not positive); the default
 * short cap is L × equity. The book holds 1000 cash; orders are judged with 10 bps commission and no slippage, so one
 * unit at 100 costs 100.1; the instrument ticks at 0.01 in lots of 0.001; the minimum notional is 10.
 */
final class LeverageTest {
    private static final int ACME = 0;
    private static final int BUY = 1;
    private static final int SELL = -1;
    private static final CostEstimate COSTS = new CostEstimate(0, 10);
    private static final Instrument INSTRUMENT = new Instrument(ACME, "ACME", "USD", fp("0.01"), fp("0.001"));

    private final PreTradeRisk risk = new PreTradeRisk();
    private final Book book = new Book(0, "b", fp("1000"), 1, (b, i, o, c, pnl) -> { });
    private final Reservations reserved = new Reservations(1, 1);
    private final PreTradeRisk.Assessment assessment = new PreTradeRisk.Assessment();

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    /** Long-only limits (minimum notional 10) with this leverage. */
    private static RiskLimits leverage(final String leverage) {
        return new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp(leverage));
    }

    private static RiskLimits shorting(final String leverage, final String maxShortNotional) {
        return new RiskLimits(true, fp("10"), fp(maxShortNotional), 0, 0, 0, 0, 0, fp(leverage));
    }

    /** An order for ACME: {@code quantity} at reference {@code price} ({@code null}: none, for a notional order). */
    private static OrderRequest request(final int side, final String quantity, final String price) {
        final OrderRequest request = new OrderRequest().clear();
        request.side = side;
        request.instrumentId = ACME;
        request.quantity = quantity == null ? 0 : fp(quantity);
        request.referencePrice = fp(price);
        return request;
    }

    private OrderReason check(final RiskLimits limits, final int side, final String quantity, final String price) {
        return risk.check(request(side, quantity, price), book, limits, COSTS, INSTRUMENT, reserved, assessment);
    }

    @Test
    void shouldRefuseAtLeverageOneWhatLeverageTwoLetsThroughUpToTheExactBoundary() {
        // L = 1: 1000 of cash buys 9.99 (cost 999.999); 9.991 costs 1000.0991
        assertThat(check(leverage("1"), BUY, "9.99", "100")).isNull();
        assertThat(check(leverage("1"), BUY, "9.991", "100")).isEqualTo(OrderReason.INSUFFICIENT_CASH);
        assertThat(check(leverage("1"), BUY, "19.98", "100")).isEqualTo(OrderReason.INSUFFICIENT_CASH);
        // L = 2: 1000 + (2 − 1) × equity 1000 = 2000; 19.98 costs 1999.998, one lot more 2000.0981
        assertThat(check(leverage("2"), BUY, "19.98", "100")).isNull();
        assertThat(assessment.reservedCash).isEqualTo(fp("1999.998"));
        assertThat(check(leverage("2"), BUY, "19.981", "100")).isEqualTo(OrderReason.INSUFFICIENT_CASH);
        assertThat(risk.rejections(OrderReason.INSUFFICIENT_CASH)).isEqualTo(3);
    }

    @Test
    void shouldTakeAFractionalLeverage() {
        // L = 1.5: 1000 + 0.5 × 1000 = 1500; 14.985 costs 1499.9985, 14.986 costs 1500.0986
        assertThat(check(leverage("1.5"), BUY, "14.985", "100")).isNull();
        assertThat(check(leverage("1.5"), BUY, "14.986", "100")).isEqualTo(OrderReason.INSUFFICIENT_CASH);
    }

    @Test
    void shouldLeaveCashNegativeAfterTheFillAndBorrowOnTheEquityAtTheNextCheck() {
        // the 19.98 bought at L = 2 fills at 100 with fee 1.998: cash 1000 − 1998 − 1.998 = −999.998
        book.applyFill(ACME, BUY, fp("19.98"), fp("100"), fp("1.998"), 1);
        assertThat(book.cash()).isEqualTo(fp("-999.998"));
        assertThat(book.equity()).isEqualTo(fp("998.002")); // −999.998 + 19.98 × 100

        book.mark(ACME, fp("110"));
        // equity −999.998 + 19.98 × 110 = 1197.802; spendable −999.998 + 1197.802 = 197.804; a unit costs 110.11:
        // 1.796 costs 197.75756, 1.797 costs 197.86767
        assertThat(book.equity()).isEqualTo(fp("1197.802"));
        assertThat(check(leverage("2"), BUY, "1.796", "110")).isNull();
        assertThat(check(leverage("2"), BUY, "1.797", "110")).isEqualTo(OrderReason.INSUFFICIENT_CASH);
        // the long after the passed buy, (19.98 + 1.796) × 110 = 2395.36, stays within 2 × 1197.802 = 2395.604
        assertThat(FixedPoint.multiply(fp("110"), fp("21.776"))).isLessThanOrEqualTo(2 * book.equity());
        // a cash account with the same book may buy nothing: its cash is negative
        assertThat(check(leverage("1"), BUY, "0.1", "110")).isEqualTo(OrderReason.INSUFFICIENT_CASH);
    }

    @Test
    void shouldLendNothingWhileTheEquityIsNotPositive() {
        book.applyFill(ACME, BUY, fp("19.98"), fp("100"), fp("1.998"), 1);
        book.mark(ACME, fp("50"));
        // equity −999.998 + 19.98 × 50 = −0.998: no allowance, and the cash is negative
        assertThat(book.equity()).isEqualTo(fp("-0.998"));
        assertThat(check(leverage("100"), BUY, "0.2", "50")).isEqualTo(OrderReason.INSUFFICIENT_CASH);
        // closing is never a cash question
        assertThat(check(leverage("2"), SELL, "19.98", "50")).isNull();
        assertThat(assessment.closeQuantity).isEqualTo(fp("19.98"));
    }

    @Test
    void shouldCountOpenOrdersReservationsAgainstTheLeveragedLimit() {
        // an open buy reserves 1001: available 1000 − 1001 = −1, spendable −1 + 1000 = 999;
        // 9.98 costs 998.998, 9.981 costs 999.0981
        reserved.add(0, ACME, fp("1001"), 0, 0, 0);
        assertThat(check(leverage("2"), BUY, "9.98", "100")).isNull();
        assertThat(check(leverage("2"), BUY, "9.981", "100")).isEqualTo(OrderReason.INSUFFICIENT_CASH);
    }

    @Test
    void shouldPayANotionalBuyFromCashOnly() {
        final OrderRequest request = request(BUY, null, "100");
        request.notional = fp("1000.01");
        assertThat(risk.check(request, book, leverage("2"), COSTS, INSTRUMENT, reserved, assessment))
            .isEqualTo(OrderReason.INSUFFICIENT_CASH);
        request.notional = fp("1000");
        assertThat(risk.check(request, book, leverage("2"), COSTS, INSTRUMENT, reserved, assessment)).isNull();
    }

    @Test
    void shouldStillApplyThePositionLimit() {
        // 150 % of equity 1000 = 1500: 14.985 costs 1499.9985, 15 costs 1501.5, though L = 2 would pay for it
        final RiskLimits limits = new RiskLimits(false, fp("10"), 0, 0, fp("150"), 0, 0, 0, fp("2"));
        assertThat(check(limits, BUY, "14.985", "100")).isNull();
        assertThat(check(limits, BUY, "15", "100")).isEqualTo(OrderReason.MAX_POSITION);
    }

    @Test
    void shouldCapShortsAtLeverageTimesEquityByDefault() {
        // L = 2: the cap is 2 × 1000 = 2000; 20 @ 100 = 2000 passes, 20.001 is 2000.1
        assertThat(check(shorting("2", "0"), SELL, "20", "100")).isNull();
        assertThat(check(shorting("2", "0"), SELL, "20.001", "100")).isEqualTo(OrderReason.MAX_SHORT_NOTIONAL);
        // L = 1: the equity, 1000
        assertThat(check(shorting("1", "0"), SELL, "10", "100")).isNull();
        assertThat(check(shorting("1", "0"), SELL, "10.001", "100")).isEqualTo(OrderReason.MAX_SHORT_NOTIONAL);
        // L = 1.5: 1500
        assertThat(check(shorting("1.5", "0"), SELL, "15", "100")).isNull();
        assertThat(check(shorting("1.5", "0"), SELL, "15.001", "100")).isEqualTo(OrderReason.MAX_SHORT_NOTIONAL);
        // an explicit cap is what it says, whatever the leverage
        assertThat(check(shorting("2", "500"), SELL, "5", "100")).isNull();
        assertThat(check(shorting("2", "500"), SELL, "5.001", "100")).isEqualTo(OrderReason.MAX_SHORT_NOTIONAL);
    }

    @Test
    void shouldRefuseWithOverflowWhenTheAllowanceLeavesTheFixedPointRange() {
        // equity 50,000,000,000 × 99 does not fit in a fixed-point long; a cash account never computes it
        final Book rich = new Book(0, "rich", fp("50000000000"), 1, (b, i, o, c, pnl) -> { });
        final OrderRequest request = request(BUY, "1", "100");
        assertThat(risk.check(request, rich, leverage("100"), COSTS, INSTRUMENT, reserved, assessment))
            .isEqualTo(OrderReason.OVERFLOW);
        assertThat(risk.rejections(OrderReason.OVERFLOW)).isEqualTo(1);
        assertThat(risk.check(request, rich, leverage("1"), COSTS, INSTRUMENT, reserved, assessment)).isNull();
    }

    @Test
    void shouldTightenABooksLeverageByTheGlobalCap() {
        final RiskSettings capTwo = new RiskSettings(0, 0, 0, 0, 0, 0, fp("2"));
        assertThat(leverage("3").tightenedBy(capTwo).maxLeverage()).isEqualTo(fp("2"));
        assertThat(leverage("1.5").tightenedBy(capTwo).maxLeverage()).isEqualTo(fp("1.5"));
        assertThat(leverage("3").tightenedBy(RiskSettings.DEFAULT).maxLeverage()).isEqualTo(fp("3"));
        assertThat(leverage("3").tightenedBy(new RiskSettings(0, 0, 0, 0, 0, 0, fp("1"))).leveraged()).isFalse();
        // the constructors without leverage make a cash account
        assertThat(new RiskLimits(false, 0, 0).maxLeverage()).isEqualTo(RiskLimits.CASH_ACCOUNT);
        assertThat(new RiskSettings(0, 0, 0, 0, 0, 0).maxLeverage()).isZero();
    }

    @Test
    void shouldRefuseALeverageBelowOneOrAboveOneHundred() {
        assertThatThrownBy(() -> leverage("0.99999999")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("leverage must be 1 to 100, got 0.99999999");
        assertThatThrownBy(() -> leverage("100.00000001")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("leverage must be 1 to 100, got 100.00000001");
        assertThatThrownBy(() -> new RiskSettings(0, 0, 0, 0, 0, 0, fp("0.5")))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("leverage must be 1 to 100, got 0.5");
    }

    @Test
    void shouldAllocateNothingPerLeveragedCheck() {
        // the leveraged buy and short checks read the equity and do 128-bit-safe arithmetic on longs only. Cash 499.5,
        // equity 999.5: the buy's 1991.99 fits 499.5 + 1.5 × 999.5 = 1998.75, the short's 1500 the cap 2498.75
        book.applyFill(ACME, BUY, fp("5"), fp("100"), fp("0.5"), 1);
        final RiskLimits buys = leverage("2.5");
        final RiskLimits shorts = shorting("2.5", "0");
        final OrderRequest buy = request(BUY, "19.9", "100");
        final OrderRequest sell = request(SELL, "20", "100");
        for (int i = 0; i < 200_000; i++) {
            risk.check(buy, book, buys, COSTS, INSTRUMENT, reserved, assessment);
            risk.check(sell, book, shorts, COSTS, INSTRUMENT, reserved, assessment);
        }
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            risk.check(buy, book, buys, COSTS, INSTRUMENT, reserved, assessment);
            risk.check(sell, book, shorts, COSTS, INSTRUMENT, reserved, assessment);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(risk.check(buy, book, buys, COSTS, INSTRUMENT, reserved, assessment)).isNull();
        assertThat(risk.check(sell, book, shorts, COSTS, INSTRUMENT, reserved, assessment)).isNull();
        assertThat(allocated).as("bytes allocated over 200,000 leveraged checks").isLessThan(4_096);
    }

    @Test
    void shouldComputeTheAllowanceAndShortCapRoundedDown() {
        // (1.33333333 − 1) × 0.00000010 = 0.0000000333333333 → 0.00000003; 1.33333333 × 0.00000010 → 0.00000013
        assertThat(leverage("1.33333333").borrowingAllowance(10)).isEqualTo(3);
        assertThat(leverage("1.33333333").defaultShortCap(10)).isEqualTo(13);
        assertThat(leverage("2").borrowingAllowance(-5)).isZero();
        assertThat(leverage("1").borrowingAllowance(fp("1000"))).isZero();
    }
}
