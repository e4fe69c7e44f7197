/**
 * Per-instrument bars and the technical indicators behind {@link io.ringtrade.engine.api.strategy.Row}
 * (DESIGN.md §5): every column of the Python {@code ta} library's {@code add_all_ta_features} (0.11.0) and the
 * parametric indicators, computed natively and incrementally.
 *
 * <p>{@link io.ringtrade.engine.indicator.InstrumentBars} keeps a bounded history of closed bars and updates exactly
 * the indicators a strategy declared ({@link io.ringtrade.engine.api.strategy.Indicators}) at every bar close; the
 * indicator families live in {@code indicator.ta}, the exact sums, rolling windows and {@code pandas}-compatible
 * averages they are built from in {@code indicator.rolling}. Everything here is owned by the business-logic thread.
 */
package io.ringtrade.engine.indicator;
