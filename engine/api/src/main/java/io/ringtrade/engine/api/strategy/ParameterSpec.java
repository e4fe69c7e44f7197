package io.ringtrade.engine.api.strategy;

import java.util.List;

/**
 * One parameter a strategy declares: its name, kind, default, accepted range and the values the optimizer
 * tries. Immutable.
 *
 * @param name         name used with {@code --param name=value} and in configuration
 * @param kind         INT or DOUBLE
 * @param defaultValue default, as the user would type it
 * @param min          smallest accepted value (inclusive)
 * @param max          largest accepted value (inclusive)
 * @param grid         values the optimizer tries
 * @param description  one line for {@code ringtrade strategies}
 * @param textDefault  default of a TEXT parameter (e.g. {@code QQQ=0.6,GLD=0.4}); null for numbers
 */
public record ParameterSpec(String name, Kind kind, double defaultValue, double min, double max,
                            List<Double> grid, String description, String textDefault) {
    /** The value type of a parameter. */
    public enum Kind {
        /** A whole number. */
        INT,
        /** A decimal number. */
        DOUBLE,
        /**
         * Text the strategy parses itself at start (weights, a schedule); the optimizer tries the values a
         * {@code --grid} lists, separated by {@code |}, else the default.
         */
        TEXT
    }

    /** Copies the grid; a TEXT parameter has a text default and no grid. */
    public ParameterSpec {
        grid = List.copyOf(grid);
        if ((kind == Kind.TEXT) != (textDefault != null)) {
            throw new IllegalArgumentException("parameter " + name + ": a TEXT parameter (and only one) has a text default");
        }
    }

    /** A number parameter (INT or DOUBLE). */
    public ParameterSpec(final String name, final Kind kind, final double defaultValue, final double min,
                         final double max, final List<Double> grid, final String description) {
        this(name, kind, defaultValue, min, max, grid, description, null);
    }

    /** An integer parameter. */
    public static ParameterSpec ofInt(final String name, final int defaultValue, final int min, final int max,
                                      final List<Integer> grid, final String description) {
        return new ParameterSpec(name, Kind.INT, defaultValue, min, max,
            grid.stream().map(Integer::doubleValue).toList(), description);
    }

    /** A decimal parameter. */
    public static ParameterSpec ofDouble(final String name, final double defaultValue, final double min,
                                         final double max, final List<Double> grid, final String description) {
        return new ParameterSpec(name, Kind.DOUBLE, defaultValue, min, max, grid, description);
    }

    /** A text parameter, parsed by the strategy at start (e.g. {@code weights}, {@code schedule}). */
    public static ParameterSpec ofText(final String name, final String defaultValue, final String description) {
        return new ParameterSpec(name, Kind.TEXT, 0, 0, 0, List.of(), description, defaultValue);
    }

    /** The default as text, e.g. {@code 50}, {@code 0.5} or {@code QQQ=0.6,GLD=0.4}. */
    public String defaultText() {
        return switch (kind) {
            case INT -> Long.toString((long) defaultValue);
            case DOUBLE -> Double.toString(defaultValue);
            case TEXT -> textDefault;
        };
    }
}
