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
 */
public record ParameterSpec(String name, Kind kind, double defaultValue, double min, double max,
                            List<Double> grid, String description) {
    /** The value type of a parameter. */
    public enum Kind {
        /** A whole number. */
        INT,
        /** A decimal number. */
        DOUBLE
    }

    /** Copies the grid. */
    public ParameterSpec {
        grid = List.copyOf(grid);
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

    /** The default as text, e.g. {@code 50} or {@code 0.5}. */
    public String defaultText() {
        return kind == Kind.INT ? Long.toString((long) defaultValue) : Double.toString(defaultValue);
    }
}
