package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExactSum;
import io.ringtrade.engine.indicator.rolling.LongRing;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volatility_kc*}, {@code ta}'s original Keltner channel: middle = n-bar mean of (H + L + C) / 3 (NaN for the
 * first n − 1 bars), upper/lower = means of (4H − 2L + C) / 3 and (−2H + 4L + C) / 3 over whatever of the last n bars
 * exist (so defined from bar 0), width = (upper − lower) / middle × 100, %b = (C − lower) / (upper − lower), and
 * the 0/1 indicators C > upper, C < lower. All three sums are exact fixed-point integers.
 */
final class KeltnerChannel extends IndicatorNode {
    private final int n;
    private final LongRing highs;
    private final LongRing lows;
    private final LongRing closes;
    private final ExactSum typical = new ExactSum();
    private final ExactSum upper = new ExactSum();
    private final ExactSum lower = new ExactSum();

    KeltnerChannel(final int n) {
        this.n = n;
        highs = new LongRing(n);
        lows = new LongRing(n);
        closes = new LongRing(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (closes.isFull()) {
            apply(highs.oldest(), lows.oldest(), closes.oldest(), -1);
        }
        highs.push(bar.high);
        lows.push(bar.low);
        closes.push(bar.close);
        apply(bar.high, bar.low, bar.close, 1);
        final int count = closes.size();
        final double middle = closes.isFull() ? typical.mean(n, 3) : Double.NaN;
        final double high = upper.mean(count, 3);
        final double low = lower.mean(count, 3);
        out[at] = middle;
        out[at + 1] = high;
        out[at + 2] = low;
        out[at + 3] = ((high - low) / middle) * 100;
        out[at + 4] = (bar.c - low) / (high - low);
        out[at + 5] = bar.c > high ? 1.0 : 0.0;
        out[at + 6] = bar.c < low ? 1.0 : 0.0;
    }

    private void apply(final long h, final long l, final long c, final long sign) {
        typical.addProduct(h, sign);
        typical.addProduct(l, sign);
        typical.addProduct(c, sign);
        upper.addProduct(h, 4 * sign);
        upper.addProduct(l, -2 * sign);
        upper.addProduct(c, sign);
        lower.addProduct(h, -2 * sign);
        lower.addProduct(l, 4 * sign);
        lower.addProduct(c, sign);
    }

    @Override
    public void writeState(final StateWriter out) {
        highs.writeState(out);
        lows.writeState(out);
        closes.writeState(out);
        typical.writeState(out);
        upper.writeState(out);
        lower.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        highs.readState(in);
        lows.readState(in);
        closes.readState(in);
        typical.readState(in);
        upper.readState(in);
        lower.readState(in);
    }
}
