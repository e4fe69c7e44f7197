package io.ringtrade.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.market.MarketState;
import io.ringtrade.engine.report.PerformanceAccumulator;
import io.ringtrade.engine.snapshot.StateWriter;
import org.junit.jupiter.api.Test;

/**
 * Equity rows and the buy-and-hold benchmark. Two books (1000 and 0.00000001 more than 500, i.e. 1500.00000001
 * together) over instruments A and B.
 */
final class EquityRecorderTest {
    private static final int A = 0;
    private static final int B = 1;

    private final Book first = new Book(0, "first", FixedPoint.of(1000), 2, (b, i, o, c, pnl) -> { });
    private final Book second = new Book(1, "second", FixedPoint.parse("500.00000001"), 2, (b, i, o, c, pnl) -> { });
    private final MarketState market = new MarketState(2);
    private final RecordingSink log = new RecordingSink();
    private final OutputStreams streams = new OutputStreams(log,
        new PerformanceAccumulator(FixedPoint.parse("1500.00000001"), 252, 0));
    private final EquityRecorder recorder = new EquityRecorder(new Book[] {first, second}, market, streams,
        new int[] {A, B});

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private void price(final int instrument, final String price) {
        market.update(instrument, fp(price), fp(price), true);
        first.mark(instrument, fp(price));
        second.mark(instrument, fp(price));
    }

    @Test
    void shouldSumInitialCashOverBooks() {
        assertThat(recorder.initialCash()).isEqualTo(fp("1500.00000001"));
    }

    @Test
    void shouldWriteABarsRowWhenALaterBarStarts() {
        recorder.onBarTime(10);
        recorder.onBarTime(10); // same bar: nothing yet
        assertThat(log.equity.size()).isZero();

        recorder.onBarTime(20);

        assertThat(log.equity.size()).isEqualTo(1);
        assertThat(log.equity.get(0).time()).isEqualTo(10);
    }

    @Test
    void shouldIgnoreAnEarlierBarTime() {
        recorder.onBarTime(20);
        recorder.onBarTime(10);
        recorder.finish();

        assertThat(log.equity).extracting(RecordingSink.Equity::time).containsExactly(20L);
    }

    @Test
    void shouldWriteNothingWhenNoBarWasSeen() {
        recorder.finish();

        assertThat(log.equity.size()).isZero();
    }

    @Test
    void shouldRecordEquityCashPositionsAndTheInPositionFlagOfAllBooks() {
        // first buys 2 A @ 100 (cash 800); second shorts 1 B @ 50 (cash 550.00000001)
        // marks A 110, B 40: positions 220 − 40 = 180, cash 1350.00000001, equity 1530.00000001
        recorder.onBarTime(10);
        price(A, "100");
        price(B, "50");
        first.applyFill(A, 1, fp("2"), fp("100"), 0, 10);
        second.applyFill(B, -1, fp("1"), fp("50"), 0, 10);
        price(A, "110");
        price(B, "40");
        recorder.finish();

        assertThat(log.equity.get(0).cash()).isEqualTo(fp("1350.00000001"));
        assertThat(log.equity.get(0).positionsValue()).isEqualTo(fp("180"));
        assertThat(log.equity.get(0).equity()).isEqualTo(fp("1530.00000001"));
        assertThat(log.equity.get(0).inPosition()).isTrue();
    }

    @Test
    void shouldSplitTheBenchmarkEquallyAndKeepTheIndivisibleRemainderAsCash() {
        // 1500.00000001 / 2 = 750 each, remainder 0.00000001
        // A first 100, last 110 → 750 × 1.1 = 825; B first 50, last 40 → 750 × 0.8 = 600
        // benchmark 825 + 600 + 0.00000001 = 1425.00000001
        recorder.onBarTime(10);
        price(A, "100");
        price(B, "50");
        recorder.onBarTime(20);
        price(A, "110");
        price(B, "40");
        recorder.finish();

        assertThat(log.equity).extracting(RecordingSink.Equity::benchmark)
            .containsExactly(fp("1500.00000001"), fp("1425.00000001"));
        assertThat(log.equity).extracting(RecordingSink.Equity::inPosition).containsExactly(false, false);
        assertThat(log.equity).extracting(RecordingSink.Equity::equity)
            .containsExactly(fp("1500.00000001"), fp("1500.00000001"));
    }

    @Test
    void shouldKeepTheShareOfAnInstrumentWithoutAPriceYetAsCash() {
        // A first 100, last 120 → 750 × 1.2 = 900; B has no price: its 750 stays → 1650.00000001
        recorder.onBarTime(10);
        price(A, "100");
        price(A, "120");
        recorder.finish();

        assertThat(log.equity.get(0).benchmark()).isEqualTo(fp("1650.00000001"));
    }

    @Test
    void shouldRoundTheBenchmarkShareHalfUp() {
        // A first 7, last 1 → 750 × 1 / 7 = 107.142857142857... → 107.14285714
        // B first 3, last 2 → 750 × 2 / 3 = 500 exactly
        recorder.onBarTime(10);
        price(A, "7");
        price(A, "1");
        price(B, "3");
        price(B, "2");
        recorder.finish();

        // 107.14285714 + 500 + 0.00000001
        assertThat(log.equity.get(0).benchmark()).isEqualTo(fp("607.14285715"));
    }

    @Test
    void shouldNotAnchorTheBenchmarkOnPricesBeforeTradingStarts() {
        market.update(A, fp("80"), fp("80"), false); // a warm-up price
        market.update(A, fp("100"), fp("100"), true);

        assertThat(market.first(A)).isEqualTo(fp("100"));
        assertThat(market.last(A)).isEqualTo(fp("100"));
    }

    @Test
    void shouldAnchorTheBenchmarkAtTheFirstBarsOpenSoItDoesNotDependOnTheInterval() {
        market.update(A, fp("95"), fp("100"), true); // a bar opening at 95, closing at 100
        market.update(A, fp("101"), fp("102"), true);

        assertThat(market.first(A)).isEqualTo(fp("95"));
        assertThat(market.last(A)).isEqualTo(fp("102"));
    }

    @Test
    void shouldRememberTheFirstAndLastPriceOfEachInstrument() {
        assertThat(market.first(A)).isZero();
        assertThat(market.last(A)).isZero();
        price(A, "100");
        price(A, "90");

        assertThat(market.first(A)).isEqualTo(fp("100"));
        assertThat(market.last(A)).isEqualTo(fp("90"));
        assertThat(market.first(B)).isZero();
        assertThat(market.size()).isEqualTo(2);
    }

    @Test
    void shouldValueTheBenchmarkOfRowsNobodyKeepsAtTheRowsPricesWhenTheSummaryReadsIt() {
        // the same books, prices and fills into a sink that keeps no rows: bar 10 at A 100 / B 50, bar 20 at A 110 /
        // B 40 (benchmark 1425.00000001, as above); then A moves to 200 within bar 30, whose row is not written yet
        final PerformanceAccumulator kept = streams.performance();
        final PerformanceAccumulator deferred = new PerformanceAccumulator(fp("1500.00000001"), 252, 0);
        final EquityRecorder unkept = new EquityRecorder(new Book[] {first, second}, market,
            new OutputStreams(OutputSink.NONE, deferred), new int[] {A, B});
        for (final EquityRecorder each : new EquityRecorder[] {recorder, unkept}) {
            each.onBarTime(10);
        }
        price(A, "100");
        price(B, "50");
        for (final EquityRecorder each : new EquityRecorder[] {recorder, unkept}) {
            each.onBarTime(20);
        }
        price(A, "110");
        price(B, "40");
        for (final EquityRecorder each : new EquityRecorder[] {recorder, unkept}) {
            each.onBarTime(30);
        }
        price(A, "200");

        // (1425.00000001 − 1500.00000001) / 1500.00000001: bar 20's prices, not A's 200 of the bar still open
        assertThat(deferred.summary().buyAndHoldReturn()).isEqualTo(fp("-75") / (double) fp("1500.00000001"));
        assertThat(deferred.summary()).isEqualTo(kept.summary());
        assertThat(log.equity).extracting(RecordingSink.Equity::benchmark).last().isEqualTo(fp("1425.00000001"));
        assertThat(snapshot(deferred)).isEqualTo(snapshot(kept));
    }

    private static byte[] snapshot(final PerformanceAccumulator performance) {
        final StateWriter out = new StateWriter();
        performance.writeState(out);
        return out.toByteArray();
    }
}
