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
 * {@code bollinger_breakout}: a close breaking above the upper Bollinger band (n, k) on heavy volume, long only,
 * managed stop. While flat: buy when close[t] &gt; upper[t] and close[t−1] ≤ upper[t−1] (the break) and volume[t] &gt;
 * {@code vol_mult} × the mean volume of the {@code vol_n} bars ending at t. While long: sell when the close is at or
 * below the middle band; with {@code max_adds}, a new break adds. No decision until the bands exist at t−1 and the
 * volume mean at t. Default stop-loss 2 % (the engine's), all-cash sizing. Stateless.
 */
public final class BollingerBreakout extends LibraryStrategy {
    @Override
    public String name() {
        return "bollinger_breakout";
    }

    @Override
    public String description() {
        return "buy a close breaking above the upper Bollinger(20,2) band on volume > vol_mult x its mean; "
            + "exit at the middle band or the 2 % stop";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofInt("n", 20, 2, 10_000, List.of(14, 20, 30), "bars in the Bollinger bands"),
            ParameterSpec.ofDouble("k", 2, 0.1, 10, List.of(1.5, 2.0, 2.5), "standard deviations to the outer bands"),
            ParameterSpec.ofInt("vol_n", 20, 1, 10_000, List.of(10, 20), "bars in the volume mean"),
            ParameterSpec.ofDouble("vol_mult", 1.5, 0, 100, List.of(1.0, 1.5, 2.0),
                "volume must exceed this multiple of its mean"));
    }

    @Override
    public PositionRules positionDefaults() {
        return PositionRules.DEFAULT.stopLoss(0.02);
    }

    @Override
    protected DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                    final StrategyState state) {
        final int volumeBars = parameters.getInt("vol_n");
        final double volumeMultiple = parameters.get("vol_mult");
        final Indicators.Bollinger bands = indicators.bollinger(parameters.getInt("n"), parameters.get("k"));
        final Column middle = bands.middle();
        final Column upper = bands.upper();
        reach(indicators, Math.max(1, volumeBars - 1));
        return row -> {
            final double upperBefore = row.get(upper, 1);
            final double meanVolume = meanVolume(row, volumeBars);
            if (Double.isNaN(upperBefore) || Double.isNaN(meanVolume)) {
                return DecisionStrategy.HOLD;
            }
            final double close = row.close();
            final double position = row.position();
            if (position > 0 && close <= row.get(middle)) {
                return DecisionStrategy.SELL;
            }
            if (position >= 0 && close > row.get(upper) && row.close(1) <= upperBefore
                && row.volume() > volumeMultiple * meanVolume) {
                return DecisionStrategy.BUY;
            }
            return DecisionStrategy.HOLD;
        };
    }
}
