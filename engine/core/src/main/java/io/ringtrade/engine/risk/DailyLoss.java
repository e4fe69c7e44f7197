package io.ringtrade.engine.risk;

import io.ringtrade.engine.api.market.UtcDay;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The maximum-daily-loss check: each book's (and all books' together) equity at the start of the UTC day, by event
 * time, and whether the day's loss has gone past its limit. A day starts at the first input whose event time falls
 * in it; the baseline is the equity then (the marks of the day before). An operator's release of a halted book
 * moves its baseline to its equity at the release, so it may lose its limit again before halting again.
 *
 * <p>Business-logic thread; allocation-free.
 */
public final class DailyLoss {

    private final Book[] books;
    private final long[] limits;
    private long globalLimit;
    private boolean enabled;
    private final long[] baseline;
    private long globalBaseline;
    private long day = Long.MIN_VALUE;
    /** The first nanosecond of the day after {@link #day}: an input before it starts no day (one compare per input). */
    private long nextDayStart = Long.MIN_VALUE;

    /**
     * @param books       the books
     * @param limits      each book's maximum daily loss (0 = none), global cap applied
     * @param globalLimit the maximum daily loss of all books together (0 = none)
     */
    public DailyLoss(final Book[] books, final long[] limits, final long globalLimit) {
        this.books = books;
        this.limits = limits.clone();
        this.globalLimit = globalLimit;
        this.enabled = anyLimit(); // asked on every input; changes only with an operator's limit change
        this.baseline = new long[books.length];
    }

    /** An operator's change of one book's limit ({@code 0} = none); the baselines stay. */
    public void setLimit(final int book, final long limit) {
        limits[book] = limit;
        enabled = anyLimit();
    }

    /** An operator's change of the limit of all books together ({@code 0} = none); the baselines stay. */
    public void setGlobalLimit(final long limit) {
        globalLimit = limit;
        enabled = anyLimit();
    }

    private boolean anyLimit() {
        boolean any = globalLimit > 0;
        for (final long each : limits) {
            any |= each > 0;
        }
        return any;
    }

    /** Whether any limit is set (otherwise nothing needs checking). */
    public boolean enabled() {
        return enabled;
    }

    /** An input at {@code timeNanos}: a new UTC day takes every book's equity now as its baseline. */
    public void onTime(final long timeNanos) {
        if (timeNanos < nextDayStart) {
            return; // today, or (a time that went back) an earlier day: as floorDiv(time) <= day would say
        }
        final long today = UtcDay.of(timeNanos);
        if (today <= day) {
            return;
        }
        day = today;
        nextDayStart = UtcDay.startOfDayAfter(today);
        long total = 0;
        for (int b = 0; b < books.length; b++) {
            baseline[b] = books[b].equity();
            total += baseline[b];
        }
        globalBaseline = total;
    }

    /** The book's loss today (positive when it lost). */
    public long loss(final int book) {
        return baseline[book] - books[book].equity();
    }

    /** All books' loss today. */
    public long globalLoss() {
        long equity = 0;
        for (final Book book : books) {
            equity += book.equity();
        }
        return globalBaseline - equity;
    }

    /** Whether the book's loss today is past its limit. */
    public boolean breached(final int book) {
        return limits[book] > 0 && loss(book) > limits[book];
    }

    /** Whether all books' loss today is past the global limit. */
    public boolean globalBreached() {
        return globalLimit > 0 && globalLoss() > globalLimit;
    }

    /** The book's limit. */
    public long limit(final int book) {
        return limits[book];
    }

    /** The global limit. */
    public long globalLimit() {
        return globalLimit;
    }

    /** An operator released the book: its allowance restarts from its equity now. */
    public void rebase(final int book) {
        baseline[book] = books[book].equity();
    }

    /** An operator released the engine: the global allowance restarts from the equity now. */
    public void rebaseGlobal() {
        long equity = 0;
        for (final Book book : books) {
            equity += book.equity();
        }
        globalBaseline = equity;
    }

    /** Writes the baselines for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("daily-loss").writeLong(day).writeLong(globalBaseline).writeLongs(baseline, baseline.length);
    }

    /** Restores the baselines from a snapshot. */
    public void readState(final StateReader in) {
        in.section("daily-loss");
        day = in.readLong();
        nextDayStart = day == Long.MIN_VALUE ? Long.MIN_VALUE : UtcDay.startOfDayAfter(day);
        globalBaseline = in.readLong();
        in.readLongsInto(baseline, "daily-loss baselines");
    }
}
