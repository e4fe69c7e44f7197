/**
 * Per-instrument bar history and technical indicators behind {@link io.ringtrade.engine.api.strategy.Row}
 * (DESIGN.md §5).
 *
 * <p>{@link io.ringtrade.engine.indicator.InstrumentBars} keeps a bounded ring of closed bars and serves a
 * {@code Row} for the latest one. The parametric indicators ({@code sma}, {@code ema}, {@code rsi},
 * {@code close}) are native: incremental and allocation-free per bar. Named {@code ta}-library columns
 * ({@link io.ringtrade.engine.indicator.NamedColumns}) are computed with ta4j at bar close. Everything here
 * is owned by the business-logic thread.
 */
package io.ringtrade.engine.indicator;
