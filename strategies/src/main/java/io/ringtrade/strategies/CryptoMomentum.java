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
 * {@code crypto_momentum}: rate of change above a threshold with volume confirmation, long only, left by a trailing
 * stop. While flat: buy when ROC(n)[t] (percent, {@code ta}'s) &gt; {@code threshold} and volume[t] &gt;
 * {@code vol_mult} × the mean volume of the {@code vol_n} bars ending at t; with {@code max_adds}, the same condition
 * while long adds. There is no signal exit: the position ends at the trailing stop (default 3 % below the highest high
 * since entry, the engine's) or any other managed exit the book is given. No decision until ROC and the volume mean
 * exist. All-cash sizing by default. Stateless.
 */
public final class CryptoMomentum extends LibraryStrategy {
    @Override
    public String name() {
        return "crypto_momentum";
    }

    @Override
    public String description() {
        return "buy when ROC(n) is above threshold % on volume > vol_mult x its mean; exit on a 3 % trailing stop";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofInt("n", 12, 1, 10_000, List.of(6, 12, 24), "bars in the rate of change"),
            ParameterSpec.ofDouble("threshold", 1, -100, 1_000, List.of(0.5, 1.0, 2.0),
                "rate of change, in percent, to beat"),
            ParameterSpec.ofInt("vol_n", 20, 1, 10_000, List.of(10, 20), "bars in the volume mean"),
            ParameterSpec.ofDouble("vol_mult", 1, 0, 100, List.of(1.0, 1.5), "volume must exceed this multiple of its mean"));
    }

    @Override
    public PositionRules positionDefaults() {
        return PositionRules.DEFAULT.trailingStop(0.03);
    }

    @Override
    protected DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                    final StrategyState state) {
        final double threshold = parameters.get("threshold");
        final int volumeBars = parameters.getInt("vol_n");
        final double volumeMultiple = parameters.get("vol_mult");
        final Column roc = indicators.roc(parameters.getInt("n"));
        reach(indicators, Math.max(0, volumeBars - 1));
        return row -> {
            final double change = row.get(roc);
            final double meanVolume = meanVolume(row, volumeBars);
            if (Double.isNaN(change) || Double.isNaN(meanVolume) || row.position() < 0) {
                return DecisionStrategy.HOLD;
            }
            return change > threshold && row.volume() > volumeMultiple * meanVolume ? DecisionStrategy.BUY
                : DecisionStrategy.HOLD;
        };
    }
}
