package io.ringtrade.engine.indicator;

import static io.ringtrade.engine.indicator.Values.AAPL;
import static io.ringtrade.engine.indicator.Values.FLAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.IndicatorSpec;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * What a strategy sees: declared columns through handles, parametric accessors with the columns' definitions,
 * history reads, and the refusals (unknown names at declaration with the close matches, undeclared reads, reads too
 * far back). Apple's 2013 daily bars.
 */
class RowTest {
    private final AppleBars apple = AppleBars.load();

    @Test
    void shouldReadTheBarAndEarlierBars() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, new Indicators());
        apple.feed(bars, 0, 3);
        final Row row = bars.row();
        assertThat(row.barIndex()).isEqualTo(2);
        assertThat(row.symbol()).isEqualTo("AAPL");
        assertThat(row.timeNanos()).isEqualTo(apple.start[2]);
        assertThat(row.close()).isEqualTo(FixedPoint.toDouble(apple.close[2]));
        assertThat(row.open(1)).isEqualTo(FixedPoint.toDouble(apple.open[1]));
        assertThat(row.high(2)).isEqualTo(FixedPoint.toDouble(apple.high[0]));
        assertThat(row.low(0)).isEqualTo(FixedPoint.toDouble(apple.low[2]));
        assertThat(row.volume(1)).isEqualTo(FixedPoint.toDouble(apple.volume[1]));
        assertThat(row.close(3)).as("before the first bar").isNaN();
        assertThat(row.inPosition()).isFalse();
    }

    @Test
    void shouldGiveTheColumnsValuesThroughTheParametricAccessors() {
        final Indicators indicators = new Indicators();
        final Column rsi = indicators.column("momentum_rsi");
        final Column emaFast = indicators.column("trend_ema_fast");
        final Column smaSlow = indicators.column("trend_sma_slow");
        final Column atr = indicators.column("volatility_atr");
        final Column cci = indicators.column("trend_cci");
        final Column roc = indicators.column("momentum_roc");
        final Column wr = indicators.column("momentum_wr");
        final Column vwap = indicators.column("volume_vwap");
        final Column obv = indicators.column("volume_obv");
        final Column mfi = indicators.column("volume_mfi");
        final Column bbh = indicators.column("volatility_bbh");
        final Column macdDiff = indicators.column("trend_macd_diff");
        final Column stochSignal = indicators.column("momentum_stoch_signal");
        final Column adxNeg = indicators.column("trend_adx_neg");
        final Column dcp = indicators.column("volatility_dcp");
        final Column kcl = indicators.column("volatility_kcl");
        final int width = indicators.width();
        final Indicators.Bollinger bollinger = indicators.bollinger(20, 2);
        final Indicators.Macd macd = indicators.macd(12, 26, 9);
        final Indicators.Stochastic stoch = indicators.stoch(14, 3);
        final Indicators.Adx adx = indicators.adx(14);
        final Indicators.Donchian donchian = indicators.donchian(20);
        final Indicators.Keltner keltner = indicators.keltner(10);
        final Column rsiHandle = indicators.rsi(14);
        assertThat(indicators.width()).as("the same indicators: no new slots").isEqualTo(width);
        assertThat(rsiHandle.slot()).isEqualTo(rsi.slot());

        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, indicators);
        for (int t = 0; t < apple.size(); t++) {
            apple.feed(bars, t);
            final Row row = bars.row();
            same(row, r -> r.rsi(14), r -> r.get(rsi));
            same(row, r -> r.ema(12), r -> r.get(emaFast));
            same(row, r -> r.sma(26), r -> r.get(smaSlow));
            same(row, r -> r.atr(10), r -> r.get(atr));
            same(row, r -> r.cci(20), r -> r.get(cci));
            same(row, r -> r.roc(12), r -> r.get(roc));
            same(row, r -> r.williamsR(14), r -> r.get(wr));
            same(row, r -> r.vwap(14), r -> r.get(vwap));
            same(row, Row::obv, r -> r.get(obv));
            same(row, r -> r.mfi(14), r -> r.get(mfi));
            same(row, r -> r.get(bollinger.upper()), r -> r.get(bbh));
            same(row, r -> r.get(macd.histogram()), r -> r.get(macdDiff));
            same(row, r -> r.get(stoch.d()), r -> r.get(stochSignal));
            same(row, r -> r.get(adx.minusDi()), r -> r.get(adxNeg));
            same(row, r -> r.get(donchian.percent()), r -> r.get(dcp));
            same(row, r -> r.get(keltner.lower()), r -> r.get(kcl));
            if (t > 0) {
                same(row, r -> r.rsi(14, 1), r -> r.get(rsi, 1));
            }
        }
    }

    private static void same(final Row row, final ToDoubleFunction<Row> a, final ToDoubleFunction<Row> b) {
        assertThat(Double.valueOf(a.applyAsDouble(row))).as("bar %d", row.barIndex())
            .isEqualTo(Double.valueOf(b.applyAsDouble(row)));
    }

    @Test
    void shouldShowTheSameBarsThroughAPositionViewWithItsOwnPosition() {
        final Indicators indicators = new Indicators();
        final Column rsi = indicators.column("momentum_rsi");
        indicators.sma(20);
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, indicators);
        apple.feed(bars, 0);
        final Row asLong = bars.row().withPosition(1);
        final Row asFlat = bars.row().withPosition(0);
        final Row asShort = bars.row().withPosition(-1);
        for (int t = 0; t < apple.size(); t++) {
            if (t > 0) {
                apple.feed(bars, t);
            }
            final Row row = bars.row();
            assertThat(row.inPosition()).as("the book is flat").isFalse();
            assertThat(row.withPosition(1)).as("the kept view, no allocation").isSameAs(asLong);
            assertThat(row.withPosition(0)).isSameAs(asFlat);
            assertThat(row.withPosition(-1)).isSameAs(asShort);
            assertThat(row.withPosition(-0.0)).isSameAs(asFlat);
            for (final Row view : List.of(asLong, asFlat, asShort, row.withPosition(2.5))) {
                assertThat(view.barIndex()).isEqualTo(t);
                assertThat(view.timeNanos()).isEqualTo(apple.start[t]);
                assertThat(view.symbol()).isEqualTo("AAPL");
                same(view, r -> r.close(), r -> FixedPoint.toDouble(apple.close[r.barIndex()]));
                same(view, r -> r.get(rsi), r -> row.get(rsi));
                same(view, r -> r.sma(20), r -> row.sma(20));
                if (t > 0) {
                    same(view, r -> r.open(1), r -> FixedPoint.toDouble(apple.open[r.barIndex() - 1]));
                    same(view, r -> r.get(rsi, 1), r -> row.get(rsi, 1));
                }
            }
        }
        assertThat(asLong.position()).isEqualTo(1.0);
        assertThat(asLong.inPosition()).isTrue();
        assertThat(asFlat.position()).isEqualTo(0.0);
        assertThat(asFlat.inPosition()).isFalse();
        assertThat(asShort.position()).isEqualTo(-1.0);
        assertThat(asShort.inPosition()).isTrue();
        final Row half = bars.row().withPosition(0.5);
        assertThat(half.position()).isEqualTo(0.5);
        assertThat(half.inPosition()).isTrue();
        assertThat(half.withPosition(1)).as("a view's view is the row's kept view").isSameAs(asLong);
        assertThatThrownBy(() -> bars.row().withPosition(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("a row's position must be a finite number, got NaN");

        // a NaN read through a view is the strategy's read: the row still knows the strategy is warming up
        final InstrumentBars fresh = new InstrumentBars(AAPL, FLAT, indicators);
        apple.feed(fresh, 0, 3);
        final IndicatorRow freshRow = (IndicatorRow) fresh.row();
        freshRow.resetWarmUp();
        assertThat(fresh.row().withPosition(1).close()).isEqualTo(FixedPoint.toDouble(apple.close[2]));
        assertThat(freshRow.readNaN()).as("a number read").isFalse();
        assertThat(fresh.row().withPosition(1).sma(20)).isNaN();
        assertThat(freshRow.readNaN()).isTrue();
    }

    @Test
    void shouldMaintainOnlyWhatTheStrategyDeclared() {
        final Indicators indicators = new Indicators();
        indicators.rsi(14);
        indicators.column("volatility_bbh");
        indicators.column("volatility_bbl");
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, indicators);
        assertThat(bars.indicators()).containsExactly(IndicatorSpec.of(IndicatorSpec.Kind.RSI, 14, 0, 0),
            new IndicatorSpec(IndicatorSpec.Kind.BOLLINGER, 20, 0, 0, 2.0, 0));
        apple.feed(bars, 0, 30);
        assertThatThrownBy(() -> bars.row().sma(20)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("sma(20) is not maintained").hasMessageContaining("Indicators.sma(20)");
    }

    @Test
    void shouldGiveEveryColumnDeclaredAloneTheBitsItHasInTheFullRow() {
        // Declared alone, a column lets its node skip the outputs no one reads (Bollinger's width and %b are two
        // divisions) and, when the node reads only the close, the bar's other doubles (which then read NaN): any node
        // that claims so wrongly, or skips an output it should not, reads differently here.
        final List<String> names = Indicators.columnNames();
        final Indicators all = new Indicators();
        final List<Column> allColumns = names.stream().map(all::column).toList();
        final InstrumentBars full = new InstrumentBars(AAPL, FLAT, all);
        final List<Column> alone = new ArrayList<>();
        final List<InstrumentBars> single = new ArrayList<>();
        for (final String name : names) {
            final Indicators one = new Indicators();
            alone.add(one.column(name));
            single.add(new InstrumentBars(AAPL, FLAT, one));
        }
        int numbers = 0;
        for (int t = 0; t < apple.size(); t++) {
            apple.feed(full, t);
            for (int c = 0; c < names.size(); c++) {
                apple.feed(single.get(c), t);
                final double expected = full.row().get(allColumns.get(c));
                assertThat(Double.doubleToRawLongBits(single.get(c).row().get(alone.get(c))))
                    .as("%s bar %d", names.get(c), t).isEqualTo(Double.doubleToRawLongBits(expected));
                numbers += Double.isNaN(expected) ? 0 : 1;
            }
        }
        // the comparison is of numbers, not of warm-up NaNs
        assertThat(numbers).isGreaterThan(names.size() * (apple.size() - 100));
    }

    @Test
    void shouldRefuseAnUnknownColumnWhenDeclaredWithTheCloseMatches() {
        final Indicators indicators = new Indicators();
        assertThatThrownBy(() -> indicators.column("momentum_rsj")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown column 'momentum_rsj' (close matches: momentum_rsi)");
        assertThatThrownBy(() -> indicators.column("rsi")).hasMessageStartingWith(
            "unknown column 'rsi' (close matches: momentum_rsi, momentum_stoch_rsi,");
        assertThatThrownBy(() -> indicators.column("zzzzzzzzzzzzzzzz")).hasMessageContaining("no similar name");
    }

    @Test
    void shouldKnowTheEightySixColumnsOfTaInTasOrder() {
        final List<String> names = Indicators.columnNames();
        assertThat(names).hasSize(86).startsWith("volume_adi", "volume_obv").endsWith("others_dlr", "others_cr");
        assertThat(names.indexOf("trend_visual_ichimoku_a")).isEqualTo(names.indexOf("trend_cci") + 1);
    }

    @Test
    void shouldDiscoverWhatAStrategyThatDeclaresNothingReadsAtItsFirstBar() {
        final InstrumentBars legacy = new InstrumentBars(AAPL, FLAT);
        final Indicators indicators = new Indicators();
        final Column sma = indicators.sma(20);
        final Column ema = indicators.ema(12);
        final InstrumentBars declared = new InstrumentBars(AAPL, FLAT, indicators);
        for (int t = 0; t < apple.size(); t++) {
            apple.feed(legacy, t);
            apple.feed(declared, t);
            assertThat(Double.valueOf(legacy.row().sma(20))).isEqualTo(Double.valueOf(declared.row().get(sma)));
            assertThat(Double.valueOf(legacy.row().ema(12))).isEqualTo(Double.valueOf(declared.row().get(ema)));
        }
        assertThat(legacy.indicators()).hasSize(2);
        assertThatThrownBy(() -> legacy.row().rsi(14)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("rsi(14) is not maintained")
            .hasMessageContaining("a strategy that declares nothing gets only what its first bar reads");
    }

    @Test
    void shouldGiveLookBackIndicatorsDiscoveredAtTheFirstBarTheDeclaredValues() {
        // discovered during bar 0: the shared bar history already holds bar 0 and must keep it (and its money flow)
        // when it grows for them
        final InstrumentBars legacy = new InstrumentBars(AAPL, FLAT);
        final Indicators indicators = new Indicators();
        final Column vwap = indicators.vwap(14);
        final Column mfi = indicators.mfi(14);
        final Column roc = indicators.roc(12);
        final InstrumentBars declared = new InstrumentBars(AAPL, FLAT, indicators);
        for (int t = 0; t < apple.size(); t++) {
            apple.feed(legacy, t);
            apple.feed(declared, t);
            assertThat(Double.valueOf(legacy.row().vwap(14))).as("vwap at %d", t)
                .isEqualTo(Double.valueOf(declared.row().get(vwap)));
            assertThat(Double.valueOf(legacy.row().mfi(14))).as("mfi at %d", t)
                .isEqualTo(Double.valueOf(declared.row().get(mfi)));
            assertThat(Double.valueOf(legacy.row().roc(12))).as("roc at %d", t)
                .isEqualTo(Double.valueOf(declared.row().get(roc)));
            assertThat(Double.valueOf(legacy.row().close(15))).as("close 15 bars back at %d", t)
                .isEqualTo(Double.valueOf(declared.row().close(15)));
        }
        assertThat(declared.row().get(vwap)).isNotNaN();
    }

    @Test
    void shouldRefuseAColumnDeclaredByAnotherStrategy() {
        final Indicators mine = new Indicators();
        mine.rsi(14);
        final Column theirs = new Indicators().rsi(14);
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, mine);
        apple.feed(bars, 0, 20);
        assertThatThrownBy(() -> bars.row().get(theirs)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("was not declared by this strategy's Indicators");
        assertThatThrownBy(() -> new InstrumentBars(AAPL, FLAT).row()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldReadBackAsFarAsDeclaredAndNoFurther() {
        final Indicators indicators = new Indicators().maxBarsAgo(40);
        final Column sma = indicators.sma(5);
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, indicators);
        assertThat(bars.historyBars()).isEqualTo(64);
        apple.feed(bars, 0, 100);
        final Row row = bars.row();
        assertThat(row.close(40)).isEqualTo(FixedPoint.toDouble(apple.close[59]));
        assertThat(Double.valueOf(row.get(sma, 40))).isEqualTo(exactMean(55, 59));
        assertThatThrownBy(() -> row.close(41)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("barsAgo must be in [0, 40]: 41").hasMessageContaining("Indicators.maxBarsAgo");
        assertThatThrownBy(() -> row.get(sma, -1)).isInstanceOf(IllegalArgumentException.class);

        final InstrumentBars defaults = new InstrumentBars(AAPL, FLAT, new Indicators());
        apple.feed(defaults, 0, 3);
        assertThat(defaults.row().close(Indicators.DEFAULT_MAX_BARS_AGO)).isNaN();
        assertThatThrownBy(() -> defaults.row().close(Indicators.DEFAULT_MAX_BARS_AGO + 1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private double exactMean(final int from, final int to) {
        long sum = 0;
        for (int i = from; i <= to; i++) {
            sum += apple.close[i];
        }
        return new java.math.BigDecimal(sum).divide(java.math.BigDecimal.valueOf((to - from + 1) * FixedPoint.SCALE),
            java.math.MathContext.DECIMAL128).doubleValue();
    }

    @Test
    void shouldSealTheDeclarationWhenTheStrategyIsHandedOver() {
        final Indicators indicators = new Indicators();
        final Column rsi = indicators.rsi(14);
        final DecisionStrategy strategy = indicators.strategy(row -> row.get(rsi) < 30 ? 1 : 0);
        assertThat(Indicators.declaredBy(strategy)).isSameAs(indicators);
        assertThat(Indicators.declaredBy(row -> 0)).isNull();
        assertThatThrownBy(() -> indicators.sma(5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> indicators.sma(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Indicators().bollinger(20, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
