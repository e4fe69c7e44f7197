package io.ringtrade.report;

import java.util.Locale;

/**
 * Text helpers for the report page: escaping, number formats and heatmap colours. Formats are fixed (root locale,
 * fixed decimals) so the same folder always gives the same page. Stateless.
 */
final class Html {
    private Html() {
    }

    /** {@code text} with {@code & < > " '} escaped, safe in element content and quoted attributes. */
    static String escape(final String text) {
        final StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A fraction as a percentage with two decimals ({@code 0.1234} → {@code 12.34 %}); a dash for NaN. */
    static String percent(final double fraction) {
        if (Double.isNaN(fraction)) {
            return "–";
        }
        return fixed(fraction * 100, 2) + " %";
    }

    /** A number with {@code decimals} decimals, "∞" for infinities and a dash for NaN; never "-0.00". */
    static String fixed(final double value, final int decimals) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        final String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0\\.?0*") ? text.substring(1) : text;
    }

    /** A parameter value: whole numbers without decimals ({@code 10}), others as Java writes them ({@code 0.5}). */
    static String parameter(final double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * The inline style of a heatmap cell: green for positive, red for negative values, stronger as |value| nears
     * {@code scale} (the largest |value| in the table); grey for NaN.
     */
    static String heatStyle(final double value, final double scale) {
        if (Double.isNaN(value)) {
            return "background:#f2f2f2";
        }
        final double strength = Double.isInfinite(value) || scale <= 0 || Double.isInfinite(scale)
            ? 1 : Math.min(1, Math.abs(value) / scale);
        final String rgb = value >= 0 ? "46,160,67" : "214,39,40";
        return "background:rgba(" + rgb + "," + fixed(0.12 + 0.68 * strength, 3) + ")";
    }

    /** The largest finite |value| in {@code cells} (0 when there is none). */
    static double scale(final double[][] cells) {
        double max = 0;
        for (final double[] row : cells) {
            for (final double value : row) {
                if (Double.isFinite(value)) {
                    max = Math.max(max, Math.abs(value));
                }
            }
        }
        return max;
    }
}
