package io.ringtrade.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import org.junit.jupiter.api.Test;

/**
 * Pre-trade checks with their reasons and counters. The book holds 1000 cash; commission is 10 bps and the
 * minimum notional 10 unless a test says otherwise.
 */
final class PreTradeRiskTest {
    private static final int ACME = 0;
    private static final int BUY = 1;
    private static final int SELL = -1;
    private static final BookRules LONG_ONLY = new BookRules(0, 10, false, fp("10"), false);
    private static final BookRules SHORTING = new BookRules(0, 10, true, fp("10"), false);

    private final PreTradeRisk risk = new PreTradeRisk();
    private final Book book = new Book(0, "b", fp("1000"), 1, (b, i, pnl) -> { });

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private RejectReason check(final BookRules rules, final int side, final String quantity, final String price) {
        return risk.check(book, rules, ACME, side, fp(quantity), fp(price), false);
    }

    @Test
    void shouldAcceptAnOrdinaryBuy() {
        // 5 @ 100 = 500 + fee 0.5 ≤ 1000
        assertThat(check(LONG_ONLY, BUY, "5", "100")).isNull();
        assertThat(risk.totalRejections()).isZero();
    }

    @Test
    void shouldRejectAZeroQuantity() {
        assertThat(check(LONG_ONLY, BUY, "0", "100")).isEqualTo(RejectReason.ZERO_QUANTITY);
        assertThat(risk.rejections(RejectReason.ZERO_QUANTITY)).isEqualTo(1);
    }

    @Test
    void shouldRejectANotionalBelowTheMinimum() {
        // 0.999 @ 10 = 9.99 < 10
        assertThat(check(LONG_ONLY, BUY, "0.999", "10")).isEqualTo(RejectReason.MIN_NOTIONAL);
        assertThat(risk.rejections(RejectReason.MIN_NOTIONAL)).isEqualTo(1);
    }

    @Test
    void shouldAcceptANotionalExactlyAtTheMinimum() {
        // 1 @ 10 = 10, not below 10
        assertThat(check(LONG_ONLY, BUY, "1", "10")).isNull();
    }

    @Test
    void shouldRejectASellWhileFlatWithoutShorting() {
        assertThat(check(LONG_ONLY, SELL, "1", "100")).isEqualTo(RejectReason.SHORT_NOT_ALLOWED);
        assertThat(risk.rejections(RejectReason.SHORT_NOT_ALLOWED)).isEqualTo(1);
    }

    @Test
    void shouldRejectASellLargerThanThePositionWithoutShorting() {
        book.applyFill(ACME, BUY, fp("1"), fp("100"), 0);

        assertThat(check(LONG_ONLY, SELL, "1.001", "100")).isEqualTo(RejectReason.SHORT_NOT_ALLOWED);
        assertThat(check(LONG_ONLY, SELL, "1", "100")).isNull(); // closing exactly is fine
    }

    @Test
    void shouldAcceptASellWhileFlatWithShorting() {
        assertThat(check(SHORTING, SELL, "1", "100")).isNull();
    }

    @Test
    void shouldRejectABuyWhoseNotionalPlusFeeExceedsTheCash() {
        // 10 @ 100 = 1000 + fee 1 = 1001 > 1000
        assertThat(check(LONG_ONLY, BUY, "10", "100")).isEqualTo(RejectReason.INSUFFICIENT_CASH);
        assertThat(risk.rejections(RejectReason.INSUFFICIENT_CASH)).isEqualTo(1);
    }

    @Test
    void shouldAcceptABuyWhoseNotionalPlusFeeEqualsTheCash() {
        // 9.99 @ 100 = 999 + fee 0.999 = 999.999 ≤ 1000; the same cost against 999.999 cash is exactly equal
        assertThat(check(LONG_ONLY, BUY, "9.99", "100")).isNull();
        final Book tight = new Book(1, "tight", fp("999.999"), 1, (b, i, pnl) -> { });
        assertThat(risk.check(tight, LONG_ONLY, ACME, BUY, fp("9.99"), fp("100"), false)).isNull();
    }

    @Test
    void shouldLeaveTheCashCheckOfACashSizedBuyToTheFill() {
        assertThat(risk.check(book, LONG_ONLY, ACME, BUY, fp("100"), fp("100"), true)).isNull();
    }

    @Test
    void shouldNotCashCheckABuyThatCoversAShort() {
        // short 10 @ 100 (cash 2000); covering 30 @ 100 = 3003 > 2000 is not refused for cash
        book.applyFill(ACME, SELL, fp("10"), fp("100"), 0);

        assertThat(check(SHORTING, BUY, "30", "100")).isNull();
    }

    @Test
    void shouldReportTheFirstFailingCheckInOrder() {
        // a zero-quantity sell while flat: zero quantity before anything else
        assertThat(check(LONG_ONLY, SELL, "0", "100")).isEqualTo(RejectReason.ZERO_QUANTITY);
        // a tiny sell while flat: minimum notional before shorting
        assertThat(check(LONG_ONLY, SELL, "0.01", "100")).isEqualTo(RejectReason.MIN_NOTIONAL);
    }

    @Test
    void shouldCountRejectionsPerReasonAndInTotal() {
        check(LONG_ONLY, BUY, "0", "100");
        check(LONG_ONLY, BUY, "0", "100");
        check(LONG_ONLY, SELL, "1", "100");
        check(LONG_ONLY, BUY, "5", "100"); // accepted: not counted

        assertThat(risk.rejections(RejectReason.ZERO_QUANTITY)).isEqualTo(2);
        assertThat(risk.rejections(RejectReason.SHORT_NOT_ALLOWED)).isEqualTo(1);
        assertThat(risk.rejections(RejectReason.MIN_NOTIONAL)).isZero();
        assertThat(risk.rejections(RejectReason.INSUFFICIENT_CASH)).isZero();
        assertThat(risk.totalRejections()).isEqualTo(3);
    }

    @Test
    void shouldRefuseBookRulesOutOfRange() {
        assertThatThrownBy(() -> new BookRules(-1, 0, false, 0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookRules(10_000, 0, false, 0, false))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookRules(0, -1, false, 0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookRules(0, 10_000, false, 0, false))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookRules(0, 0, false, -1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BookRules(9_999, 9_999, true, 0, true).commissionBps()).isEqualTo(9_999);
    }
}
