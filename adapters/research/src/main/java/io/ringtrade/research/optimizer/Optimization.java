package io.ringtrade.research.optimizer;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.report.PerformanceAccumulator;
import io.ringtrade.engine.report.PerformanceSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One optimization, start to finish: checks every combination with the strategy, ranks the grid on each train
 * window in parallel ({@link GridRunner}, one business logic per backtest, the data shared read-only), writes
 * {@code results.csv}, then runs what the validation asks for and writes its files:
 * <ul>
 *   <li>none: the best combination's backtest over every bar (trades.csv, equity.csv, orders.csv, prices.csv,
 *   summary.json);</li>
 *   <li>split: the best combination on the test bars, warmed up on the train bars (the same files) and
 *   {@code validation.json} with both sides;</li>
 *   <li>walk-forward: each fold's best on its test bars, one after another with the equity carried over
 *   ({@code folds/fold-N/}), {@code walk_forward.csv}, {@code walk_forward_equity.csv}, the stitched
 *   trades.csv, orders.csv, prices.csv and summary.json.</li>
 * </ul>
 * After a stop only results.csv is written, with the rows that finished.
 *
 * <p>Runs on the calling thread apart from the grid's job threads. Rows are in grid order and every backtest is
 * deterministic, so the files are byte-identical whatever the number of jobs.
 */
public final class Optimization {
    private final BacktestSettings settings;
    private final ParameterGrid grid;
    private final Timeline timeline;
    private final RankMetric rank;
    private final int minTrades;
    private final Validation validation;
    private final GridRunner<ResultRow> runner;

    /** An optimization of {@code grid} over {@code timeline} on {@code jobs} threads. */
    public Optimization(final BacktestSettings settings, final ParameterGrid grid, final Timeline timeline,
                        final RankMetric rank, final int minTrades, final Validation validation, final int jobs) {
        if (minTrades < 0) {
            throw new OptimizerException("--min-trades must not be negative, got " + minTrades);
        }
        this.settings = settings;
        this.grid = grid;
        this.timeline = timeline;
        this.rank = rank;
        this.minTrades = minTrades;
        this.validation = validation;
        this.runner = new GridRunner<>(jobs);
    }

    /** Asks the optimization to stop: no new backtest starts; the finished rows are written. Any thread. */
    public void stop() {
        runner.stop();
    }

    /** The folds the validation cuts the timeline into (one whole-data "fold" without validation). */
    public List<Fold> folds() {
        return switch (validation.kind()) {
            case NONE -> List.of(new Fold(1, Window.of(0, timeline.bars()), null));
            case SPLIT -> List.of(WindowPlan.split(timeline.bars(), validation.trainFraction()));
            case WALK_FORWARD -> WindowPlan.walkForward(timeline.bars(), validation.folds(), validation.trainBars(),
                validation.testBars());
        };
    }

    /** What an optimization found; the per-fold results are empty after a stop. */
    public record Outcome(List<ResultRow> rows, int[] ranks, List<Long> refused, String firstRefusal,
                          boolean stopped, List<FoldResult> folds, PerformanceSummary summary) {
    }

    /**
     * One fold's best combination and, when there is a test window, its out-of-sample result.
     *
     * @param fold        the windows
     * @param best        the best-ranked row of the fold's train window
     * @param outOfSample metrics on the test window (the whole-data backtest without validation)
     * @param from        time of the first bar {@code outOfSample} covers, ISO-8601
     * @param to          time of the last bar it covers, ISO-8601
     */
    public record FoldResult(Fold fold, ResultRow best, PerformanceSummary outOfSample, String from, String to) {
    }

    /**
     * Runs the optimization and writes its files into {@code out}.
     *
     * @param runFields fields describing the data and costs (symbols, interval, fill, ...) for summary.json's
     *                  {@code run} object
     * @throws OptimizerException when no combination of the grid is accepted by the strategy, or the windows do
     *                            not fit the data
     */
    public Outcome run(final Path out, final SequencedMap<String, String> runFields, final ProgressListener progress) {
        final List<Fold> folds = folds();
        final List<Long> valid = new ArrayList<>();
        final List<Long> refused = new ArrayList<>();
        String firstRefusal = null;
        final List<SequencedMap<String, String>> parameters = new ArrayList<>();
        for (long i = 0; i < grid.size(); i++) {
            final SequencedMap<String, String> combination = grid.combination(i);
            try {
                EngineBacktest.check(settings, timeline, combination);
                valid.add(i);
                parameters.add(combination);
            } catch (final IllegalArgumentException e) {
                refused.add(i);
                firstRefusal = firstRefusal == null ? e.getMessage() : firstRefusal;
            }
        }
        if (valid.isEmpty()) {
            throw new OptimizerException("no combination of the grid is accepted by strategy " + grid.strategy() + ": "
                + firstRefusal);
        }
        if ((long) valid.size() * folds.size() > Integer.MAX_VALUE) {
            throw new OptimizerException(valid.size() + " combinations × " + folds.size() + " folds is too many backtests");
        }
        createDirectories(out);
        final int perFold = valid.size();
        final AtomicReferenceArray<ResultRow> finished = runner.run(perFold * folds.size(), task -> {
            final Fold fold = folds.get(task / perFold);
            final int k = task % perFold;
            final PerformanceSummary summary;
            try {
                summary = EngineBacktest.summary(settings, parameters.get(k), timeline, fold.train(), settings.cash());
            } catch (final ArithmeticException overflow) {
                // fixed-point money refuses to wrap: an absurdly compounding combination stops the run, named
                throw new OptimizerException(grid.strategy() + " " + describe(grid.combination(valid.get(k)))
                    + " on bars " + first(fold.train()) + " to " + last(fold.train()) + " left the fixed-point range ("
                    + overflow.getMessage() + "); narrow the grid or shorten the data");
            }
            return new ResultRow(folds.size() > 1 ? fold.number() : 0, valid.get(k), parameters.get(k), summary,
                OptimizerFiles.metricTexts(summary));
        }, progress);
        final List<ResultRow> rows = new ArrayList<>();
        final List<List<ResultRow>> byFold = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            final List<ResultRow> foldRows = new ArrayList<>();
            for (int k = 0; k < perFold; k++) {
                final ResultRow row = finished.get(f * perFold + k);
                if (row != null) {
                    foldRows.add(row);
                }
            }
            byFold.add(foldRows);
            rows.addAll(foldRows);
        }
        final int[] ranks = new int[rows.size()];
        int offset = 0;
        for (final List<ResultRow> foldRows : byFold) {
            final int[] foldRanks = Ranking.ranks(foldRows, rank, minTrades);
            System.arraycopy(foldRanks, 0, ranks, offset, foldRanks.length);
            offset += foldRanks.length;
        }
        OptimizerFiles.writeResults(out.resolve("results.csv"), grid.names(), metricKeys(), rows, ranks,
            validation.kind() == Validation.Kind.WALK_FORWARD);
        if (runner.stopped()) {
            return new Outcome(rows, ranks, refused, firstRefusal, true, List.of(), null);
        }
        final List<ResultRow> best = new ArrayList<>();
        offset = 0;
        for (final List<ResultRow> foldRows : byFold) {
            int bestIndex = 0;
            for (int i = 0; i < foldRows.size(); i++) {
                if (ranks[offset + i] == 1) {
                    bestIndex = i;
                }
            }
            best.add(foldRows.get(bestIndex));
            offset += foldRows.size();
        }
        final SequencedMap<String, String> fields = runFields(runFields);
        return switch (validation.kind()) {
            case NONE -> wholeData(out, folds.get(0), best.get(0), fields, rows, ranks, refused, firstRefusal);
            case SPLIT -> split(out, folds.get(0), best.get(0), fields, rows, ranks, refused, firstRefusal);
            case WALK_FORWARD -> new WalkForward(settings, timeline, grid, rank).run(out, folds, best, fields,
                new Outcome(rows, ranks, refused, firstRefusal, false, List.of(), null));
        };
    }

    private Outcome wholeData(final Path out, final Fold fold, final ResultRow best,
                              final SequencedMap<String, String> fields, final List<ResultRow> rows, final int[] ranks,
                              final List<Long> refused, final String firstRefusal) {
        final EngineBacktest.Result result = EngineBacktest.runAndWrite(settings, best.parameters(), timeline,
            fold.train(), settings.cash(), out, withBest(fields, best, fold.train()));
        return new Outcome(rows, ranks, refused, firstRefusal, false,
            List.of(new FoldResult(fold, best, result.summary(), first(fold.train()), last(fold.train()))),
            result.summary());
    }

    private Outcome split(final Path out, final Fold fold, final ResultRow best,
                          final SequencedMap<String, String> fields, final List<ResultRow> rows, final int[] ranks,
                          final List<Long> refused, final String firstRefusal) {
        final EngineBacktest.Result test = EngineBacktest.runAndWrite(settings, best.parameters(), timeline,
            fold.test(), settings.cash(), out, withBest(fields, best, fold.test()));
        final StringBuilder json = new StringBuilder("{\n");
        json.append("  \"rank_by\": \"").append(rank.key()).append("\",\n");
        json.append("  \"train_fraction\": ").append(validation.trainFraction()).append(",\n");
        part(json, "train", fold.train(), best, best.summary());
        json.append(",\n");
        part(json, "test", fold.test(), best, test.summary());
        json.append("\n}\n");
        OptimizerFiles.writeText(out.resolve("validation.json"), json.toString());
        return new Outcome(rows, ranks, refused, firstRefusal, false,
            List.of(new FoldResult(fold, best, test.summary(), first(fold.test()), last(fold.test()))), test.summary());
    }

    /** One side of validation.json: its window, the parameters and the metrics as summary.json writes them. */
    private void part(final StringBuilder json, final String name, final Window window, final ResultRow best,
                      final PerformanceSummary summary) {
        json.append("  \"").append(name).append("\": {\n");
        json.append("    \"from\": \"").append(OptimizerFiles.isoTime(timeline.time(window.tradeFrom()))).append("\",\n");
        json.append("    \"to\": \"").append(OptimizerFiles.isoTime(timeline.time(window.to() - 1))).append("\",\n");
        json.append("    \"bars\": ").append(window.tradedBars()).append(",\n");
        json.append("    \"warmup_bars\": ").append(window.warmupBars()).append(",\n");
        json.append("    \"parameters\": \"").append(best.describe()).append("\",\n");
        json.append("    \"metrics\": ");
        final String metrics = summary.toJson().strip();
        json.append(metrics.replace("\n", "\n    ")).append("\n  }");
    }

    private SequencedMap<String, String> runFields(final SequencedMap<String, String> given) {
        final SequencedMap<String, String> fields = new LinkedHashMap<>();
        fields.put("command", "optimize");
        fields.put("strategy", grid.strategy());
        fields.put("grid", grid.describe());
        fields.put("rank_by", rank.key());
        fields.put("min_trades", Integer.toString(minTrades));
        fields.put("validation", validation.label());
        fields.putAll(given);
        fields.put("cash", FixedPoint.toString(settings.cash()));
        return fields;
    }

    private SequencedMap<String, String> withBest(final SequencedMap<String, String> fields, final ResultRow best,
                                                  final Window window) {
        final SequencedMap<String, String> out = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            out.put(key, value);
            if (key.equals("strategy")) {
                out.put("parameters", best.describe());
            }
        });
        out.put("from", OptimizerFiles.isoTime(timeline.time(window.tradeFrom())));
        out.put("to", OptimizerFiles.isoTime(timeline.time(window.to() - 1)));
        out.put("warmup_bars", Integer.toString(window.warmupBars()));
        return out;
    }

    private static String describe(final SequencedMap<String, String> parameters) {
        final StringBuilder out = new StringBuilder();
        parameters.forEach((name, value) -> out.append(out.length() == 0 ? "" : " ").append(name).append('=')
            .append(value));
        return out.toString();
    }

    /** Time of the first traded bar of {@code window}, ISO-8601. */
    String first(final Window window) {
        return OptimizerFiles.isoTime(timeline.time(window.tradeFrom()));
    }

    /** Time of the last bar of {@code window}, ISO-8601. */
    String last(final Window window) {
        return OptimizerFiles.isoTime(timeline.time(window.to() - 1));
    }

    /** summary.json's metric keys, in its order (for results.csv's header, even when no row finished). */
    private List<String> metricKeys() {
        return List.copyOf(OptimizerFiles.metricTexts(new PerformanceAccumulator(settings.cash(),
            settings.interval().periodsPerYear(), settings.riskFreeRate()).summary()).keySet());
    }

    private static void createDirectories(final Path out) {
        try {
            Files.createDirectories(out);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
    }
}
