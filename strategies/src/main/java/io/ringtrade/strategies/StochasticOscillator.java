package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyState;

import java.util.List;

/**
 * {@code stochastic_oscillator}: %K/%D crosses inside the extreme zones. %K = 100 (close − lowest low) / (highest high
 * − lowest low) over {@code k} bars and %D its {@code d}-bar mean ({@code ta}'s {@code momentum_stoch} and
 * {@code momentum_stoch_signal} for 14 and 3). Buy when %K crosses above %D (%K[t] &gt; %D[t] and %K[t−1] ≤
 * %D[t−1]) with both below {@code oversold} at t; sell when %K crosses below %D with both above {@code overbought}
 * at t. No decision until %D exists at t−1. Stateless.
 */
public final class StochasticOscillator extends LibraryStrategy {
    @Override
    public String name() {
        return "stochastic_oscillator";
    }

    @Override
    public String description() {
        return "buy when %K crosses above %D below oversold, sell when it crosses below %D above overbought";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofInt("k", 14, 1, 10_000, List.of(9, 14, 21), "bars in %K's high-low range"),
            ParameterSpec.ofInt("d", 3, 1, 1_000, List.of(3, 5), "bars in %D, the mean of %K"),
            ParameterSpec.ofDouble("oversold", 20, 0, 100, List.of(15.0, 20.0, 25.0), "buy crosses happen below this"),
            ParameterSpec.ofDouble("overbought", 80, 0, 100, List.of(75.0, 80.0, 85.0),
                "sell crosses happen above this"));
    }

    @Override
    protected DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                    final StrategyState state) {
        final double oversold = parameters.get("oversold");
        final double overbought = parameters.get("overbought");
        if (oversold >= overbought) {
            throw new IllegalArgumentException("strategy " + name() + ": oversold (" + oversold
                + ") must be less than overbought (" + overbought + ")");
        }
        final Indicators.Stochastic stoch = indicators.stoch(parameters.getInt("k"), parameters.getInt("d"));
        final Column k = stoch.k();
        final Column d = stoch.d();
        reach(indicators, 1);
        return row -> {
            final double dBefore = row.get(d, 1);
            if (Double.isNaN(dBefore)) {
                return DecisionStrategy.HOLD;
            }
            final double kNow = row.get(k);
            final double dNow = row.get(d);
            final double kBefore = row.get(k, 1);
            if (crossedUp(kNow, dNow, kBefore, dBefore) && kNow < oversold && dNow < oversold) {
                return DecisionStrategy.BUY;
            }
            if (crossedDown(kNow, dNow, kBefore, dBefore) && kNow > overbought && dNow > overbought) {
                return DecisionStrategy.SELL;
            }
            return DecisionStrategy.HOLD;
        };
    }
}
