package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyState;

import java.util.List;

/**
 * {@code vwap}: buy when the close is below the rolling VWAP(n) by more than {@code band} (close &lt; vwap × (1 −
 * band)), sell when it is above by more than {@code band} (close &gt; vwap × (1 + band)). VWAP(n) is {@code ta}'s
 * rolling one ({@code volume_vwap} is n = 14): Σ typical price × volume / Σ volume over the last n bars, typical
 * price = (high + low + close) / 3. Levels, not crossings. No decision while the VWAP is NaN (warm-up, or no volume
 * in the window). Stateless.
 */
public final class VwapReversion extends LibraryStrategy {
    @Override
    public String name() {
        return "vwap";
    }

    @Override
    public String description() {
        return "buy when the close is below VWAP(n) by more than band, sell when it is above by more than band";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofInt("n", 14, 1, 10_000, List.of(14, 20, 50), "bars in the rolling VWAP"),
            ParameterSpec.ofDouble("band", 0.01, 0, 0.5, List.of(0.005, 0.01, 0.02),
                "distance from the VWAP, a fraction of it (0.01 = 1 %)"));
    }

    @Override
    protected DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                    final StrategyState state) {
        final double band = parameters.get("band");
        final Column vwap = indicators.vwap(parameters.getInt("n"));
        return row -> {
            final double value = row.get(vwap);
            if (Double.isNaN(value)) {
                return DecisionStrategy.HOLD;
            }
            if (row.close() < value * (1 - band)) {
                return DecisionStrategy.BUY;
            }
            if (row.close() > value * (1 + band)) {
                return DecisionStrategy.SELL;
            }
            return DecisionStrategy.HOLD;
        };
    }
}
