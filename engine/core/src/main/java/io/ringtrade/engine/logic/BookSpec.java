package io.ringtrade.engine.logic;

import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.strategy.StrategyStateStore;
import io.ringtrade.engine.venue.SimulatedFillModel;

/**
 * What business logic needs to run one strategy instance with its own book. Built by
 * {@link io.ringtrade.engine.runtime.BookAssembly} from configuration (or directly in tests). Immutable apart from
 * the strategy's state cells, which business logic owns once built.
 *
 * @param name        book name (unique), written in the {@code strategy} column of the output files
 * @param strategy    the decision function instance
 * @param instruments interned ids of the instruments it trades
 * @param interval    bar interval it decides on
 * @param cash        starting cash, fixed-point
 * @param fillModel   how the simulated venue fills its orders (costs, fill at close, participation)
 * @param limits      its pre-trade limits
 * @param state       the strategy's state cells (snapshotted)
 */
public record BookSpec(String name, DecisionStrategy strategy, int[] instruments, Interval interval, long cash,
                       SimulatedFillModel fillModel, RiskLimits limits, StrategyStateStore state) {
    /** Copies the instrument ids and checks them and the cash. */
    public BookSpec {
        instruments = instruments.clone();
        if (instruments.length == 0) {
            throw new IllegalArgumentException("book " + name + " trades no instrument");
        }
        if (cash <= 0) {
            throw new IllegalArgumentException("book " + name + ": cash must be positive");
        }
    }

    /** A book whose strategy keeps no state between calls. */
    public BookSpec(final String name, final DecisionStrategy strategy, final int[] instruments, final Interval interval,
                    final long cash, final SimulatedFillModel fillModel, final RiskLimits limits) {
        this(name, strategy, instruments, interval, cash, fillModel, limits, closedEmptyState(name));
    }

    private static StrategyStateStore closedEmptyState(final String name) {
        final StrategyStateStore state = new StrategyStateStore(name);
        state.close();
        return state;
    }
}
