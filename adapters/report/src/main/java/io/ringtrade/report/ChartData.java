package io.ringtrade.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The charts of one report as the JSON its script reads: for each chart its element id, title, y-axis label, x
 * values (epoch seconds) and series (label, colour, optional fill, drawn as a line or as point markers, values with
 * {@code null} for gaps). Gson escapes {@code < > & = '} inside strings, so the JSON can sit inside a script element
 * as it is. Built and rendered on the report-building thread.
 */
final class ChartData {
    /** Most points drawn per chart; longer curves keep each bucket's first, lowest and highest rows. */
    static final int MAX_POINTS = 30_000;

    private static final MathContext SIGNIFICANT = new MathContext(10, RoundingMode.HALF_EVEN);

    private final JsonArray charts = new JsonArray();

    /** One series of a chart. */
    record Series(String label, String color, String fill, boolean points, double[] values) {
        /** A line. */
        static Series line(final String label, final String color, final double[] values) {
            return new Series(label, color, null, false, values);
        }

        /** A line filled down to zero. */
        static Series area(final String label, final String color, final String fill, final double[] values) {
            return new Series(label, color, fill, false, values);
        }

        /** Point markers without a line (fills). */
        static Series markers(final String label, final String color, final double[] values) {
            return new Series(label, color, null, true, values);
        }
    }

    /** Adds a chart drawing {@code rows} of the series (all rows when {@code rows} is null). */
    void add(final String id, final String title, final String yLabel, final double[] x, final int[] rows,
             final List<Series> series) {
        final JsonObject chart = new JsonObject();
        chart.addProperty("id", id);
        chart.addProperty("title", title);
        chart.addProperty("yLabel", yLabel);
        chart.add("x", array(x, rows));
        final JsonArray list = new JsonArray();
        for (final Series s : series) {
            final JsonObject item = new JsonObject();
            item.addProperty("label", s.label());
            item.addProperty("color", s.color());
            if (s.fill() != null) {
                item.addProperty("fill", s.fill());
            }
            item.addProperty("points", s.points());
            item.add("values", array(s.values(), rows));
            list.add(item);
        }
        chart.add("series", list);
        charts.add(chart);
    }

    /** Number of charts added. */
    int size() {
        return charts.size();
    }

    /** The JSON text: {@code {"charts":[...]}}. */
    String toJson() {
        final JsonObject root = new JsonObject();
        root.add("charts", charts);
        return new GsonBuilder().create().toJson(root);
    }

    /** Ten significant digits, as summary.json writes doubles: enough to draw, and no binary noise in the page. */
    private static double rounded(final double value) {
        return Double.isFinite(value) && value != 0
            ? new BigDecimal(value).round(SIGNIFICANT).doubleValue() : value;
    }

    private static JsonArray array(final double[] values, final int[] rows) {
        final int n = rows == null ? values.length : rows.length;
        final JsonArray out = new JsonArray(n);
        for (int i = 0; i < n; i++) {
            final double value = rounded(values[rows == null ? i : rows[i]]);
            if (!Double.isFinite(value)) {
                out.add(JsonNull.INSTANCE);
            } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                out.add((long) value);
            } else {
                out.add(value);
            }
        }
        return out;
    }
}
