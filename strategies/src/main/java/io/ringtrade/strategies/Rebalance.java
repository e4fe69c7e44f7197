package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.IterationContext;
import io.ringtrade.engine.api.strategy.IterationSchedule;
import io.ringtrade.engine.api.strategy.IterationStrategy;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.Strategy;
import io.ringtrade.engine.api.strategy.StrategyDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rebalance} (iteration): holds the book's instruments at target weights of its equity, e.g.
 * {@code weights = "QQQ=0.6,GLD=0.3,USD=0.1"} (the cash weight under the book's currency). On its {@code schedule}
 * ({@code 1d}, {@code 1wk}, {@code 1mo}: the first bar of each new UTC day, week or month, or {@code bar}) it calls
 * {@code ctx.rebalance(weights, drift)}: an instrument whose value is off its target by at least {@code drift} of equity
 * is traded back to it, sells first (market, at the next open), then, once the venue confirmed the sells, buys with the
 * cash the book then has, scaled down together when short. Weights are checked at start: each {@code SYMBOL=weight}
 * with a weight in [0, 1], no symbol twice, summing to 1, naming only the book's symbols and its currency.
 */
public final class Rebalance implements StrategyDefinition {
    @Override
    public String name() {
        return "rebalance";
    }

    @Override
    public String description() {
        return "holds target weights (e.g. QQQ=0.6,GLD=0.3,USD=0.1) on a schedule, trading only drifts beyond drift";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofText("weights", "QQQ=0.6,GLD=0.3,USD=0.1",
                "target weights SYMBOL=weight,..., the cash under the book's currency; they sum to 1"),
            ParameterSpec.ofText("schedule", "1mo", "when to rebalance: 1d, 1wk, 1mo (first bar of each) or bar"),
            ParameterSpec.ofDouble("drift", 0.05, 0, 0.99, List.of(0.0, 0.02, 0.05, 0.1),
                "trade an instrument only when its weight is off target by at least this"));
    }

    @Override
    public Strategy create(final Parameters parameters) {
        final Map<String, Double> weights = parseWeights(parameters.getText("weights"));
        final IterationSchedule schedule;
        try {
            schedule = IterationSchedule.parse(parameters.getText("schedule"));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("strategy rebalance: " + e.getMessage());
        }
        return new Rebalancing(Map.copyOf(weights), List.copyOf(weights.keySet()), schedule, parameters.get("drift"));
    }

    /**
     * {@code SYMBOL=weight,...} as a map, checked for form, range and sum.
     *
     * @throws IllegalArgumentException naming the problem
     */
    static Map<String, Double> parseWeights(final String text) {
        final Map<String, Double> weights = new LinkedHashMap<>();
        double sum = 0;
        for (final String part : text.split(",", -1)) {
            final int eq = part.indexOf('=');
            final String symbol = eq < 0 ? "" : part.substring(0, eq).trim();
            if (eq < 0 || symbol.isEmpty()) {
                throw new IllegalArgumentException("strategy rebalance: weights '" + text + "': '" + part.trim()
                    + "' is not SYMBOL=weight");
            }
            final double weight;
            try {
                weight = Double.parseDouble(part.substring(eq + 1).trim());
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException("strategy rebalance: weights '" + text + "': the weight of " + symbol
                    + " is not a number");
            }
            if (!(weight >= 0 && weight <= 1)) {
                throw new IllegalArgumentException("strategy rebalance: weights '" + text + "': the weight of " + symbol
                    + " (" + weight + ") is not between 0 and 1");
            }
            if (weights.put(symbol, weight) != null) {
                throw new IllegalArgumentException("strategy rebalance: weights '" + text + "' name " + symbol
                    + " twice");
            }
            sum += weight;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("strategy rebalance: weights '" + text + "' sum to " + sum + ", not 1");
        }
        return weights;
    }

    /**
     * One rebalancing instance: its weights (and their names in the order given, for messages), schedule and drift
     * threshold; no state between iterations.
     */
    private record Rebalancing(Map<String, Double> weights, List<String> names, IterationSchedule schedule,
                               double drift) implements IterationStrategy {
        @Override
        public void onIteration(final IterationContext ctx) {
            ctx.rebalance(weights, drift);
        }

        @Override
        public void check(final List<String> symbols, final String currency) {
            for (final String symbol : names) {
                if (!symbols.contains(symbol) && !symbol.equals(currency)) {
                    throw new IllegalArgumentException("strategy rebalance: weights name " + symbol + ", which is "
                        + "neither a symbol of the book (" + String.join(", ", symbols) + ") nor its cash ("
                        + currency + ")");
                }
            }
        }
    }
}
