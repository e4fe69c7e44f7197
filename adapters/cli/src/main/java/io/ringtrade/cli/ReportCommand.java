package io.ringtrade.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/**
 * {@code ringtrade report DIR}: builds {@code DIR/report.html} from an existing output folder of backtest, replay,
 * run or optimize. Runs on the main thread.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Build DIR/report.html (self-contained, opens offline) from an output folder.")
public final class ReportCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "output folder of backtest, replay, run or optimize")
    Path dir;

    @Option(names = "--report-axes", paramLabel = "P1,P2",
        description = "for an optimization: the two parameters of the heatmap (default: the first two)")
    String axes;

    @Override
    public void run() {
        Reports.write(dir, Reports.axes(axes), spec.commandLine().getOut());
    }
}
