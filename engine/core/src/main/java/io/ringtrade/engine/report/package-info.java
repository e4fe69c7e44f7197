/**
 * Backtest performance report: the metrics computed from a finished run's equity curve and closed
 * round trips ({@link io.ringtrade.engine.report.PerformanceMetrics}), and their deterministic
 * rendering as {@code summary.json} and as a console table
 * ({@link io.ringtrade.engine.report.PerformanceSummary}).
 *
 * <p>Everything here is a pure function of its input: no clock, no randomness, no hash ordering, and
 * only {@link java.lang.StrictMath} for transcendental functions, so two replays of one journal give
 * byte-identical reports on any JVM.
 */
package io.ringtrade.engine.report;
