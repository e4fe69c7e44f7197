package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExactSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code momentum_ao}: SMA(fast) − SMA(slow) of the median price (H + L) / 2, each an exact mean of Σ(H + L) over its
 * window. The bars come from the instrument's {@link BarHistory}. Each Σ(H + L) is kept in a plain {@code long} with
 * wrapping arithmetic (exact modulo 2^64, so the true sum whenever that fits); while every high and low in the window
 * is below 2^61 / n in magnitude (any real price) it must fit, otherwise it is recomputed from the window in 192 bits.
 * Both are the same exact integer.
 */
final class AwesomeOscillator extends IndicatorNode {
    private final BarHistory history;
    private final int fast;
    private final int slow;
    private final long fastLimit;
    private final long slowLimit;
    private final ExactSum scratch = new ExactSum();
    private long fastSum;
    private long slowSum;
    /** How many highs and lows in each window reach its limit in magnitude. */
    private int fastOutsized;
    private int slowOutsized;

    AwesomeOscillator(final BarHistory history, final int fast, final int slow) {
        this.history = history;
        this.fast = fast;
        this.slow = slow;
        fastLimit = (1L << 61) / fast;
        slowLimit = (1L << 61) / slow;
        history.need(Math.max(fast, slow) + 1);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        if (bar.index >= fast) {
            final int leaving = history.slot(fast);
            final long h = history.high(leaving);
            final long l = history.low(leaving);
            fastSum -= h + l;
            fastOutsized -= outsized(h, fastLimit) + outsized(l, fastLimit);
        }
        if (bar.index >= slow) {
            final int leaving = history.slot(slow);
            final long h = history.high(leaving);
            final long l = history.low(leaving);
            slowSum -= h + l;
            slowOutsized -= outsized(h, slowLimit) + outsized(l, slowLimit);
        }
        fastSum += bar.high + bar.low;
        fastOutsized += outsized(bar.high, fastLimit) + outsized(bar.low, fastLimit);
        slowSum += bar.high + bar.low;
        slowOutsized += outsized(bar.high, slowLimit) + outsized(bar.low, slowLimit);
        out[at] = median(bar, fast, fastSum, fastOutsized) - median(bar, slow, slowSum, slowOutsized);
    }

    private static int outsized(final long price, final long limit) {
        return price >= limit || price <= -limit ? 1 : 0;
    }

    /** The mean of (H + L) / 2 over a full window of {@code n} bars, NaN before. */
    private double median(final BarInput bar, final int n, final long sum, final int outsizedPrices) {
        if (bar.index < n - 1) {
            return Double.NaN;
        }
        if (outsizedPrices == 0) {
            return ExactSum.meanOf(sum, n, 2);
        }
        scratch.clear();
        for (int ago = 0; ago < n; ago++) {
            final int slot = history.slot(ago);
            scratch.add(history.high(slot));
            scratch.add(history.low(slot));
        }
        return scratch.mean(n, 2);
    }

    @Override
    public void writeState(final StateWriter out) {
        out.writeLong(fastSum).writeLong(slowSum).writeInt(fastOutsized).writeInt(slowOutsized);
    }

    @Override
    public void readState(final StateReader in) {
        fastSum = in.readLong();
        slowSum = in.readLong();
        fastOutsized = in.readInt();
        slowOutsized = in.readInt();
    }
}
