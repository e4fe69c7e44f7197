package io.ringtrade.cli;

import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.strategy.StrategyCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;

/** {@code ringtrade strategies}: lists the strategies found, with their parameters and defaults. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
    description = "List the strategies found, with their parameters and defaults.")
public final class StrategiesCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        final PrintWriter out = spec.commandLine().getOut();
        for (final StrategyDefinition strategy : StrategyCatalog.load(getClass().getClassLoader()).all()) {
            out.println(strategy.name() + " - " + strategy.description());
            for (final ParameterSpec parameter : strategy.parameters()) {
                out.printf("    %-12s %-6s default %-8s %s%n", parameter.name(),
                    parameter.kind().name().toLowerCase(Locale.ROOT), parameter.defaultText(),
                    parameter.description());
            }
        }
        out.flush();
    }
}
