package io.ringtrade.report;

import com.google.gson.JsonObject;
import io.ringtrade.engine.api.market.Interval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;

/**
 * Everything a report shows, read from one output folder by file and column name: {@code summary.json} and
 * {@code equity.csv} (or, for walk-forward, {@code walk_forward_equity.csv}) are required; {@code trades.csv},
 * {@code round_trips.csv}, {@code orders.csv}, {@code prices.csv}, {@code results.csv}, {@code validation.json} and
 * {@code walk_forward.csv} are shown when present. Extra files and extra columns are ignored. Immutable once read;
 * the report-building thread.
 */
final class ReportFolder {
    /** Name of the required summary file. */
    static final String SUMMARY = "summary.json";

    final Path dir;
    final JsonObject summary;
    final SequencedMap<String, String> metrics;
    final SequencedMap<String, String> run;
    final String equityFile;
    final EquityCurve equity;
    final CsvTable trades;
    final CsvTable roundTrips;
    final CsvTable orders;
    final CsvTable prices;
    final CsvTable results;
    final JsonObject validation;
    final CsvTable walkForward;
    final CsvTable walkForwardEquity;

    private ReportFolder(final Path dir) {
        this.dir = dir;
        if (!Files.isDirectory(dir)) {
            throw new ReportException(dir + ": not a directory");
        }
        this.summary = JsonFile.read(dir.resolve(SUMMARY));
        this.metrics = JsonFile.primitives(summary);
        this.run = JsonFile.nested(summary, "run");
        this.walkForwardEquity = optional("walk_forward_equity.csv");
        final CsvTable equityTable = optional("equity.csv");
        if (equityTable == null && walkForwardEquity == null) {
            throw new ReportException(dir + ": no equity.csv (nor walk_forward_equity.csv); give the output folder of a "
                + "backtest, replay, run or optimize");
        }
        this.equityFile = equityTable != null ? "equity.csv" : "walk_forward_equity.csv";
        this.equity = EquityCurve.read(equityTable != null ? equityTable : walkForwardEquity, initialCapital());
        this.trades = optional("trades.csv");
        this.roundTrips = optional("round_trips.csv");
        this.orders = optional("orders.csv");
        this.prices = optional("prices.csv");
        this.results = optional("results.csv");
        this.walkForward = optional("walk_forward.csv");
        this.validation = Files.isRegularFile(dir.resolve("validation.json"))
            ? JsonFile.read(dir.resolve("validation.json")) : null;
    }

    /** Reads the folder {@code dir}. */
    static ReportFolder read(final Path dir) {
        return new ReportFolder(dir);
    }

    private CsvTable optional(final String name) {
        final Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? CsvTable.read(file) : null;
    }

    /**
     * The capital the run started with: the run's {@code cash} field when there is one, else final_equity / (1 +
     * total_return) from the metrics (exact to their ten significant digits), else unknown (NaN).
     */
    private double initialCapital() {
        final String cash = run.get("cash");
        if (cash != null) {
            try {
                return Double.parseDouble(cash);
            } catch (final NumberFormatException e) {
                throw new ReportException(dir.resolve(SUMMARY) + ": run.cash '" + cash + "' is not a number");
            }
        }
        final double finalEquity = JsonFile.number(summary, "final_equity");
        final double totalReturn = JsonFile.number(summary, "total_return");
        return 1 + totalReturn > 0 ? finalEquity / (1 + totalReturn) : Double.NaN;
    }

    /** The ranking metric of an optimization ({@code run.rank_by}), {@code sharpe} when not said. */
    String rankMetric() {
        return run.getOrDefault("rank_by", "sharpe");
    }

    /**
     * The optimized parameters, in grid order: the names in {@code run.grid} ({@code fast=5,10 slow=20,30}), else the
     * columns of results.csv before its first metric column.
     */
    List<String> parameterNames() {
        final List<String> names = new ArrayList<>();
        final String grid = run.get("grid");
        if (grid != null && !grid.isBlank()) {
            for (final String part : grid.trim().split("\\s+")) {
                final int eq = part.indexOf('=');
                names.add(eq < 0 ? part : part.substring(0, eq));
            }
            return names;
        }
        if (results != null) {
            for (final String column : results.header()) {
                if (metrics.containsKey(column) || column.equals("rank")) {
                    break;
                }
                if (!column.equals("fold")) {
                    names.add(column);
                }
            }
        }
        return names;
    }

    /** Periods per year for the rolling Sharpe: the run's interval when it says one, else the equity rows' spacing. */
    double periodsPerYear() {
        final String label = run.get("interval");
        if (label != null) {
            try {
                return Interval.parse(label).periodsPerYear();
            } catch (final IllegalArgumentException unknown) {
                // fall through to the spacing
            }
        }
        return Spacing.periodsPerYear(equity.times());
    }
}
