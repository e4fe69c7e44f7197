package io.ringtrade.engine.indicator;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Row;

/**
 * The {@link Row} view of an {@link InstrumentBars}: always the latest bar. One instance per instrument, reused
 * for every bar; reads of OHLCV and of native indicators allocate nothing. Business-logic thread only.
 */
final class IndicatorRow implements Row {
    private final InstrumentBars bars;
    /** Whether the strategy read an indicator that was still NaN since {@link #resetWarmUp}: it is warming up. */
    private boolean readNaN;

    IndicatorRow(final InstrumentBars bars) {
        this.bars = bars;
    }

    @Override
    public long timeNanos() {
        return bars.history().startNanos(bars.latestBar());
    }

    @Override
    public String symbol() {
        return bars.symbol();
    }

    @Override
    public int barIndex() {
        return bars.latestBar();
    }

    @Override
    public double open() {
        return FixedPoint.toDouble(bars.history().open(bars.latestBar()));
    }

    @Override
    public double high() {
        return FixedPoint.toDouble(bars.history().high(bars.latestBar()));
    }

    @Override
    public double low() {
        return FixedPoint.toDouble(bars.history().low(bars.latestBar()));
    }

    @Override
    public double close() {
        return FixedPoint.toDouble(bars.history().close(bars.latestBar()));
    }

    @Override
    public double volume() {
        return FixedPoint.toDouble(bars.history().volume(bars.latestBar()));
    }

    @Override
    public double close(final int barsAgo) {
        return noted(bars.close(barsAgo));
    }

    @Override
    public double get(final String column) {
        return noted(bars.column(column, 0));
    }

    @Override
    public double get(final String column, final int barsAgo) {
        return noted(bars.column(column, barsAgo));
    }

    @Override
    public double sma(final int period, final int barsAgo) {
        return noted(bars.indicator(NativeIndicator.Kind.SMA, period, barsAgo));
    }

    @Override
    public double ema(final int period, final int barsAgo) {
        return noted(bars.indicator(NativeIndicator.Kind.EMA, period, barsAgo));
    }

    @Override
    public double rsi(final int period, final int barsAgo) {
        return noted(bars.indicator(NativeIndicator.Kind.RSI, period, barsAgo));
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

    @Override
    public boolean inPosition() {
        return bars.inPosition();
    }

    @Override
    public String toString() {
        return "Row[" + bars.symbol() + " #" + bars.latestBar() + "]";
    }
}
