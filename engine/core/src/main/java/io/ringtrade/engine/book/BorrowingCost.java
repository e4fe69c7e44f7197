package io.ringtrade.engine.book;

import io.ringtrade.engine.api.market.UtcDay;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.math.RoundingMode;

/**
 * What the simulated venue charges for what a book borrows (paper trading and backtests; a live venue charges its
 * own): interest on borrowed cash and a fee on borrowed shares. Each UTC day, by event time, that ends with a book's
 * cash negative costs it {@code −cash × rate / 100 / 365}, rate being the book's {@code borrow-rate-pct} (a year's
 * interest, percent); each day that ends with short positions costs it {@code short value × fee / 100 / 365}, the
 * short value being Σ |quantity| × mark of its shorts at the day's last marks and fee its {@code short-fee-pct}. Both
 * are rounded up to 1e-8 (the lender's way) and taken from the cash at the first input of a later day, before anything
 * that input causes. Days without an input are charged one by one, each on what the day before left, so the interest
 * compounds daily. The first input starts the count (no day before it is charged); an input dated before the latest
 * day charges nothing.
 *
 * <p>Business-logic thread; allocation-free.
 */
public final class BorrowingCost {
    /** amount × rate (both fixed-point) / this = a day's charge, fixed-point: 100 % × 365 days × the scale. */
    private static final long DIVISOR = 100L * 365 * FixedPoint.SCALE;

    /** Hears of each day's charges and of a charge that could not be made. */
    public interface Listener {
        /**
         * Book {@code book} paid {@code interest} on borrowed cash at {@code ratePct} a year for the UTC day from
         * {@code dayStartNanos}.
         */
        void charged(int book, long dayStartNanos, long cashBefore, long ratePct, long interest);

        /** Book {@code book} paid {@code fee} on {@code shortValue} of shorts at {@code feePct} a year, likewise. */
        void shortFeeCharged(int book, long dayStartNanos, long shortValue, long feePct, long fee);

        /**
         * A charge of book {@code book} for the day starting at {@code dayStartNanos} would take its cash out of the
         * fixed-point range: nothing was charged, for that day or any later one, until an operator acts.
         */
        void overflow(int book, long dayStartNanos);
    }

    private final Book[] books;
    private final long[] ratePct;
    private final long[] shortFeePct;
    private final boolean[] stopped;
    /** The UTC day (days since the epoch) of the latest input; charges are made up to its start. */
    private long day = Long.MIN_VALUE;
    /** The first nanosecond of the day after {@link #day}: an input before it charges nothing (one compare). */
    private long nextDayStart = Long.MIN_VALUE;

    /** Interest on borrowed cash only (no fee on shorts). */
    public BorrowingCost(final Book[] books, final long[] ratePct) {
        this(books, ratePct, new long[books.length]);
    }

    /**
     * @param books       the books
     * @param ratePct     each book's yearly rate on borrowed cash, fixed-point percent (0 = none)
     * @param shortFeePct each book's yearly fee on the value of its shorts, fixed-point percent (0 = none)
     */
    public BorrowingCost(final Book[] books, final long[] ratePct, final long[] shortFeePct) {
        if (books.length != ratePct.length || books.length != shortFeePct.length) {
            throw new IllegalArgumentException(books.length + " books, " + ratePct.length + " rates, "
                + shortFeePct.length + " short fees");
        }
        this.books = books;
        this.ratePct = ratePct.clone();
        this.shortFeePct = shortFeePct.clone();
        this.stopped = new boolean[books.length];
        for (int b = 0; b < books.length; b++) {
            requireRate(ratePct[b]);
            requireRate(shortFeePct[b]);
        }
    }

    private static void requireRate(final long rate) {
        if (rate < 0) {
            throw new IllegalArgumentException("a borrowing rate must not be negative: " + rate);
        }
    }

    /**
     * An operator's change of book {@code book}'s rate on borrowed cash (0 = none): the days that end after the input
     * that made it are charged at the new rate, the day of the change included (the days are followed whether or not
     * any book pays).
     */
    public void setRate(final int book, final long rate) {
        requireRate(rate);
        ratePct[book] = rate;
    }

    /** An operator's change of book {@code book}'s fee on its shorts (0 = none), as {@link #setRate}. */
    public void setShortFee(final int book, final long fee) {
        requireRate(fee);
        shortFeePct[book] = fee;
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
            if (stopped[b] || (ratePct[b] == 0 && shortFeePct[b] == 0)) {
                continue;
            }
            final Book book = books[b];
            try {
                final long cash = book.cash();
                if (ratePct[b] > 0 && cash < 0) {
                    final long interest = FixedPoint.mulDiv(Math.negateExact(cash), ratePct[b], DIVISOR,
                        RoundingMode.CEILING);
                    book.chargeInterest(interest);
                    listener.charged(b, endedDay * UtcDay.NANOS, cash, ratePct[b], interest);
                }
                final long shortValue = shortFeePct[b] == 0 ? 0 : book.shortValue();
                if (shortValue > 0) {
                    final long fee = FixedPoint.mulDiv(shortValue, shortFeePct[b], DIVISOR, RoundingMode.CEILING);
                    book.chargeShortFee(fee);
                    listener.shortFeeCharged(b, endedDay * UtcDay.NANOS, shortValue, shortFeePct[b], fee);
                }
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
