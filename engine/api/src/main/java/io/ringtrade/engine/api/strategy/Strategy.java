package io.ringtrade.engine.api.strategy;

/**
 * What a {@link StrategyDefinition} creates: one of the three ways to write a strategy (DESIGN.md §5, the README's
 * "Writing a strategy"). A {@link DecisionStrategy} answers buy, sell or hold at each closed bar and the engine sizes
 * and manages the position; an {@link IterationStrategy} runs on a schedule and trades through a context
 * ({@code buy}, {@code sell}, {@code rebalance}); an {@link EventStrategy} handles ticks, bars, fills, order updates,
 * timers and signals and places its own orders. All three run on the business-logic thread, are backtestable and
 * replay exactly; all three keep what they remember in {@link StrategyState} cells.
 */
public sealed interface Strategy permits DecisionStrategy, IterationStrategy, EventStrategy {
}
