package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExponentialMean;
import io.ringtrade.engine.indicator.rolling.RollingSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/** {@code trend_mass_index}: Σslow of EMA(fast)(H − L) / EMA(fast)(EMA(fast)(H − L)), the EMAs chained. */
final class MassIndex extends IndicatorNode {
    private final ExponentialMean single;
    private final ExponentialMean twice;
    private final RollingSum ratios;

    MassIndex(final int fast, final int slow) {
        single = ExponentialMean.ofSpan(fast);
        twice = ExponentialMean.ofSpan(fast);
        ratios = new RollingSum(slow);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        final double e1 = single.update(bar.h - bar.l);
        final double e2 = twice.update(e1);
        ratios.push(e1 / e2);
        out[at] = ratios.completeSum();
    }

    @Override
    public void writeState(final StateWriter out) {
        single.writeState(out);
        twice.writeState(out);
        ratios.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        single.readState(in);
        twice.readState(in);
        ratios.readState(in);
    }
}
