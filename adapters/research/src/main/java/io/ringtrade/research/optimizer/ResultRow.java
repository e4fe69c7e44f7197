package io.ringtrade.research.optimizer;

import io.ringtrade.engine.report.PerformanceSummary;

import java.util.SequencedMap;

/**
 * One finished combination of one train window: where it sits in the grid, its parameter values, and its metrics
 * (as the record and as summary.json's texts). Immutable; made on a job thread, read on the main thread.
 *
 * @param fold       walk-forward fold (1-based), or 0 for a plain or split optimization
 * @param index      position in grid order
 * @param parameters name → value text, in declaration order
 * @param summary    the metrics
 * @param metrics    summary.json's keys → texts, in its order
 */
public record ResultRow(int fold, long index, SequencedMap<String, String> parameters, PerformanceSummary summary,
                        SequencedMap<String, String> metrics) {
    /** The parameters as {@code fast=10 slow=30}. */
    public String describe() {
        final StringBuilder out = new StringBuilder();
        parameters.forEach((name, value) -> out.append(out.length() == 0 ? "" : " ").append(name).append('=')
            .append(value));
        return out.toString();
    }
}
