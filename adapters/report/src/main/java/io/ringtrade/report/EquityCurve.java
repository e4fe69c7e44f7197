package io.ringtrade.report;

/**
 * An equity curve as the report draws it: one row per bar with its time (epoch seconds UTC), the strategy's equity
 * and the buy-and-hold benchmark's, and the capital both started from. Read from {@code equity.csv} or
 * {@code walk_forward_equity.csv} by column name. Immutable; the report-building thread.
 *
 * @param times          bar start times, epoch seconds
 * @param equity         equity after each bar
 * @param benchmark      buy-and-hold equity after each bar (NaN where the file has none)
 * @param initialCapital equity before the first bar
 */
record EquityCurve(double[] times, double[] equity, double[] benchmark, double initialCapital) {
    /**
     * Reads {@code table}'s {@code time}, {@code equity} and (optional) {@code benchmark_equity} columns.
     * {@code initialCapital} is used when it is a positive number; otherwise the first row's benchmark (which a
     * run on bars starts at the initial cash), or its equity.
     */
    static EquityCurve read(final CsvTable table, final double initialCapital) {
        final int time = table.require("time");
        final int equityColumn = table.require("equity");
        final int benchmarkColumn = table.find("benchmark_equity");
        final int n = table.size();
        final double[] times = new double[n];
        final double[] equity = new double[n];
        final double[] benchmark = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = table.epochSeconds(i, time);
            if (i > 0 && times[i] < times[i - 1]) {
                throw table.problem(i, time, "time goes backwards (previous row " + table.text(i - 1, time) + ")");
            }
            equity[i] = table.number(i, equityColumn);
            benchmark[i] = benchmarkColumn < 0 ? Double.NaN : table.numberOrNaN(i, benchmarkColumn);
        }
        final double start;
        if (initialCapital > 0) {
            start = initialCapital;
        } else if (n > 0 && benchmark[0] > 0) {
            start = benchmark[0];
        } else {
            start = n > 0 ? equity[0] : 0;
        }
        return new EquityCurve(times, equity, benchmark, start);
    }

    /** Number of rows. */
    int size() {
        return times.length;
    }

    /** True when the file had a benchmark column with values. */
    boolean hasBenchmark() {
        for (final double value : benchmark) {
            if (!Double.isNaN(value)) {
                return true;
            }
        }
        return false;
    }
}
