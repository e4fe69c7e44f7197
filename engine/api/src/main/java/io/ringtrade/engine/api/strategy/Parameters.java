package io.ringtrade.engine.api.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Validated parameter values for one strategy instance: every declared parameter has a value (given or
 * default), every given name is declared, every value parses and lies in range. Built once at start;
 * immutable. Resolved with {@link StrategyParameters#resolve} it also carries the book's managed-position rules
 * ({@link #positionRules()}).
 */
public final class Parameters {
    private final Map<String, Double> values;
    private final Map<String, String> texts;
    private final Map<String, ParameterSpec> specs;
    private final PositionRules positionRules;

    private Parameters(final Map<String, Double> values, final Map<String, String> texts,
                       final Map<String, ParameterSpec> specs, final PositionRules positionRules) {
        this.values = values;
        this.texts = texts;
        this.specs = specs;
        this.positionRules = positionRules;
    }

    /**
     * Resolves {@code given} (name → text) against {@code declared}.
     *
     * @throws IllegalArgumentException with a one-line message naming the strategy, the parameter and what
     *                                  was expected
     */
    public static Parameters resolve(final String strategy, final List<ParameterSpec> declared,
                                     final Map<String, String> given) {
        final Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        for (final ParameterSpec spec : declared) {
            specs.put(spec.name(), spec);
        }
        for (final String name : given.keySet()) {
            if (!specs.containsKey(name)) {
                throw new IllegalArgumentException("strategy " + strategy + " has no parameter '" + name
                    + "' (parameters: " + String.join(", ", specs.keySet()) + ")");
            }
        }
        final Map<String, Double> values = new LinkedHashMap<>();
        final Map<String, String> texts = new LinkedHashMap<>();
        for (final ParameterSpec spec : declared) {
            final String text = given.get(spec.name());
            if (spec.kind() == ParameterSpec.Kind.TEXT) {
                texts.put(spec.name(), text == null ? spec.textDefault() : text.trim());
                continue;
            }
            final double value = text == null ? spec.defaultValue() : parse(strategy, spec, text.trim());
            if (value < spec.min() || value > spec.max()) {
                throw new IllegalArgumentException("strategy " + strategy + " parameter " + spec.name() + "="
                    + text + " is out of range (expected " + format(spec, spec.min()) + " to "
                    + format(spec, spec.max()) + ")");
            }
            values.put(spec.name(), value);
        }
        return new Parameters(Collections.unmodifiableMap(values), Collections.unmodifiableMap(texts),
            Collections.unmodifiableMap(specs), null);
    }

    /** These values carrying the managed-position rules resolved from them. */
    Parameters withPositionRules(final PositionRules rules) {
        return new Parameters(values, texts, specs, rules);
    }

    private static double parse(final String strategy, final ParameterSpec spec, final String text) {
        try {
            if (spec.kind() == ParameterSpec.Kind.INT) {
                return Long.parseLong(text);
            }
            final double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("strategy " + strategy + " parameter " + spec.name() + "='" + text
                + "' is not " + (spec.kind() == ParameterSpec.Kind.INT ? "a whole number" : "a number"));
        }
    }

    private static String format(final ParameterSpec spec, final double value) {
        return spec.kind() == ParameterSpec.Kind.INT ? Long.toString((long) value) : Double.toString(value);
    }

    /** An integer parameter's value. */
    public int getInt(final String name) {
        return (int) get(name);
    }

    /** A parameter's value. */
    public double get(final String name) {
        final Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("undeclared parameter " + name);
        }
        return value;
    }

    /** A TEXT parameter's value (trimmed). */
    public String getText(final String name) {
        final String value = texts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("undeclared text parameter " + name);
        }
        return value;
    }

    /** Whether a parameter of this name is declared (number or text). */
    public boolean has(final String name) {
        return specs.containsKey(name);
    }

    /**
     * The managed-position rules (sizing, stops, pyramiding, {@code average_last}) when these values were resolved
     * with {@link StrategyParameters#resolve}; {@link PositionRules#DEFAULT} otherwise.
     */
    public PositionRules positionRules() {
        return positionRules != null ? positionRules : PositionRules.DEFAULT;
    }

    /** Values in declaration order, as {@code name=value} text (for summaries and output). */
    public String describe() {
        return describe(spec -> true);
    }

    /** As {@link #describe()}, of the parameters {@code shown} accepts only. */
    public String describe(final Predicate<ParameterSpec> shown) {
        final StringBuilder out = new StringBuilder();
        for (final ParameterSpec spec : specs.values()) {
            if (!shown.test(spec)) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(spec.name()).append('=');
            if (spec.kind() == ParameterSpec.Kind.TEXT) {
                out.append(texts.get(spec.name()));
            } else {
                out.append(format(spec, values.get(spec.name())));
            }
        }
        return out.toString();
    }
}
