package io.ringtrade.engine.output;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.market.MarketState;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.math.RoundingMode;

/**
 * Writes one equity row per bar for the books together: equity, cash, positions value, whether any position
 * is open, and the buy-and-hold benchmark (initial cash split equally over the run's instruments, each share
 * bought at that instrument's first price, without costs). A row for bar time T is written when the first
 * input of a later bar arrives (or at the end), so it shows the state after everything at T. Owned by the
 * business-logic thread.
 */
public final class EquityRecorder {
    private final Book[] books;
    private final MarketState market;
    private final OutputStreams out;
    private final long initialCash;
    private final int[] benchmarkInstruments;
    private long currentBar = Long.MIN_VALUE;

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
            cash = Math.addExact(cash, book.cash());
            final long value = book.positionsValue();
            positions = Math.addExact(positions, value);
            equity = Math.addExact(equity, Math.addExact(book.cash(), value));
            anyPosition |= book.hasAnyPosition();
        }
        out.onEquity(barTime, equity, cash, positions, benchmark(), anyPosition);
    }

    private long benchmark() {
        final int n = benchmarkInstruments.length;
        if (n == 0) {
            return initialCash;
        }
        long total = 0;
        for (final int instrument : benchmarkInstruments) {
            final long share = initialCash / n;
            final long first = market.first(instrument);
            total += first == 0 ? share : FixedPoint.mulDiv(share, market.last(instrument), first, RoundingMode.HALF_UP);
        }
        return total + (initialCash - (initialCash / n) * n);
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
