package io.ringtrade.cli;

import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.report.PerformanceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ringtrade replay}: feeds a recorded journal through the same business logic, with the configuration kept
 * in the journal's manifest and the journal's own event times as the clock, and writes the files a backtest writes
 * plus orders.csv. Nothing leaves the process. Replaying one journal twice writes identical bytes; replaying the
 * journal of a paper run gives the trades that run wrote.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Replay a journal through business logic; writes trades.csv, equity.csv, orders.csv, summary.json.")
public final class ReplayCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "journal directory")
    Path journal;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--report", description = "also write DIR/report.html (charts and tables; opens offline)")
    boolean report;

    @Override
    public void run() {
        final PrintWriter console = spec.commandLine().getOut();
        if (!JournalManifest.hasBooks(requireManifest())) {
            throw new UserException("journal " + journal + " holds market data only (an import); run it with "
                + "ringtrade backtest --journal " + journal + " --strategy NAME ...");
        }
        final EngineConfig config = JournalManifest.read(journal);
        final InstrumentRegistry instruments = config.newInstrumentRegistry();
        final BusinessLogic logic = EngineAssembly.businessLogic(config, instruments);
        final long started = System.nanoTime();
        final long entries;
        final PriceTape prices;
        try (JournalInput input = JournalInput.open(journal, spec.commandLine().getErr())) {
            prices = new PriceTape(input, instruments, logic.clockInterval());
            BacktestDriver.run(logic, prices, EventJournal.none(), EffectSink.NONE);
            entries = input.entriesRead();
        }
        final long millis = (System.nanoTime() - started) / 1_000_000L;
        final PerformanceSummary summary = RunOutputs.write(logic, out, null);
        prices.write(out.resolve("prices.csv"));
        console.println("replayed " + entries + " entries from " + journal + " in " + millis + " ms");
        console.println(summary.toTable());
        console.println("wrote " + out.resolve("trades.csv") + ", equity.csv, orders.csv, prices.csv, summary.json");
        console.flush();
        if (report) {
            Reports.write(out, List.of(), console);
        }
    }

    private Path requireManifest() {
        JournalManifest.instruments(journal);
        return journal;
    }
}
