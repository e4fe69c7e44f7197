package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The exact sum of the last {@code n} fixed-point values pushed, e.g. the closes of an SMA window: it never drifts
 * and never overflows. The sum is kept in a plain {@code long} while it fits (any real window of real prices);
 * the first time an addition or subtraction would overflow, it is recomputed from the window into an
 * {@link ExactSum} (192 bits) and stays there. Both give the same exact integer, so the results do not depend on
 * which is used. Business-logic thread only; allocation-free.
 */
public final class LongWindowSum {
    private final int n;
    /** n × 1e8 as a double, {@link #mean}'s denominator, formed once (see {@link ExactSum#meanOf}). */
    private final double meanDenominator;
    private final LongRing window;
    private final ExactSum wideSum = new ExactSum();
    private long sum;
    private boolean wide;
    /** The value the latest push dropped (0 when none); not part of the state: read only after a push. */
    private long leaving;

    /** A window of {@code n} values. */
    public LongWindowSum(final int n) {
        this.n = n;
        this.meanDenominator = (double) n * FixedPoint.SCALE;
        this.window = new LongRing(n);
    }

    /** Pushes {@code value}, dropping the value {@code n} pushes old. */
    public void push(final long value) {
        final long leaving = window.isFull() ? window.oldest() : 0;
        this.leaving = leaving;
        window.push(value);
        if (wide) {
            wideSum.subtract(leaving);
            wideSum.add(value);
            return;
        }
        final long less = sum - leaving;
        final long more = less + value;
        // overflow of a − b: a and b differ in sign and the result's sign differs from a's; of a + b: both operands'
        // signs differ from the result's
        if ((((sum ^ leaving) & (sum ^ less)) | ((less ^ more) & (value ^ more))) < 0) {
            wide = true;
            wideSum.clear();
            for (int i = 0; i < window.size(); i++) {
                wideSum.add(window.get(i));
            }
            return;
        }
        sum = more;
    }

    /**
     * The value the latest {@link #push} dropped from the window, 0 when it dropped none (the window was not full).
     * Only meaningful after a push since construction or restore.
     */
    public long leaving() {
        return leaving;
    }

    /** True once {@code n} values are in the window. */
    public boolean isFull() {
        return window.isFull();
    }

    /** Values in the window. */
    public int count() {
        return window.size();
    }

    /** The mean of a full window in price units (see {@link ExactSum#mean}), NaN before. */
    public double mean() {
        if (!window.isFull()) {
            return Double.NaN;
        }
        return wide ? wideSum.mean(n, 1) : ExactSum.meanOf(sum, n, 1, meanDenominator);
    }

    /** The sum in price units (fixed-point units / 1e8), correctly rounded while below 2^53 units. */
    public double total() {
        return wide ? wideSum.mean(1, 1) : ExactSum.meanOf(sum, 1, 1);
    }

    /** The sum in fixed-point units as a double (for ratios of two sums, where the scale cancels). */
    public double units() {
        return wide ? wideSum.toDouble() : sum;
    }

    /** True while the sum is kept in a long ({@link #longSum()}). */
    public boolean fitsLong() {
        return !wide;
    }

    /** The sum, when {@link #fitsLong()}. */
    public long longSum() {
        return sum;
    }

    /** The sum as an {@link ExactSum} (a view: valid until the next push). */
    public ExactSum exact() {
        if (!wide) {
            wideSum.clear();
            wideSum.add(sum);
        }
        return wideSum;
    }

    /** The window's values. */
    public LongRing values() {
        return window;
    }

    /** Writes the window and its sum. */
    public void writeState(final StateWriter out) {
        window.writeState(out);
        out.writeBoolean(wide).writeLong(sum);
        if (wide) {
            wideSum.writeState(out);
        }
    }

    /** Reads what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        window.readState(in);
        wide = in.readBoolean();
        sum = in.readLong();
        if (wide) {
            wideSum.readState(in);
        } else {
            wideSum.clear();
        }
    }
}
