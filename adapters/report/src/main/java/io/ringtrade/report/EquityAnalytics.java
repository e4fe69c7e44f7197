package io.ringtrade.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The series the report derives from an equity curve: per-bar returns, the underwater (drawdown) curve, monthly
 * returns by year and month, and the rolling Sharpe ratio. Definitions follow summary.json's ({@code
 * PerformanceMetrics}): r<sub>t</sub> = equity<sub>t</sub> / equity<sub>t−1</sub> − 1 with equity<sub>−1</sub> the
 * initial capital (0 when the previous equity is not positive), the running peak includes the initial capital, and a
 * standard deviation of 0 gives a Sharpe ratio of 0. Stateless.
 */
final class EquityAnalytics {
    private EquityAnalytics() {
    }

    /** Per-bar returns. */
    static double[] returns(final double[] equity, final double initial) {
        final double[] out = new double[equity.length];
        double previous = initial;
        for (int t = 0; t < equity.length; t++) {
            out[t] = previous > 0 ? equity[t] / previous - 1 : 0;
            previous = equity[t];
        }
        return out;
    }

    /** Drawdown after each bar: equity / running peak − 1, a fraction ≤ 0 (the peak includes the initial capital). */
    static double[] drawdown(final double[] equity, final double initial) {
        final double[] out = new double[equity.length];
        double peak = initial;
        for (int t = 0; t < equity.length; t++) {
            peak = Math.max(peak, equity[t]);
            out[t] = peak > 0 ? equity[t] / peak - 1 : 0;
        }
        return out;
    }

    /**
     * The rolling-Sharpe window for {@code bars} bars at {@code periodsPerYear}: half a year (126 daily bars, as
     * QuantStats), or a quarter of the bars when the run is shorter than two such windows (at least 2).
     */
    static int rollingWindow(final int bars, final double periodsPerYear) {
        final int halfYear = (int) Math.max(2, Math.round(periodsPerYear / 2));
        return bars >= 2 * halfYear ? halfYear : Math.max(2, bars / 4);
    }

    /**
     * Sharpe ratio over each window of {@code window} returns ending at bar t, for t = window − 1 … n − 1: mean /
     * sample standard deviation × √periodsPerYear (risk-free rate 0), 0 when the standard deviation is 0 (below
     * {@value #FLAT} per bar, which equity in units of 10<sup>-8</sup> cannot tell from 0). Sliding sums of the
     * returns and their squares, recomputed exactly every {@code window} bars so rounding cannot pile up: linear in the
     * bars whatever the window (half a year of minute bars is 181,440).
     */
    static double[] rollingSharpe(final double[] returns, final int window, final double periodsPerYear) {
        if (returns.length < window || window < 2) {
            return new double[0];
        }
        final double[] out = new double[returns.length - window + 1];
        final double annualise = Math.sqrt(periodsPerYear);
        double sum = 0;
        double squares = 0;
        for (int end = window - 1; end < returns.length; end++) {
            final int start = end - window + 1;
            if (start % window == 0) {
                sum = 0;
                squares = 0;
                for (int i = start; i <= end; i++) {
                    sum += returns[i];
                    squares += returns[i] * returns[i];
                }
            } else {
                sum += returns[end] - returns[start - 1];
                squares += returns[end] * returns[end] - returns[start - 1] * returns[start - 1];
            }
            final double mean = sum / window;
            final double sd = Math.sqrt(Math.max(0, (squares - sum * mean) / (window - 1)));
            out[start] = sd < FLAT ? 0 : mean / sd * annualise;
        }
        return out;
    }

    /** A per-bar standard deviation below this is treated as 0 in the rolling Sharpe. */
    static final double FLAT = 1e-10;

    /**
     * Monthly returns (UTC months): each month's last equity over the previous month's last equity (the initial
     * capital before the first month) − 1; a year's total compounds its months the same way.
     *
     * @param years      calendar years in order, every year from the first to the last
     * @param months     {@code months[y][m]}: the return of month m (0 = January) of {@code years[y]}; NaN for a
     *                   month without bars
     * @param yearTotals each year's return, last equity of the year over the last equity before it, − 1
     */
    record MonthlyReturns(int[] years, double[][] months, double[] yearTotals) {
    }

    /** Monthly returns of {@code equity} over bar {@code times} (epoch seconds). */
    static MonthlyReturns monthly(final double[] times, final double[] equity, final double initial) {
        if (times.length == 0) {
            return new MonthlyReturns(new int[0], new double[0][], new double[0]);
        }
        final int firstYear = yearMonth(times[0])[0];
        final int lastYear = yearMonth(times[times.length - 1])[0];
        final int yearCount = lastYear - firstYear + 1;
        final double[][] months = new double[yearCount][12];
        for (final double[] row : months) {
            Arrays.fill(row, Double.NaN);
        }
        final double[] totals = new double[yearCount];
        Arrays.fill(totals, Double.NaN);
        double monthStart = initial;
        double yearStart = initial;
        for (int t = 0; t < times.length; t++) {
            final int[] ym = yearMonth(times[t]);
            final boolean lastOfMonth = t == times.length - 1 || !Arrays.equals(ym, yearMonth(times[t + 1]));
            if (lastOfMonth) {
                months[ym[0] - firstYear][ym[1]] = monthStart > 0 ? equity[t] / monthStart - 1 : 0;
                monthStart = equity[t];
                final boolean lastOfYear = t == times.length - 1 || yearMonth(times[t + 1])[0] != ym[0];
                if (lastOfYear) {
                    totals[ym[0] - firstYear] = yearStart > 0 ? equity[t] / yearStart - 1 : 0;
                    yearStart = equity[t];
                }
            }
        }
        final int[] years = new int[yearCount];
        for (int y = 0; y < yearCount; y++) {
            years[y] = firstYear + y;
        }
        return new MonthlyReturns(years, months, totals);
    }

    private static int[] yearMonth(final double epochSeconds) {
        final ZonedDateTime time = Instant.ofEpochSecond((long) Math.floor(epochSeconds)).atZone(ZoneOffset.UTC);
        return new int[] {time.getYear(), time.getMonthValue() - 1};
    }

    /**
     * Rows to draw when a curve is longer than {@code maxPoints}: in each of about maxPoints / 3 equal buckets, the
     * first row and the rows with the lowest and highest {@code values}, plus the last row, so peaks and troughs
     * survive. All rows when there are at most {@code maxPoints}.
     */
    static int[] drawnRows(final double[] values, final int maxPoints) {
        final int n = values.length;
        if (n <= maxPoints) {
            final int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        final int buckets = Math.max(1, maxPoints / 3);
        final int size = (n + buckets - 1) / buckets;
        final List<Integer> kept = new ArrayList<>();
        for (int start = 0; start < n; start += size) {
            final int end = Math.min(n, start + size);
            int low = start;
            int high = start;
            for (int i = start; i < end; i++) {
                if (values[i] < values[low]) {
                    low = i;
                }
                if (values[i] > values[high]) {
                    high = i;
                }
            }
            final int[] picked = {start, Math.min(low, high), Math.max(low, high)};
            for (final int row : picked) {
                if (kept.isEmpty() || kept.get(kept.size() - 1) < row) {
                    kept.add(row);
                }
            }
        }
        if (kept.get(kept.size() - 1) != n - 1) {
            kept.add(n - 1);
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
