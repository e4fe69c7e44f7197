package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.DoubleCell;
import io.ringtrade.engine.api.strategy.IterationContext;
import io.ringtrade.engine.api.strategy.IterationSchedule;
import io.ringtrade.engine.api.strategy.IterationStrategy;
import io.ringtrade.engine.api.strategy.LongCell;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.Strategy;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.api.strategy.StrategyState;

import java.util.List;

/**
 * {@code grid_trading} (iteration, every bar, one instrument): grid levels {@code step} apart around a reference price
 * (the {@code reference} parameter, or the first close when it is 0), {@code levels} on each side, a fixed notional
 * {@code level_usd} per level. At each bar close, level k = 1..levels below is bought ({@code level_usd}, a notional
 * market order) when the close is at or below reference × (1 − k × step) and it is not bought yet; level k above is
 * sold ({@code level_usd} at the close, in whole lots, at most the position) when the close is at or above reference ×
 * (1 + k × step) and it is not sold yet. Bought levels re-arm once a close is back at or above the reference, sold ones
 * once a close is at or below it. Orders fill at the next open. State: the reference and the two sets of levels.
 */
public final class GridTrading implements StrategyDefinition {
    @Override
    public String name() {
        return "grid_trading";
    }

    @Override
    public String description() {
        return "buys level_usd at each grid level step below a reference, sells it at each level above";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofDouble("step", 0.01, 0.0001, 0.5, List.of(0.005, 0.01, 0.02), "distance between levels, "
                + "as a fraction of the reference"),
            ParameterSpec.ofInt("levels", 5, 1, 30, List.of(3, 5, 10), "levels on each side of the reference"),
            ParameterSpec.ofDouble("level_usd", 100, 0.01, 1e9, List.of(100.0, 500.0), "notional bought or sold per "
                + "level"),
            ParameterSpec.ofDouble("reference", 0, 0, 1e9, List.of(), "reference price (0 = the first close)"));
    }

    @Override
    public Strategy create(final Parameters parameters) {
        throw new IllegalStateException("grid_trading keeps state: created with create(parameters, state)");
    }

    @Override
    public Strategy create(final Parameters parameters, final StrategyState state) {
        final double step = parameters.get("step");
        final int levels = parameters.getInt("levels");
        if (levels * step >= 1) {
            throw new IllegalArgumentException("strategy grid_trading: levels × step (" + levels * step + ") must be "
                + "below 1, or the lowest level is at or below 0");
        }
        return new Grid(step, levels, parameters.get("level_usd"),
            state.doubleCell("reference", parameters.get("reference") > 0 ? parameters.get("reference") : Double.NaN),
            state.longCell("bought", 0), state.longCell("sold", 0));
    }

    /** One grid: settings and its state cells (levels as bit sets, level k in bit k − 1). */
    private record Grid(double step, int levels, double levelNotional, DoubleCell reference, LongCell bought,
                        LongCell sold) implements IterationStrategy {
        @Override
        public IterationSchedule schedule() {
            return IterationSchedule.EVERY_BAR;
        }

        @Override
        public void check(final List<String> symbols, final String currency) {
            if (symbols.size() != 1) {
                throw new IllegalArgumentException("strategy grid_trading trades one instrument, not "
                    + symbols.size());
            }
        }

        @Override
        public void onIteration(final IterationContext ctx) {
            final String symbol = ctx.symbols().get(0);
            final double close = ctx.row(symbol).close();
            if (Double.isNaN(reference.get())) {
                reference.set(close);
                return;
            }
            final double ref = reference.get();
            if (close >= ref) {
                bought.set(0);
            }
            if (close <= ref) {
                sold.set(0);
            }
            for (int k = 1; k <= levels; k++) {
                final long bit = 1L << (k - 1);
                if ((bought.get() & bit) == 0 && close <= ref * (1 - k * step)) {
                    ctx.buy(symbol, levelNotional);
                    bought.set(bought.get() | bit);
                }
                if ((sold.get() & bit) == 0 && close >= ref * (1 + k * step)) {
                    ctx.sell(symbol, levelNotional);
                    sold.set(sold.get() | bit);
                }
            }
        }
    }
}
