package io.ringtrade.engine.api.strategy;

/**
 * {@link Row#withPosition}'s view: {@code row}'s reads, with {@code position} as the position. Immutable; valid while
 * {@code row} is. Business-logic thread.
 */
record PositionedRow(Row row, double position) implements Row {
    PositionedRow {
        if (!Double.isFinite(position)) {
            throw new IllegalArgumentException("a row's position must be a finite number, got " + position);
        }
    }

    @Override
    public boolean inPosition() {
        return position != 0;
    }

    @Override
    public long timeNanos() {
        return row.timeNanos();
    }

    @Override
    public String symbol() {
        return row.symbol();
    }

    @Override
    public int barIndex() {
        return row.barIndex();
    }

    @Override
    public double open(final int barsAgo) {
        return row.open(barsAgo);
    }

    @Override
    public double high(final int barsAgo) {
        return row.high(barsAgo);
    }

    @Override
    public double low(final int barsAgo) {
        return row.low(barsAgo);
    }

    @Override
    public double close(final int barsAgo) {
        return row.close(barsAgo);
    }

    @Override
    public double volume(final int barsAgo) {
        return row.volume(barsAgo);
    }

    @Override
    public double get(final Column column, final int barsAgo) {
        return row.get(column, barsAgo);
    }

    @Override
    public double sma(final int n, final int barsAgo) {
        return row.sma(n, barsAgo);
    }

    @Override
    public double ema(final int n, final int barsAgo) {
        return row.ema(n, barsAgo);
    }

    @Override
    public double rsi(final int n, final int barsAgo) {
        return row.rsi(n, barsAgo);
    }

    @Override
    public double atr(final int n, final int barsAgo) {
        return row.atr(n, barsAgo);
    }

    @Override
    public double cci(final int n, final int barsAgo) {
        return row.cci(n, barsAgo);
    }

    @Override
    public double roc(final int n, final int barsAgo) {
        return row.roc(n, barsAgo);
    }

    @Override
    public double williamsR(final int n, final int barsAgo) {
        return row.williamsR(n, barsAgo);
    }

    @Override
    public double vwap(final int n, final int barsAgo) {
        return row.vwap(n, barsAgo);
    }

    @Override
    public double mfi(final int n, final int barsAgo) {
        return row.mfi(n, barsAgo);
    }

    @Override
    public double obv(final int barsAgo) {
        return row.obv(barsAgo);
    }

    @Override
    public Row withPosition(final double other) {
        return row.withPosition(other); // the underlying row's kept views, not a view of a view
    }
}
