package io.ringtrade.engine.api.strategy;

import java.util.List;

/**
 * The iteration way to write a strategy (DESIGN.md §5): {@link #onIteration} runs on a {@link #schedule()} in event
 * time and trades through its {@link IterationContext} ({@code buy}, {@code sell}, {@code rebalance}), reading
 * prices, positions, cash, equity and its instruments' {@link Row}s. For portfolios and target weights. Runs on the
 * business-logic thread at bar closes (not the tick path); state only in {@link StrategyState} cells. The managed exits
 * ({@code stop_loss}, {@code take_profit}, {@code trailing_stop}, {@code time_stop_bars}) protect the positions its
 * orders open; the sizing parameters, {@code max_adds} and {@code average_last} are refused at start (it sizes its own
 * orders).
 */
public non-sealed interface IterationStrategy extends Strategy {
    /** When {@link #onIteration} runs. */
    IterationSchedule schedule();

    /** One iteration, after the scheduled bar of every instrument of the book closed. */
    void onIteration(IterationContext ctx);

    /**
     * The indicators its rows carry ({@link Indicators}, sealed by the engine), or null for none. Declared once in
     * {@code create}, kept in a final field.
     */
    default Indicators indicators() {
        return null;
    }

    /**
     * Checks, at start, that this instance fits its book: {@code symbols} the book trades and {@code currency} its
     * cash currency (e.g. weights naming only these). Throws {@link IllegalArgumentException} with a one-line message.
     */
    default void check(final List<String> symbols, final String currency) {
    }
}
