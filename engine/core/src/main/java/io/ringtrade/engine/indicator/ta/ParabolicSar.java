package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * {@code trend_psar_*}, {@code ta}'s parabolic SAR step by step: starts in an up trend with SAR = close for bars 0 and
 * 1 and extreme points H₀ / L₀; from bar 2 the SAR moves by AF × (EP − SAR), reverses when the bar's low (high)
 * crosses it, and is otherwise clamped to the low (high) two bars back, or else one bar back ({@code ta}'s order,
 * not a min). Outputs: SAR on up bars (NaN on down bars and bars 0–1), SAR on down bars, and 1.0 on the first bar of
 * each up (down) run.
 */
final class ParabolicSar extends IndicatorNode {
    private final double step;
    private final double maxStep;
    private boolean upTrend = true;
    private double acceleration;
    private double upHigh;
    private double downLow;
    private double sar;
    private double high1;
    private double high2;
    private double low1;
    private double low2;
    private boolean wasUp;
    private boolean wasDown;

    ParabolicSar(final double step, final double maxStep) {
        this.step = step;
        this.maxStep = maxStep;
        this.acceleration = step;
    }

    @Override
    public void update(final BarInput bar, final double[] out, final int at) {
        boolean up = false;
        boolean down = false;
        if (bar.index == 0) {
            upHigh = bar.h;
            downLow = bar.l;
            sar = bar.c;
        } else if (bar.index == 1) {
            sar = bar.c;
        } else {
            step(bar);
            up = upTrend;
            down = !upTrend;
        }
        out[at] = up ? sar : Double.NaN;
        out[at + 1] = down ? sar : Double.NaN;
        out[at + 2] = up && !wasUp ? 1.0 : 0.0;
        out[at + 3] = down && !wasDown ? 1.0 : 0.0;
        wasUp = up;
        wasDown = down;
        high2 = high1;
        high1 = bar.h;
        low2 = low1;
        low1 = bar.l;
    }

    private void step(final BarInput bar) {
        boolean reversal = false;
        final double maxHigh = bar.h;
        final double minLow = bar.l;
        final double previous = sar;
        if (upTrend) {
            sar = previous + (acceleration * (upHigh - previous));
            if (minLow < sar) {
                reversal = true;
                sar = upHigh;
                downLow = minLow;
                acceleration = step;
            } else {
                if (maxHigh > upHigh) {
                    upHigh = maxHigh;
                    acceleration = Math.min(acceleration + step, maxStep);
                }
                if (low2 < sar) {
                    sar = low2;
                } else if (low1 < sar) {
                    sar = low1;
                }
            }
        } else {
            sar = previous - (acceleration * (previous - downLow));
            if (maxHigh > sar) {
                reversal = true;
                sar = downLow;
                upHigh = maxHigh;
                acceleration = step;
            } else {
                if (minLow < downLow) {
                    downLow = minLow;
                    acceleration = Math.min(acceleration + step, maxStep);
                }
                if (high2 > sar) {
                    sar = high2;
                } else if (high1 > sar) {
                    sar = high1;
                }
            }
        }
        upTrend = upTrend != reversal;
    }

    @Override
    public void writeState(final StateWriter out) {
        out.writeBoolean(upTrend).writeDouble(acceleration).writeDouble(upHigh).writeDouble(downLow).writeDouble(sar)
            .writeDouble(high1).writeDouble(high2).writeDouble(low1).writeDouble(low2).writeBoolean(wasUp)
            .writeBoolean(wasDown);
    }

    @Override
    public void readState(final StateReader in) {
        upTrend = in.readBoolean();
        acceleration = in.readDouble();
        upHigh = in.readDouble();
        downLow = in.readDouble();
        sar = in.readDouble();
        high1 = in.readDouble();
        high2 = in.readDouble();
        low1 = in.readDouble();
        low2 = in.readDouble();
        wasUp = in.readBoolean();
        wasDown = in.readBoolean();
    }
}
