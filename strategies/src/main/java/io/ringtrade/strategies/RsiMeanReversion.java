package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyState;

import java.util.List;

/**
 * {@code rsi_mean_reversion}: buy when RSI(period) of closes is below {@code buy_below}, sell when it is above
 * {@code sell_above}. Levels, not crossings: the engine ignores a buy while already long. No decision while the RSI is
 * still warming up. The RSI is the Python {@code ta} library's ({@code rsi(14)} is {@code momentum_rsi}): Wilder
 * averages from bar 0 with no seed, first value at bar {@code period − 1}, 100 when nothing fell. It replaces
 * {@code rsi_threshold}, which remains as an alias ({@link RsiThreshold}).
 */
public class RsiMeanReversion extends LibraryStrategy {
    @Override
    public String name() {
        return "rsi_mean_reversion";
    }

    @Override
    public String description() {
        return "buy when RSI(period) is below buy_below, sell when it is above sell_above";
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofInt("period", 14, 2, 1_000, List.of(7, 14, 21), "RSI lookback in bars"),
            ParameterSpec.ofDouble("buy_below", 30, 0, 100, List.of(20.0, 25.0, 30.0), "buy when RSI is below this"),
            ParameterSpec.ofDouble("sell_above", 70, 0, 100, List.of(70.0, 75.0, 80.0), "sell when RSI is above this"));
    }

    @Override
    protected final DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                          final StrategyState state) {
        final int period = parameters.getInt("period");
        final double buyBelow = parameters.get("buy_below");
        final double sellAbove = parameters.get("sell_above");
        if (buyBelow >= sellAbove) {
            throw new IllegalArgumentException("strategy " + name() + ": buy_below (" + buyBelow
                + ") must be less than sell_above (" + sellAbove + ")");
        }
        final Column rsiColumn = indicators.rsi(period);
        return row -> {
            final double rsi = row.get(rsiColumn);
            if (Double.isNaN(rsi)) {
                return DecisionStrategy.HOLD;
            }
            if (rsi < buyBelow) {
                return DecisionStrategy.BUY;
            }
            if (rsi > sellAbove) {
                return DecisionStrategy.SELL;
            }
            return DecisionStrategy.HOLD;
        };
    }
}
