package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyState;

import java.util.List;

/**
 * {@code macd_crossover}: the MACD line crossing its signal line, filtered by the trend. With m = MACD(fast, slow)
 * line, s = its signal(signal) and e = EMA(trend) of closes, all {@code ta}'s definitions:
 * <ul>
 *   <li>while flat: buy (enter long) when m crosses above s (m[t] &gt; s[t] and m[t−1] ≤ s[t−1]) and close[t] &gt;
 *       e[t]; sell (enter short, where the book allows shorts) when m crosses below s (m[t] &lt; s[t] and m[t−1] ≥
 *       s[t−1]) and close[t] &lt; e[t];</li>
 *   <li>while long: sell (exit) when m crosses below s, whatever the trend;</li>
 *   <li>while short: buy (cover) when m crosses above s, whatever the trend.</li>
 * </ul>
 * No decision until s exists at t−1 and e at t. Stateless.
 */
public final class MacdCrossover extends LibraryStrategy {
    @Override
    public String name() {
        return "macd_crossover";
    }

    @Override
    public String description() {
        return "buy when MACD crosses above its signal with close above EMA(trend), sell on the cross below";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofInt("fast", 12, 1, 1_000, List.of(8, 12), "bars in the MACD's fast EMA"),
            ParameterSpec.ofInt("slow", 26, 2, 1_000, List.of(21, 26), "bars in the MACD's slow EMA"),
            ParameterSpec.ofInt("signal", 9, 1, 1_000, List.of(5, 9), "bars in the signal line's EMA"),
            ParameterSpec.ofInt("trend", 50, 2, 10_000, List.of(50, 100, 200), "bars in the trend filter's EMA"));
    }

    @Override
    protected DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                    final StrategyState state) {
        final int fast = parameters.getInt("fast");
        final int slow = parameters.getInt("slow");
        requireFastBelowSlow(fast, slow);
        final Indicators.Macd macd = indicators.macd(fast, slow, parameters.getInt("signal"));
        final Column line = macd.line();
        final Column signal = macd.signal();
        final Column trend = indicators.ema(parameters.getInt("trend"));
        reach(indicators, 1);
        return row -> {
            final double signalBefore = row.get(signal, 1);
            final double ema = row.get(trend);
            if (Double.isNaN(signalBefore) || Double.isNaN(ema)) {
                return DecisionStrategy.HOLD;
            }
            final double lineNow = row.get(line);
            final double signalNow = row.get(signal);
            final double lineBefore = row.get(line, 1);
            final double position = row.position();
            if (crossedUp(lineNow, signalNow, lineBefore, signalBefore)
                && (position < 0 || (position == 0 && row.close() > ema))) {
                return DecisionStrategy.BUY;
            }
            if (crossedDown(lineNow, signalNow, lineBefore, signalBefore)
                && (position > 0 || (position == 0 && row.close() < ema))) {
                return DecisionStrategy.SELL;
            }
            return DecisionStrategy.HOLD;
        };
    }
}
