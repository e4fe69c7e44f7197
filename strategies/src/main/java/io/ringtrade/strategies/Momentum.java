package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.PositionRules;
import io.ringtrade.engine.api.strategy.StrategyState;

import java.util.List;

/**
 * {@code momentum}: the MACD histogram changing sign, with an EMA trend filter, managed exits. With h the MACD(fast,
 * slow, signal) histogram and e = EMA(trend) of closes ({@code ta}'s): a long exits when close &lt; e, a short when
 * close &gt; e (checked first, every bar in a position); while flat, long when h[t−1] ≤ 0, h[t] &gt; 0 and close &gt;
 * e, short (where the book allows shorts) when h[t−1] ≥ 0, h[t] &lt; 0 and close &lt; e; with {@code max_adds}, the
 * same entry while in the same direction adds. No decision until h exists at t−1 and e at t. Defaults (the engine
 * manages them): fixed notional 2,500, stop-loss 1.5 %, take-profit 3 %. Stateless.
 */
public final class Momentum extends LibraryStrategy {
    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public String description() {
        return "MACD(12,26,9) histogram sign change with close vs EMA(50), long or short; 2,500, stop 1.5 %, target 3 %";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofInt("fast", 12, 1, 1_000, List.of(8, 12), "bars in the MACD's fast EMA"),
            ParameterSpec.ofInt("slow", 26, 2, 1_000, List.of(21, 26), "bars in the MACD's slow EMA"),
            ParameterSpec.ofInt("signal", 9, 1, 1_000, List.of(5, 9), "bars in the signal line's EMA"),
            ParameterSpec.ofInt("trend", 50, 2, 10_000, List.of(50, 100), "bars in the trend EMA"));
    }

    @Override
    public PositionRules positionDefaults() {
        return PositionRules.DEFAULT.tradeNotional(2_500).stopLoss(0.015).takeProfit(0.03);
    }

    @Override
    protected DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                    final StrategyState state) {
        final int fast = parameters.getInt("fast");
        final int slow = parameters.getInt("slow");
        requireFastBelowSlow(fast, slow);
        final Column histogram = indicators.macd(fast, slow, parameters.getInt("signal")).histogram();
        final Column trend = indicators.ema(parameters.getInt("trend"));
        reach(indicators, 1);
        return row -> {
            final double before = row.get(histogram, 1);
            final double ema = row.get(trend);
            if (Double.isNaN(before) || Double.isNaN(ema)) {
                return DecisionStrategy.HOLD;
            }
            final double close = row.close();
            final double position = row.position();
            if (position > 0 && close < ema) {
                return DecisionStrategy.SELL;
            }
            if (position < 0 && close > ema) {
                return DecisionStrategy.BUY;
            }
            final double now = row.get(histogram);
            if (position >= 0 && before <= 0 && now > 0 && close > ema) {
                return DecisionStrategy.BUY;
            }
            if (position <= 0 && before >= 0 && now < 0 && close < ema) {
                return DecisionStrategy.SELL;
            }
            return DecisionStrategy.HOLD;
        };
    }
}
