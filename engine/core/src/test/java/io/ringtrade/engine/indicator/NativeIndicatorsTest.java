package io.ringtrade.engine.indicator;

import static io.ringtrade.engine.indicator.Values.AAPL;
import static io.ringtrade.engine.indicator.Values.FLAT;
import static io.ringtrade.engine.indicator.Values.assertIdentical;
import static io.ringtrade.engine.indicator.Values.assertSame;
import static io.ringtrade.engine.indicator.Values.ta4j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Row;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;

/**
 * The native sma/ema/rsi against ta4j 0.22.2 on Apple's 2013 bars, bar by bar, and the behaviours around them:
 * warm-up, lazy creation, barsAgo, history bounds.
 */
class NativeIndicatorsTest {
    private static final double TOLERANCE = 1e-9;
    private static final int[] PERIODS = {1, 2, 5, 12, 14, 20, 26, 50};

    private final AppleBars apple = AppleBars.load();

    @Test
    void shouldMatchTa4jSmaEmaAndRsiAtEveryBar() {
        final BarSeries series = apple.ta4jSeries();
        final ClosePriceIndicator close = new ClosePriceIndicator(series);
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        for (int t = 0; t < apple.size(); t++) {
            apple.feed(bars, t);
            final Row row = bars.row();
            for (final int p : PERIODS) {
                // ta4j gives partial SMAs during its unstable bars; ours is NaN until `period` closes exist.
                final double expectedSma = t < p - 1 ? Double.NaN : ta4j(new SMAIndicator(close, p), t);
                assertSame(row.sma(p), expectedSma, TOLERANCE, "sma(" + p + ") at bar " + t);
                assertSame(row.ema(p), ta4j(new EMAIndicator(close, p), t), TOLERANCE, "ema(" + p + ") at bar " + t);
                assertSame(row.rsi(p), ta4j(new RSIIndicator(close, p), t), TOLERANCE, "rsi(" + p + ") at bar " + t);
            }
        }
    }

    @Test
    void shouldBeNaNDuringWarmUpAndANumberRightAfter() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        apple.feed(bars, 0, 14);
        assertThat(bars.row().sma(14)).isNotNaN();
        assertThat(bars.row().sma(15)).isNaN();
        assertThat(bars.row().ema(14)).isNaN();
        assertThat(bars.row().rsi(14)).isNaN();
        assertThat(bars.row().ema(13)).as("bar 13 seeds EMA(13)").isEqualTo(FixedPoint.toDouble(apple.close[13]));
        apple.feed(bars, 14);
        // Bar 14 is the first bar after ta4j's 14 unstable bars; the EMA is seeded with its close.
        assertThat(bars.row().ema(14)).isEqualTo(FixedPoint.toDouble(apple.close[14]));
        assertThat(bars.row().rsi(14)).isNotNaN();
        assertThat(bars.row().sma(14, 1)).isNotNaN();
        assertThat(bars.row().sma(14, 2)).isNaN();
    }

    @Test
    void shouldGiveTheSameValuesWhenCreatedLateAsWhenCreatedAtBarZero() {
        final InstrumentBars early = new InstrumentBars(AAPL, FLAT);
        final InstrumentBars late = new InstrumentBars(AAPL, FLAT);
        apple.feed(early, 0);
        request(early.row());
        apple.feed(early, 1, 200);
        apple.feed(late, 0, 200);
        for (int t = 200; t < apple.size(); t++) {
            if (t > 200) {
                apple.feed(early, t);
                apple.feed(late, t);
            }
            for (final int p : PERIODS) {
                for (int ago = 0; ago <= t; ago += 7) {
                    final String at = "(" + p + ", " + ago + ") at " + t;
                    assertIdentical(late.row().sma(p, ago), early.row().sma(p, ago), "sma" + at);
                    assertIdentical(late.row().ema(p, ago), early.row().ema(p, ago), "ema" + at);
                    assertIdentical(late.row().rsi(p, ago), early.row().rsi(p, ago), "rsi" + at);
                }
            }
        }
    }

    private static void request(final Row row) {
        for (final int p : PERIODS) {
            row.sma(p);
            row.ema(p);
            row.rsi(p);
        }
    }

    @Test
    void shouldReadBarsAgoAsTheValueThatBarHad() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        final double[] sma = new double[apple.size()];
        final double[] ema = new double[apple.size()];
        final double[] rsi = new double[apple.size()];
        for (int t = 0; t < apple.size(); t++) {
            apple.feed(bars, t);
            sma[t] = bars.row().sma(20);
            ema[t] = bars.row().ema(20);
            rsi[t] = bars.row().rsi(14);
        }
        final Row row = bars.row();
        final int last = apple.size() - 1;
        for (int ago = 0; ago <= last; ago++) {
            assertIdentical(row.sma(20, ago), sma[last - ago], "sma(20, " + ago + ")");
            assertIdentical(row.ema(20, ago), ema[last - ago], "ema(20, " + ago + ")");
            assertIdentical(row.rsi(14, ago), rsi[last - ago], "rsi(14, " + ago + ")");
            assertThat(row.close(ago)).isEqualTo(FixedPoint.toDouble(apple.close[last - ago]));
        }
        assertThat(row.close(last + 1)).as("before the first bar").isNaN();
        assertThat(row.sma(20, last + 1)).isNaN();
        assertThatThrownBy(() -> row.close(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> row.sma(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepOnlyTheLastBarsAndGrowWhenAPeriodNeedsMore() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, 60);
        assertThat(bars.historyBars()).isEqualTo(64);
        apple.feed(bars, 0, 200);
        assertThat(bars.row().close(63)).isEqualTo(FixedPoint.toDouble(apple.close[136]));
        assertThat(bars.row().close(64)).as("left the ring").isNaN();

        // An SMA(100) asked for at bar 199 sees only the 64 kept bars: NaN now, exact once 100 bars have passed.
        assertThat(bars.row().sma(100)).isNaN();
        assertThat(bars.historyBars()).isEqualTo(128);
        apple.feed(bars, 200, 235);
        assertThat(bars.row().sma(100)).as("99 kept bars").isNaN();
        apple.feed(bars, 235);
        assertThat(bars.row().sma(100)).isCloseTo(meanClose(136, 236), within(TOLERANCE));
        assertThat(bars.row().close(99)).isEqualTo(FixedPoint.toDouble(apple.close[136]));
        assertThat(bars.row().close(100)).isNaN();
    }

    @Test
    void shouldConvergeToTheFullHistoryEmaWhenCreatedAfterTheRingDroppedBarZero() {
        final AppleBars longer = apple.forwardAndBack(3);
        final InstrumentBars small = new InstrumentBars(AAPL, FLAT, 64);
        final InstrumentBars full = new InstrumentBars(AAPL, FLAT, 1024);
        longer.feed(small, 0, 300);
        longer.feed(full, 0, 300);
        full.row().ema(10);
        small.row().ema(10);
        // Seeded at the oldest kept bar (236) instead of bar 10: the gap shrinks by 9/11 a bar.
        longer.feed(small, 300, 500);
        longer.feed(full, 300, 500);
        assertThat(small.row().ema(10)).isCloseTo(full.row().ema(10), within(1e-11));
    }

    @Test
    void shouldMatchTa4jOnAThousandBarsAfterTheRingHasWrapped() {
        final AppleBars longer = apple.forwardAndBack(4);
        final BarSeries series = longer.ta4jSeries();
        final Indicator<Num> close = new ClosePriceIndicator(series);
        final Indicator<Num> ta4jRsi = new RSIIndicator(close, 14);
        final Indicator<Num> ta4jEma = new EMAIndicator(close, 30);
        final Indicator<Num> ta4jSma = new SMAIndicator(close, 50);
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, 64);
        for (int t = 0; t < longer.size(); t++) {
            longer.feed(bars, t);
            assertSame(bars.row().rsi(14), ta4j(ta4jRsi, t), TOLERANCE, "rsi(14) at " + t);
            assertSame(bars.row().ema(30), ta4j(ta4jEma, t), TOLERANCE, "ema(30) at " + t);
            assertSame(bars.row().sma(50), t < 49 ? Double.NaN : ta4j(ta4jSma, t), TOLERANCE, "sma(50) at " + t);
        }
        assertThat(bars.historyBars()).isEqualTo(64);
    }

    private double meanClose(final int fromBar, final int toBarExclusive) {
        long sum = 0;
        for (int i = fromBar; i < toBarExclusive; i++) {
            sum += apple.close[i];
        }
        return FixedPoint.toDouble(sum) / (toBarExclusive - fromBar);
    }
}
