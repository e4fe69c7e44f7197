package io.ringtrade.engine.indicator;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.IndicatorSpec.Kind;
import io.ringtrade.engine.api.strategy.Row;

/**
 * The {@link Row} view of an {@link InstrumentBars}: always the latest bar. One instance per instrument, reused for
 * every bar; every read is an array read (a parametric accessor first finds its indicator among the few maintained,
 * without allocating). Business-logic thread only.
 */
final class IndicatorRow implements Row {
    private static final double CCI_CONSTANT = 0.015;

    private final InstrumentBars bars;
    /** The {@link #withPosition} views a composite strategy asks for on every bar, made once so it allocates nothing. */
    private final Row asShort;
    private final Row asFlat;
    private final Row asLong;
    /** Whether the strategy read an indicator that was still NaN since {@link #resetWarmUp}: it is warming up. */
    private boolean readNaN;

    IndicatorRow(final InstrumentBars bars) {
        this.bars = bars;
        this.asShort = Row.super.withPosition(-1);
        this.asFlat = Row.super.withPosition(0);
        this.asLong = Row.super.withPosition(1);
    }

    @Override
    public long timeNanos() {
        return bars.start(bars.slotOf(0));
    }

    @Override
    public String symbol() {
        return bars.symbol();
    }

    @Override
    public int barIndex() {
        return (int) bars.latestBar();
    }

    @Override
    public double open(final int barsAgo) {
        final int slot = bars.historySlotOf(barsAgo);
        return slot < 0 ? Double.NaN : FixedPoint.toDouble(bars.open(slot));
    }

    @Override
    public double high(final int barsAgo) {
        final int slot = bars.historySlotOf(barsAgo);
        return slot < 0 ? Double.NaN : FixedPoint.toDouble(bars.high(slot));
    }

    @Override
    public double low(final int barsAgo) {
        final int slot = bars.historySlotOf(barsAgo);
        return slot < 0 ? Double.NaN : FixedPoint.toDouble(bars.low(slot));
    }

    @Override
    public double close(final int barsAgo) {
        if (barsAgo == 0 && bars.barCount() > 0) {
            return noted(bars.latestClose()); // converted once per bar already, for the indicators
        }
        final int slot = bars.historySlotOf(barsAgo);
        return noted(slot < 0 ? Double.NaN : FixedPoint.toDouble(bars.close(slot)));
    }

    @Override
    public double volume(final int barsAgo) {
        final int slot = bars.historySlotOf(barsAgo);
        return slot < 0 ? Double.NaN : FixedPoint.toDouble(bars.volume(slot));
    }

    @Override
    public double get(final Column column) {
        return noted(bars.latestValue(bars.columnIndex(column)));
    }

    @Override
    public double get(final Column column, final int barsAgo) {
        final int index = bars.columnIndex(column);
        return read(index, barsAgo);
    }

    private double read(final int index, final int barsAgo) {
        if (barsAgo == 0) {
            return noted(bars.latestValue(index));
        }
        final int slot = bars.slotOf(barsAgo);
        return noted(slot < 0 ? Double.NaN : bars.value(slot, index));
    }

    private double noted(final double value) {
        if (Double.isNaN(value)) {
            readNaN = true;
        }
        return value;
    }

    /** Forgets what was read: a new decision starts. */
    void resetWarmUp() {
        readNaN = false;
    }

    /** Whether an indicator read since {@link #resetWarmUp} was NaN (still warming up). */
    boolean readNaN() {
        return readNaN;
    }

    private double parametric(final Kind kind, final int window, final double x, final int barsAgo) {
        return read(bars.parametricIndex(kind, window, x), barsAgo);
    }

    @Override
    public double sma(final int n, final int barsAgo) {
        return parametric(Kind.SMA, n, 0, barsAgo);
    }

    @Override
    public double ema(final int n, final int barsAgo) {
        return parametric(Kind.EMA, n, 0, barsAgo);
    }

    @Override
    public double rsi(final int n, final int barsAgo) {
        return parametric(Kind.RSI, n, 0, barsAgo);
    }

    @Override
    public double atr(final int n, final int barsAgo) {
        return parametric(Kind.ATR, n, 0, barsAgo);
    }

    @Override
    public double cci(final int n, final int barsAgo) {
        return parametric(Kind.CCI, n, CCI_CONSTANT, barsAgo);
    }

    @Override
    public double roc(final int n, final int barsAgo) {
        return parametric(Kind.ROC, n, 0, barsAgo);
    }

    @Override
    public double williamsR(final int n, final int barsAgo) {
        return parametric(Kind.WILLIAMS_R, n, 0, barsAgo);
    }

    @Override
    public double vwap(final int n, final int barsAgo) {
        return parametric(Kind.VWAP, n, 0, barsAgo);
    }

    @Override
    public double mfi(final int n, final int barsAgo) {
        return parametric(Kind.MFI, n, 0, barsAgo);
    }

    @Override
    public double obv(final int barsAgo) {
        return parametric(Kind.OBV, 0, 0, barsAgo);
    }

    @Override
    public boolean inPosition() {
        return bars.inPosition();
    }

    @Override
    public double position() {
        return FixedPoint.toDouble(bars.position());
    }

    @Override
    public Row withPosition(final double position) {
        if (position == 0) {
            return asFlat;
        }
        if (position == 1) {
            return asLong;
        }
        return position == -1 ? asShort : Row.super.withPosition(position);
    }

    @Override
    public String toString() {
        return "Row[" + bars.symbol() + " #" + bars.latestBar() + "]";
    }
}
