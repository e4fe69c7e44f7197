package io.ringtrade.engine.api.strategy;

/**
 * The common way to write a strategy (DESIGN.md §5): a function of one bar's {@link Row} returning
 * {@link #BUY}, {@link #SELL} or {@link #HOLD}. Called once per closed bar per instrument on the
 * business-logic thread. The engine sizes the orders: with one instrument a buy spends all cash and a sell
 * closes the whole position; with several, each instrument targets an equal share of the book's value.
 *
 * <p>Must be deterministic: no clock, no randomness, no I/O. Anything it must remember between calls lives in
 * {@link StrategyState} cells, which the engine snapshots; a strategy with any other mutable field is refused at start
 * (otherwise recovery from a snapshot would silently give different decisions than replaying every input).
 */
@FunctionalInterface
public interface DecisionStrategy {
    /** Enter or add to a long position. */
    int BUY = 1;
    /** Exit (or, where shorting is allowed, go short). */
    int SELL = -1;
    /** Do nothing. */
    int HOLD = 0;

    /** The decision for the bar in {@code row}. */
    int decide(Row row);
}
