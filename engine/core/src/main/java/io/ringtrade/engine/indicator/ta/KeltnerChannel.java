package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExactSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volatility_kc*}, {@code ta}'s original Keltner channel: middle = n-bar mean of (H + L + C) / 3 (NaN for the
 * first n − 1 bars), upper/lower = means of (4H − 2L + C) / 3 and (−2H + 4L + C) / 3 over whatever of the last n bars
 * exist (so defined from bar 0), width = (upper − lower) / middle × 100, %b = (C − lower) / (upper − lower), and
 * the 0/1 indicators C > upper, C < lower. The bars come from the instrument's {@link BarHistory}.
 *
 * <p>The window sums of H, L and C are kept in plain longs, added and subtracted with wrapping arithmetic: that is
 * exact modulo 2^64, so each equals the true sum whenever the true sum fits. While every price in the window is below
 * 2^59 / n in magnitude (any real price; {@code outsized} counts those that are not), each sum is below 2^59 and the
 * bands' numerators 4H − 2L + C and the others cannot overflow either; otherwise the numerators are formed from the
 * window in 192 bits. Both are the same exact integers, so the values do not depend on which is used.
 */
final class KeltnerChannel extends IndicatorNode {
    private final BarHistory history;
    private final int n;
    /** Prices at or above this magnitude make the long sums unsafe. */
    private final long limit;
    private final ExactSum scratch = new ExactSum();
    private long highSum;
    private long lowSum;
    private long closeSum;
    /** How many of the window's highs, lows and closes are at or above {@link #limit} in magnitude. */
    private int outsized;

    KeltnerChannel(final BarHistory history, final int n) {
        this.history = history;
        this.n = n;
        this.limit = (1L << 59) / n;
        history.need(n + 1);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (bar.index >= n) {
            final int leaving = history.slot(n);
            final long h = history.high(leaving);
            final long l = history.low(leaving);
            final long c = history.close(leaving);
            highSum -= h;
            lowSum -= l;
            closeSum -= c;
            outsized -= outsized(h) + outsized(l) + outsized(c);
        }
        highSum += bar.high;
        lowSum += bar.low;
        closeSum += bar.close;
        outsized += outsized(bar.high) + outsized(bar.low) + outsized(bar.close);
        final boolean full = bar.index >= n - 1;
        final int count = full ? n : (int) bar.index + 1;
        final double middle;
        final double high;
        final double low;
        if (outsized == 0) {
            final long h = highSum;
            final long l = lowSum;
            final long c = closeSum;
            middle = full ? ExactSum.meanOf(h + l + c, n, 3) : Double.NaN;
            high = ExactSum.meanOf(4 * h - 2 * l + c, count, 3);
            low = ExactSum.meanOf(-2 * h + 4 * l + c, count, 3);
        } else {
            middle = full ? combination(1, 1, count).mean(n, 3) : Double.NaN;
            high = combination(4, -2, count).mean(count, 3);
            low = combination(-2, 4, count).mean(count, 3);
        }
        out[at] = middle;
        out[at + 1] = high;
        out[at + 2] = low;
        out[at + 3] = ((high - low) / middle) * 100;
        out[at + 4] = (bar.c - low) / (high - low);
        out[at + 5] = bar.c > high ? 1.0 : 0.0;
        out[at + 6] = bar.c < low ? 1.0 : 0.0;
    }

    private int outsized(final long price) {
        return price >= limit || price <= -limit ? 1 : 0;
    }

    /** Σ(kh·H + kl·L + C) over the window, exactly, from the kept bars (only for prices beyond 2^59 / n). */
    private ExactSum combination(final long kh, final long kl, final int count) {
        scratch.clear();
        for (int i = 0; i < count; i++) {
            final int slot = history.slot(i);
            scratch.addProduct(history.high(slot), kh);
            scratch.addProduct(history.low(slot), kl);
            scratch.add(history.close(slot));
        }
        return scratch;
    }

    @Override
    public void writeState(final StateWriter out) {
        out.writeLong(highSum).writeLong(lowSum).writeLong(closeSum).writeInt(outsized);
    }

    @Override
    public void readState(final StateReader in) {
        highSum = in.readLong();
        lowSum = in.readLong();
        closeSum = in.readLong();
        outsized = in.readInt();
    }
}
