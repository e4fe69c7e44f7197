package io.ringtrade.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The ranking metric of an optimization over two of its parameters, as a table: one column per value of the
 * {@code x} parameter, one row per value of the {@code y} parameter (both in increasing order), each cell the best
 * (highest) metric among the combinations with those two values, whatever the other parameters are. A cell with no
 * combination (for example one the strategy refused) is NaN. With one parameter, {@code y} is null and there is one
 * row. Immutable; the report-building thread.
 *
 * @param fold    the walk-forward fold these rows belong to, or null for a plain optimization
 * @param metric  the ranking metric's column
 * @param x       the parameter across
 * @param y       the parameter down, or null
 * @param xValues the x values, increasing
 * @param yValues the y values, increasing (one NaN when y is null)
 * @param cells   {@code cells[row][column]}
 */
record ParameterHeatmap(String fold, String metric, String x, String y, double[] xValues, double[] yValues,
                        double[][] cells) {

    /**
     * The heatmap of {@code metric} over {@code rows} of {@code results} (all rows when {@code rows} is null). An
     * empty metric field (profit factor with no losing trade) counts as +∞.
     */
    static ParameterHeatmap of(final CsvTable results, final List<Integer> rows, final String fold, final String metric,
                               final String x, final String y) {
        final int metricColumn = results.require(metric);
        final int xColumn = results.require(x);
        final int yColumn = y == null ? -1 : results.require(y);
        final List<Integer> selected = rows != null ? rows : allRows(results.size());
        final TreeSet<Double> xs = new TreeSet<>();
        final TreeSet<Double> ys = new TreeSet<>();
        for (final int row : selected) {
            xs.add(results.number(row, xColumn));
            ys.add(yColumn < 0 ? Double.NaN : results.number(row, yColumn));
        }
        final double[] xValues = xs.stream().mapToDouble(Double::doubleValue).toArray();
        final double[] yValues = ys.stream().mapToDouble(Double::doubleValue).toArray();
        final double[][] cells = new double[yValues.length][xValues.length];
        for (final double[] line : cells) {
            Arrays.fill(line, Double.NaN);
        }
        for (final int row : selected) {
            final int column = Arrays.binarySearch(xValues, results.number(row, xColumn));
            final int line = yColumn < 0 ? 0 : Arrays.binarySearch(yValues, results.number(row, yColumn));
            final String text = results.text(row, metricColumn);
            final double value = text.isEmpty() ? Double.POSITIVE_INFINITY : results.number(row, metricColumn);
            if (Double.isNaN(cells[line][column]) || value > cells[line][column]) {
                cells[line][column] = value;
            }
        }
        return new ParameterHeatmap(fold, metric, x, y, xValues, yValues, cells);
    }

    private static List<Integer> allRows(final int n) {
        final List<Integer> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(i);
        }
        return rows;
    }
}
