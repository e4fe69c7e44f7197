package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.RollingSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code trend_kst*} with {@code ta}'s lookbacks: R_r = (C − C₋ᵣ) / C₋ᵣ for r = 10, 15, 20, 30; KST = 100 × (SMA10(R10)
 * + 2 SMA10(R15) + 3 SMA10(R20) + 4 SMA15(R30)); signal = the mean of the non-NaN KST values of the last 9 bars;
 * difference = KST − signal.
 *
 * <p>Where {@code ta} has no close r bars back it uses the mean of the <em>whole</em> close column, i.e. future data;
 * here R is NaN there, so KST starts at bar 44 (30 + 15 − 1) instead of 14, and the signal's first 8 values after
 * that average fewer than 9 bars. From bar 52 on every value is {@code ta}'s. The past closes come from the
 * instrument's {@link BarHistory}.
 */
final class KnowSureThing extends CloseOnlyNode {
    private static final int[] LOOKBACKS = {10, 15, 20, 30};
    private static final int[] WINDOWS = {10, 10, 10, 15};
    private static final int SIGNAL = 9;

    private final BarHistory history;
    private final RollingSum[] rates = new RollingSum[LOOKBACKS.length];
    private final RollingSum signal = new RollingSum(SIGNAL);

    KnowSureThing(final BarHistory history) {
        this.history = history;
        history.need(LOOKBACKS[LOOKBACKS.length - 1] + 1);
        for (int i = 0; i < LOOKBACKS.length; i++) {
            rates[i] = new RollingSum(WINDOWS[i]);
        }
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        for (int i = 0; i < LOOKBACKS.length; i++) {
            final int r = LOOKBACKS[i];
            double rate = Double.NaN;
            if (bar.index >= r) {
                final double past = history.closeValue(history.slot(r));
                rate = (bar.c - past) / past;
            }
            rates[i].push(rate);
        }
        final double kst = 100 * (rates[0].mean() + 2 * rates[1].mean() + 3 * rates[2].mean() + 4 * rates[3].mean());
        signal.push(kst);
        final double signalValue = signal.meanOfPresent();
        out[at] = kst;
        out[at + 1] = signalValue;
        out[at + 2] = kst - signalValue;
    }

    @Override
    public void writeState(final StateWriter out) {
        for (final RollingSum rate : rates) {
            rate.writeState(out);
        }
        signal.writeState(out);
    }

    @Override
    public void readState(final StateReader in) {
        for (final RollingSum rate : rates) {
            rate.readState(in);
        }
        signal.readState(in);
    }
}
