package io.ringtrade.engine.api.strategy;

/**
 * What a decision function sees at the close of one bar of one instrument: the bar's OHLCV, the bars before it, and
 * the indicator columns its strategy declared ({@link Indicators}), all as of this bar (no look-ahead).
 *
 * <p>Columns are read through handles: {@link #get(Column)} is an array read. The parametric accessors
 * ({@link #sma(int)}, {@link #rsi(int)}, ...) find a declared indicator by kind and window; they read an indicator
 * the strategy declared (or, for a strategy that declares nothing, one its first {@code decide} call read), and
 * throw {@link IllegalStateException} for any other. Every value is {@link Double#NaN} until enough bars exist
 * ({@code ta}'s warm-up), and wherever {@code ta} gives NaN.
 *
 * <p>{@code barsAgo} counts back from this bar (0 = this bar); a bar before the first reads NaN; more than the
 * declared {@link Indicators#maxBarsAgo()} throws {@link IllegalArgumentException}.
 *
 * <p>Owned by the business-logic thread; valid only during the {@code decide} call. Reads allocate nothing.
 */
public interface Row {
    /** Bar start time, epoch nanoseconds UTC. */
    long timeNanos();

    /** The instrument's symbol. */
    String symbol();

    /** 0-based index of this bar in the instrument's bar sequence. */
    int barIndex();

    /** Open price. */
    default double open() {
        return open(0);
    }

    /** High price. */
    default double high() {
        return high(0);
    }

    /** Low price. */
    default double low() {
        return low(0);
    }

    /** Close price. */
    default double close() {
        return close(0);
    }

    /** Volume. */
    default double volume() {
        return volume(0);
    }

    /** Open {@code barsAgo} bars before this one. */
    double open(int barsAgo);

    /** High {@code barsAgo} bars before this one. */
    double high(int barsAgo);

    /** Low {@code barsAgo} bars before this one. */
    double low(int barsAgo);

    /** Close {@code barsAgo} bars before this one. */
    double close(int barsAgo);

    /** Volume {@code barsAgo} bars before this one. */
    double volume(int barsAgo);

    /** A declared column at this bar. */
    default double get(final Column column) {
        return get(column, 0);
    }

    /**
     * A declared column {@code barsAgo} bars before this one.
     *
     * @throws IllegalStateException when the column was declared by another strategy's {@link Indicators}
     */
    double get(Column column, int barsAgo);

    /** Simple moving average of closes over {@code n} bars ({@link Indicators#sma}). */
    default double sma(final int n) {
        return sma(n, 0);
    }

    /** {@link #sma(int)} {@code barsAgo} bars before this one. */
    double sma(int n, int barsAgo);

    /** Exponential moving average of closes, {@code ta}'s definition ({@link Indicators#ema}). */
    default double ema(final int n) {
        return ema(n, 0);
    }

    /** {@link #ema(int)} {@code barsAgo} bars before this one. */
    double ema(int n, int barsAgo);

    /** Relative strength index, {@code ta}'s definition; {@code rsi(14)} is {@code momentum_rsi}. */
    default double rsi(final int n) {
        return rsi(n, 0);
    }

    /** {@link #rsi(int)} {@code barsAgo} bars before this one. */
    double rsi(int n, int barsAgo);

    /** Average true range, {@code ta}'s definition ({@link Indicators#atr}). */
    default double atr(final int n) {
        return atr(n, 0);
    }

    /** {@link #atr(int)} {@code barsAgo} bars before this one. */
    double atr(int n, int barsAgo);

    /** Commodity channel index ({@link Indicators#cci}). */
    default double cci(final int n) {
        return cci(n, 0);
    }

    /** {@link #cci(int)} {@code barsAgo} bars before this one. */
    double cci(int n, int barsAgo);

    /** Rate of change in percent ({@link Indicators#roc}). */
    default double roc(final int n) {
        return roc(n, 0);
    }

    /** {@link #roc(int)} {@code barsAgo} bars before this one. */
    double roc(int n, int barsAgo);

    /** Williams %R ({@link Indicators#williamsR}). */
    default double williamsR(final int n) {
        return williamsR(n, 0);
    }

    /** {@link #williamsR(int)} {@code barsAgo} bars before this one. */
    double williamsR(int n, int barsAgo);

    /** Rolling volume-weighted average price ({@link Indicators#vwap}). */
    default double vwap(final int n) {
        return vwap(n, 0);
    }

    /** {@link #vwap(int)} {@code barsAgo} bars before this one. */
    double vwap(int n, int barsAgo);

    /** Money flow index ({@link Indicators#mfi}). */
    default double mfi(final int n) {
        return mfi(n, 0);
    }

    /** {@link #mfi(int)} {@code barsAgo} bars before this one. */
    double mfi(int n, int barsAgo);

    /** On-balance volume ({@link Indicators#obv}). */
    default double obv() {
        return obv(0);
    }

    /** {@link #obv()} {@code barsAgo} bars before this one. */
    double obv(int barsAgo);

    /** True when the strategy's book holds a position in this instrument (long or short). */
    boolean inPosition();

    /**
     * The book's signed position in this instrument at this bar's close (negative = short, 0 = flat), in the
     * instrument's units: a decision function tells an exit from an entry by its sign.
     */
    double position();

    /**
     * This row as a holder of {@code position} would see it: every read the same as this row's, {@link #position()}
     * that value and {@link #inPosition()} whether it is not 0. For a strategy that asks others for decisions about
     * positions of their own (an ensemble's members each reason about their virtual trade, not the book's). The
     * engine's rows keep the views for -1, 0 and 1, so asking for those allocates nothing; any other value gets a
     * new view. Valid, like this row, only during the {@code decide} call.
     */
    default Row withPosition(final double position) {
        return new PositionedRow(this, position);
    }
}
