package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.DoubleArrayCell;
import io.ringtrade.engine.api.strategy.DoubleCell;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.LongArrayCell;
import io.ringtrade.engine.api.strategy.LongCell;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.api.strategy.StrategyState;

/**
 * A strategy of the library whose decision rule is built over an indicator declaration it is handed rather than one
 * of its own, so the same rule runs alone (its own declaration, sealed by {@link #create}) or as a member of the
 * {@code ensemble} (the ensemble's declaration, shared by all members, so one row serves them all). Subclasses are
 * stateless definitions; what a rule remembers between bars lives in the {@link StrategyState} cells it is given.
 * Start-up thread; the rules it builds run on the business-logic thread.
 */
public abstract class LibraryStrategy implements StrategyDefinition {
    /** For subclasses. */
    protected LibraryStrategy() {
    }

    /**
     * The decision rule for {@code parameters}, reading columns it declares in {@code indicators} (and reaching back
     * no further than it declares with {@link #reach}), keeping state in cells of {@code state}.
     *
     * @throws IllegalArgumentException for parameters that do not fit together, naming the strategy
     */
    protected abstract DecisionStrategy rule(Parameters parameters, Indicators indicators, StrategyState state);

    /** The rule over its own declaration; a rule that asks for state cells is refused here. */
    @Override
    public final DecisionStrategy create(final Parameters parameters) {
        return create(parameters, new NoState(name()));
    }

    /** The rule over its own declaration, with its state in {@code state}. */
    @Override
    public final DecisionStrategy create(final Parameters parameters, final StrategyState state) {
        final Indicators indicators = new Indicators().maxBarsAgo(0);
        return indicators.strategy(rule(parameters, indicators, state));
    }

    /** Refuses a fast average that is not shorter than the slow one, naming the strategy and both values. */
    protected final void requireFastBelowSlow(final int fast, final int slow) {
        if (fast >= slow) {
            throw new IllegalArgumentException("strategy " + name() + ": fast (" + fast + ") must be less than slow ("
                + slow + ")");
        }
    }

    /** Makes reads of {@code indicators} reach at least {@code bars} bars back. */
    protected static void reach(final Indicators indicators, final int bars) {
        if (indicators.maxBarsAgo() < bars) {
            indicators.maxBarsAgo(bars);
        }
    }

    /** A cross up at this bar: {@code a > b} now and {@code a ≤ b} one bar before. */
    protected static boolean crossedUp(final double aNow, final double bNow, final double aBefore,
                                       final double bBefore) {
        return aNow > bNow && aBefore <= bBefore;
    }

    /** A cross down at this bar: {@code a < b} now and {@code a ≥ b} one bar before. */
    protected static boolean crossedDown(final double aNow, final double bNow, final double aBefore,
                                         final double bBefore) {
        return aNow < bNow && aBefore >= bBefore;
    }

    /** The mean volume of the {@code n} bars ending at this one (this one included); NaN before there are n. */
    protected static double meanVolume(final Row row, final int n) {
        if (row.barIndex() < n - 1) {
            return Double.NaN;
        }
        double sum = 0;
        for (int ago = 0; ago < n; ago++) {
            sum += row.volume(ago);
        }
        return sum / n;
    }

    /** The state of a strategy created without the engine's cells: it has none to give. */
    private static final class NoState implements StrategyState {
        private final String strategy;

        NoState(final String strategy) {
            this.strategy = strategy;
        }

        private IllegalStateException refused(final String name) {
            return new IllegalStateException("strategy " + strategy + " keeps state ('" + name
                + "'): create it with create(parameters, state) so the engine can snapshot it");
        }

        @Override
        public LongCell longCell(final String name, final long initial) {
            throw refused(name);
        }

        @Override
        public DoubleCell doubleCell(final String name, final double initial) {
            throw refused(name);
        }

        @Override
        public LongArrayCell longArray(final String name, final int length, final long initial) {
            throw refused(name);
        }

        @Override
        public DoubleArrayCell doubleArray(final String name, final int length, final double initial) {
            throw refused(name);
        }
    }
}
