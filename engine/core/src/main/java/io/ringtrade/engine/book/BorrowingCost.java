package io.ringtrade.engine.book;

import io.ringtrade.engine.api.market.UtcDay;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.math.RoundingMode;

/**
 * Interest on the books' borrowed cash in the simulated venue (paper trading and backtests; a live venue charges its
 * own). Each UTC day, by event time, that ends with a book's cash negative costs it {@code −cash × rate / 100 / 365},
 * rate being the book's {@code borrow-rate-pct} (a year's interest, percent), rounded up to 1e-8 (the lender's way),
 * and taken from the cash at the first input of a later day, before anything that input causes. Days without an input
 * are charged one by one, each on the cash the day before left, so the interest compounds daily. The first input
 * starts the count (no day before it is charged); an input dated before the latest day charges nothing.
 *
 * <p>Business-logic thread; allocation-free.
 */
public final class BorrowingCost {
    /** cash × rate (both fixed-point) / this = a day's interest, fixed-point: 100 % × 365 days × the scale. */
    private static final long DIVISOR = 100L * 365 * FixedPoint.SCALE;

    /** Hears of each day's charge and of a charge that could not be made. */
    public interface Listener {
        /** Book {@code book} paid {@code interest} for the UTC day starting at {@code dayStartNanos}. */
        void charged(int book, long dayStartNanos, long cashBefore, long interest);

        /**
         * Book {@code book}'s interest for the day starting at {@code dayStartNanos} would take its cash out of the
         * fixed-point range: nothing was charged, for that day or any later one, until an operator acts.
         */
        void overflow(int book, long dayStartNanos);
    }

    private final Book[] books;
    private final long[] ratePct;
    private final boolean[] stopped;
    private boolean enabled;
    /** The UTC day (days since the epoch) of the latest input; interest is charged up to its start. */
    private long day = Long.MIN_VALUE;
    /** The first nanosecond of the day after {@link #day}: an input before it charges nothing (one compare). */
    private long nextDayStart = Long.MIN_VALUE;

    /**
     * @param books   the books
     * @param ratePct each book's yearly rate on borrowed cash, fixed-point percent (0 = none)
     */
    public BorrowingCost(final Book[] books, final long[] ratePct) {
        if (books.length != ratePct.length) {
            throw new IllegalArgumentException(books.length + " books, " + ratePct.length + " rates");
        }
        this.books = books;
        this.ratePct = ratePct.clone();
        this.stopped = new boolean[books.length];
        boolean any = false;
        for (final long rate : ratePct) {
            if (rate < 0) {
                throw new IllegalArgumentException("a borrowing rate must not be negative: " + rate);
            }
            any |= rate > 0;
        }
        this.enabled = any;
    }

    /**
     * An operator's change of book {@code book}'s rate (0 = none): the days that end after the input that made it are
     * charged at the new rate, the day of the change included (the days are followed whether or not any book pays).
     */
    public void setRate(final int book, final long rate) {
        if (rate < 0) {
            throw new IllegalArgumentException("a borrowing rate must not be negative: " + rate);
        }
        ratePct[book] = rate;
        boolean any = false;
        for (final long each : ratePct) {
            any |= each > 0;
        }
        enabled = any;
    }

    /** Whether any book pays interest now. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * An input at {@code timeNanos}, every input whether or not a book pays (so that a rate set later counts from its
     * own day): charges every day that ended since the latest input's day. One compare on all but a day's first input.
     */
    public void onTime(final long timeNanos, final Listener listener) {
        if (timeNanos < nextDayStart) {
            return;
        }
        final long today = UtcDay.of(timeNanos);
        if (day != Long.MIN_VALUE) {
            for (long ended = day; ended < today; ended++) {
                charge(ended, listener);
            }
        }
        day = today;
        nextDayStart = UtcDay.startOfDayAfter(today);
    }

    private void charge(final long endedDay, final Listener listener) {
        for (int b = 0; b < books.length; b++) {
            final long cash = books[b].cash();
            if (ratePct[b] == 0 || cash >= 0 || stopped[b]) {
                continue;
            }
            try {
                final long interest = FixedPoint.mulDiv(Math.negateExact(cash), ratePct[b], DIVISOR,
                    RoundingMode.CEILING);
                books[b].chargeInterest(interest);
                listener.charged(b, endedDay * UtcDay.NANOS, cash, interest);
            } catch (final ArithmeticException outOfRange) {
                stopped[b] = true;
                listener.overflow(b, endedDay * UtcDay.NANOS);
            }
        }
    }

    /** Writes the day reached (and the books whose charges stopped) for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("borrowing cost").writeLong(day);
        for (final boolean each : stopped) {
            out.writeLong(each ? 1 : 0);
        }
    }

    /** Restores what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        in.section("borrowing cost");
        day = in.readLong();
        nextDayStart = day == Long.MIN_VALUE ? Long.MIN_VALUE : UtcDay.startOfDayAfter(day);
        for (int b = 0; b < stopped.length; b++) {
            stopped[b] = in.readLong() != 0;
        }
    }
}
