package io.ringtrade.cli;

import io.ringtrade.research.optimizer.Optimization;
import io.ringtrade.research.optimizer.OptimizerFiles;
import io.ringtrade.research.optimizer.ParameterGrid;
import io.ringtrade.research.optimizer.RankMetric;
import io.ringtrade.research.optimizer.Ranking;
import io.ringtrade.research.optimizer.ResultRow;
import io.ringtrade.research.optimizer.Validation;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;

/**
 * What {@code ringtrade optimize} prints when it finishes: the ten best combinations (with a split, on the train
 * bars), or each walk-forward fold's best with its out-of-sample result, then the summary of the run written to the
 * output folder, and the files written. Main thread.
 */
final class OptimizeOutput {
    /** Rows printed. */
    static final int TOP = 10;

    private OptimizeOutput() {
    }

    static void print(final PrintWriter console, final ParameterGrid grid, final RankMetric rank,
                      final Validation validation, final Optimization.Outcome outcome, final Path out) {
        if (validation.kind() == Validation.Kind.WALK_FORWARD) {
            folds(console, grid, rank, outcome);
            console.println();
            console.println("stitched out-of-sample result (walk_forward_equity.csv, summary.json):");
            console.println(outcome.summary().toTable());
            console.println("wrote " + out.resolve("results.csv") + ", walk_forward.csv, walk_forward_equity.csv, "
                + "summary.json, trades.csv, orders.csv, prices.csv, folds/");
            return;
        }
        final List<ResultRow> ranked = Ranking.inRankOrder(outcome.rows(), outcome.ranks());
        console.println((validation.kind() == Validation.Kind.SPLIT ? "ten best on the train bars" : "ten best")
            + " (of " + ranked.size() + ", ranked by " + rank.key() + "):");
        final List<String> header = new ArrayList<>(List.of("rank"));
        header.addAll(grid.names());
        header.addAll(List.of(rank.key(), "total_return", "max_drawdown", "trades"));
        final List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(TOP, ranked.size()); i++) {
            final ResultRow row = ranked.get(i);
            final List<String> line = new ArrayList<>(List.of(Integer.toString(i + 1)));
            line.addAll(row.parameters().values());
            line.add(text(row, rank.key()));
            line.add(text(row, "total_return"));
            line.add(text(row, "max_drawdown"));
            line.add(text(row, "trades"));
            rows.add(line);
        }
        table(console, header, rows);
        console.println();
        final ResultRow best = outcome.folds().get(0).best();
        if (validation.kind() == Validation.Kind.SPLIT) {
            console.println("best on the train bars: " + best.describe() + "; on the test bars (warmed up on the "
                + "train bars):");
        } else {
            console.println("best: " + best.describe() + "; its backtest over all bars:");
        }
        console.println(outcome.summary().toTable());
        console.println("wrote " + out.resolve("results.csv")
            + (validation.kind() == Validation.Kind.SPLIT ? ", validation.json" : "")
            + ", trades.csv, equity.csv, orders.csv, prices.csv, summary.json");
    }

    private static void folds(final PrintWriter console, final ParameterGrid grid, final RankMetric rank,
                              final Optimization.Outcome outcome) {
        console.println("each fold's best on its train bars, and its result on the test bars after them:");
        final List<String> header = new ArrayList<>(List.of("fold", "test from", "test to"));
        header.addAll(grid.names());
        header.addAll(List.of("train " + rank.key(), "test total_return", "test " + rank.key(), "test trades"));
        final List<List<String>> rows = new ArrayList<>();
        for (final Optimization.FoldResult fold : outcome.folds()) {
            final List<String> line = new ArrayList<>();
            line.add(Integer.toString(fold.fold().number()));
            final SequencedMap<String, String> test = OptimizerFiles.metricTexts(fold.outOfSample());
            line.add(fold.from());
            line.add(fold.to());
            line.addAll(fold.best().parameters().values());
            line.add(text(fold.best(), rank.key()));
            line.add(test.get("total_return"));
            line.add(test.get(rank.key()));
            line.add(test.get("trades"));
            rows.add(line);
        }
        table(console, header, rows);
    }

    private static String text(final ResultRow row, final String key) {
        final String value = row.metrics().get(key);
        return value == null || value.isEmpty() ? "-" : value;
    }

    /** Columns right-aligned to their widest cell. */
    static void table(final PrintWriter console, final List<String> header, final List<List<String>> rows) {
        final int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (final List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        line(console, header, widths);
        for (final List<String> row : rows) {
            line(console, row, widths);
        }
    }

    private static void line(final PrintWriter console, final List<String> cells, final int[] widths) {
        final StringBuilder out = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            out.append(c == 0 ? "" : "  ").append(" ".repeat(widths[c] - cells.get(c).length())).append(cells.get(c));
        }
        console.println(out);
    }
}
