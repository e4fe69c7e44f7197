package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExactSum;
import io.ringtrade.engine.indicator.rolling.LongRing;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volatility_kc*}, {@code ta}'s original Keltner channel: middle = n-bar mean of (H + L + C) / 3 (NaN for the
 * first n − 1 bars), upper/lower = means of (4H − 2L + C) / 3 and (−2H + 4L + C) / 3 over whatever of the last n bars
 * exist (so defined from bar 0), width = (upper − lower) / middle × 100, %b = (C − lower) / (upper − lower), and
 * the 0/1 indicators C > upper, C < lower. The window sums of H, L and C are exact fixed-point integers and the
 * bands' numerators are formed from them exactly (in a long for any real price, otherwise from the window in
 * 192 bits).
 */
final class KeltnerChannel extends IndicatorNode {
    private final int n;
    private final LongRing highs;
    private final LongRing lows;
    private final LongRing closes;
    private final ExactSum highSum = new ExactSum();
    private final ExactSum lowSum = new ExactSum();
    private final ExactSum closeSum = new ExactSum();
    private final ExactSum scratch = new ExactSum();

    KeltnerChannel(final int n) {
        this.n = n;
        highs = new LongRing(n);
        lows = new LongRing(n);
        closes = new LongRing(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (closes.isFull()) {
            highSum.subtract(highs.oldest());
            lowSum.subtract(lows.oldest());
            closeSum.subtract(closes.oldest());
        }
        highs.push(bar.high);
        lows.push(bar.low);
        closes.push(bar.close);
        highSum.add(bar.high);
        lowSum.add(bar.low);
        closeSum.add(bar.close);
        final int count = closes.size();
        final double middle;
        final double high;
        final double low;
        if (highSum.fitsLong() && lowSum.fitsLong() && closeSum.fitsLong() && ((Math.abs(highSum.longValue())
            | Math.abs(lowSum.longValue()) | Math.abs(closeSum.longValue())) >>> 59) == 0) {
            // each below 2^59 in magnitude, so 4H − 2L + C and the others cannot overflow a long
            final long h = highSum.longValue();
            final long l = lowSum.longValue();
            final long c = closeSum.longValue();
            middle = closes.isFull() ? ExactSum.meanOf(h + l + c, n, 3) : Double.NaN;
            high = ExactSum.meanOf(4 * h - 2 * l + c, count, 3);
            low = ExactSum.meanOf(-2 * h + 4 * l + c, count, 3);
        } else {
            middle = closes.isFull() ? combination(1, 1, count).mean(n, 3) : Double.NaN;
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

    /** Σ(kh·H + kl·L + C) over the window, exactly, from the kept bars (only for prices beyond 2^59 / n). */
    private ExactSum combination(final long kh, final long kl, final int count) {
        scratch.clear();
        for (int i = 0; i < count; i++) {
            scratch.addProduct(highs.get(i), kh);
            scratch.addProduct(lows.get(i), kl);
            scratch.add(closes.get(i));
        }
        return scratch;
    }

    @Override
    public void writeState(final StateWriter out) {
        highs.writeState(out);
        lows.writeState(out);
        closes.writeState(out);
        highSum.writeState(out);
        lowSum.writeState(out);
        closeSum.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        highs.readState(in);
        lows.readState(in);
        closes.readState(in);
        highSum.readState(in);
        lowSum.readState(in);
        closeSum.readState(in);
    }
}
