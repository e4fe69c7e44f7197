package io.ringtrade.cli;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.output.CsvOutputWriter;
import io.ringtrade.engine.output.OutputRows;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.report.PerformanceSummary;
import io.ringtrade.engine.runtime.Engine;
import io.ringtrade.engine.runtime.RecoveryStoppedException;
import io.ringtrade.engine.snapshot.SnapshotFormatException;
import io.ringtrade.engine.strategy.StrategyCatalog;
import io.ringtrade.engine.strategy.StrategySourceFile;
import io.ringtrade.journal.JournalReader;
import io.ringtrade.journal.JournalStats;
import io.ringtrade.journal.ReplayStart;
import io.ringtrade.journal.SnapshotStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ringtrade replay}: feeds a recorded journal through the same business logic, with the configuration kept
 * in the journal's manifest and the journal's own event times as the clock, and writes the files a backtest writes.
 * Nothing leaves the process. Replaying one journal twice writes identical bytes; replaying the journal of a paper
 * run gives the trades that run wrote.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Replay a journal through business logic; writes the files a backtest writes.")
public final class ReplayCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "journal directory")
    Path journal;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--report", description = "also write DIR/report.html (charts and tables; opens offline)")
    boolean report;

    @Mixin
    StrategySources sources = new StrategySources();

    @Override
    public void run() {
        final PrintWriter console = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        JournalManifest.instruments(journal);
        if (!JournalManifest.hasBooks(journal)) {
            throw new UserException("journal " + journal + " holds market data only (an import); run it with "
                + "ringtrade backtest --journal " + journal + " --strategy NAME ...");
        }
        final StrategyCatalog catalog = StrategyCatalog.load(ReplayCommand.class.getClassLoader());
        sources.strategyPaths.forEach(catalog::addJars);
        final EngineConfig config = withRecordedStrategyFiles(JournalManifest.read(journal), catalog);
        final InstrumentRegistry instruments = config.newInstrumentRegistry();
        final String[] symbols = new String[instruments.size()];
        final String[] currencies = new String[instruments.size()];
        for (int id = 0; id < symbols.length; id++) {
            symbols[id] = instruments.get(id).symbol();
            currencies[id] = instruments.get(id).currency();
        }
        // the audit log of a replay holds business logic's lines only: the same bytes as the "by":"engine" lines of
        // the audit.log beside the journal
        final CsvOutputWriter outputs = CsvOutputWriter.open(out, OutputRows.NONE, symbols, currencies,
            config.books().stream().map(BookConfig::name).toArray(String[]::new), null);
        final BusinessLogic logic = newLogic(config, outputs, catalog);
        final long started = System.nanoTime();
        final long entries;
        try {
            final long from = restoreWhereRetentionCut(logic, console, err);
            entries = Engine.replay(new ChronicleJournalAccess(journal, Engine.TO_THE_END, err), logic, from,
                Engine.TO_THE_END);
            logic.finish();
        } catch (final RecoveryStoppedException e) {
            throw JournalErrors.stopped(journal, e);
        } finally {
            outputs.close();
        }
        final long millis = (System.nanoTime() - started) / 1_000_000L;
        final PerformanceSummary summary = logic.summary();
        Engine.writeSummary(out, summary.toJson());
        PriceTape.writeFromJournal(journal, instruments, logic.clockInterval(),
            out.resolve(PriceTape.FILE));
        console.println("replayed " + entries + " entries from " + journal + " in " + millis + " ms");
        console.println(summary.toTable());
        for (final Book book : logic.books()) {
            console.println("  book " + book.name() + ": equity " + FixedPoint.toString(book.equity()) + ", cash "
                + FixedPoint.toString(book.cash()) + ", realized " + FixedPoint.toString(book.realizedPnl())
                + ", fees " + FixedPoint.toString(book.feesPaid()));
        }
        console.println(WrittenFiles.line(out));
        console.flush();
        if (report) {
            Reports.write(out, List.of(), console);
        }
    }

    /** Business logic for a journal recorded with {@code config}, writing to {@code sink}, as replay builds it. */
    static BusinessLogic newLogic(final EngineConfig config, final OutputSink sink) {
        return newLogic(config, sink, StrategyCatalog.load(ReplayCommand.class.getClassLoader()));
    }

    private static BusinessLogic newLogic(final EngineConfig config, final OutputSink sink,
                                          final StrategyCatalog catalog) {
        return Engine.configuredLogic(config, config.newInstrumentRegistry(), catalog, sink, config.feed().interval());
    }

    /**
     * {@code config} with each book's strategy source file taken from a {@code --strategy-file} with the bytes the
     * journal recorded (so a moved file can be given), else from the recorded path; refused when neither has those
     * bytes, because another strategy would not reproduce the recorded run.
     */
    private EngineConfig withRecordedStrategyFiles(final EngineConfig config, final StrategyCatalog catalog) {
        final Map<String, JournalManifest.RecordedStrategyFile> recorded = JournalManifest.recordedStrategyFiles(journal);
        final List<BookConfig> books = new ArrayList<>();
        for (final BookConfig book : config.books()) {
            final JournalManifest.RecordedStrategyFile file = recorded.get(book.name());
            if (!book.hasStrategyFile() || file == null) {
                books.add(book);
                continue;
            }
            Path chosen = null;
            for (final Path given : sources.strategyFiles) {
                if (file.sha256().equals(StrategySourceFile.sha256Of(given))) {
                    chosen = given;
                    break;
                }
            }
            if (chosen == null) {
                final String atRecordedPath = StrategySourceFile.sha256Of(Path.of(file.file()));
                if (!file.sha256().equals(atRecordedPath)) {
                    throw new UserException("journal " + journal + ": book " + book.name() + " was recorded with strategy"
                        + " file " + file.file() + " (sha256 " + file.sha256() + "), which "
                        + (atRecordedPath == null ? "is missing" : "has changed (now sha256 " + atRecordedPath + ")")
                        + "; give the original source with --strategy-file FILE");
                }
                chosen = Path.of(file.file());
            }
            catalog.addSourceFile(chosen);
            books.add(book.withStrategyFile(chosen.toAbsolutePath().normalize().toString()));
        }
        return config.withBooks(books);
    }

    /**
     * A journal that still holds entry 0 replays from it (returns 0). One whose first entries retention removed can
     * only be replayed from a snapshot: this restores the oldest usable one into {@code logic} and returns the entry
     * to read from; the output files then hold what happened after it.
     */
    private long restoreWhereRetentionCut(final BusinessLogic logic, final PrintWriter console, final PrintWriter err) {
        final long firstEntry;
        try (JournalReader reader = JournalReader.open(journal)) {
            firstEntry = reader.firstEntry();
        }
        if (firstEntry == 0) {
            return 0;
        }
        final JournalStats stats = JournalStats.compute(journal);
        final ReplayStart start = ReplayStart.forReplay(journal, stats.firstEntry() + stats.entries(),
            why -> err.println("ringtrade: " + why));
        final SnapshotStore.Snapshot snapshot = start.snapshot().orElseThrow();
        try {
            logic.restore(snapshot.state());
        } catch (final SnapshotFormatException e) {
            throw new UserException("journal " + journal + " starts at entry " + firstEntry + " (retention removed the"
                + " entries before it) and its oldest usable snapshot, " + snapshot.file() + ", does not match this"
                + " engine (" + e.getMessage() + "): it cannot be replayed; move the archived cycle files back into it");
        }
        console.println("journal " + journal + " " + start.describe() + "; the output files hold what happened after"
            + " it");
        return start.fromEntry();
    }
}
