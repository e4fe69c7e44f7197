package io.ringtrade.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code ringtrade} command and its sub-commands. */
@Command(name = "ringtrade", mixinStandardHelpOptions = true, version = "ringtrade 0.1.0",
    description = "Low-latency in-process trading engine: backtests, paper runs, journals.",
    subcommands = {RunCommand.class, BacktestCommand.class, ReplayCommand.class, ImportCommand.class,
        JournalCommand.class, StrategiesCommand.class, OptimizeCommand.class, ReportCommand.class,
        IndicatorsCommand.class, KillSwitchCommand.class, StatusCommand.class, LimitsCommand.class, VerifyVenueCommand.class,
        InstrumentsCommand.class, DownloadCommand.class, NewStrategyCommand.class, HelpCommand.class})
public final class RingtradeCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
