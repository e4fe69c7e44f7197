package io.ringtrade.engine.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.market.UtcDay;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interest on borrowed cash, book by book: only books with a rate and negative cash pay, at the first input of a later
 * day; rounding up; and a charge that would leave the fixed-point range is refused, not wrapped. (Business logic's
 * use of it, with the audit lines and a snapshot, is in {@code RiskLayerTest}.)
 */
class BorrowingCostTest {
    private static final long DAY = UtcDay.NANOS;

    private final List<String> heard = new ArrayList<>();
    private final BorrowingCost.Listener listener = new BorrowingCost.Listener() {
        @Override
        public void charged(final int book, final long dayStartNanos, final long cashBefore, final long ratePct,
                            final long interest) {
            heard.add("book " + book + " day " + dayStartNanos / DAY + " cash " + FixedPoint.toString(cashBefore)
                + " interest " + FixedPoint.toString(interest));
        }

        @Override
        public void shortFeeCharged(final int book, final long dayStartNanos, final long shortValue, final long feePct,
                                    final long fee) {
            heard.add("book " + book + " day " + dayStartNanos / DAY + " shorts " + FixedPoint.toString(shortValue)
                + " fee " + FixedPoint.toString(fee));
        }

        @Override
        public void overflow(final int book, final long dayStartNanos) {
            heard.add("book " + book + " day " + dayStartNanos / DAY + " overflow");
        }
    };

    private static Book book(final int index, final String cash) {
        return new Book(index, "b" + index, FixedPoint.parse(cash), 1, (b, i, opened, closed, pnl) -> { });
    }

    @Test
    void shouldChargeOnlyBooksWithARateAndBorrowedCashRoundingUp() {
        final Book borrowing = book(0, "-1000");
        final Book lending = book(1, "1000");
        final Book free = book(2, "-1000");
        final Book dear = book(3, "-0.00000001");
        final BorrowingCost cost = new BorrowingCost(new Book[] {borrowing, lending, free, dear},
            new long[] {FixedPoint.of(5), FixedPoint.of(5), 0, FixedPoint.of(100)});
        cost.onTime(DAY * 100 + 7, listener); // the first input: the count starts, nothing is charged
        cost.onTime(DAY * 101 - 1, listener);
        assertThat(heard).isEmpty();
        cost.onTime(DAY * 101, listener);
        // 1000 x 5 / 36,500 = 0.136986301369...; 1e-8 x 100 / 36,500 is a fraction of the last digit: one unit
        assertThat(heard).containsExactly("book 0 day 100 cash -1000 interest 0.13698631",
            "book 3 day 100 cash -0.00000001 interest 0.00000001");
        assertThat(borrowing.cash()).isEqualTo(FixedPoint.parse("-1000.13698631"));
        assertThat(lending.cash()).isEqualTo(FixedPoint.of(1000));
        assertThat(free.cash()).isEqualTo(FixedPoint.of(-1000));
        assertThat(dear.interestPaid()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAChargeThatLeavesTheFixedPointRangeAndChargeThatBookNoMore() {
        final Book huge = book(0, "-91900000000"); // near the fixed-point floor of -92,233,720,368.54775808
        final Book small = book(1, "-100");
        final BorrowingCost cost = new BorrowingCost(new Book[] {huge, small},
            new long[] {FixedPoint.of(100), FixedPoint.of(100)});
        cost.onTime(0, listener);
        cost.onTime(DAY, listener); // 91.9e9 / 365 = 251,780,821.917808219...: fits
        cost.onTime(2 * DAY, listener); // 252,470,632.39 more would pass the floor: refused, the book left as it was
        cost.onTime(5 * DAY, listener);
        assertThat(heard).containsExactly("book 0 day 0 cash -91900000000 interest 251780821.91780822",
            "book 1 day 0 cash -100 interest 0.27397261",
            "book 0 day 1 overflow",
            "book 1 day 1 cash -100.27397261 interest 0.27472322",
            "book 1 day 2 cash -100.54869583 interest 0.27547588",
            "book 1 day 3 cash -100.82417171 interest 0.27623061",
            "book 1 day 4 cash -101.10040232 interest 0.27698741");
        assertThat(huge.cash()).isEqualTo(FixedPoint.parse("-92151780821.91780822"));
        assertThat(huge.interestPaid()).isEqualTo(FixedPoint.parse("251780821.91780822"));
    }

    @Test
    void shouldContinueFromASnapshotAsIfNeverStopped() {
        final Book book = book(0, "-3650");
        final BorrowingCost cost = new BorrowingCost(new Book[] {book}, new long[] {FixedPoint.of(10)});
        cost.onTime(3, listener);
        cost.onTime(DAY + 3, listener); // 3650 x 10 / 36,500 = exactly 1
        final StateWriter out = new StateWriter();
        cost.writeState(out);
        final byte[] state = out.toByteArray();

        final BorrowingCost restored = new BorrowingCost(new Book[] {book}, new long[] {FixedPoint.of(10)});
        restored.readState(new StateReader(state));
        restored.onTime(DAY + 9, listener); // the same day: nothing
        restored.onTime(2 * DAY, listener);
        assertThat(heard).containsExactly("book 0 day 0 cash -3650 interest 1",
            "book 0 day 1 cash -3651 interest 1.00027398");
    }

    @Test
    void shouldChargeAFeeOnTheShortsAtTheDaysLastMarks() {
        final Book shorting = new Book(0, "s", FixedPoint.of(1000), 2, (b, i, opened, closed, pnl) -> { });
        shorting.applyFill(0, -1, FixedPoint.of(10), FixedPoint.of(100), 0, 1); // short 10 @ 100: cash 2,000
        shorting.applyFill(1, 1, FixedPoint.of(5), FixedPoint.of(40), 0, 1); // a long beside it pays no fee
        final BorrowingCost cost = new BorrowingCost(new Book[] {shorting}, new long[] {FixedPoint.of(10)},
            new long[] {FixedPoint.of(5)});
        cost.onTime(1, listener);
        cost.onTime(DAY, listener); // 1,000 of shorts x 5 / 36,500 = 0.136986301...; cash positive: no interest
        shorting.mark(0, FixedPoint.of(120)); // the day's last mark
        cost.onTime(2 * DAY + 5, listener); // 1,200 x 5 / 36,500 = 0.164383561...
        assertThat(heard).containsExactly("book 0 day 0 shorts 1000 fee 0.13698631",
            "book 0 day 1 shorts 1200 fee 0.16438357");
        assertThat(shorting.shortFeesPaid()).isEqualTo(FixedPoint.parse("0.30136988"));
        assertThat(shorting.interestPaid()).isZero();
        assertThat(shorting.cash()).isEqualTo(FixedPoint.parse("1799.69863012"));
        assertThat(shorting.realizedPnl()).isZero();
        cost.setShortFee(0, 0);
        cost.onTime(4 * DAY, listener);
        assertThat(heard).hasSize(2);
    }

    @Test
    void shouldRefuseANegativeInterestOrRate() {
        assertThatThrownBy(() -> book(0, "-1").chargeInterest(-1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("interest must not be negative: -1");
        assertThatThrownBy(() -> new BorrowingCost(new Book[] {book(0, "1")}, new long[] {-1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("a borrowing rate must not be negative: -1");
    }
}
