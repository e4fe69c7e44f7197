package io.ringtrade.engine.indicator;

import static io.ringtrade.engine.indicator.Values.AAPL;
import static io.ringtrade.engine.indicator.Values.FLAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.Row;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parametric indicators with parameters other than the columns' against {@code ta}'s own classes called with
 * those parameters ({@code parametric_bitstamp_5m.csv.gz}, made by {@code make_parametric_reference.py} on the
 * Bitstamp 5-minute bars): one definition per indicator, so {@code rsi(7)} is {@code RSIIndicator(close, 7)},
 * {@code keltner(20, 2.5)} is {@code KeltnerChannel(window=20, window_atr=20, multiplier=2.5,
 * original_version=False)}, {@code keltner(20)} the original version. Same rule as the columns: every cell, NaN
 * positions included, within 1e-9 of the column's largest magnitude.
 */
class ParametricReferenceTest {
    @Test
    void shouldGiveTaNumbersForOtherParameters() {
        final TaReference reference = TaReference.load("parametric_bitstamp_5m");
        final Indicators indicators = new Indicators();
        final Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("sma_50", indicators.sma(50));
        columns.put("ema_5", indicators.ema(5));
        columns.put("rsi_7", indicators.rsi(7));
        columns.put("atr_5", indicators.atr(5));
        columns.put("cci_10", indicators.cci(10));
        columns.put("roc_3", indicators.roc(3));
        columns.put("wr_7", indicators.williamsR(7));
        columns.put("vwap_20", indicators.vwap(20));
        columns.put("mfi_7", indicators.mfi(7));
        final Indicators.Bollinger bollinger = indicators.bollinger(10, 1.5);
        columns.put("bb_10_1.5_middle", bollinger.middle());
        columns.put("bb_10_1.5_upper", bollinger.upper());
        columns.put("bb_10_1.5_lower", bollinger.lower());
        columns.put("bb_10_1.5_width", bollinger.width());
        columns.put("bb_10_1.5_percent", bollinger.percentB());
        final Indicators.Macd macd = indicators.macd(5, 35, 5);
        columns.put("macd_5_35_5_line", macd.line());
        columns.put("macd_5_35_5_signal", macd.signal());
        columns.put("macd_5_35_5_histogram", macd.histogram());
        final Indicators.Stochastic stoch = indicators.stoch(5, 2);
        columns.put("stoch_5_2_k", stoch.k());
        columns.put("stoch_5_2_d", stoch.d());
        final Indicators.Adx adx = indicators.adx(7);
        columns.put("adx_7_adx", adx.adx());
        columns.put("adx_7_plus", adx.plusDi());
        columns.put("adx_7_minus", adx.minusDi());
        final Indicators.Donchian donchian = indicators.donchian(10);
        columns.put("donchian_10_lower", donchian.lower());
        columns.put("donchian_10_upper", donchian.upper());
        columns.put("donchian_10_middle", donchian.middle());
        columns.put("donchian_10_width", donchian.width());
        columns.put("donchian_10_percent", donchian.percent());
        final Indicators.Keltner atrKeltner = indicators.keltner(20, 2.5);
        columns.put("keltner_20_2.5_middle", atrKeltner.middle());
        columns.put("keltner_20_2.5_upper", atrKeltner.upper());
        columns.put("keltner_20_2.5_lower", atrKeltner.lower());
        columns.put("keltner_20_2.5_width", atrKeltner.width());
        columns.put("keltner_20_2.5_percent", atrKeltner.percent());
        final Indicators.Keltner keltner = indicators.keltner(20);
        columns.put("keltner_20_middle", keltner.middle());
        columns.put("keltner_20_upper", keltner.upper());
        columns.put("keltner_20_lower", keltner.lower());
        columns.put("keltner_20_width", keltner.width());
        columns.put("keltner_20_percent", keltner.percent());
        assertThat(List.copyOf(columns.keySet())).isEqualTo(List.copyOf(reference.columns.keySet()));

        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, indicators);
        final List<Column> list = List.copyOf(columns.values());
        final double[][] ours = new double[list.size()][reference.size()];
        for (int row = 0; row < reference.size(); row++) {
            reference.feed(bars, row);
            final Row current = bars.row();
            for (int c = 0; c < list.size(); c++) {
                ours[c][row] = current.get(list.get(c));
            }
        }
        TaReferenceTest.assertMatches(reference, ours, reference.columns, 1e-9, (column, row) -> false);
    }
}
