package io.ringtrade.engine.api.strategy;

import java.util.List;

/**
 * A strategy the engine can find and instantiate: its name, what it does, its parameters, and a factory for
 * instances. Implementations are discovered with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.ringtrade.engine.api.strategy.StrategyDefinition}), so adding a strategy is one
 * class and one line. Must have a public no-argument constructor and be stateless.
 */
public interface StrategyDefinition {
    /** Unique name used on the command line, e.g. {@code sma_crossover}. */
    String name();

    /** One line saying what the strategy does. */
    String description();

    /** The parameters it accepts, with defaults, ranges and optimizer grids. */
    List<ParameterSpec> parameters();

    /**
     * A fresh instance for one book; called once per strategy instance at start. A strategy without state between
     * calls implements this one. An instance that reads indicator columns declares them here with {@link Indicators}
     * and returns {@code indicators.strategy(decide)}, so that the engine maintains exactly those from the first bar
     * (an unknown column name fails here, at start).
     */
    DecisionStrategy create(Parameters parameters);

    /**
     * A fresh instance for one book that keeps what it must remember in cells of {@code state} (snapshotted by the
     * engine). Called instead of {@link #create(Parameters)}; by default it ignores the state.
     */
    default DecisionStrategy create(final Parameters parameters, final StrategyState state) {
        return create(parameters);
    }
}
