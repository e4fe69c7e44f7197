package io.ringtrade.engine.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.money.FixedPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The accounting rules of {@link Book}, each on a few fills worked out by hand. Amounts are written as decimals
 * and parsed with {@link FixedPoint#parse}, so every expected value reads as it was computed.
 */
final class BookTest {
    private static final int BUY = 1;
    private static final int SELL = -1;
    private static final int X = 0;
    private static final int Y = 1;

    private final List<long[]> roundTrips = new ArrayList<>();
    private final List<long[]> tripTimes = new ArrayList<>();
    private final Book book = new Book(3, "test", fp("1000"), 2, (bookIndex, instrumentId, opened, closed, pnl) -> {
        roundTrips.add(new long[] {bookIndex, instrumentId, pnl});
        tripTimes.add(new long[] {opened, closed});
    });
    private long time;

    /** A fill at the next event time (1, 2, 3, ...). */
    private long fill(final int instrument, final int side, final long quantity, final long price, final long fee) {
        return book.applyFill(instrument, side, quantity, price, fee, ++time);
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    @Test
    void shouldStartWithInitialCashAndNoPosition() {
        assertThat(book.index()).isEqualTo(3);
        assertThat(book.name()).isEqualTo("test");
        assertThat(book.initialCash()).isEqualTo(fp("1000"));
        assertThat(book.cash()).isEqualTo(fp("1000"));
        assertThat(book.equity()).isEqualTo(fp("1000"));
        assertThat(book.position(X)).isZero();
        assertThat(book.hasAnyPosition()).isFalse();
        assertThat(book.instrumentCount()).isEqualTo(2);
    }

    @Test
    void shouldOpenALongPayingNotionalPlusFee() {
        // buy 2 @ 100 fee 0.2 → cash 1000 − 200 − 0.2 = 799.8; average 100; nothing realized
        final long realized = fill(X, BUY, fp("2"), fp("100"), fp("0.2"));

        assertThat(realized).isZero();
        assertThat(book.cash()).isEqualTo(fp("799.8"));
        assertThat(book.position(X)).isEqualTo(fp("2"));
        assertThat(book.averagePrice(X)).isEqualTo(fp("100"));
        assertThat(book.feesPaid()).isEqualTo(fp("0.2"));
        assertThat(book.realizedPnl()).isZero();
        assertThat(book.markPrice(X)).isEqualTo(fp("100")); // a fill marks the instrument
        assertThat(book.hasAnyPosition()).isTrue();
    }

    @Test
    void shouldWeightTheAveragePriceWhenPyramiding() {
        // buy 2 @ 100 fee 0.2; buy 1 @ 130 fee 0.13 → avg (200 + 130) / 3 = 110 (fees are not in the average)
        // cash 1000 − 200.2 − 130.13 = 669.67
        fill(X, BUY, fp("2"), fp("100"), fp("0.2"));
        fill(X, BUY, fp("1"), fp("130"), fp("0.13"));

        assertThat(book.position(X)).isEqualTo(fp("3"));
        assertThat(book.averagePrice(X)).isEqualTo(fp("110"));
        assertThat(book.cash()).isEqualTo(fp("669.67"));
        assertThat(book.feesPaid()).isEqualTo(fp("0.33"));
    }

    @Test
    void shouldRoundAWeightedAverageHalfUpToOneUnit() {
        // buy 1 @ 100; buy 2 @ 101 → (100 + 202) / 3 = 100.666666666... → 100.66666667
        fill(X, BUY, fp("1"), fp("100"), 0);
        fill(X, BUY, fp("2"), fp("101"), 0);

        assertThat(book.averagePrice(X)).isEqualTo(fp("100.66666667"));
    }

    @Test
    void shouldRealizeAPartialExitAgainstTheAverageAndKeepTheAverage() {
        // buy 2 @ 100 fee 0.2; buy 1 @ 130 fee 0.13 → avg 110, cash 669.67
        // sell 1.5 @ 120 fee 0.18 → realized (120 − 110) × 1.5 − 0.18 = 15 − 0.18 = 14.82
        // cash 669.67 + 180 − 0.18 = 849.49; 1.5 left at average 110
        fill(X, BUY, fp("2"), fp("100"), fp("0.2"));
        fill(X, BUY, fp("1"), fp("130"), fp("0.13"));
        final long realized = fill(X, SELL, fp("1.5"), fp("120"), fp("0.18"));

        assertThat(realized).isEqualTo(fp("14.82"));
        assertThat(book.realizedPnl()).isEqualTo(fp("14.82"));
        assertThat(book.position(X)).isEqualTo(fp("1.5"));
        assertThat(book.averagePrice(X)).isEqualTo(fp("110"));
        assertThat(book.cash()).isEqualTo(fp("849.49"));
        assertThat(book.feesPaid()).isEqualTo(fp("0.51"));
        assertThat(roundTrips).isEmpty(); // still in position
    }

    @Test
    void shouldValueALongAtItsMark() {
        // after the partial exit above: 1.5 @ avg 110, cash 849.49; mark 100
        // unrealized (100 − 110) × 1.5 = −15; positions 1.5 × 100 = 150; equity 849.49 + 150 = 999.49
        // cross-check: 1000 − fees 0.51 + gross realized 15 − 15 unrealized = 999.49
        fill(X, BUY, fp("2"), fp("100"), fp("0.2"));
        fill(X, BUY, fp("1"), fp("130"), fp("0.13"));
        fill(X, SELL, fp("1.5"), fp("120"), fp("0.18"));
        book.mark(X, fp("100"));

        assertThat(book.unrealizedPnl(X)).isEqualTo(fp("-15"));
        assertThat(book.positionsValue()).isEqualTo(fp("150"));
        assertThat(book.equity()).isEqualTo(fp("999.49"));
    }

    @Test
    void shouldOpenAShortReceivingNotionalLessFee() {
        // sell 2 @ 50 fee 0.1 → cash 1000 + 100 − 0.1 = 1099.9; position −2 at average 50
        final long realized = fill(X, SELL, fp("2"), fp("50"), fp("0.1"));

        assertThat(realized).isZero();
        assertThat(book.cash()).isEqualTo(fp("1099.9"));
        assertThat(book.position(X)).isEqualTo(fp("-2"));
        assertThat(book.averagePrice(X)).isEqualTo(fp("50"));
    }

    @Test
    void shouldValueAShortNegativelyAndGainWhenThePriceFalls() {
        // short 2 @ 50 fee 0.1 (cash 1099.9); mark 45
        // unrealized (45 − 50) × (−2) = +10; positions 45 × (−2) = −90; equity 1099.9 − 90 = 1009.9
        fill(X, SELL, fp("2"), fp("50"), fp("0.1"));
        book.mark(X, fp("45"));

        assertThat(book.unrealizedPnl(X)).isEqualTo(fp("10"));
        assertThat(book.positionsValue()).isEqualTo(fp("-90"));
        assertThat(book.equity()).isEqualTo(fp("1009.9"));
    }

    @Test
    void shouldRealizeAShortCoverMirrored() {
        // short 2 @ 50 fee 0.1 (cash 1099.9); buy 1 @ 40 fee 0.04 → realized (50 − 40) × 1 − 0.04 = 9.96
        // cash 1099.9 − 40 − 0.04 = 1059.86; −1 left at average 50
        fill(X, SELL, fp("2"), fp("50"), fp("0.1"));
        final long realized = fill(X, BUY, fp("1"), fp("40"), fp("0.04"));

        assertThat(realized).isEqualTo(fp("9.96"));
        assertThat(book.position(X)).isEqualTo(fp("-1"));
        assertThat(book.averagePrice(X)).isEqualTo(fp("50"));
        assertThat(book.cash()).isEqualTo(fp("1059.86"));
    }

    @Test
    void shouldRealizeALossWhenCoveringAShortHigher() {
        // short 1 @ 50; buy 1 @ 55 fee 0.05 → realized (50 − 55) × 1 − 0.05 = −5.05
        fill(X, SELL, fp("1"), fp("50"), 0);

        assertThat(fill(X, BUY, fp("1"), fp("55"), fp("0.05"))).isEqualTo(fp("-5.05"));
    }

    @Test
    void shouldWeightTheAverageOfAShortWhenAddingToIt() {
        // sell 1 @ 50; sell 3 @ 60 → avg (50 + 180) / 4 = 57.5, position −4
        fill(X, SELL, fp("1"), fp("50"), 0);
        fill(X, SELL, fp("3"), fp("60"), 0);

        assertThat(book.position(X)).isEqualTo(fp("-4"));
        assertThat(book.averagePrice(X)).isEqualTo(fp("57.5"));
    }

    @Test
    void shouldReportARoundTripWithItsEntryFees() {
        // buy 2 @ 100 fee 0.2; buy 1 @ 130 fee 0.13 (avg 110)
        // sell 1.5 @ 120 fee 0.18 → realized 14.82
        // sell 1.5 @ 90 fee 0.135 → realized (90 − 110) × 1.5 − 0.135 = −30.135
        // round trip = 14.82 − 30.135 − entry fees (0.2 + 0.13) = −15.645
        // cash 1000 − 200.2 − 130.13 + 179.82 + 134.865 = 984.355 = 1000 − 15.645
        fill(X, BUY, fp("2"), fp("100"), fp("0.2"));
        fill(X, BUY, fp("1"), fp("130"), fp("0.13"));
        fill(X, SELL, fp("1.5"), fp("120"), fp("0.18"));
        final long lastExit = fill(X, SELL, fp("1.5"), fp("90"), fp("0.135"));

        assertThat(lastExit).isEqualTo(fp("-30.135"));
        assertThat(book.realizedPnl()).isEqualTo(fp("-15.315")); // 14.82 − 30.135: entry fees not included
        assertThat(roundTrips).containsExactly(new long[] {3, X, fp("-15.645")});
        assertThat(book.cash()).isEqualTo(fp("984.355"));
        assertThat(book.position(X)).isZero();
        assertThat(book.averagePrice(X)).isZero(); // flat: no average
        assertThat(book.unrealizedPnl(X)).isZero();
        assertThat(book.equity()).isEqualTo(fp("984.355"));
        assertThat(book.hasAnyPosition()).isFalse();
    }

    @Test
    void shouldSplitAFillThroughZeroIntoACloseAndAnOpen() {
        // long 2 @ 100 (no fee); sell 5 @ 110 fee 0.55
        // close 2: fee share 0.55 × 2 / 5 = 0.22, realized (110 − 100) × 2 − 0.22 = 19.78
        // open 3 short @ 110 with the other 0.33 of fee
        // round trip 1 = 19.78 (its entry had no fee)
        // cash 1000 − 200 + 550 − 0.55 = 1349.45
        fill(X, BUY, fp("2"), fp("100"), 0);
        final long realized = fill(X, SELL, fp("5"), fp("110"), fp("0.55"));

        assertThat(realized).isEqualTo(fp("19.78"));
        assertThat(book.position(X)).isEqualTo(fp("-3"));
        assertThat(book.averagePrice(X)).isEqualTo(fp("110"));
        assertThat(book.cash()).isEqualTo(fp("1349.45"));
        assertThat(roundTrips).containsExactly(new long[] {3, X, fp("19.78")});
    }

    @Test
    void shouldChargeTheOpeningShareOfAFlipFeeToTheNextRoundTrip() {
        // as above, then buy 3 @ 100 fee 0.3 → realized (110 − 100) × 3 − 0.3 = 29.7
        // round trip 2 = 29.7 − 0.33 (opening share of the flip fee) = 29.37
        // cash 1349.45 − 300 − 0.3 = 1049.15 = 1000 + 19.78 + 29.37
        fill(X, BUY, fp("2"), fp("100"), 0);
        fill(X, SELL, fp("5"), fp("110"), fp("0.55"));
        final long realized = fill(X, BUY, fp("3"), fp("100"), fp("0.3"));

        assertThat(realized).isEqualTo(fp("29.7"));
        assertThat(book.realizedPnl()).isEqualTo(fp("49.48")); // 19.78 + 29.7
        assertThat(book.feesPaid()).isEqualTo(fp("0.85"));
        assertThat(roundTrips).containsExactly(new long[] {3, X, fp("19.78")}, new long[] {3, X, fp("29.37")});
        assertThat(book.cash()).isEqualTo(fp("1049.15"));
        assertThat(book.position(X)).isZero();
    }

    @Test
    void shouldSplitAFlipFeeHalfUpAndKeepTheRemainderForTheOpen() {
        // long 1 @ 10; sell 3 @ 10 fee 0.00000001 (1 unit): closing share 1 × 1 / 3 = 0.33 unit → 0,
        // so the close realizes 0 and the opening short carries the whole unit of fee into its round trip
        fill(X, BUY, fp("1"), fp("10"), 0);
        assertThat(fill(X, SELL, fp("3"), fp("10"), 1L)).isZero();
        assertThat(roundTrips).containsExactly(new long[] {3, X, 0L});

        // cover 2 @ 10 with no fee: realized 0, round trip 0 − 1 unit of entry fee
        fill(X, BUY, fp("2"), fp("10"), 0);
        assertThat(roundTrips).containsExactly(new long[] {3, X, 0L}, new long[] {3, X, -1L});
    }

    @Test
    void shouldFlipAShortIntoALong() {
        // short 1 @ 50; buy 3 @ 40 fee 0.12 → close 1: fee 0.04, realized (50 − 40) × 1 − 0.04 = 9.96;
        // open 2 long @ 40
        fill(X, SELL, fp("1"), fp("50"), 0);

        assertThat(fill(X, BUY, fp("3"), fp("40"), fp("0.12"))).isEqualTo(fp("9.96"));
        assertThat(book.position(X)).isEqualTo(fp("2"));
        assertThat(book.averagePrice(X)).isEqualTo(fp("40"));
        assertThat(roundTrips).containsExactly(new long[] {3, X, fp("9.96")});
    }

    @Test
    void shouldValueEveryInstrumentAtItsOwnMark() {
        // X: long 2 @ 100, marked 110 → +220; Y: short 1 @ 50, marked 40 → −40; positions 180
        // cash 1000 − 200 + 50 = 850; equity 850 + 180 = 1030
        fill(X, BUY, fp("2"), fp("100"), 0);
        fill(Y, SELL, fp("1"), fp("50"), 0);
        book.mark(X, fp("110"));
        book.mark(Y, fp("40"));

        assertThat(book.positionsValue()).isEqualTo(fp("180"));
        assertThat(book.unrealizedPnl(X)).isEqualTo(fp("20"));
        assertThat(book.unrealizedPnl(Y)).isEqualTo(fp("10"));
        assertThat(book.equity()).isEqualTo(fp("1030"));
    }

    @Test
    void shouldIgnoreTheMarkOfAnInstrumentNotHeld() {
        book.mark(Y, fp("12345"));

        assertThat(book.unrealizedPnl(Y)).isZero();
        assertThat(book.equity()).isEqualTo(fp("1000"));
    }

    @Test
    void shouldRefuseANonPositiveFillQuantity() {
        assertThatThrownBy(() -> fill(X, BUY, 0, fp("100"), 0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fill(X, BUY, -1, fp("100"), 0))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldStampARoundTripWithTheTimesOfItsFirstEntryAndItsLastExit() {
        fill(X, BUY, fp("1"), fp("100"), 0); // t1 opens
        fill(X, BUY, fp("1"), fp("100"), 0); // t2 adds
        fill(X, SELL, fp("1"), fp("100"), 0); // t3 reduces
        fill(X, SELL, fp("3"), fp("100"), 0); // t4 closes and opens a short
        fill(X, BUY, fp("2"), fp("100"), 0); // t5 covers

        assertThat(tripTimes).containsExactly(new long[] {1, 4}, new long[] {4, 5});
    }

    @Test
    void shouldRefuseAFillWhoseCashWouldOverflowAndLeaveTheBookWhole() {
        // 92 billion units cost more than a long of fixed-point cash can hold below 1000
        assertThatThrownBy(() -> fill(X, BUY, fp("92000000000"), fp("100"), 0))
            .isInstanceOf(ArithmeticException.class);
        assertThat(book.cash()).isEqualTo(fp("1000"));
        assertThat(book.position(X)).isZero();
        assertThat(book.feesPaid()).isZero();
    }
}
