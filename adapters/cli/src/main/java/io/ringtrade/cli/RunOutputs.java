package io.ringtrade.cli;

import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.output.RunOutputWriter;
import io.ringtrade.engine.output.RunSummaries;
import io.ringtrade.engine.report.PerformanceSummary;

import java.nio.file.Path;
import java.util.SequencedMap;

/**
 * Writes a finished run's files (trades.csv, equity.csv, orders.csv, summary.json) the same way for backtest, run
 * and replay, so their outputs compare byte for byte. Called on the thread that owns the finished run.
 */
final class RunOutputs {
    private RunOutputs() {
    }

    /** Summarises the run (annualised at its bar interval, risk-free rate 0 unless given) and writes its files. */
    static PerformanceSummary write(final BusinessLogic logic, final Path dir, final SequencedMap<String, String> runFields) {
        return write(logic, dir, runFields, logic.clockInterval().periodsPerYear(), 0);
    }

    /** As {@link #write(BusinessLogic, Path, SequencedMap)} with explicit annualisation and risk-free rate. */
    static PerformanceSummary write(final BusinessLogic logic, final Path dir, final SequencedMap<String, String> runFields,
                                    final double periodsPerYear, final double riskFreeRate) {
        final PerformanceSummary summary = RunSummaries.summarize(logic, periodsPerYear, riskFreeRate);
        final String[] names = java.util.Arrays.stream(logic.books()).map(b -> b.name()).toArray(String[]::new);
        new RunOutputWriter(logic.instruments(), names).writeAll(dir, logic.fillLog(), logic.equityLog(),
            logic.orderLog(), runFields == null ? summary.toJson() : summary.toJson(runFields));
        return summary;
    }
}
