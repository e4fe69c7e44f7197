package io.ringtrade.research.optimizer;

import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import io.ringtrade.engine.strategy.StrategyStateStore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;

/**
 * The combinations an optimization tries: for each parameter the strategy declares, in declaration order, a list
 * of values, and their cartesian product in <em>grid order</em> (the first parameter changes slowest, the last
 * fastest, like an odometer). Values come from {@code --grid name=v1,v2,…} or {@code --grid name=start:stop:step}
 * (stop included when the steps land on it), else from the strategy's declared grid (its default when it declares
 * none). A text parameter's values are separated by {@code |} instead ({@code --grid "members=swing,vwap|swing,macd"}),
 * since a text value may hold commas. Every value is checked when the grid is built — a number against the parameter's
 * kind and range, a text by the strategy itself, which is built with it — so a running optimization never meets a bad
 * value.
 *
 * <p>Immutable once built; combinations are computed from their index, so any thread may ask for any one.
 */
public final class ParameterGrid {
    /** The text parameter a MEMBER.PARAMETER grid option rewrites (the ensemble's). */
    private static final String MEMBERS = "members";
    private final String strategy;
    private final List<ParameterSpec> parameters;
    private final List<List<String>> values;
    private final long size;

    private ParameterGrid(final String strategy, final List<ParameterSpec> parameters, final List<List<String>> values) {
        this.strategy = strategy;
        this.parameters = List.copyOf(parameters);
        this.values = values.stream().map(List::copyOf).toList();
        long product = 1;
        for (final List<String> list : values) {
            product = multiplySaturated(product, list.size());
        }
        this.size = product;
    }

    /**
     * The grid of {@code definition} with the {@code --grid} options given (each {@code name=values}).
     *
     * @throws OptimizerException for an unknown or repeated parameter, an empty list, a value that is not of the
     *                            parameter's kind or outside its range, or a range whose step is not positive
     */
    public static ParameterGrid of(final StrategyDefinition definition, final List<String> gridOptions) {
        final SequencedMap<String, ParameterSpec> declared = new LinkedHashMap<>();
        // the managed-position parameters every strategy takes are accepted too, but join the grid only when given
        // (left out, the strategy's defaults apply; a stop given as 0 would be refused)
        StrategyParameters.of(definition).forEach(p -> declared.put(p.name(), p));
        final Set<String> own = new LinkedHashSet<>();
        definition.parameters().forEach(p -> own.add(p.name()));
        final Map<String, List<String>> given = new LinkedHashMap<>();
        final List<String> memberOptions = new ArrayList<>();
        for (final String option : gridOptions) {
            final int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new OptimizerException("--grid " + option + ": expected name=v1,v2,... or name=start:stop:step");
            }
            final String name = option.substring(0, eq).trim();
            if (name.contains(".") && !declared.containsKey(name)) {
                memberOptions.add(option); // a member's parameter: joins the members texts below
                continue;
            }
            final ParameterSpec spec = declared.get(name);
            if (spec == null) {
                throw new OptimizerException("--grid " + option + ": strategy " + definition.name()
                    + " has no parameter '" + name + "' (parameters: " + String.join(", ", declared.keySet()) + ")");
            }
            if (given.containsKey(name)) {
                throw new OptimizerException("--grid " + option + ": parameter " + name + " is given twice");
            }
            final List<String> values = values(option, spec, option.substring(eq + 1).trim());
            if (spec.kind() == ParameterSpec.Kind.TEXT) {
                values.forEach(value -> checkText(definition, option, name, value));
            }
            given.put(name, values);
        }
        if (!memberOptions.isEmpty()) {
            given.put(MEMBERS, membersTexts(definition, declared.get(MEMBERS), given.get(MEMBERS), memberOptions));
        }
        final List<List<String>> lists = new ArrayList<>();
        final List<ParameterSpec> columns = new ArrayList<>();
        for (final ParameterSpec spec : declared.values()) {
            final List<String> list = given.get(spec.name());
            if (list == null && !own.contains(spec.name())) {
                continue;
            }
            columns.add(spec);
            lists.add(list != null ? list : declaredValues(definition.name(), spec));
        }
        return new ParameterGrid(definition.name(), columns, lists);
    }

    /**
     * The {@code members} texts of the grid with each {@code MEMBER.PARAMETER=v1,v2,...} option applied to each text
     * ({@code base}, or the declared default): every combination, each checked by building the strategy with it.
     */
    private static List<String> membersTexts(final StrategyDefinition definition, final ParameterSpec members,
                                             final List<String> base, final List<String> memberOptions) {
        if (members == null || members.kind() != ParameterSpec.Kind.TEXT) {
            throw new OptimizerException("--grid " + memberOptions.getFirst() + ": strategy " + definition.name()
                + " has no members (a MEMBER.PARAMETER grid searches an ensemble member's parameter)");
        }
        List<String> texts = base != null ? base : List.of(members.textDefault());
        final Set<String> seen = new LinkedHashSet<>();
        for (final String option : memberOptions) {
            final int eq = option.indexOf('=');
            final String name = option.substring(0, eq).trim();
            final int dot = name.indexOf('.');
            final String member = name.substring(0, dot);
            final String key = name.substring(dot + 1);
            if (member.isEmpty() || key.isEmpty()) {
                throw new OptimizerException("--grid " + option + ": expected MEMBER.PARAMETER=v1,v2,...");
            }
            if (!seen.add(name)) {
                throw new OptimizerException("--grid " + option + ": parameter " + name + " is given twice");
            }
            final List<String> values = new ArrayList<>();
            for (final String part : option.substring(eq + 1).split(",", -1)) {
                if (part.isBlank() || part.contains(":")) {
                    throw new OptimizerException("--grid " + option + ": give a member's values as a list, e.g. "
                        + name + "=10,20,30");
                }
                if (!values.contains(part.strip())) {
                    values.add(part.strip());
                }
            }
            final List<String> next = new ArrayList<>();
            for (final String text : texts) {
                for (final String value : values) {
                    final String rewritten = MemberList.withParameter(text, member, key, value, option);
                    if (!next.contains(rewritten)) {
                        next.add(rewritten);
                    }
                }
            }
            texts = next;
        }
        final String options = String.join(" ", memberOptions);
        texts.forEach(text -> checkText(definition, options, MEMBERS, text));
        return texts;
    }

    private static List<String> declaredValues(final String strategy, final ParameterSpec spec) {
        if (spec.kind() == ParameterSpec.Kind.TEXT) {
            return List.of(spec.textDefault());
        }
        final List<String> out = new ArrayList<>();
        final List<Double> grid = spec.grid().isEmpty() ? List.of(spec.defaultValue()) : spec.grid();
        for (final double value : grid) {
            final String text = text(spec, BigDecimal.valueOf(value));
            checkRange("strategy " + strategy + " declared grid", spec, new BigDecimal(text), text);
            if (!out.contains(text)) {
                out.add(text);
            }
        }
        return out;
    }

    private static List<String> values(final String option, final ParameterSpec spec, final String text) {
        if (spec.kind() == ParameterSpec.Kind.TEXT) {
            final List<String> texts = new ArrayList<>();
            for (final String part : text.split("\\|", -1)) {
                if (part.isBlank()) {
                    throw new OptimizerException("--grid " + option + ": an empty value (parameter " + spec.name()
                        + " is text: separate its values with |, e.g. " + spec.name() + "=" + spec.textDefault() + ")");
                }
                if (!texts.contains(part.strip())) {
                    texts.add(part.strip());
                }
            }
            return texts;
        }
        if (text.isEmpty()) {
            throw new OptimizerException("--grid " + option + ": empty grid (give values such as "
                + spec.name() + "=10,20 or a range such as " + spec.name() + "=5:50:5)");
        }
        final List<BigDecimal> numbers = new ArrayList<>();
        if (text.contains(":")) {
            final String[] parts = text.split(":", -1);
            if (parts.length != 3) {
                throw new OptimizerException("--grid " + option + ": a range is start:stop:step, e.g. "
                    + spec.name() + "=5:50:5");
            }
            final BigDecimal start = number(option, spec, parts[0]);
            final BigDecimal stop = number(option, spec, parts[1]);
            final BigDecimal step = number(option, spec, parts[2]);
            if (step.signum() <= 0) {
                throw new OptimizerException("--grid " + option + ": the step must be positive, got " + parts[2].trim());
            }
            if (start.compareTo(stop) > 0) {
                throw new OptimizerException("--grid " + option + ": empty grid (start " + parts[0].trim()
                    + " is after stop " + parts[1].trim() + ")");
            }
            final BigDecimal count = stop.subtract(start).divideToIntegralValue(step);
            if (count.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
                throw new OptimizerException("--grid " + option + ": more than 10,000,000 values");
            }
            for (int i = 0; i <= count.intValueExact(); i++) {
                numbers.add(start.add(step.multiply(BigDecimal.valueOf(i))));
            }
        } else {
            for (final String part : text.split(",", -1)) {
                if (part.isBlank()) {
                    throw new OptimizerException("--grid " + option + ": empty value in the list");
                }
                numbers.add(number(option, spec, part));
            }
        }
        final Set<String> seen = new LinkedHashSet<>();
        for (final BigDecimal number : numbers) {
            final String value = text(spec, number);
            checkRange("--grid " + option, spec, number, value);
            if (!seen.add(value)) {
                throw new OptimizerException("--grid " + option + ": value " + value + " is given twice");
            }
        }
        return List.copyOf(seen);
    }

    /** Builds the strategy with text parameter {@code name} at {@code value}: whatever it refuses, the grid refuses. */
    private static void checkText(final StrategyDefinition definition, final String option, final String name,
                                  final String value) {
        try {
            final StrategyStateStore state = new StrategyStateStore(definition.name());
            definition.create(StrategyParameters.resolve(definition, Map.of(name, value)), state);
            state.close();
        } catch (final IllegalArgumentException refused) {
            throw new OptimizerException("--grid " + option + ": " + refused.getMessage());
        }
    }

    private static BigDecimal number(final String option, final ParameterSpec spec, final String text) {
        final BigDecimal number;
        try {
            number = new BigDecimal(text.trim());
        } catch (final NumberFormatException e) {
            throw new OptimizerException("--grid " + option + ": '" + text.trim() + "' is not a number");
        }
        if (spec.kind() == ParameterSpec.Kind.INT && number.stripTrailingZeros().scale() > 0) {
            throw new OptimizerException("--grid " + option + ": parameter " + spec.name()
                + " takes whole numbers, not '" + text.trim() + "'");
        }
        return number;
    }

    private static void checkRange(final String where, final ParameterSpec spec, final BigDecimal number,
                                   final String text) {
        if (number.compareTo(BigDecimal.valueOf(spec.min())) < 0 || number.compareTo(BigDecimal.valueOf(spec.max())) > 0) {
            throw new OptimizerException(where + ": " + spec.name() + "=" + text + " is out of range (expected "
                + text(spec, BigDecimal.valueOf(spec.min())) + " to " + text(spec, BigDecimal.valueOf(spec.max())) + ")");
        }
    }

    /** A value as the strategy's parameters parse it: a whole number for INT, a plain decimal for DOUBLE. */
    private static String text(final ParameterSpec spec, final BigDecimal number) {
        if (spec.kind() == ParameterSpec.Kind.INT) {
            return number.setScale(0, RoundingMode.UNNECESSARY).toPlainString();
        }
        final BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static long multiplySaturated(final long a, final long b) {
        final long high = Math.multiplyHigh(a, b);
        final long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }

    /** Number of combinations (saturating at {@link Long#MAX_VALUE}). */
    public long size() {
        return size;
    }

    /** The strategy's parameters in declaration order (the grid's column order). */
    public List<String> names() {
        return parameters.stream().map(ParameterSpec::name).toList();
    }

    /** The values tried for the parameter at {@code position}. */
    public List<String> values(final int position) {
        return values.get(position);
    }

    /** Combination {@code index} (0 … size − 1, grid order): parameter name → value text, declaration order. */
    public SequencedMap<String, String> combination(final long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("combination " + index + " of " + size);
        }
        final String[] chosen = new String[parameters.size()];
        long rest = index;
        for (int p = parameters.size() - 1; p >= 0; p--) {
            final int n = values.get(p).size();
            chosen[p] = values.get(p).get((int) (rest % n));
            rest /= n;
        }
        final SequencedMap<String, String> out = new LinkedHashMap<>();
        for (int p = 0; p < parameters.size(); p++) {
            out.put(parameters.get(p).name(), chosen[p]);
        }
        return out;
    }

    /**
     * The grid as text for summaries and reports: {@code fast=5,10,15 slow=20,30} (a text parameter's values joined by
     * {@code |}).
     */
    public String describe() {
        final StringBuilder out = new StringBuilder();
        for (int p = 0; p < parameters.size(); p++) {
            out.append(p == 0 ? "" : " ").append(parameters.get(p).name()).append('=')
                .append(String.join(parameters.get(p).kind() == ParameterSpec.Kind.TEXT ? "|" : ",", values.get(p)));
        }
        return out.toString();
    }

    /** The strategy's name. */
    public String strategy() {
        return strategy;
    }
}
