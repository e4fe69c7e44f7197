package io.ringtrade.research.optimizer;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.report.PerformanceAccumulator;
import io.ringtrade.engine.report.PerformanceSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * The out-of-sample half of a walk-forward: runs each fold's best combination on its test window (warmed up on
 * the fold's train bars), one fold after another, each starting with the equity the previous one ended with; then
 * stitches the folds into one out-of-sample run. Positions open at the end of a test window are valued at its last
 * close and not carried into the next (no exit cost is charged). The stitched buy-and-hold compounds each fold's
 * buy-and-hold the same way.
 *
 * <p>Writes {@code folds/fold-N/} (each fold's run files), {@code walk_forward.csv} (one row per fold: windows,
 * best parameters, in-sample ranking metric, out-of-sample metrics), {@code walk_forward_equity.csv} (the stitched
 * curve, equity.csv's columns plus {@code fold}), and the stitched {@code trades.csv}, {@code orders.csv},
 * {@code order_events.csv}, {@code round_trips.csv}, {@code prices.csv} and {@code summary.json}. Main thread.
 */
final class WalkForward {
    private final BacktestSettings settings;
    private final Timeline timeline;
    private final ParameterGrid grid;
    private final RankMetric rank;

    WalkForward(final BacktestSettings settings, final Timeline timeline, final ParameterGrid grid,
                final RankMetric rank) {
        this.settings = settings;
        this.timeline = timeline;
        this.grid = grid;
        this.rank = rank;
    }

    Optimization.Outcome run(final Path out, final List<Fold> folds, final List<ResultRow> best,
                             final SequencedMap<String, String> fields, final Optimization.Outcome ranked) {
        final List<Optimization.FoldResult> results = new ArrayList<>();
        final List<List<String>> foldRows = new ArrayList<>();
        final List<List<String>> equityRows = new ArrayList<>();
        final PerformanceAccumulator stitched = new PerformanceAccumulator(settings.cash(),
            settings.interval().periodsPerYear(), settings.riskFreeRate());
        List<String> metricKeys = null;
        long cash = settings.cash();
        long benchmarkStart = settings.cash();
        for (final Fold fold : folds) {
            final ResultRow chosen = best.get(fold.number() - 1);
            final SequencedMap<String, String> foldFields = new LinkedHashMap<>(fields);
            foldFields.put("fold", Integer.toString(fold.number()));
            foldFields.put("parameters", chosen.describe());
            final EngineBacktest.Result test = EngineBacktest.runAndWrite(settings, chosen.parameters(), timeline,
                fold.test(), cash, out.resolve("folds").resolve("fold-" + fold.number()), foldFields);
            results.add(new Optimization.FoldResult(fold, chosen, test.summary(),
                OptimizerFiles.isoTime(timeline.time(fold.test().tradeFrom())),
                OptimizerFiles.isoTime(timeline.time(fold.test().to() - 1))));
            long lastBenchmark = benchmarkStart;
            for (int i = 0; i < test.size(); i++) {
                // each fold's buy-and-hold starts from the fold's cash; rescaled, it carries on from where the
                // previous fold's left off, as one buy-and-hold over the test windows would
                lastBenchmark = FixedPoint.mulDiv(benchmarkStart, test.benchmark(i), test.cash(), RoundingMode.HALF_UP);
                stitched.onBar(test.equity(i), lastBenchmark, test.inPosition(i));
                equityRows.add(List.of(OptimizerFiles.isoTime(test.time(i)), FixedPoint.toString(test.equity(i)),
                    FixedPoint.toString(test.cashAt(i)), FixedPoint.toString(test.positionsValue(i)),
                    FixedPoint.toString(lastBenchmark), Integer.toString(fold.number())));
            }
            for (final long pnl : test.roundTrips()) {
                stitched.onRoundTrip(pnl);
            }
            final SequencedMap<String, String> metrics = OptimizerFiles.metricTexts(test.summary());
            metricKeys = List.copyOf(metrics.keySet());
            foldRows.add(foldRow(fold, chosen, cash, metrics));
            cash = test.finalEquity();
            benchmarkStart = lastBenchmark;
        }
        final List<String> header = new ArrayList<>(List.of("fold", "train_from", "train_to", "test_from", "test_to",
            "train_bars", "test_bars", "warmup_bars"));
        header.addAll(grid.names());
        header.add("train_" + rank.key());
        header.add("start_equity");
        header.addAll(metricKeys);
        OptimizerFiles.writeCsv(out.resolve("walk_forward.csv"), header, foldRows);
        OptimizerFiles.writeCsv(out.resolve("walk_forward_equity.csv"),
            List.of("time", "equity", "cash", "positions_value", "benchmark_equity", "fold"), equityRows);
        final PerformanceSummary summary = stitched.summary();
        final SequencedMap<String, String> summaryFields = new LinkedHashMap<>(fields);
        summaryFields.put("from", OptimizerFiles.isoTime(timeline.time(folds.get(0).test().tradeFrom())));
        summaryFields.put("to", OptimizerFiles.isoTime(timeline.time(folds.get(folds.size() - 1).test().to() - 1)));
        OptimizerFiles.writeText(out.resolve("summary.json"), summary.toJson(summaryFields));
        for (final String file : List.of("trades.csv", "orders.csv", "order_events.csv", "round_trips.csv",
            "prices.csv")) {
            stitch(out, folds, file);
        }
        return new Optimization.Outcome(ranked.rows(), ranked.ranks(), ranked.refused(), ranked.firstRefusal(), false,
            results, summary);
    }

    private List<String> foldRow(final Fold fold, final ResultRow chosen, final long startEquity,
                                 final SequencedMap<String, String> metrics) {
        final List<String> row = new ArrayList<>();
        row.add(Integer.toString(fold.number()));
        row.add(OptimizerFiles.isoTime(timeline.time(fold.train().tradeFrom())));
        row.add(OptimizerFiles.isoTime(timeline.time(fold.train().to() - 1)));
        row.add(OptimizerFiles.isoTime(timeline.time(fold.test().tradeFrom())));
        row.add(OptimizerFiles.isoTime(timeline.time(fold.test().to() - 1)));
        row.add(Integer.toString(fold.train().tradedBars()));
        row.add(Integer.toString(fold.test().tradedBars()));
        row.add(Integer.toString(fold.test().warmupBars()));
        row.addAll(chosen.parameters().values());
        row.add(chosen.metrics().getOrDefault(rank.key(), ""));
        row.add(FixedPoint.toString(startEquity));
        row.addAll(metrics.values());
        return row;
    }

    /** Concatenates the folds' copies of {@code file}: one header, then every fold's rows in fold order. */
    private static void stitch(final Path out, final List<Fold> folds, final String file) {
        final StringBuilder text = new StringBuilder();
        try {
            for (final Fold fold : folds) {
                final List<String> lines = Files.readAllLines(out.resolve("folds").resolve("fold-" + fold.number())
                    .resolve(file), StandardCharsets.UTF_8);
                if (text.isEmpty()) {
                    text.append(lines.get(0)).append('\n');
                }
                for (final String line : lines.subList(1, lines.size())) {
                    text.append(line).append('\n');
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the folds' " + file + ": " + e.getMessage(), e);
        }
        OptimizerFiles.writeText(out.resolve(file), text.toString());
    }

}
