package io.ringtrade.engine.output;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.money.ReciprocalDivisor;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.report.PerformanceAccumulator;
import io.ringtrade.engine.market.MarketState;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.math.RoundingMode;


/**
 * Writes one equity row per bar for the books together: equity, cash, positions value, whether any position
 * is open, and the buy-and-hold benchmark (initial cash split equally over the run's instruments, each share
 * bought at that instrument's first price, without costs). A row for bar time T is written when the first
 * input of a later bar arrives (or at the end), so it shows the state after everything at T. When the output sink
 * keeps no rows (optimizer runs, benchmarks), a row keeps its instruments' first and last prices instead of its
 * benchmark, which is valued from them only if the summary or a snapshot reads it: a division per instrument and bar
 * saved, the same numbers. Owned by the business-logic thread.
 */
public final class EquityRecorder {
    private final Book[] books;
    private final MarketState market;
    private final OutputStreams out;
    private final long initialCash;
    private final int[] benchmarkInstruments;
    private final long benchmarkShare;
    private final long benchmarkLeftover;
    // per benchmark instrument: the first price's reciprocal, and the last price valued with the value it gave
    // (caches of pure functions of the market state: not in the snapshot)
    private final ReciprocalDivisor[] byFirstPrice;
    private final long[] valuedAtPrice;
    private final long[] valueAtPrice;
    private long currentBar = Long.MIN_VALUE;
    private PerformanceAccumulator[] perBook;
    // each instrument's first and last price at the last row, which its benchmark is valued from: at once when the
    // rows are kept, when read otherwise
    private final boolean benchmarkPerRow;
    private final long[] rowFirst;
    private final long[] rowLast;
    private final PerformanceAccumulator.DeferredBenchmark deferredBenchmark = this::benchmarkOfLastRow;

    /**
     * A recorder over all books; {@code benchmarkInstruments} are the instruments the run trades.
     */
    public EquityRecorder(final Book[] books, final MarketState market, final OutputStreams out,
                          final int[] benchmarkInstruments) {
        this.books = books;
        this.market = market;
        this.out = out;
        this.benchmarkInstruments = benchmarkInstruments.clone();
        long cash = 0;
        for (final Book book : books) {
            cash = Math.addExact(cash, book.initialCash());
        }
        this.initialCash = cash;
        final int n = Math.max(1, benchmarkInstruments.length);
        this.benchmarkShare = cash / n;
        this.benchmarkLeftover = cash - benchmarkShare * n;
        this.byFirstPrice = new ReciprocalDivisor[benchmarkInstruments.length];
        this.valuedAtPrice = new long[benchmarkInstruments.length];
        this.valueAtPrice = new long[benchmarkInstruments.length];
        this.benchmarkPerRow = out.keepsEquityRows();
        this.rowFirst = new long[benchmarkInstruments.length];
        this.rowLast = new long[benchmarkInstruments.length];
    }

    /**
     * Also feeds each book's own metrics (its equity per bar, no benchmark) into {@code accumulators}, indexed by book:
     * the ops API's per-book Sharpe and drawdowns.
     */
    public void perBook(final PerformanceAccumulator[] accumulators) {
        this.perBook = accumulators.clone();
    }

    /** Called before an input that belongs to bar {@code barStartNanos}: closes the previous bar's row. */
    public void onBarTime(final long barStartNanos) {
        if (barStartNanos > currentBar) {
            if (currentBar != Long.MIN_VALUE) {
                writeRow(currentBar);
            }
            currentBar = barStartNanos;
        }
    }

    /** Writes the row of the last bar (at the end of the data). */
    public void finish() {
        if (currentBar != Long.MIN_VALUE && currentBar != Long.MAX_VALUE) {
            writeRow(currentBar);
            currentBar = Long.MAX_VALUE;
        }
    }

    private void writeRow(final long barTime) {
        long equity = 0;
        long cash = 0;
        long positions = 0;
        boolean anyPosition = false;
        for (final Book book : books) {
            final long bookCash = book.cash();
            final long value = book.positionsValue();
            final long bookEquity = Math.addExact(bookCash, value);
            final boolean holds = value != 0 || book.hasAnyPosition();
            cash = Math.addExact(cash, bookCash);
            positions = Math.addExact(positions, value);
            equity = Math.addExact(equity, bookEquity);
            anyPosition |= holds;
            if (perBook != null) {
                perBook[book.index()].onBar(bookEquity, 0, holds);
            }
        }
        for (int i = 0; i < benchmarkInstruments.length; i++) {
            rowFirst[i] = market.first(benchmarkInstruments[i]);
            rowLast[i] = market.last(benchmarkInstruments[i]);
        }
        if (benchmarkPerRow) {
            out.onEquity(barTime, equity, cash, positions, benchmarkOfLastRow(), anyPosition);
        } else {
            out.onEquityWithoutBenchmark(barTime, equity, anyPosition, deferredBenchmark);
        }
    }

    /** The benchmark of the last row written, from the prices it kept. */
    private long benchmarkOfLastRow() {
        if (benchmarkInstruments.length == 0) {
            return initialCash;
        }
        long total = 0;
        for (int i = 0; i < benchmarkInstruments.length; i++) {
            total += benchmarkValue(i, rowFirst[i], rowLast[i]);
        }
        return total + benchmarkLeftover;
    }

    /**
     * One instrument's share of the buy-and-hold column: share × last / first, rounded half up. Kept from the row
     * before while the last price has not moved; divided through the first price's reciprocal otherwise (the same
     * result as {@code FixedPoint.mulDiv(share, last, first, HALF_UP)}, without a 128-bit division per bar).
     */
    private long benchmarkValue(final int slot, final long first, final long last) {
        if (first == 0) {
            return benchmarkShare;
        }
        if (first < 0) {
            return FixedPoint.mulDiv(benchmarkShare, last, first, RoundingMode.HALF_UP); // a negative price: no reciprocal
        }
        ReciprocalDivisor divisor = byFirstPrice[slot];
        if (divisor == null || divisor.divisor() != first) {
            divisor = new ReciprocalDivisor(first); // once per instrument (and after a restore): no value kept yet
            byFirstPrice[slot] = divisor;
        } else if (last == valuedAtPrice[slot]) {
            return valueAtPrice[slot];
        }
        valuedAtPrice[slot] = last;
        valueAtPrice[slot] = divisor.mulDivHalfUp(benchmarkShare, last);
        return valueAtPrice[slot];
    }

    /** Writes the bar being recorded for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("equity-recorder").writeLong(currentBar);
    }

    /** Restores the bar being recorded from a snapshot. */
    public void readState(final StateReader in) {
        currentBar = in.section("equity-recorder").readLong();
    }

    /** Total initial cash of all books. */
    public long initialCash() {
        return initialCash;
    }
}
