package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code others_dr} (100 (C / C₋₁ − 1)), {@code others_dlr} (100 (ln C − ln C₋₁), with {@link StrictMath} so that
 * every JVM gives the same bits) or {@code others_cr} (100 (C / C₀ − 1), 0 at bar 0), one per node.
 */
final class Returns extends CloseOnlyNode {
    /** Which return. */
    enum Kind { DAILY, DAILY_LOG, CUMULATIVE }

    private final Kind kind;
    private double previousClose = Double.NaN;
    private double previousLog = Double.NaN;
    private double firstClose = Double.NaN;

    Returns(final Kind kind) {
        this.kind = kind;
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        switch (kind) {
            case DAILY -> {
                double value = (bar.c / previousClose) - 1;
                value *= 100;
                out[at] = value;
                previousClose = bar.c;
            }
            case DAILY_LOG -> {
                final double log = StrictMath.log(bar.c);
                double value = log - previousLog;
                value *= 100;
                out[at] = value;
                previousLog = log;
            }
            case CUMULATIVE -> {
                if (bar.index == 0) {
                    firstClose = bar.c;
                }
                double value = (bar.c / firstClose) - 1;
                value *= 100;
                out[at] = value;
            }
            default -> throw new IllegalStateException("unknown return kind " + kind);
        }
    }

    @Override
    public void writeState(final StateWriter out) {
        out.writeDouble(previousClose).writeDouble(previousLog).writeDouble(firstClose);
    }

    @Override
    public void readState(final StateReader in) {
        previousClose = in.readDouble();
        previousLog = in.readDouble();
        firstClose = in.readDouble();
    }
}
