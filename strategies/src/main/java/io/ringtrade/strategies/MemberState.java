package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.DoubleArrayCell;
import io.ringtrade.engine.api.strategy.DoubleCell;
import io.ringtrade.engine.api.strategy.LongArrayCell;
import io.ringtrade.engine.api.strategy.LongCell;
import io.ringtrade.engine.api.strategy.StrategyState;
import io.ringtrade.engine.api.strategy.WeightLog;

import java.util.List;

/**
 * The state an ensemble hands one member: the ensemble's own cells under names prefixed with the member's, so two
 * members' cells never collide and all of them are snapshotted with the ensemble's. Used only while the members are
 * built (start-up thread); a member may not keep a weight log of its own.
 */
final class MemberState implements StrategyState {
    private final StrategyState state;
    private final String prefix;

    MemberState(final StrategyState state, final String member) {
        this.state = state;
        this.prefix = member + ".";
    }

    @Override
    public LongCell longCell(final String name, final long initial) {
        return state.longCell(prefix + name, initial);
    }

    @Override
    public DoubleCell doubleCell(final String name, final double initial) {
        return state.doubleCell(prefix + name, initial);
    }

    @Override
    public LongArrayCell longArray(final String name, final int length, final long initial) {
        return state.longArray(prefix + name, length, initial);
    }

    @Override
    public DoubleArrayCell doubleArray(final String name, final int length, final double initial) {
        return state.doubleArray(prefix + name, length, initial);
    }

    @Override
    public WeightLog weightLog(final List<String> members) {
        throw new IllegalArgumentException("ensemble member " + prefix.substring(0, prefix.length() - 1)
            + " cannot weigh members of its own");
    }
}
