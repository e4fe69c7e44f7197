package io.ringtrade.cli;

import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.PositionRules;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import io.ringtrade.engine.strategy.StrategyCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ringtrade strategies}: lists the strategies found (built in, from strategy jars and from source files, the
 * latter two named with their origin), each with its one-line description, its own parameters
 * (kind, default, range, meaning) and the managed-position defaults it sets (stops, sizing), then the
 * managed-position parameters every strategy takes. Main thread.
 */
@Command(name = "strategies", mixinStandardHelpOptions = true,
    description = "List the strategies found (built in, --strategy-path jars, --strategy-file files), with their parameters, defaults, ranges and managed-position defaults.")
public final class StrategiesCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    StrategySources sources = new StrategySources();

    @Override
    public void run() {
        final PrintWriter out = spec.commandLine().getOut();
        final StrategyCatalog catalog = sources.catalog();
        for (final StrategyDefinition strategy : catalog.all()) {
            final String origin = catalog.origin(strategy.name());
            out.println(strategy.name() + " - " + strategy.description()
                + (origin.equals(StrategyCatalog.BUILT_IN) ? "" : " (" + origin + ")"));
            for (final ParameterSpec parameter : strategy.parameters()) {
                out.printf("    %-16s %-6s default %-8s %-22s %s%n", parameter.name(),
                    parameter.kind().name().toLowerCase(Locale.ROOT), parameter.defaultText(), range(parameter),
                    parameter.description());
            }
            final List<String> managed = managedDefaults(strategy.positionDefaults());
            if (!managed.isEmpty()) {
                out.println("    managed: " + String.join(" ", managed));
            }
        }
        final List<String> names = StrategyParameters.managed(PositionRules.DEFAULT).stream().map(ParameterSpec::name)
            .toList();
        out.println();
        out.println("Every strategy also takes the managed-position parameters " + String.join(", ", names)
            + " (README: managed positions); \"managed:\" shows a strategy's own defaults for them.");
        out.flush();
    }

    private static String range(final ParameterSpec parameter) {
        if (parameter.kind() == ParameterSpec.Kind.TEXT) {
            return "";
        }
        final boolean whole = parameter.kind() == ParameterSpec.Kind.INT;
        return "range " + number(parameter.min(), whole) + ".." + number(parameter.max(), whole);
    }

    private static String number(final double value, final boolean whole) {
        return whole ? Long.toString((long) value) : Double.toString(value);
    }

    /** The managed-position parameters whose default this strategy changes, as name=value. */
    private static List<String> managedDefaults(final PositionRules defaults) {
        final List<String> changed = new ArrayList<>();
        final List<ParameterSpec> plain = StrategyParameters.managed(PositionRules.DEFAULT);
        final List<ParameterSpec> own = StrategyParameters.managed(defaults);
        for (int i = 0; i < own.size(); i++) {
            if (own.get(i).defaultValue() != plain.get(i).defaultValue()) {
                changed.add(own.get(i).name() + "=" + own.get(i).defaultText());
            }
        }
        return changed;
    }
}
