package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExactSum;
import io.ringtrade.engine.indicator.rolling.LongRing;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/** {@code momentum_ao}: SMA(fast) − SMA(slow) of the median price (H + L) / 2; both sums exact fixed-point integers. */
final class AwesomeOscillator extends IndicatorNode {
    private final int fast;
    private final int slow;
    private final LongRing highs;
    private final LongRing lows;
    private final ExactSum fastSum = new ExactSum();
    private final ExactSum slowSum = new ExactSum();

    AwesomeOscillator(final int fast, final int slow) {
        this.fast = fast;
        this.slow = slow;
        final int longest = Math.max(fast, slow);
        highs = new LongRing(longest);
        lows = new LongRing(longest);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        leave(fastSum, fast);
        leave(slowSum, slow);
        highs.push(bar.high);
        lows.push(bar.low);
        fastSum.add(bar.high);
        fastSum.add(bar.low);
        slowSum.add(bar.high);
        slowSum.add(bar.low);
        final int count = highs.size();
        final double fastMean = count >= fast ? fastSum.mean(fast, 2) : Double.NaN;
        final double slowMean = count >= slow ? slowSum.mean(slow, 2) : Double.NaN;
        out[at] = fastMean - slowMean;
    }

    /** Drops from {@code sum} the bar that leaves a window of {@code n} with the next push. */
    private void leave(final ExactSum sum, final int n) {
        if (highs.size() >= n) {
            sum.subtract(highs.get(n - 1));
            sum.subtract(lows.get(n - 1));
        }
    }

    @Override
    public void writeState(final StateWriter out) {
        highs.writeState(out);
        lows.writeState(out);
        fastSum.writeState(out);
        slowSum.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        highs.readState(in);
        lows.readState(in);
        fastSum.readState(in);
        slowSum.readState(in);
    }
}
