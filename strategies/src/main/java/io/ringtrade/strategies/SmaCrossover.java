package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyState;

import java.util.List;

/**
 * {@code sma_crossover}: buy when the fast simple moving average of closes crosses above the slow one (fast &gt;
 * slow at bar t and fast ≤ slow at bar t−1), sell when it crosses below (fast &lt; slow at t and fast ≥ slow at
 * t−1). No decision until both averages exist at t−1. Declares its two averages (exact fixed-point window sums, NaN
 * before {@code n} bars) and reads them through handles, now and one bar back.
 */
public final class SmaCrossover extends LibraryStrategy {
    @Override
    public String name() {
        return "sma_crossover";
    }

    @Override
    public String description() {
        return "buy when SMA(fast) crosses above SMA(slow), sell when it crosses below";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofInt("fast", 50, 1, 10_000, List.of(10, 20, 50), "bars in the fast average"),
            ParameterSpec.ofInt("slow", 200, 2, 10_000, List.of(100, 150, 200), "bars in the slow average"));
    }

    @Override
    protected DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                    final StrategyState state) {
        final int fast = parameters.getInt("fast");
        final int slow = parameters.getInt("slow");
        requireFastBelowSlow(fast, slow);
        final Column fastSma = indicators.sma(fast);
        final Column slowSma = indicators.sma(slow);
        reach(indicators, 1);
        return row -> {
            final double fastNow = row.get(fastSma);
            final double slowNow = row.get(slowSma);
            final double fastBefore = row.get(fastSma, 1);
            final double slowBefore = row.get(slowSma, 1);
            if (Double.isNaN(slowBefore) || Double.isNaN(fastBefore)) {
                return DecisionStrategy.HOLD;
            }
            if (fastNow > slowNow && fastBefore <= slowBefore) {
                return DecisionStrategy.BUY;
            }
            if (fastNow < slowNow && fastBefore >= slowBefore) {
                return DecisionStrategy.SELL;
            }
            return DecisionStrategy.HOLD;
        };
    }
}
