package io.ringtrade.engine.indicator;

import static io.ringtrade.engine.indicator.Values.AAPL;
import static io.ringtrade.engine.indicator.Values.FLAT;
import static io.ringtrade.engine.indicator.Values.assertIdentical;
import static io.ringtrade.engine.indicator.Values.assertSame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Row;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.Num;

/** Named {@code ta} columns through {@link Row#get}, against ta4j 0.22.2 driven directly over the full series. */
class NamedColumnsTest {
    private static final double TOLERANCE = 1e-9;

    private final AppleBars apple = AppleBars.load();

    /** The reference: each column written out again from its {@code ta} definition with ta4j, full series. */
    private static Map<String, Indicator<Num>> reference(final BarSeries series) {
        final ClosePriceIndicator close = new ClosePriceIndicator(series);
        final MACDIndicator macd = new MACDIndicator(close, 12, 26);
        final SMAIndicator bbm = new SMAIndicator(close, 20);
        final StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        final StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(series, 14);
        final Map<String, Indicator<Num>> columns = new LinkedHashMap<>();
        columns.put("momentum_rsi", new RSIIndicator(close, 14));
        columns.put("momentum_roc", new ROCIndicator(close, 12));
        columns.put("momentum_stoch", k);
        columns.put("momentum_stoch_signal", new SMAIndicator(k, 3));
        columns.put("momentum_wr", new WilliamsRIndicator(series, 14));
        columns.put("trend_sma_fast", new SMAIndicator(close, 12));
        columns.put("trend_sma_slow", new SMAIndicator(close, 26));
        columns.put("trend_ema_fast", new EMAIndicator(close, 12));
        columns.put("trend_ema_slow", new EMAIndicator(close, 26));
        columns.put("trend_macd", macd);
        columns.put("trend_macd_signal", new EMAIndicator(macd, 9));
        columns.put("trend_macd_diff", macd.getHistogram(9));
        columns.put("trend_adx", new ADXIndicator(series, 14));
        columns.put("trend_cci", new CCIIndicator(series, 20));
        columns.put("volatility_bbm", bbm);
        columns.put("volatility_bbh", NumericIndicator.of(bbm).plus(NumericIndicator.of(sd).multipliedBy(2)));
        columns.put("volatility_bbl", NumericIndicator.of(bbm).minus(NumericIndicator.of(sd).multipliedBy(2)));
        columns.put("volatility_atr", new ATRIndicator(series, 14));
        columns.put("volume_obv", new OnBalanceVolumeIndicator(series));
        return columns;
    }

    private static double expected(final Indicator<Num> indicator, final int index) {
        return index < indicator.getCountOfUnstableBars() ? Double.NaN : Values.ta4j(indicator, index);
    }

    @Test
    void shouldKnowExactlyTheColumnsOfTheReference() {
        assertThat(NamedColumns.names()).containsExactlyElementsOf(reference(apple.ta4jSeries()).keySet());
    }

    @Test
    void shouldMatchTa4jForEveryColumnAtEveryBar() {
        assertMatchesReference(apple, 0);
    }

    @Test
    void shouldMatchUnboundedTa4jAfterTheSeriesWindowHasWrapped() {
        // 1260 bars through a series bounded to 1024 bars: ta4j's bounded caches must not change any value.
        final AppleBars longer = apple.forwardAndBack(5);
        assertThat(longer.size()).isGreaterThan(Ta4jColumns.WINDOW);
        assertMatchesReference(longer, 0);
    }

    @Test
    void shouldGiveTheSameValuesWhenFirstAskedForLate() {
        assertMatchesReference(apple, 180);
    }

    private static void assertMatchesReference(final AppleBars data, final int askAtBar) {
        final Map<String, Indicator<Num>> reference = reference(data.ta4jSeries());
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        data.feed(bars, 0, askAtBar);
        for (int t = askAtBar; t < data.size(); t++) {
            data.feed(bars, t);
            for (final Map.Entry<String, Indicator<Num>> column : reference.entrySet()) {
                final String name = column.getKey();
                assertSame(bars.row().get(name), expected(column.getValue(), t), TOLERANCE, name + " at " + t);
                if (t == askAtBar) {
                    for (int ago = 1; ago <= t; ago++) {
                        assertSame(bars.row().get(name, ago), expected(column.getValue(), t - ago), TOLERANCE,
                            name + " " + ago + " bars before " + t);
                    }
                }
            }
        }
        for (final String name : reference.keySet()) {
            assertThat(bars.row().get(name)).as(name + " at the last bar").isNotNaN();
        }
    }

    @Test
    void shouldComputeAColumnAddedToAnExistingSeriesFromItsWindow() {
        final Map<String, Indicator<Num>> reference = reference(apple.ta4jSeries());
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        apple.feed(bars, 0);
        bars.row().get("momentum_rsi");
        apple.feed(bars, 1, 150);
        assertSame(bars.row().get("trend_macd_signal"), expected(reference.get("trend_macd_signal"), 149), TOLERANCE, "signal");
        apple.feed(bars, 150, apple.size());
        for (int ago = 0; ago < apple.size(); ago++) {
            final int bar = apple.size() - 1 - ago;
            assertSame(bars.row().get("trend_macd_signal", ago), expected(reference.get("trend_macd_signal"), bar), TOLERANCE,
                "signal at " + bar);
            assertSame(bars.row().get("momentum_rsi", ago), expected(reference.get("momentum_rsi"), bar), TOLERANCE,
                "rsi at " + bar);
        }
    }

    @Test
    void shouldUsePopulationStandardDeviationForBollingerBandsAsTheTaLibraryDoes() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        apple.feed(bars, 0, apple.size());
        final int last = apple.size() - 1;
        double mean = 0;
        for (int i = last - 19; i <= last; i++) {
            mean += FixedPoint.toDouble(apple.close[i]) / 20;
        }
        double squares = 0;
        for (int i = last - 19; i <= last; i++) {
            final double deviation = FixedPoint.toDouble(apple.close[i]) - mean;
            squares += deviation * deviation;
        }
        final double populationSd = Math.sqrt(squares / 20); // ddof = 0, pandas' std(ddof=0) in ta
        final Row row = bars.row();
        assertThat(row.get("volatility_bbm")).isCloseTo(mean, within(TOLERANCE));
        assertThat(row.get("volatility_bbh")).isCloseTo(mean + 2 * populationSd, within(TOLERANCE));
        assertThat(row.get("volatility_bbl")).isCloseTo(mean - 2 * populationSd, within(TOLERANCE));
    }

    @Test
    void shouldBeNaNUntilTheColumnsUnstableBarsHavePassed() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        apple.feed(bars, 0, 19);
        assertThat(bars.row().get("volatility_bbm")).isNaN();
        assertThat(bars.row().get("trend_sma_fast")).isNotNaN();
        apple.feed(bars, 19);
        assertThat(bars.row().get("volatility_bbm")).isNotNaN();
        assertThat(bars.row().get("volatility_bbm", 1)).isNaN();
    }

    @Test
    void shouldNameTheKnownColumnsWhenAskedForAnUnknownOne() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        apple.feed(bars, 0);
        assertThatThrownBy(() -> bars.row().get("momentum_rsx"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("momentum_rsx")
            .hasMessageContaining("momentum_rsi")
            .hasMessageContaining("volume_obv")
            .hasMessageContaining("volatility_bbh");
    }

    @Test
    void shouldReturnTheSameValueWhenAskedTwiceAtOneBar() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        apple.feed(bars, 0, 100);
        final double first = bars.row().get("trend_adx");
        assertIdentical(bars.row().get("trend_adx"), first, "cached");
    }
}
