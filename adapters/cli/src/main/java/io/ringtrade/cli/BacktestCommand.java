package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.TimeRange;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.EventStrategy;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.FeedConfig;
import io.ringtrade.engine.config.FeedType;
import io.ringtrade.engine.config.FillModel;
import io.ringtrade.engine.config.JournalConfig;
import io.ringtrade.engine.config.Mode;
import io.ringtrade.engine.config.PipelineConfig;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.CsvOutputWriter;
import io.ringtrade.engine.output.OutputFiles;
import io.ringtrade.engine.output.OutputRows;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.report.PerformanceSummary;
import io.ringtrade.engine.runtime.BookAssembly;
import io.ringtrade.engine.runtime.Engine;
import io.ringtrade.engine.strategy.StrategyCatalog;
import io.ringtrade.journal.ChronicleEventJournal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ringtrade backtest}: runs one strategy over market-data files through the same business logic as a
 * live run, on one thread, with books built the one way every command builds them ({@link BookAssembly}), and writes
 * trades.csv, equity.csv, orders.csv, order_events.csv, round_trips.csv and summary.json. Two runs with the
 * same arguments write byte-identical files.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Backtest a strategy on market-data files; writes trades.csv, equity.csv, orders.csv, summary.json.")
public final class BacktestCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--strategy", required = true, paramLabel = "NAME", description = "strategy name (see: ringtrade strategies)")
    String strategy;

    @Option(names = "--param", paramLabel = "k=v", description = "strategy parameter, repeatable")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--data", paramLabel = "FILE", description = "bar or trade file, repeatable (or --journal)")
    List<Path> data = new ArrayList<>();

    @Option(names = "--journal", paramLabel = "DIR", description = "run from a journal (see: ringtrade import) instead of --data")
    Path journal;

    @Option(names = "--journal-out", paramLabel = "DIR", description = "record the backtest's inputs into a new journal")
    Path journalOut;

    @Option(names = "--symbol", paramLabel = "SYM", description = "symbol of each --data file in order (default: from the file name)")
    List<String> symbols = new ArrayList<>();

    @Option(names = "--interval", defaultValue = "1d", description = "bar interval: 1m 5m 15m 30m 1h 4h 1d 1wk 1mo (default: ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first day (inclusive)")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day (inclusive)")
    String to;

    @Option(names = "--cash", defaultValue = "10000", description = "starting cash (default: ${DEFAULT-VALUE})")
    String cash;

    @Option(names = "--slippage-bps", defaultValue = BookConfig.SLIPPAGE_BPS_DEFAULT, description = "slippage in basis points (default: ${DEFAULT-VALUE})")
    long slippageBps;

    @Option(names = "--commission-bps", defaultValue = BookConfig.COMMISSION_BPS_DEFAULT, description = "commission in basis points (default: ${DEFAULT-VALUE})")
    long commissionBps;

    @Option(names = "--fill", defaultValue = "next-open", description = "next-open or close (close is optimistic) (default: ${DEFAULT-VALUE})")
    String fill;

    @Option(names = "--min-notional", defaultValue = "10", description = "smallest order notional sent (default: ${DEFAULT-VALUE})")
    String minNotional;

    @Option(names = "--allow-short", description = "let a sell while flat open a short position")
    boolean allowShort;

    @Option(names = "--ticks", description = "feed trade files as ticks (fills at the next trade) instead of bars")
    boolean ticks;

    @Option(names = "--risk-free-rate", defaultValue = "0", description = "annual risk-free rate for sharpe/sortino (default: ${DEFAULT-VALUE})")
    double riskFreeRate;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--report", description = "also write DIR/report.html (charts and tables; opens offline)")
    boolean report;

    @Override
    public void run() {
        final BacktestRun run = prepare();
        final CsvOutputWriter outputs = CsvOutputWriter.open(out, OutputRows.NONE, run.symbols(),
            new String[] {run.book().name()});
        final BusinessLogic logic = run.newLogic(outputs);
        final PriceTape prices = new PriceTape(run.source(), run.instruments(), run.interval());
        try (EventJournal record = journalOut == null ? EventJournal.none() : recordInto(run)) {
            BacktestDriver.run(logic, prices, record, EffectSink.NONE);
        } finally {
            if (run.source() instanceof JournalInput input) {
                input.close();
            }
            outputs.close();
        }
        final PerformanceSummary summary = logic.summary();
        Engine.writeSummary(out, summary.toJson(new LinkedHashMap<>(run.runFields())));
        prices.write(out.resolve(PriceTape.FILE));
        final PrintWriter console = spec.commandLine().getOut();
        console.println(run.title());
        console.println(summary.toTable());
        console.println("wrote " + out.resolve(OutputFiles.TRADES) + ", " + OutputFiles.EQUITY + ", " + OutputFiles.ORDERS
            + ", " + OutputFiles.ORDER_EVENTS + ", " + OutputFiles.ROUND_TRIPS + ", " + PriceTape.FILE + ", "
            + OutputFiles.SUMMARY + (Files.exists(out.resolve(OutputFiles.WEIGHTS)) ? ", " + OutputFiles.WEIGHTS : ""));
        console.flush();
        if (report) {
            Reports.write(out, List.of(), console);
        }
    }

    /** Instruments that have market data in a journal (one pass over it). */
    private static BitSet instrumentsWithData(final Path dir) {
        final BitSet present = new BitSet();
        try (JournalInput input = JournalInput.open(dir, new PrintWriter(Writer.nullWriter()))) {
            final EngineEvent slot = new EngineEvent();
            while (input.next(slot)) {
                if (slot.type == EventType.MARKET_DATA && slot.instrumentId >= 0) {
                    present.set(slot.instrumentId);
                }
            }
        }
        return present;
    }

    private EventJournal recordInto(final BacktestRun run) {
        final ChronicleEventJournal record = ChronicleEventJournal.open(journalOut);
        if (record.entryCount() != 0) {
            record.close();
            throw new UserException("journal " + journalOut + " already has " + record.entryCount()
                + " entries; record into a new directory");
        }
        JournalManifest.writeOrCheck(journalOut, manifest(run));
        return record;
    }

    /** The configuration that replays this backtest from its journal: its instruments and its one book. */
    private EngineConfig manifest(final BacktestRun run) {
        return new EngineConfig(Mode.PAPER, out, Duration.ZERO,
            new PipelineConfig(PipelineConfig.RING_SIZE_DEFAULT, PipelineConfig.WAIT_STRATEGY_DEFAULT),
            new JournalConfig(journalOut, JournalConfig.DURABILITY_DEFAULT, 0),
            new FeedConfig(FeedType.JOURNAL, journalOut.toString(), run.book().symbols().get(0), 0),
            JournalManifest.instrumentConfigs(run.instruments()), List.of(run.book()));
    }

    /** Validates the arguments, loads the data and describes the book: everything but the business logic. */
    BacktestRun prepare() {
        final StrategyCatalog catalog = StrategyCatalog.load(getClass().getClassLoader());
        final Parameters parameters = StrategyParameters.resolve(catalog.get(strategy), params);
        final Interval barInterval = Interval.parse(interval);
        if (!fill.equals("next-open") && !fill.equals("close")) {
            throw new UserException("--fill must be next-open or close, not '" + fill + "'");
        }
        final long cashFixed = money("--cash", cash);
        if (cashFixed <= 0) {
            throw new UserException("--cash must be positive, got " + cash);
        }
        if (cashFixed > FixedPoint.parse(BookConfig.MAX_CASH)) {
            throw new UserException("--cash must be at most " + BookConfig.MAX_CASH + " (money is fixed-point at 1e-8 in"
                + " a 64-bit long, which holds ±92,233,720,368 units; the cap leaves equity room to grow), got " + cash);
        }
        if (data.isEmpty() == (journal == null)) {
            throw new UserException("give either --data FILE... or --journal DIR");
        }
        final InstrumentRegistry instruments;
        final MarketDataSource source;
        final List<String> tradedSymbols = new ArrayList<>();
        if (journal != null) {
            instruments = JournalManifest.instruments(journal);
            if (symbols.isEmpty()) {
                final BitSet present = instrumentsWithData(journal);
                for (int id = present.nextSetBit(0); id >= 0; id = present.nextSetBit(id + 1)) {
                    tradedSymbols.add(instruments.get(id).symbol());
                }
                if (tradedSymbols.isEmpty()) {
                    throw new UserException("journal " + journal + " holds no market data");
                }
            } else {
                for (final String symbol : symbols) {
                    if (instruments.find(symbol) == null) {
                        throw new UserException("journal " + journal + " has no instrument " + symbol);
                    }
                    tradedSymbols.add(symbol);
                }
            }
            source = JournalInput.open(journal, spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr());
        } else {
            instruments = Instruments.registry();
            final List<MarketDataInputs.DataFile> files = MarketDataInputs.dataFiles(data, symbols);
            files.forEach(file -> tradedSymbols.add(file.symbol()));
            source = MarketDataInputs.load(files, barInterval, TimeRange.parse(from, to), ticks, instruments);
        }
        final List<String> traded = tradedSymbols.stream().distinct().toList();
        final BookConfig book = new BookConfig(strategy, strategy, new TreeMap<>(params), traded, barInterval, cashFixed,
            FixedPoint.of(slippageBps), FixedPoint.of(commissionBps), allowShort, money("--min-notional", minNotional),
            fill.equals("close") ? FillModel.CLOSE : FillModel.NEXT_OPEN);
        // built once here so that a bad strategy, parameter or value is refused before anything runs
        final BookSpec checked = BookAssembly.assemble(book, instruments, catalog);
        if (checked.strategy() instanceof EventStrategy && journal == null && !ticks) {
            throw new UserException("strategy " + strategy + " is an event strategy and needs ticks: give trade files "
                + "with --ticks (or --journal), not bars");
        }
        final Map<String, String> runFields = new LinkedHashMap<>();
        runFields.put("strategy", strategy);
        runFields.put("parameters", parameters.describe());
        runFields.put("symbols", String.join(" ", tradedSymbols));
        runFields.put("interval", barInterval.label());
        runFields.put("fill", fill);
        return new BacktestRun(instruments, source, book, checked.interval(), riskFreeRate, runFields, catalog);
    }

    private static long money(final String option, final String text) {
        try {
            return FixedPoint.parse(text);
        } catch (final NumberFormatException e) {
            throw new UserException(option + ": '" + text + "' is not a decimal number");
        }
    }

    /** A prepared backtest: its data, its one book, and how to summarise it. */
    record BacktestRun(InstrumentRegistry instruments, MarketDataSource source, BookConfig book, Interval interval,
                       double riskFreeRate, Map<String, String> runFields, StrategyCatalog catalog) {
        /** Business logic for this backtest, writing its rows into {@code sink}. */
        BusinessLogic newLogic(final OutputSink sink) {
            return new BusinessLogic(instruments, List.of(BookAssembly.assemble(book, instruments, catalog)),
                new LogicSettings(sink, null, interval.periodsPerYear(), riskFreeRate, Long.MIN_VALUE));
        }

        /** Symbols by instrument id, for the output files. */
        String[] symbols() {
            final String[] names = new String[instruments.size()];
            for (int id = 0; id < names.length; id++) {
                names[id] = instruments.get(id).symbol();
            }
            return names;
        }

        /** One line naming the run. */
        String title() {
            return "backtest " + runFields.get("strategy") + " (" + runFields.get("parameters") + ") on "
                + runFields.get("symbols") + " " + runFields.get("interval") + ", fill " + runFields.get("fill");
        }
    }
}
