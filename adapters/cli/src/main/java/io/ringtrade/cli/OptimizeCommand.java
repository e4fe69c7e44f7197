package io.ringtrade.cli;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.FillModel;
import io.ringtrade.engine.config.OnOpposite;
import io.ringtrade.engine.strategy.StrategyCatalog;
import io.ringtrade.research.optimizer.BacktestSettings;
import io.ringtrade.research.optimizer.Optimization;
import io.ringtrade.research.optimizer.OptimizerException;
import io.ringtrade.research.optimizer.ParameterGrid;
import io.ringtrade.research.optimizer.ProgressListener;
import io.ringtrade.research.optimizer.RankMetric;
import io.ringtrade.research.optimizer.Timeline;
import io.ringtrade.research.optimizer.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.SequencedMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code ringtrade optimize}: backtests every combination of a strategy's parameter grid over data loaded once and
 * shared by {@code --jobs} threads (one business logic per backtest), ranks them, and writes results.csv (grid
 * order, a rank column) and the best combination's run files; with {@code --train-fraction} or
 * {@code --walk-forward} it ranks on train bars and reports the out-of-sample result. Prints the ten best; shows
 * progress on stderr (a bar on a terminal, a line every few seconds otherwise); Ctrl-C writes the rows that finished
 * and exits with 130. Runs on the main thread plus the job threads.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Backtest a strategy's parameter grid in parallel and rank it; writes results.csv and the best run.")
public final class OptimizeCommand implements Callable<Integer> {
    /** Exit code after Ctrl-C (128 + SIGINT), once the finished rows are written. */
    static final int EXIT_STOPPED = 130;
    /** Most combinations run without {@code --yes}, by default. */
    static final long MAX_COMBINATIONS_DEFAULT = 100_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--strategy", paramLabel = "NAME", description = "strategy name (see: ringtrade strategies); may be left out with one --strategy-file")
    String strategy;

    @Mixin
    StrategySources sources = new StrategySources();

    @Option(names = "--grid", paramLabel = "k=v1,v2|k=start:stop:step",
        description = "values of one parameter, repeatable; parameters without --grid use the strategy's declared grid")
    List<String> grids = new ArrayList<>();

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "bar or trade file, repeatable")
    List<Path> data = new ArrayList<>();

    @Mixin
    BacktestOptions options = new BacktestOptions();

    @Option(names = "--interval", defaultValue = "1d", description = "bar interval (default: ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--fill", defaultValue = "next-open", description = "next-open or close (default: ${DEFAULT-VALUE})")
    String fill;

    @Option(names = "--jobs", paramLabel = "N", description = "backtests run at once (default: the number of cores)")
    Integer jobs;

    @Option(names = "--rank", defaultValue = "sharpe",
        description = "sharpe, total_return, calmar, sortino or profit_factor (default: ${DEFAULT-VALUE})")
    String rank;

    @Option(names = "--min-trades", defaultValue = "1", paramLabel = "K",
        description = "combinations with fewer trades rank last (default: ${DEFAULT-VALUE})")
    int minTrades;

    @Option(names = "--train-fraction", paramLabel = "F",
        description = "rank on the first F of the bars, then test the best on the rest (validation.json)")
    Double trainFraction;

    @Option(names = "--walk-forward", paramLabel = "K", description = "rank and test on K rolling train/test folds")
    Integer walkForward;

    @Option(names = "--train-bars", paramLabel = "N", description = "walk-forward train bars per fold")
    Integer trainBars;

    @Option(names = "--test-bars", paramLabel = "M", description = "walk-forward test bars per fold")
    Integer testBars;

    @Option(names = "--max-combinations", defaultValue = "100000", paramLabel = "N",
        description = "refuse larger grids unless --yes (default: ${DEFAULT-VALUE})")
    long maxCombinations;

    @Option(names = "--yes", description = "run a grid larger than --max-combinations")
    boolean yes;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--report", description = "also write DIR/report.html")
    boolean report;

    @Option(names = "--report-axes", paramLabel = "P1,P2", description = "the report heatmap's two parameters (default: the first two)")
    String reportAxes;

    @Override
    public Integer call() {
        try {
            return optimize();
        } catch (final OptimizerException e) {
            throw new UserException(e.getMessage());
        }
    }

    private int optimize() {
        final StrategyCatalog catalog = sources.catalog();
        strategy = sources.strategyName(strategy, catalog);
        final StrategyDefinition definition = catalog.get(strategy);
        final RankMetric rankMetric = RankMetric.parse(rank);
        final Validation validation = validation();
        final List<String> axes = Reports.axes(reportAxes);
        final ParameterGrid grid = ParameterGrid.of(definition, grids);
        for (final String axis : axes) {
            // checked now, not when the report is built after the whole run
            if (!grid.names().contains(axis)) {
                throw new UserException("--report-axes: '" + axis + "' is not a parameter of " + strategy
                    + " (parameters: " + String.join(", ", grid.names()) + ")");
            }
        }
        if (axes.size() > 2 || (axes.size() == 2 && axes.get(0).equals(axes.get(1)))) {
            throw new UserException("--report-axes: give two different parameters, e.g. fast,slow (got " + reportAxes
                + ")");
        }
        if (grid.size() > maxCombinations && !yes) {
            throw new UserException(String.format(Locale.ROOT, "the grid has %,d combinations, more than "
                + "--max-combinations %,d; narrow the grid or pass --yes", grid.size(), maxCombinations));
        }
        final Interval barInterval = Interval.parse(interval);
        final List<MarketDataInputs.DataFile> files = options.dataFiles(data);
        final TradedInstruments traded = options.traded(files);
        final BacktestSettings settings = settings(catalog, barInterval, traded.registry());
        final InstrumentRegistry instruments = settings.instruments();
        final List<MarketDataInputs.InstrumentBars> loaded = MarketDataInputs.loadBars(files, barInterval,
            options.range(), instruments);
        final Timeline timeline = new Timeline(loaded.stream().map(MarketDataInputs.InstrumentBars::bars).toList(),
            loaded.stream().mapToInt(MarketDataInputs.InstrumentBars::instrumentId).toArray());
        final int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        final Optimization optimization = new Optimization(settings, grid, timeline, rankMetric, minTrades, validation,
            threads);
        optimization.folds(); // windows that do not fit the data are refused before anything runs
        final PrintWriter console = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        console.println("optimize " + strategy + ": " + grid.size() + " combinations (" + grid.describe() + ") on "
            + loaded.stream().map(MarketDataInputs.InstrumentBars::symbol).collect(Collectors.joining(" ")) + " "
            + barInterval.label() + ", " + timeline.bars() + " bars, " + threads + (threads == 1 ? " job" : " jobs")
            + ", ranked by " + rankMetric.key() + ", validation " + validation.label() + "; " + traded.describe());
        console.flush();
        final ProgressListener progress = TerminalProgress.onTerminal() ? new TerminalProgress()
            : new ProgressLines(err, System::nanoTime, ProgressLines.DEFAULT_INTERVAL_NANOS);
        final StopSignals signals = StopSignals.install(optimization::stop);
        final Optimization.Outcome outcome;
        try {
            outcome = optimization.run(out, runFields(loaded, barInterval, timeline, catalog), progress);
        } finally {
            signals.restore();
        }
        if (!outcome.refused().isEmpty()) {
            console.println(outcome.refused().size() + " combinations refused by the strategy and left out (first: "
                + outcome.firstRefusal() + ")");
        }
        if (outcome.stopped()) {
            console.println("stopped: " + outcome.rows().size() + " finished rows written to " + out.resolve("results.csv"));
            console.flush();
            return EXIT_STOPPED;
        }
        OptimizeOutput.print(console, grid, rankMetric, validation, outcome, out);
        console.flush();
        if (report) {
            Reports.write(out, axes, console);
        }
        return 0;
    }

    private Validation validation() {
        if (trainFraction != null && walkForward != null) {
            throw new UserException("give --train-fraction or --walk-forward, not both");
        }
        if ((trainBars != null || testBars != null) && walkForward == null) {
            throw new UserException("--train-bars and --test-bars go with --walk-forward K");
        }
        if (trainFraction != null) {
            return Validation.split(trainFraction);
        }
        return walkForward != null ? Validation.walkForward(walkForward, trainBars, testBars) : Validation.none();
    }

    private BacktestSettings settings(final StrategyCatalog catalog, final Interval barInterval,
                                      final InstrumentRegistry instruments) {
        final FillModel fillModel = BacktestOptions.fill(fill);
        final double riskFreeRate = options.riskFreeRate();
        final OnOpposite opposite = options.onOpposite();
        final long slippageBps = options.slippageBps;
        final long commissionBps = options.commissionBps;
        if (slippageBps < 0 || slippageBps >= 10_000 || commissionBps < 0 || commissionBps >= 10_000) {
            throw new UserException("--slippage-bps and --commission-bps must be between 0 and 9999");
        }
        final long cashFixed = options.cash();
        if (cashFixed > FixedPoint.parse(BookConfig.MAX_CASH)) {
            throw new UserException("--cash must be at most " + BookConfig.MAX_CASH + " (money is fixed-point at 1e-8 in"
                + " a 64-bit long; the cap leaves equity room to grow), got " + options.cash);
        }
        final long minNotionalFixed = options.minNotional();
        if (minNotionalFixed < 0) {
            throw new UserException("--min-notional must not be negative, got " + options.minNotional);
        }
        return new BacktestSettings(catalog, strategy, instruments, barInterval, cashFixed, slippageBps,
            commissionBps, options.allowShort, minNotionalFixed, fillModel == FillModel.CLOSE, riskFreeRate, opposite,
            options.leverage());
    }

    private SequencedMap<String, String> runFields(final List<MarketDataInputs.InstrumentBars> loaded,
                                                   final Interval barInterval, final Timeline timeline,
                                                   final StrategyCatalog catalog) {
        final SequencedMap<String, String> fields = new LinkedHashMap<>();
        final String strategyFile = StrategySources.fileOf(strategy, catalog);
        if (!strategyFile.isEmpty()) {
            fields.put("strategy_file", strategyFile);
            fields.put("strategy_sha256", catalog.sourceFile(strategy).sha256());
        }
        fields.put("symbols", loaded.stream().map(MarketDataInputs.InstrumentBars::symbol)
            .collect(Collectors.joining(" ")));
        fields.put("interval", barInterval.label());
        fields.put("fill", fill);
        if (!options.onOpposite.equals("close")) {
            fields.put("on_opposite", options.onOpposite);
        }
        BacktestOptions.describe(options.leverage(), fields);
        fields.put("slippage_bps", Long.toString(options.slippageBps));
        fields.put("commission_bps", Long.toString(options.commissionBps));
        fields.put("data", data.stream().map(Path::toString).collect(Collectors.joining(" ")));
        fields.put("bars", Integer.toString(timeline.bars()));
        return fields;
    }
}
