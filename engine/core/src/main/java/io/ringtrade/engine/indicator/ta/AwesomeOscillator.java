package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExactSum;
import io.ringtrade.engine.indicator.rolling.LongWindowSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code momentum_ao}: SMA(fast) − SMA(slow) of the median price (H + L) / 2, each an exact mean of Σ(H + L) over its
 * window (highs and lows summed apart, so nothing overflows).
 */
final class AwesomeOscillator extends IndicatorNode {
    private final LongWindowSum fastHighs;
    private final LongWindowSum fastLows;
    private final LongWindowSum slowHighs;
    private final LongWindowSum slowLows;
    private final ExactSum scratch = new ExactSum();

    AwesomeOscillator(final int fast, final int slow) {
        fastHighs = new LongWindowSum(fast);
        fastLows = new LongWindowSum(fast);
        slowHighs = new LongWindowSum(slow);
        slowLows = new LongWindowSum(slow);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        fastHighs.push(bar.high);
        fastLows.push(bar.low);
        slowHighs.push(bar.high);
        slowLows.push(bar.low);
        out[at] = median(fastHighs, fastLows) - median(slowHighs, slowLows);
    }

    /** The mean of (H + L) / 2 over a full window, NaN before. */
    private double median(final LongWindowSum highs, final LongWindowSum lows) {
        if (!highs.isFull()) {
            return Double.NaN;
        }
        if (highs.fitsLong() && lows.fitsLong()) {
            final long high = highs.longSum();
            final long low = lows.longSum();
            final long sum = high + low;
            if (((high ^ sum) & (low ^ sum)) >= 0) {
                return ExactSum.meanOf(sum, highs.count(), 2);
            }
        }
        scratch.clear();
        scratch.add(highs.exact());
        scratch.add(lows.exact());
        return scratch.mean(highs.count(), 2);
    }

    @Override
    public void writeState(final StateWriter out) {
        fastHighs.writeState(out);
        fastLows.writeState(out);
        slowHighs.writeState(out);
        slowLows.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        fastHighs.readState(in);
        fastLows.readState(in);
        slowHighs.readState(in);
        slowLows.readState(in);
    }
}
