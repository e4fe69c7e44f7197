package io.ringtrade.engine.logic;

import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.PositionRules;
import io.ringtrade.engine.api.strategy.Strategy;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.strategy.StrategyStateStore;
import io.ringtrade.engine.venue.SimulatedFillModel;

/**
 * What business logic needs to run one strategy instance with its own book. Built by
 * {@link io.ringtrade.engine.runtime.BookAssembly} from configuration (or directly in tests). Immutable apart from
 * the strategy's state cells, which business logic owns once built.
 *
 * @param name        book name (unique), written in the {@code strategy} column of the output files
 * @param strategy    the strategy instance: a decision function, an iteration or an event strategy
 * @param instruments interned ids of the instruments it trades
 * @param interval    bar interval it decides on
 * @param cash        starting cash, fixed-point
 * @param fillModel   how the simulated venue fills its orders (costs, fill at close, participation)
 * @param limits      its pre-trade limits
 * @param state       the strategy's state cells (snapshotted)
 * @param rules       the managed-position rules (sizing, stops, pyramiding, average_last) of a decision strategy
 * @param reverseOnOpposite whether an opposite answer reverses the position where shorts are allowed
 *                    ({@code on-opposite = reverse}) instead of only closing it (decision strategies: one order that
 *                    crosses zero, or with managed positions a signal exit followed by an entry)
 */
public record BookSpec(String name, Strategy strategy, int[] instruments, Interval interval, long cash,
                       SimulatedFillModel fillModel, RiskLimits limits, StrategyStateStore state, PositionRules rules,
                       boolean reverseOnOpposite) {
    /** Copies the instrument ids and checks them and the cash. */
    public BookSpec {
        instruments = instruments.clone();
        if (instruments.length == 0) {
            throw new IllegalArgumentException("book " + name + " trades no instrument");
        }
        if (cash <= 0) {
            throw new IllegalArgumentException("book " + name + ": cash must be positive");
        }
        if (rules == null) {
            throw new IllegalArgumentException("book " + name + ": no position rules");
        }
    }

    /** A book whose opposite answers only close. */
    public BookSpec(final String name, final Strategy strategy, final int[] instruments, final Interval interval,
                    final long cash, final SimulatedFillModel fillModel, final RiskLimits limits,
                    final StrategyStateStore state, final PositionRules rules) {
        this(name, strategy, instruments, interval, cash, fillModel, limits, state, rules, false);
    }

    /** A book with today's position rules (no managed exits, all-cash sizing). */
    public BookSpec(final String name, final Strategy strategy, final int[] instruments, final Interval interval,
                    final long cash, final SimulatedFillModel fillModel, final RiskLimits limits,
                    final StrategyStateStore state) {
        this(name, strategy, instruments, interval, cash, fillModel, limits, state, PositionRules.DEFAULT);
    }

    /** A book whose strategy keeps no state between calls. */
    public BookSpec(final String name, final Strategy strategy, final int[] instruments, final Interval interval,
                    final long cash, final SimulatedFillModel fillModel, final RiskLimits limits) {
        this(name, strategy, instruments, interval, cash, fillModel, limits, closedEmptyState(name));
    }

    /** A decision-function book (a lambda is one) with today's position rules. */
    public BookSpec(final String name, final DecisionStrategy strategy, final int[] instruments, final Interval interval,
                    final long cash, final SimulatedFillModel fillModel, final RiskLimits limits,
                    final StrategyStateStore state) {
        this(name, (Strategy) strategy, instruments, interval, cash, fillModel, limits, state, PositionRules.DEFAULT);
    }

    /** A decision-function book whose strategy keeps no state between calls. */
    public BookSpec(final String name, final DecisionStrategy strategy, final int[] instruments, final Interval interval,
                    final long cash, final SimulatedFillModel fillModel, final RiskLimits limits) {
        this(name, (Strategy) strategy, instruments, interval, cash, fillModel, limits, closedEmptyState(name));
    }

    private static StrategyStateStore closedEmptyState(final String name) {
        final StrategyStateStore state = new StrategyStateStore(name);
        state.close();
        return state;
    }
}
