package io.ringtrade.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;
import org.junit.jupiter.api.Test;

/** When a UTC day starts for the daily-loss baseline, by event time, and that a restored check keeps its day. */
class DailyLossTest {
    private static final long DAY = 86_400_000_000_000L;
    private static final long HOUR = 3_600_000_000_000L;

    private final Book book = new Book(0, "b", fp("1000"), 1, (b, i, o, c, pnl) -> { });

    private static long fp(final String value) {
        return FixedPoint.parse(value);
    }

    @Test
    void shouldTakeTheBaselineAtTheFirstInputOfEachDayOnly() {
        final DailyLoss check = new DailyLoss(new Book[] {book}, new long[] {fp("50")}, 0);
        book.applyFill(0, 1, fp("1"), fp("100"), 0, 10 * DAY);
        book.mark(0, fp("100"));
        check.onTime(10 * DAY + HOUR); // day 10 starts: baseline 1000
        assertThat(check.loss(0)).isZero();

        book.mark(0, fp("40")); // lost 60 within the day
        check.onTime(11 * DAY - 1); // the day's last nanosecond: the same day
        assertThat(check.loss(0)).isEqualTo(fp("60"));
        assertThat(check.breached(0)).isTrue();
        check.onTime(10 * DAY); // a time that went back within the day, or to an earlier one, starts nothing
        check.onTime(9 * DAY);
        assertThat(check.loss(0)).isEqualTo(fp("60"));

        check.onTime(11 * DAY); // the next day's first nanosecond: baseline 940
        assertThat(check.loss(0)).isZero();
        assertThat(check.breached(0)).isFalse();
        book.mark(0, fp("30"));
        assertThat(check.loss(0)).isEqualTo(fp("10"));
    }

    @Test
    void shouldKeepItsDayWhenRestoredFromASnapshot() {
        final DailyLoss check = new DailyLoss(new Book[] {book}, new long[] {0}, 0);
        book.applyFill(0, 1, fp("1"), fp("100"), 0, 0);
        book.mark(0, fp("100"));
        check.onTime(-DAY + HOUR); // a day before the epoch: floored, not truncated
        final StateWriter out = new StateWriter();
        check.writeState(out);

        final DailyLoss restored = new DailyLoss(new Book[] {book}, new long[] {0}, 0);
        restored.readState(new StateReader(out.toByteArray()));
        book.mark(0, fp("90"));
        restored.onTime(-1); // still day -1: the baseline stays the snapshot's
        assertThat(restored.loss(0)).isEqualTo(fp("10"));
        restored.onTime(0); // day 0 starts
        assertThat(restored.loss(0)).isZero();
    }

    @Test
    void shouldStartADayAtTheLastRepresentableTime() {
        final DailyLoss check = new DailyLoss(new Book[] {book}, new long[] {0}, 0);
        check.onTime(Long.MAX_VALUE - 1);
        book.applyFill(0, 1, fp("1"), fp("100"), 0, 0);
        book.mark(0, fp("0")); // cash 900, the position valued at 0
        assertThat(check.loss(0)).isEqualTo(fp("100"));
        check.onTime(Long.MAX_VALUE); // the same day: no new baseline
        assertThat(check.loss(0)).isEqualTo(fp("100"));
    }
}
