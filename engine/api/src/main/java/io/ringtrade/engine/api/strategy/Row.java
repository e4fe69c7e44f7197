package io.ringtrade.engine.api.strategy;

/**
 * What a decision function sees at the close of one bar of one instrument: the bar's OHLCV and technical
 * indicators over the instrument's bars so far. Indicators are computed lazily (only those a strategy asks
 * for) and cached per bar.
 *
 * <p>Named columns follow the Python {@code ta} library ({@code momentum_rsi}, {@code trend_macd_diff},
 * {@code volatility_bbh}, ...; {@link #get(String)} lists the names it knows when given an unknown one).
 * Parametric accessors ({@link #sma(int)}, ...) take the period. Every indicator returns {@link Double#NaN}
 * until enough bars exist to compute it ("no decision until both averages exist").
 *
 * <p>Owned by the business-logic thread; valid only during the {@code decide} call.
 */
public interface Row {
    /** Bar start time, epoch nanoseconds UTC. */
    long timeNanos();

    /** The instrument's symbol. */
    String symbol();

    /** 0-based index of this bar in the instrument's bar sequence. */
    int barIndex();

    /** Open price. */
    double open();

    /** High price. */
    double high();

    /** Low price. */
    double low();

    /** Close price. */
    double close();

    /** Volume. */
    double volume();

    /** Close {@code barsAgo} bars before this one (0 = this bar), NaN before the first bar. */
    double close(int barsAgo);

    /** A named {@code ta}-library column at this bar. */
    double get(String column);

    /** A named column {@code barsAgo} bars before this one. */
    double get(String column, int barsAgo);

    /** Simple moving average of closes over {@code period} bars. */
    default double sma(final int period) {
        return sma(period, 0);
    }

    /** Simple moving average {@code barsAgo} bars before this one. */
    double sma(int period, int barsAgo);

    /**
     * Exponential moving average of closes, ta4j 0.22.2's definition: NaN for bars 0..period−1, seeded with the
     * close of bar {@code period}, then prev + (close − prev) × 2 / (period + 1).
     */
    default double ema(final int period) {
        return ema(period, 0);
    }

    /** Exponential moving average {@code barsAgo} bars before this one. */
    double ema(int period, int barsAgo);

    /** Wilder's relative strength index of closes (ta4j's definition). */
    default double rsi(final int period) {
        return rsi(period, 0);
    }

    /** RSI {@code barsAgo} bars before this one. */
    double rsi(int period, int barsAgo);

    /** True when the strategy's book holds a position in this instrument (long or short). */
    boolean inPosition();
}
