package io.ringtrade.engine.api.strategy;

import java.util.List;

/**
 * A strategy the engine can find and instantiate: its name, what it does, its parameters, and a factory for
 * instances. Implementations are discovered with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.ringtrade.engine.api.strategy.StrategyDefinition}), so adding a strategy is one
 * class and one line. Must have a public no-argument constructor and be stateless.
 *
 * <p>Every strategy also takes the managed-position parameters ({@link StrategyParameters}, {@link PositionRules});
 * {@link #positionDefaults()} gives their defaults for this strategy.
 */
public interface StrategyDefinition {
    /** Unique name used on the command line, e.g. {@code sma_crossover}. */
    String name();

    /** One line saying what the strategy does. */
    String description();

    /** The parameters it declares itself, with defaults, ranges and optimizer grids. */
    List<ParameterSpec> parameters();

    /**
     * This strategy's defaults for the managed-position parameters every strategy takes (sizing, stop-loss,
     * take-profit, trailing and time stops, {@code max_adds}, {@code average_last}); by default today's rules
     * ({@link PositionRules#DEFAULT}). The resolved values are {@link Parameters#positionRules()}.
     */
    default PositionRules positionDefaults() {
        return PositionRules.DEFAULT;
    }

    /**
     * A fresh instance for one book; called once per strategy instance at start: a {@link DecisionStrategy}, an
     * {@link IterationStrategy} or an {@link EventStrategy}. A strategy without state between calls implements this
     * one. A decision function that reads indicator columns declares them here with {@link Indicators} and returns
     * {@code indicators.strategy(decide)}, so that the engine maintains exactly those from the first bar (an unknown
     * column name fails here, at start).
     */
    Strategy create(Parameters parameters);

    /**
     * A fresh instance for one book that keeps what it must remember in cells of {@code state} (snapshotted by the
     * engine). Called instead of {@link #create(Parameters)}; by default it ignores the state.
     */
    default Strategy create(final Parameters parameters, final StrategyState state) {
        return create(parameters);
    }
}
