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
 * {@code mean_reversion}: Bollinger(n, k) with RSI(rsi), managed exits. A long exits when the close is at or above
 * the middle band, a short when at or below it (checked first); while flat, long when close &lt; lower band and RSI
 * &lt; {@code rsi_long_below}, short (where the book allows shorts) when close &gt; upper band and RSI &gt;
 * {@code rsi_short_above}; with {@code max_adds}, the same entry while in the same direction adds. No decision until
 * the bands and the RSI exist at t. Defaults (the engine manages them): fixed notional 2,500, stop-loss 1.5 %, no
 * take-profit, time stop 30 bars. Stateless.
 */
public final class MeanReversion extends LibraryStrategy {
    @Override
    public String name() {
        return "mean_reversion";
    }

    @Override
    public String description() {
        return "Bollinger(20,2) band touch with RSI(14) < 40 / > 60, exit at the middle band; 2,500, stop 1.5 %, 30 bars";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofInt("n", 20, 2, 10_000, List.of(14, 20, 30), "bars in the Bollinger bands"),
            ParameterSpec.ofDouble("k", 2, 0.1, 10, List.of(1.5, 2.0, 2.5), "standard deviations to the outer bands"),
            ParameterSpec.ofInt("rsi", 14, 2, 1_000, List.of(14), "RSI lookback in bars"),
            ParameterSpec.ofDouble("rsi_long_below", 40, 0, 100, List.of(30.0, 40.0), "go long only below this RSI"),
            ParameterSpec.ofDouble("rsi_short_above", 60, 0, 100, List.of(60.0, 70.0),
                "go short only above this RSI"));
    }

    @Override
    public PositionRules positionDefaults() {
        return PositionRules.DEFAULT.tradeNotional(2_500).stopLoss(0.015).timeStopBars(30);
    }

    @Override
    protected DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                    final StrategyState state) {
        final double longBelow = parameters.get("rsi_long_below");
        final double shortAbove = parameters.get("rsi_short_above");
        final Indicators.Bollinger bands = indicators.bollinger(parameters.getInt("n"), parameters.get("k"));
        final Column middle = bands.middle();
        final Column upper = bands.upper();
        final Column lower = bands.lower();
        final Column rsi = indicators.rsi(parameters.getInt("rsi"));
        return row -> {
            final double mid = row.get(middle);
            final double rsiNow = row.get(rsi);
            if (Double.isNaN(mid) || Double.isNaN(rsiNow)) {
                return DecisionStrategy.HOLD;
            }
            final double close = row.close();
            final double position = row.position();
            if (position > 0 && close >= mid) {
                return DecisionStrategy.SELL;
            }
            if (position < 0 && close <= mid) {
                return DecisionStrategy.BUY;
            }
            if (position >= 0 && close < row.get(lower) && rsiNow < longBelow) {
                return DecisionStrategy.BUY;
            }
            if (position <= 0 && close > row.get(upper) && rsiNow > shortAbove) {
                return DecisionStrategy.SELL;
            }
            return DecisionStrategy.HOLD;
        };
    }
}
