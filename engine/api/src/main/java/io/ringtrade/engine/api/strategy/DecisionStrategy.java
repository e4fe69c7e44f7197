package io.ringtrade.engine.api.strategy;

/**
 * The common way to write a strategy (DESIGN.md §5): a function of one bar's {@link Row} returning
 * {@link #BUY}, {@link #SELL} or {@link #HOLD}. Called once per closed bar per instrument on the
 * business-logic thread. The engine sizes the orders: with one instrument a buy spends all cash and a sell
 * closes the whole position; with several, each instrument targets an equal share of the book's value. The managed
 * position parameters every strategy takes ({@link PositionRules}: fixed notional, fraction of equity or quantity,
 * stop-loss, take-profit, trailing and time stops, pyramiding, {@code average_last}) change this as the README states.
 *
 * <p>What an answer does depends on the position ({@link Row#position()}): while flat, {@link #BUY} enters long and
 * {@link #SELL} enters short (where the book allows shorts); while long, {@link #SELL} exits and {@link #BUY} adds
 * (only with {@code max_adds} &gt; 0); while short, {@link #BUY} exits and {@link #SELL} adds. An exit bar does not also
 * enter.
 *
 * <p>Must be deterministic: no clock, no randomness, no I/O. Anything it must remember between calls lives in
 * {@link StrategyState} cells, which the engine snapshots; a strategy with any other mutable field is refused at start
 * (otherwise recovery from a snapshot would silently give different decisions than replaying every input).
 */
@FunctionalInterface
public non-sealed interface DecisionStrategy extends Strategy {
    /** Enter or add to a long position. */
    int BUY = 1;
    /** Exit (or, where shorting is allowed, go short). */
    int SELL = -1;
    /** Do nothing. */
    int HOLD = 0;

    /** The decision for the bar in {@code row}. */
    int decide(Row row);
}
