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
 * @param tradingStartNanos bars starting before this time (epoch nanoseconds) update the bars, indicators and
 *                    decisions but place no orders: the warm-up before a walk-forward test window.
 *                    {@link Long#MIN_VALUE} trades from the first bar.
 */
public record BookSpec(String name, DecisionStrategy strategy, int[] instruments, Interval interval, long cash,
                       BookRules rules, long tradingStartNanos) {
    /** A book that trades from its first bar. */
    public BookSpec(final String name, final DecisionStrategy strategy, final int[] instruments,
                    final Interval interval, final long cash, final BookRules rules) {
        this(name, strategy, instruments, interval, cash, rules, Long.MIN_VALUE);
    }

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
