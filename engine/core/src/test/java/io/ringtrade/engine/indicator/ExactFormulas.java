package io.ringtrade.engine.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An independent, slow implementation of the columns the engine computes from exact sums of prices and volumes, in
 * {@link BigDecimal} arithmetic on the decimal bar values (34 significant digits): what those columns are when
 * nothing is rounded before the end. Used to show the engine's values are exact where double arithmetic (as in
 * {@code ta}) is not. Values per bar, NaN where the column is undefined.
 */
final class ExactFormulas {
    private static final MathContext M = MathContext.DECIMAL128;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal[] high;
    private final BigDecimal[] low;
    private final BigDecimal[] close;
    private final BigDecimal[] volume;

    ExactFormulas(final TaReference reference) {
        final int n = reference.size();
        high = new BigDecimal[n];
        low = new BigDecimal[n];
        close = new BigDecimal[n];
        volume = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            high[i] = BigDecimal.valueOf(reference.high[i], 8);
            low[i] = BigDecimal.valueOf(reference.low[i], 8);
            close[i] = BigDecimal.valueOf(reference.close[i], 8);
            volume[i] = BigDecimal.valueOf(reference.volume[i], 8);
        }
    }

    /** The exact columns by name, for every bar. */
    Map<String, double[]> columns() {
        final int n = close.length;
        final Map<String, double[]> out = new LinkedHashMap<>();
        for (final String name : new String[] {"volume_obv", "volume_vwap", "volatility_bbm", "volatility_bbh",
            "volatility_bbl", "volatility_bbhi", "volatility_bbli", "volatility_kcc", "volatility_kch",
            "volatility_kcl", "volatility_kchi", "volatility_kcli", "volatility_dcl", "volatility_dch",
            "trend_sma_fast", "trend_sma_slow", "trend_vortex_ind_pos", "trend_vortex_ind_neg", "momentum_uo"}) {
            out.put(name, new double[n]);
        }
        BigDecimal obv = BigDecimal.ZERO;
        for (int t = 0; t < n; t++) {
            obv = t > 0 && close[t].compareTo(close[t - 1]) < 0 ? obv.subtract(volume[t]) : obv.add(volume[t]);
            out.get("volume_obv")[t] = obv.doubleValue();
            out.get("volume_vwap")[t] = vwap(t, 14);
            out.get("trend_sma_fast")[t] = mean(close, t, 12);
            out.get("trend_sma_slow")[t] = mean(close, t, 26);
            bollinger(t, out);
            keltner(t, out);
            out.get("volatility_dcl")[t] = t >= 19 ? extreme(low, t, 20, false) : Double.NaN;
            out.get("volatility_dch")[t] = t >= 19 ? extreme(high, t, 20, true) : Double.NaN;
            vortex(t, out);
            out.get("momentum_uo")[t] = ultimate(t);
        }
        return out;
    }

    private static double mean(final BigDecimal[] x, final int t, final int n) {
        if (t < n - 1) {
            return Double.NaN;
        }
        return sum(x, t - n + 1, t).divide(BigDecimal.valueOf(n), M).doubleValue();
    }

    private static BigDecimal sum(final BigDecimal[] x, final int from, final int to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = from; i <= to; i++) {
            sum = sum.add(x[i]);
        }
        return sum;
    }

    private static double extreme(final BigDecimal[] x, final int t, final int n, final boolean max) {
        BigDecimal best = x[t];
        for (int i = t - n + 1; i <= t; i++) {
            best = max ? best.max(x[i]) : best.min(x[i]);
        }
        return best.doubleValue();
    }

    private double vwap(final int t, final int n) {
        if (t < n - 1) {
            return Double.NaN;
        }
        BigDecimal priceVolume = BigDecimal.ZERO;
        BigDecimal volumes = BigDecimal.ZERO;
        for (int i = t - n + 1; i <= t; i++) {
            priceVolume = priceVolume.add(high[i].add(low[i]).add(close[i]).multiply(volume[i]));
            volumes = volumes.add(volume[i]);
        }
        return volumes.signum() == 0 ? Double.NaN : priceVolume.divide(volumes.multiply(THREE), M).doubleValue();
    }

    private void bollinger(final int t, final Map<String, double[]> out) {
        final int n = 20;
        if (t < n - 1) {
            for (final String name : new String[] {"volatility_bbm", "volatility_bbh", "volatility_bbl"}) {
                out.get(name)[t] = Double.NaN;
            }
            out.get("volatility_bbhi")[t] = 0;
            out.get("volatility_bbli")[t] = 0;
            return;
        }
        final BigDecimal mean = sum(close, t - n + 1, t).divide(BigDecimal.valueOf(n), M);
        BigDecimal squares = BigDecimal.ZERO;
        for (int i = t - n + 1; i <= t; i++) {
            final BigDecimal deviation = close[i].subtract(mean);
            squares = squares.add(deviation.multiply(deviation));
        }
        final BigDecimal deviation = squares.divide(BigDecimal.valueOf(n), M).sqrt(M);
        final BigDecimal upper = mean.add(TWO.multiply(deviation));
        final BigDecimal lower = mean.subtract(TWO.multiply(deviation));
        out.get("volatility_bbm")[t] = mean.doubleValue();
        out.get("volatility_bbh")[t] = upper.doubleValue();
        out.get("volatility_bbl")[t] = lower.doubleValue();
        out.get("volatility_bbhi")[t] = close[t].compareTo(upper) > 0 ? 1 : 0;
        out.get("volatility_bbli")[t] = close[t].compareTo(lower) < 0 ? 1 : 0;
    }

    private void keltner(final int t, final Map<String, double[]> out) {
        final int n = 10;
        final int from = Math.max(0, t - n + 1);
        final BigDecimal count = BigDecimal.valueOf(t - from + 1);
        BigDecimal typical = BigDecimal.ZERO;
        BigDecimal upper = BigDecimal.ZERO;
        BigDecimal lower = BigDecimal.ZERO;
        for (int i = from; i <= t; i++) {
            typical = typical.add(high[i].add(low[i]).add(close[i]));
            upper = upper.add(high[i].multiply(BigDecimal.valueOf(4)).subtract(low[i].multiply(TWO)).add(close[i]));
            lower = lower.add(low[i].multiply(BigDecimal.valueOf(4)).subtract(high[i].multiply(TWO)).add(close[i]));
        }
        final BigDecimal upperBand = upper.divide(count.multiply(THREE), M);
        final BigDecimal lowerBand = lower.divide(count.multiply(THREE), M);
        out.get("volatility_kcc")[t] = t >= n - 1 ? typical.divide(count.multiply(THREE), M).doubleValue() : Double.NaN;
        out.get("volatility_kch")[t] = upperBand.doubleValue();
        out.get("volatility_kcl")[t] = lowerBand.doubleValue();
        out.get("volatility_kchi")[t] = close[t].compareTo(upperBand) > 0 ? 1 : 0;
        out.get("volatility_kcli")[t] = close[t].compareTo(lowerBand) < 0 ? 1 : 0;
    }

    private BigDecimal trueRange(final int i) {
        return high[i].subtract(low[i]).max(high[i].subtract(close[i - 1]).abs()).max(low[i].subtract(close[i - 1]).abs());
    }

    private void vortex(final int t, final Map<String, double[]> out) {
        final int n = 14;
        if (t < n) {
            out.get("trend_vortex_ind_pos")[t] = Double.NaN;
            out.get("trend_vortex_ind_neg")[t] = Double.NaN;
            return;
        }
        BigDecimal plus = BigDecimal.ZERO;
        BigDecimal minus = BigDecimal.ZERO;
        BigDecimal range = BigDecimal.ZERO;
        for (int i = t - n + 1; i <= t; i++) {
            plus = plus.add(high[i].subtract(low[i - 1]).abs());
            minus = minus.add(low[i].subtract(high[i - 1]).abs());
            range = range.add(trueRange(i));
        }
        out.get("trend_vortex_ind_pos")[t] = ratio(plus, range);
        out.get("trend_vortex_ind_neg")[t] = ratio(minus, range);
    }

    /** a / b with IEEE's rules for a zero denominator (x/0 = ±∞, 0/0 = NaN). */
    private static double ratio(final BigDecimal a, final BigDecimal b) {
        if (b.signum() == 0) {
            return a.signum() == 0 ? Double.NaN : a.signum() * Double.POSITIVE_INFINITY;
        }
        return a.divide(b, M).doubleValue();
    }

    private double ultimate(final int t) {
        if (t < 28 || average(t, 7) == null || average(t, 14) == null || average(t, 28) == null) {
            return Double.NaN;
        }
        final BigDecimal weighted = average(t, 7).multiply(BigDecimal.valueOf(4))
            .add(average(t, 14).multiply(TWO)).add(average(t, 28));
        return weighted.multiply(HUNDRED).divide(BigDecimal.valueOf(7), M).doubleValue();
    }

    private BigDecimal average(final int t, final int n) {
        BigDecimal pressure = BigDecimal.ZERO;
        BigDecimal range = BigDecimal.ZERO;
        for (int i = t - n + 1; i <= t; i++) {
            pressure = pressure.add(close[i].subtract(low[i].min(close[i - 1])));
            range = range.add(trueRange(i));
        }
        // a zero range means a flat window, where the buying pressure is 0 too: 0/0, undefined
        return range.signum() == 0 ? null : pressure.divide(range, M);
    }
}
