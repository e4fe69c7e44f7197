package io.ringtrade.cli;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
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
import io.ringtrade.engine.config.BookLimits;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.FeedConfig;
import io.ringtrade.engine.config.FeedType;
import io.ringtrade.engine.config.FillModel;
import io.ringtrade.engine.config.JournalConfig;
import io.ringtrade.engine.config.Mode;
import io.ringtrade.engine.config.OnOpposite;
import io.ringtrade.engine.config.PipelineConfig;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.CsvOutputWriter;
import io.ringtrade.engine.output.OutputRows;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.report.PerformanceSummary;
import io.ringtrade.engine.runtime.BookAssembly;
import io.ringtrade.engine.runtime.Engine;
import io.ringtrade.engine.strategy.StrategyCatalog;
import io.ringtrade.journal.ChronicleEventJournal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.Writer;
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

    @Option(names = "--strategy", paramLabel = "NAME", description = "strategy name (see: ringtrade strategies); may be left out with one --strategy-file")
    String strategy;

    @Mixin
    StrategySources sources = new StrategySources();

    @Option(names = "--param", paramLabel = "k=v", description = "strategy parameter, repeatable")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--data", paramLabel = "FILE", description = "bar or trade file, repeatable (or --journal)")
    List<Path> data = new ArrayList<>();

    @Option(names = "--journal", paramLabel = "DIR", description = "run from a journal (see: ringtrade import) instead of --data")
    Path journal;

    @Option(names = "--journal-out", paramLabel = "DIR", description = "record the backtest's inputs into a new journal")
    Path journalOut;

    @Mixin
    BacktestOptions options = new BacktestOptions();

    @Option(names = "--interval", defaultValue = "1d", description = "bar interval: 1m 5m 15m 30m 1h 4h 1d 1wk 1mo (default: ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--fill", defaultValue = "next-open", description = "next-open or close (close is optimistic) (default: ${DEFAULT-VALUE})")
    String fill;

    @Option(names = "--ticks", description = "feed trade files as ticks (fills at the next trade) instead of bars")
    boolean ticks;

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
        console.println(WrittenFiles.line(out));
        console.flush();
        if (report) {
            Reports.write(out, List.of(), console);
        }
    }

    /**
     * What a journal's market data is: the instruments that have some, and the smallest gap between two bars of one
     * instrument ({@link Long#MAX_VALUE} without two bars).
     */
    private record JournalMarketData(BitSet present, long smallestBarGap) {
    }

    /** One pass over a journal's market data. */
    private static JournalMarketData scan(final Path dir) {
        final BitSet present = new BitSet();
        final Map<Integer, Long> lastBar = new TreeMap<>();
        long gap = Long.MAX_VALUE;
        try (JournalInput input = JournalInput.open(dir, new PrintWriter(Writer.nullWriter()))) {
            final EngineEvent slot = new EngineEvent();
            while (input.next(slot)) {
                if (slot.type == EventType.MARKET_DATA && slot.instrumentId >= 0) {
                    present.set(slot.instrumentId);
                    if (slot.marketDataKind == MarketDataKind.BAR) {
                        final Long previous = lastBar.put(slot.instrumentId, slot.eventTimeNanos);
                        if (previous != null && slot.eventTimeNanos > previous) {
                            gap = Math.min(gap, slot.eventTimeNanos - previous);
                        }
                    }
                }
            }
        }
        return new JournalMarketData(present, gap);
    }

    /**
     * The interval of a journal's bars when books must resample them to {@code wanted} (null when they are at it, or
     * the journal holds trades); refuses bars coarser than {@code wanted}, as data files are refused, because
     * treating hourly bars as minutes would annualise them sixty times over.
     */
    private Interval journalBars(final long gap, final Interval wanted) {
        if (gap == Long.MAX_VALUE) {
            return null;
        }
        Interval bars = null;
        for (final Interval candidate : Interval.values()) {
            if (candidate.nanos() == gap) {
                bars = candidate;
            }
        }
        final long day = Interval.D1.nanos();
        final boolean calendar = wanted == Interval.W1 || wanted == Interval.MO1;
        final long wantedNanos = calendar ? (wanted == Interval.W1 ? 7 * day : 28 * day) : wanted.nanos();
        if (gap > wantedNanos) {
            throw new UserException("journal " + journal + ": its bars are " + gap / 1_000_000_000L + " s apart"
                + (bars == null ? "" : " (" + bars.label() + ")") + ", coarser than --interval " + wanted.label()
                + "; choose an interval of at least the bars' spacing");
        }
        if (gap == wantedNanos || bars == wanted) {
            return null;
        }
        if (bars == null) {
            throw new UserException("journal " + journal + ": its bars are " + gap / 1_000_000_000L + " s apart, which"
                + " is no interval Ringtrade knows, so they cannot be resampled to --interval " + wanted.label());
        }
        return bars;
    }

    private EventJournal recordInto(final BacktestRun run) {
        final ChronicleEventJournal record = ChronicleEventJournal.open(journalOut);
        if (record.entryCount() != 0) {
            record.close();
            throw new UserException("journal " + journalOut + " already has " + record.entryCount()
                + " entries; record into a new directory");
        }
        JournalManifest.writeOrCheck(journalOut, manifest(run), run.catalog());
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
        final StrategyCatalog catalog = sources.catalog();
        final String strategy = sources.strategyName(this.strategy, catalog);
        final Parameters parameters = StrategyParameters.resolve(catalog.get(strategy), params);
        final Interval barInterval = Interval.parse(interval);
        final FillModel fillModel = BacktestOptions.fill(fill);
        final long cashFixed = options.cash();
        if (cashFixed > FixedPoint.parse(BookConfig.MAX_CASH)) {
            throw new UserException("--cash must be at most " + BookConfig.MAX_CASH + " (money is fixed-point at 1e-8 in"
                + " a 64-bit long, which holds ±92,233,720,368 units; the cap leaves equity room to grow), got "
                + options.cash);
        }
        if (data.isEmpty() == (journal == null)) {
            throw new UserException("give either --data FILE... or --journal DIR");
        }
        final double riskFreeRate = options.riskFreeRate();
        final OnOpposite opposite = options.onOpposite();
        final BookLimits leverage = options.leverage();
        final InstrumentRegistry instruments;
        final MarketDataSource source;
        final List<String> tradedSymbols = new ArrayList<>();
        final String steps;
        Interval inputBars = null;
        if (journal != null) {
            if (options.tickSize != null || options.lotSize != null) {
                throw new UserException("--tick-size and --lot-size are for --data files: a journal keeps the steps it"
                    + " was written with");
            }
            if (ticks) {
                throw new UserException("--ticks is for --data trade files: a journal is replayed as it was recorded");
            }
            instruments = JournalManifest.instruments(journal);
            final JournalMarketData contents = scan(journal);
            inputBars = journalBars(contents.smallestBarGap(), barInterval);
            if (options.symbols.isEmpty()) {
                final BitSet present = contents.present();
                for (int id = present.nextSetBit(0); id >= 0; id = present.nextSetBit(id + 1)) {
                    tradedSymbols.add(instruments.get(id).symbol());
                }
                if (tradedSymbols.isEmpty()) {
                    throw new UserException("journal " + journal + " holds no market data");
                }
            } else {
                for (final String symbol : options.symbols) {
                    if (instruments.find(symbol) == null) {
                        throw new UserException("journal " + journal + " has no instrument " + symbol);
                    }
                    tradedSymbols.add(symbol);
                }
            }
            source = JournalInput.open(journal, spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr());
            steps = "steps: as journal " + journal + " recorded them";
        } else {
            final List<MarketDataInputs.DataFile> files = options.dataFiles(data);
            final TradedInstruments traded = options.traded(files);
            instruments = traded.registry();
            steps = traded.describe();
            files.forEach(file -> tradedSymbols.add(file.symbol()));
            source = MarketDataInputs.load(files, barInterval, options.range(), ticks, instruments);
        }
        final List<String> traded = tradedSymbols.stream().distinct().toList();
        final String strategyFile = StrategySources.fileOf(strategy, catalog);
        final BookConfig book = new BookConfig(strategy, strategy, new TreeMap<>(params), traded, barInterval, cashFixed,
            FixedPoint.of(options.slippageBps), FixedPoint.of(options.commissionBps), options.allowShort,
            options.minNotional(), fillModel, 0, 0, leverage, opposite, strategyFile);
        // built once here so that a bad strategy, parameter or value is refused before anything runs
        final BookSpec checked = BookAssembly.assemble(book, instruments, catalog);
        if (checked.strategy() instanceof EventStrategy && journal == null && !ticks) {
            throw new UserException("strategy " + strategy + " is an event strategy and needs ticks: give trade files "
                + "with --ticks (or --journal), not bars");
        }
        final Map<String, String> runFields = new LinkedHashMap<>();
        runFields.put("strategy", strategy);
        // the managed-position parameters only where they are on, or every line would list all nine
        runFields.put("parameters", StrategyParameters.describe(parameters));
        runFields.put("symbols", String.join(" ", tradedSymbols));
        runFields.put("interval", barInterval.label());
        runFields.put("fill", fill);
        if (opposite != BookConfig.ON_OPPOSITE_DEFAULT) {
            runFields.put("on_opposite", opposite.label());
        }
        // the leverage terms only where set, so that the first line and summary of a cash account read as before
        BacktestOptions.describe(leverage, runFields);
        if (!strategyFile.isEmpty()) {
            runFields.put("strategy_file", strategyFile);
            runFields.put("strategy_sha256", catalog.sourceFile(strategy).sha256());
        }
        return new BacktestRun(instruments, source, book, checked.interval(), riskFreeRate, runFields, catalog, steps,
            inputBars);
    }

    /** A prepared backtest: its data, its one book, and how to summarise it. */
    record BacktestRun(InstrumentRegistry instruments, MarketDataSource source, BookConfig book, Interval interval,
                       double riskFreeRate, Map<String, String> runFields, StrategyCatalog catalog, String steps,
                       Interval inputBars) {
        /** Business logic for this backtest, writing its rows into {@code sink}. */
        BusinessLogic newLogic(final OutputSink sink) {
            return new BusinessLogic(instruments, List.of(BookAssembly.assemble(book, instruments, catalog)),
                new LogicSettings(sink, inputBars, 0, riskFreeRate, Long.MIN_VALUE));
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
                + runFields.get("symbols") + " " + runFields.get("interval") + ", fill " + runFields.get("fill")
                + (runFields.containsKey("on_opposite") ? ", on opposite " + runFields.get("on_opposite") : "")
                + (runFields.containsKey("max_leverage") ? ", leverage " + runFields.get("max_leverage") : "")
                + (runFields.containsKey("maintenance_margin_pct")
                    ? ", maintenance margin " + runFields.get("maintenance_margin_pct") + " %" : "")
                + (runFields.containsKey("margin_call") ? " (margin call: " + runFields.get("margin_call") + ")" : "")
                + (runFields.containsKey("borrow_rate_pct")
                    ? ", borrowing at " + runFields.get("borrow_rate_pct") + " % a year" : "")
                + (runFields.containsKey("short_fee_pct")
                    ? ", shorts at " + runFields.get("short_fee_pct") + " % a year" : "")
                + "; " + steps;
        }
    }
}
