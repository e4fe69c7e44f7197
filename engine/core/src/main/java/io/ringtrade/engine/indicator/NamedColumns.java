package io.ringtrade.engine.indicator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.Num;

/**
 * The one table of named columns a {@link io.ringtrade.engine.api.strategy.Row} knows: the Python {@code ta}
 * library's column names (its default windows), each defined by a ta4j 0.22.2 indicator. Adding a column is
 * one {@code define} line. Values are NaN during the indicator's ta4j unstable bars.
 *
 * <table>
 * <caption>Columns</caption>
 * <tr><th>name</th><th>definition (ta4j)</th></tr>
 * <tr><td>momentum_rsi</td><td>RSI(close, 14), Wilder smoothing</td></tr>
 * <tr><td>momentum_roc</td><td>ROC(close, 12) = 100 × (close − close[12]) / close[12]</td></tr>
 * <tr><td>momentum_stoch</td><td>%K(14) = 100 × (close − lowest low) / (highest high − lowest low)</td></tr>
 * <tr><td>momentum_stoch_signal</td><td>%D = SMA(%K(14), 3)</td></tr>
 * <tr><td>momentum_wr</td><td>Williams %R(14) = −100 × (highest high − close) / (highest high − lowest low)</td></tr>
 * <tr><td>trend_sma_fast / trend_sma_slow</td><td>SMA(close, 12) / SMA(close, 26)</td></tr>
 * <tr><td>trend_ema_fast / trend_ema_slow</td><td>EMA(close, 12) / EMA(close, 26)</td></tr>
 * <tr><td>trend_macd</td><td>EMA(close, 12) − EMA(close, 26)</td></tr>
 * <tr><td>trend_macd_signal</td><td>EMA(trend_macd, 9)</td></tr>
 * <tr><td>trend_macd_diff</td><td>trend_macd − trend_macd_signal</td></tr>
 * <tr><td>trend_adx</td><td>ADX(14): Wilder-smoothed DX of ±DI(14)</td></tr>
 * <tr><td>trend_cci</td><td>CCI(20) = (TP − SMA(TP, 20)) / (0.015 × mean absolute deviation), TP = (H+L+C)/3</td></tr>
 * <tr><td>volatility_bbm</td><td>SMA(close, 20)</td></tr>
 * <tr><td>volatility_bbh / volatility_bbl</td><td>bbm ± 2 × population standard deviation of 20 closes (ddof 0,
 *     as {@code ta}; ta4j's {@code VarianceIndicator} divides by n)</td></tr>
 * <tr><td>volatility_atr</td><td>ATR(14): Wilder-smoothed (ta4j MMA) true range</td></tr>
 * <tr><td>volume_obv</td><td>on-balance volume: ± volume when the close rises/falls, unchanged when equal, 0 at
 *     the first bar</td></tr>
 * </table>
 *
 * <p>Where {@code ta} and ta4j differ, ta4j wins and only the warm-up differs: ta4j 0.22.2 seeds its EMA/MMA at
 * bar {@code n} with that bar's input (ta seeds EMAs at bar 0 and ATR/ADX with simple means), so EMA, MACD, RSI,
 * ATR and ADX converge to {@code ta}'s values geometrically; ta4j's OBV starts at 0 and ignores unchanged closes
 * where {@code ta} adds the volume, so OBV differs from {@code ta}'s by a running offset.
 *
 * <p>Immutable; safe on any thread. The indicators it builds belong to the series' thread.
 */
public final class NamedColumns {
    private static final Map<String, Function<BarSeries, Indicator<Num>>> DEFINITIONS = new LinkedHashMap<>();

    static {
        define("momentum_rsi", s -> new RSIIndicator(close(s), 14));
        define("momentum_roc", s -> new ROCIndicator(close(s), 12));
        define("momentum_stoch", s -> new StochasticOscillatorKIndicator(s, 14));
        define("momentum_stoch_signal", s -> new StochasticOscillatorDIndicator(new StochasticOscillatorKIndicator(s, 14)));
        define("momentum_wr", s -> new WilliamsRIndicator(s, 14));
        define("trend_sma_fast", s -> new SMAIndicator(close(s), 12));
        define("trend_sma_slow", s -> new SMAIndicator(close(s), 26));
        define("trend_ema_fast", s -> new EMAIndicator(close(s), 12));
        define("trend_ema_slow", s -> new EMAIndicator(close(s), 26));
        define("trend_macd", s -> new MACDIndicator(close(s), 12, 26));
        define("trend_macd_signal", s -> new MACDIndicator(close(s), 12, 26).getSignalLine(9));
        define("trend_macd_diff", s -> new MACDIndicator(close(s), 12, 26).getHistogram(9));
        define("trend_adx", s -> new ADXIndicator(s, 14));
        define("trend_cci", s -> new CCIIndicator(s, 20));
        define("volatility_bbm", s -> bollingerMiddle(s));
        define("volatility_bbh", s -> new BollingerBandsUpperIndicator(bollingerMiddle(s), bollingerDeviation(s)));
        define("volatility_bbl", s -> new BollingerBandsLowerIndicator(bollingerMiddle(s), bollingerDeviation(s)));
        define("volatility_atr", s -> new ATRIndicator(s, 14));
        define("volume_obv", OnBalanceVolumeIndicator::new);
    }

    private NamedColumns() {
    }

    private static void define(final String name, final Function<BarSeries, Indicator<Num>> factory) {
        DEFINITIONS.put(name, factory);
    }

    private static ClosePriceIndicator close(final BarSeries series) {
        return new ClosePriceIndicator(series);
    }

    private static BollingerBandsMiddleIndicator bollingerMiddle(final BarSeries series) {
        return new BollingerBandsMiddleIndicator(new SMAIndicator(close(series), 20));
    }

    private static Indicator<Num> bollingerDeviation(final BarSeries series) {
        return new StandardDeviationIndicator(close(series), 20);
    }

    /** The known column names, in table order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(DEFINITIONS.keySet());
    }

    /** True when {@code name} is a known column. */
    public static boolean isKnown(final String name) {
        return DEFINITIONS.containsKey(name);
    }

    /**
     * A new ta4j indicator for column {@code name} over {@code series}.
     *
     * @throws IllegalArgumentException naming the known columns when {@code name} is not one of them
     */
    public static Indicator<Num> create(final String name, final BarSeries series) {
        final Function<BarSeries, Indicator<Num>> factory = DEFINITIONS.get(name);
        if (factory == null) {
            throw unknown(name);
        }
        return factory.apply(series);
    }

    static IllegalArgumentException unknown(final String name) {
        return new IllegalArgumentException("unknown column '" + name + "'; known columns: " + String.join(", ", names()));
    }
}
