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
 * {@code alpha}: EMA(fast) / EMA(slow) crosses with an RSI filter, managed exits. A cross up is ema_f[t] &gt; ema_s[t]
 * and ema_f[t−1] ≤ ema_s[t−1]; a cross down is mirrored. While flat: long on a cross up when RSI(rsi)[t] &lt;
 * {@code rsi_long_below}, short (where the book allows shorts) on a cross down when RSI[t] &gt;
 * {@code rsi_short_above}. A long exits on a cross down, a short on a cross up; an exit bar does not also enter.
 * No decision until EMA(slow) and RSI exist at t−1. Defaults (the engine manages them): fixed notional 3,000 per
 * trade, stop-loss 2 %, take-profit 4 %. All indicators are {@code ta}'s. Stateless.
 */
public final class Alpha extends LibraryStrategy {
    @Override
    public String name() {
        return "alpha";
    }

    @Override
    public String description() {
        return "EMA(9)/EMA(21) cross with an RSI(14) filter, long or short; 3,000 per trade, stop 2 %, target 4 %";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofInt("fast", 9, 1, 1_000, List.of(5, 9, 12), "bars in the fast EMA"),
            ParameterSpec.ofInt("slow", 21, 2, 1_000, List.of(21, 26, 50), "bars in the slow EMA"),
            ParameterSpec.ofInt("rsi", 14, 2, 1_000, List.of(14), "RSI lookback in bars"),
            ParameterSpec.ofDouble("rsi_long_below", 70, 0, 100, List.of(60.0, 70.0), "go long only below this RSI"),
            ParameterSpec.ofDouble("rsi_short_above", 30, 0, 100, List.of(30.0, 40.0),
                "go short only above this RSI"));
    }

    @Override
    public PositionRules positionDefaults() {
        return PositionRules.DEFAULT.tradeNotional(3_000).stopLoss(0.02).takeProfit(0.04);
    }

    @Override
    protected DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                    final StrategyState state) {
        final int fast = parameters.getInt("fast");
        final int slow = parameters.getInt("slow");
        requireFastBelowSlow(fast, slow);
        final double longBelow = parameters.get("rsi_long_below");
        final double shortAbove = parameters.get("rsi_short_above");
        final Column fastEma = indicators.ema(fast);
        final Column slowEma = indicators.ema(slow);
        final Column rsi = indicators.rsi(parameters.getInt("rsi"));
        reach(indicators, 1);
        return row -> {
            final double slowBefore = row.get(slowEma, 1);
            final double rsiBefore = row.get(rsi, 1);
            if (Double.isNaN(slowBefore) || Double.isNaN(rsiBefore)) {
                return DecisionStrategy.HOLD;
            }
            final double fastNow = row.get(fastEma);
            final double slowNow = row.get(slowEma);
            final double fastBefore = row.get(fastEma, 1);
            final boolean up = crossedUp(fastNow, slowNow, fastBefore, slowBefore);
            final boolean down = crossedDown(fastNow, slowNow, fastBefore, slowBefore);
            final double position = row.position();
            if (position > 0) {
                return down ? DecisionStrategy.SELL : DecisionStrategy.HOLD;
            }
            if (position < 0) {
                return up ? DecisionStrategy.BUY : DecisionStrategy.HOLD;
            }
            final double rsiNow = row.get(rsi);
            if (up && rsiNow < longBelow) {
                return DecisionStrategy.BUY;
            }
            if (down && rsiNow > shortAbove) {
                return DecisionStrategy.SELL;
            }
            return DecisionStrategy.HOLD;
        };
    }
}
