package io.ringtrade.engine.logic;

import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.risk.BookRules;

/**
 * What business logic needs to run one strategy instance with its own book. Immutable.
 *
 * @param name        book name (unique), written in the {@code strategy} column of trades.csv
 * @param strategy    the decision function instance
 * @param instruments interned ids of the instruments it trades
 * @param interval    bar interval it decides on
 * @param cash        starting cash, fixed-point
 * @param rules       costs and pre-trade limits
 */
public record BookSpec(String name, DecisionStrategy strategy, int[] instruments, Interval interval, long cash,
                       BookRules rules) {
    /** Copies the instrument ids. */
    public BookSpec {
        instruments = instruments.clone();
        if (instruments.length == 0) {
            throw new IllegalArgumentException("book " + name + " trades no instrument");
        }
        if (cash <= 0) {
            throw new IllegalArgumentException("book " + name + ": cash must be positive");
        }
    }
}
