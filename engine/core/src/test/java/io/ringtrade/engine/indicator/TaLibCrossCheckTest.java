package io.ringtrade.engine.indicator;

import static io.ringtrade.engine.indicator.Values.AAPL;
import static io.ringtrade.engine.indicator.Values.FLAT;
import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.Indicators;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The columns TA-Lib also computes, against TA-Lib's Java port (com.tictactec:ta-lib 0.4.0), an implementation
 * independent of {@code ta}, on the Bitstamp 5-minute bars (1,917 bars).
 *
 * <p>Same definition, so equal (within 1e-9 of the column's largest magnitude) at every bar where TA-Lib has a value:
 * SMA, Bollinger bands, CCI, ROC, Williams %R, fast stochastic %K/%D, ultimate oscillator, mid-price (Ichimoku
 * conversion and base lines), MFI from bar 14. Aroon differs only on ties: TA-Lib takes the newest extreme, {@code ta}
 * the oldest. OBV differs by exactly the volumes of bars whose close did not change ({@code ta} adds them, TA-Lib
 * does not).
 *
 * <p>Seeded differently, so compared once the seeds have decayed: EMA and MACD (TA-Lib seeds each EMA with the SMA
 * of its first n inputs; {@code ta} starts from the first input), RSI (TA-Lib seeds Wilder's averages with the mean of
 * the first n changes; {@code ta} starts them from zero at bar 0), ATR (TA-Lib: first value at bar n, the mean true
 * range of bars 1..n; {@code ta}: at bar n−1, bars 0..n−1 with bar 0's range H − L), ADX and ±DI (TA-Lib seeds its
 * Wilder sums with n − 1 terms at bar n − 1; {@code ta} with n terms at bar n), TRIX (three SMA-seeded EMAs). The gaps
 * shrink geometrically (by (n−1)/(n+1) or (n−1)/n per bar), and each check also shows the gap was there early on.
 */
class TaLibCrossCheckTest {
    private static final double SAME = 1e-9;

    private final TaReference data = TaReference.load("bitstamp_5m");
    private final int size = data.size();
    private final double[] high = doubles(data.high);
    private final double[] low = doubles(data.low);
    private final double[] close = doubles(data.close);
    private final double[] volume = doubles(data.volume);
    private final Core core = new Core();

    @Test
    void shouldEqualTaLibWhereTheDefinitionsAgree() {
        for (final int n : new int[] {12, 26, 50}) {
            same(ours(new Indicators().sma(n)), run((b, e, out) -> core.sma(0, size - 1, close, n, b, e, out)), 0,
                "sma(" + n + ")");
        }
        final double[] upper = new double[size];
        final double[] middle = new double[size];
        final double[] lower = new double[size];
        final MInteger begin = new MInteger();
        final MInteger count = new MInteger();
        check(core.bbands(0, size - 1, close, 20, 2, 2, MAType.Sma, begin, count, upper, middle, lower));
        same(ours("volatility_bbh"), align(upper, begin, count), 0, "bbands upper");
        same(ours("volatility_bbm"), align(middle, begin, count), 0, "bbands middle");
        same(ours("volatility_bbl"), align(lower, begin, count), 0, "bbands lower");
        same(ours("trend_cci"), run((b, e, out) -> core.cci(0, size - 1, high, low, close, 20, b, e, out)), 0, "cci");
        same(ours("momentum_roc"), run((b, e, out) -> core.roc(0, size - 1, close, 12, b, e, out)), 0, "roc");
        same(ours("momentum_wr"), run((b, e, out) -> core.willR(0, size - 1, high, low, close, 14, b, e, out)), 0,
            "williams %R");
        final double[] fastK = new double[size];
        final double[] fastD = new double[size];
        check(core.stochF(0, size - 1, high, low, close, 14, 3, MAType.Sma, begin, count, fastK, fastD));
        // TA-Lib starts %K where %D can start too (bar 15); ta has %K from bar 13
        same(ours("momentum_stoch"), align(fastK, begin, count), 15, "stochastic %K");
        same(ours("momentum_stoch_signal"), align(fastD, begin, count), 0, "stochastic %D");
        same(ours("momentum_uo"),
            run((b, e, out) -> core.ultOsc(0, size - 1, high, low, close, 7, 14, 28, b, e, out)), 0, "ultimate");
        same(ours("trend_ichimoku_conv"), run((b, e, out) -> core.midPrice(0, size - 1, high, low, 9, b, e, out)), 0,
            "mid-price(9)");
        same(ours("trend_ichimoku_base"), run((b, e, out) -> core.midPrice(0, size - 1, high, low, 26, b, e, out)), 0,
            "mid-price(26)");
        // ta's first MFI (bar 13) counts bar 0's zero flow; TA-Lib starts at bar 14, and from there the windows agree
        same(ours("volume_mfi"), run((b, e, out) -> core.mfi(0, size - 1, high, low, close, volume, 14, b, e, out)),
            14, "mfi");
    }

    @Test
    void shouldDifferFromTaLibsAroonOnlyWhereTheExtremeIsTied() {
        final double[] up = new double[size];
        final double[] down = new double[size];
        final MInteger begin = new MInteger();
        final MInteger count = new MInteger();
        check(core.aroon(0, size - 1, high, low, 25, begin, count, down, up));
        final double[] taLibUp = align(up, begin, count);
        final double[] taLibDown = align(down, begin, count);
        final double[] oursUp = ours("trend_aroon_up");
        final double[] oursDown = ours("trend_aroon_down");
        int ties = 0;
        for (int t = 25; t < size; t++) {
            // TA-Lib computes 4 × (25 − age), ta (25 − age) / 25 × 100: equal up to rounding when the extreme agrees
            if (Math.abs(oursUp[t] - taLibUp[t]) > 1e-9) {
                assertThat(tied(high, t, true)).as("aroon up differs at %d without a tie", t).isTrue();
                assertThat(oursUp[t]).as("the oldest high wins: a lower reading").isLessThan(taLibUp[t]);
                ties++;
            }
            if (Math.abs(oursDown[t] - taLibDown[t]) > 1e-9) {
                assertThat(tied(low, t, false)).as("aroon down differs at %d without a tie", t).isTrue();
                ties++;
            }
        }
        assertThat(ties).as("the data has ties, so the rule is exercised").isGreaterThan(10);
    }

    private static boolean tied(final double[] x, final int t, final boolean max) {
        double best = x[t - 25];
        int times = 0;
        for (int i = t - 25; i <= t; i++) {
            best = max ? Math.max(best, x[i]) : Math.min(best, x[i]);
        }
        for (int i = t - 25; i <= t; i++) {
            times += x[i] == best ? 1 : 0;
        }
        return times > 1;
    }

    @Test
    void shouldDifferFromTaLibsObvByTheVolumeOfUnchangedCloses() {
        final double[] taLib = run((b, e, out) -> core.obv(0, size - 1, close, volume, b, e, out));
        final double[] ours = ours("volume_obv");
        double unchanged = 0;
        for (int t = 0; t < size; t++) {
            if (t > 0 && data.close[t] == data.close[t - 1]) {
                unchanged += volume[t];
            }
            assertThat(ours[t] - taLib[t]).as("obv at %d", t).isCloseTo(unchanged, org.assertj.core.api.Assertions
                .within(1e-9 * Math.abs(ours[t]) + 1e-9));
        }
        assertThat(unchanged).isPositive();
    }

    @Test
    void shouldConvergeToTaLibWhereOnlyTheSeedsDiffer() {
        converges(ours(new Indicators().ema(12)), run((b, e, out) -> core.ema(0, size - 1, close, 12, b, e, out)),
            200, "ema(12)");
        converges(ours("trend_ema_slow"), run((b, e, out) -> core.ema(0, size - 1, close, 26, b, e, out)), 400,
            "ema(26)");
        converges(ours("momentum_rsi"), run((b, e, out) -> core.rsi(0, size - 1, close, 14, b, e, out)), 400, "rsi");
        converges(ours("volatility_atr"), run((b, e, out) -> core.atr(0, size - 1, high, low, close, 10, b, e, out)),
            300, "atr(10)");
        final double[] macd = new double[size];
        final double[] signal = new double[size];
        final double[] histogram = new double[size];
        final MInteger begin = new MInteger();
        final MInteger count = new MInteger();
        check(core.macd(0, size - 1, close, 12, 26, 9, begin, count, macd, signal, histogram));
        converges(ours("trend_macd"), align(macd, begin, count), 500, "macd");
        converges(ours("trend_macd_signal"), align(signal, begin, count), 500, "macd signal");
        converges(ours("trend_adx"), run((b, e, out) -> core.adx(0, size - 1, high, low, close, 14, b, e, out)), 700,
            "adx");
        converges(ours("trend_adx_pos"),
            run((b, e, out) -> core.plusDI(0, size - 1, high, low, close, 14, b, e, out)), 500, "+di");
        converges(ours("trend_adx_neg"),
            run((b, e, out) -> core.minusDI(0, size - 1, high, low, close, 14, b, e, out)), 500, "-di");
        converges(ours("trend_trix"), run((b, e, out) -> core.trix(0, size - 1, close, 15, b, e, out)), 900, "trix");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** Both have a value from {@code from} on and agree there; NaN in ours exactly where TA-Lib has none. */
    private static void same(final double[] ours, final double[] taLib, final int from, final String what) {
        final double scale = scale(taLib);
        for (int t = from; t < ours.length; t++) {
            if (Double.isNaN(taLib[t])) {
                continue;
            }
            assertThat(ours[t]).as("%s at %d", what, t).isCloseTo(taLib[t],
                org.assertj.core.api.Assertions.within(SAME * scale));
        }
        assertThat(firstValue(ours, from)).as("%s: first value", what).isEqualTo(firstValue(taLib, from));
    }

    private static void converges(final double[] ours, final double[] taLib, final int from, final String what) {
        final double scale = scale(taLib);
        double early = 0;
        for (int t = 0; t < ours.length; t++) {
            if (Double.isNaN(taLib[t]) || Double.isNaN(ours[t])) {
                continue;
            }
            final double gap = Math.abs(ours[t] - taLib[t]);
            if (t < from) {
                early = Math.max(early, gap);
            } else {
                assertThat(gap).as("%s at %d", what, t).isLessThanOrEqualTo(SAME * scale);
            }
        }
        assertThat(early).as("%s: the seeds differ early on", what).isGreaterThan(1e-6 * scale);
    }

    private static double scale(final double[] values) {
        double scale = 0;
        for (final double value : values) {
            if (Double.isFinite(value)) {
                scale = Math.max(scale, Math.abs(value));
            }
        }
        return scale;
    }

    private static int firstValue(final double[] values, final int from) {
        for (int t = from; t < values.length; t++) {
            if (!Double.isNaN(values[t])) {
                return t;
            }
        }
        return -1;
    }

    private double[] ours(final String column) {
        return ours(new Indicators().column(column));
    }

    private double[] ours(final Column column) {
        final Indicators indicators = new Indicators();
        final Column resolved = column.name().contains("_") && Indicators.isColumn(column.name())
            ? indicators.column(column.name()) : redeclare(indicators, column.name());
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, indicators);
        final double[] values = new double[size];
        for (int t = 0; t < size; t++) {
            data.feed(bars, t);
            values[t] = bars.row().get(resolved);
        }
        return values;
    }

    /** The parametric single-output indicators used here, by name ({@code sma(12)}, {@code ema(12)}). */
    private static Column redeclare(final Indicators indicators, final String name) {
        final int n = Integer.parseInt(name.substring(name.indexOf('(') + 1, name.indexOf(')')));
        return name.startsWith("sma") ? indicators.sma(n) : indicators.ema(n);
    }

    private interface TaLibCall {
        RetCode call(MInteger begin, MInteger count, double[] out);
    }

    private double[] run(final TaLibCall call) {
        final double[] out = new double[size];
        final MInteger begin = new MInteger();
        final MInteger count = new MInteger();
        check(call.call(begin, count, out));
        return align(out, begin, count);
    }

    private double[] align(final double[] out, final MInteger begin, final MInteger count) {
        final double[] aligned = new double[size];
        Arrays.fill(aligned, Double.NaN);
        System.arraycopy(out, 0, aligned, begin.value, count.value);
        return aligned;
    }

    private static void check(final RetCode code) {
        assertThat(code).isEqualTo(RetCode.Success);
    }

    private static double[] doubles(final long[] fixed) {
        final double[] values = new double[fixed.length];
        for (int i = 0; i < fixed.length; i++) {
            values[i] = FixedPoint.toDouble(fixed[i]);
        }
        return values;
    }
}
