package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.LongWindowSum;
import io.ringtrade.engine.indicator.rolling.RollingSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code volume_cmf}: Σn(CLV × V) / Σn V. The volume sum is exact; the money-flow sum is a drift-free window sum.
 */
final class ChaikinMoneyFlow extends IndicatorNode {
    private final RollingSum flow;
    private final LongWindowSum volume;

    ChaikinMoneyFlow(final int n) {
        flow = new RollingSum(n);
        volume = new LongWindowSum(n);
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        flow.push(AccumulationDistribution.closeLocationValue(bar) * bar.v);
        volume.push(bar.volume);
        out[at] = volume.isFull() ? flow.completeSum() / volume.total() : Double.NaN;
    }

    @Override
    public void writeState(final StateWriter out) {
        flow.writeState(out);
        volume.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        flow.readState(in);
        volume.readState(in);
    }
}
