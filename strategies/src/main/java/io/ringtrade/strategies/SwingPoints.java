package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.api.strategy.StrategyState;

import java.util.List;

/**
 * {@code swing}: trades confirmed swing points of the close. Bar c is a swing low when its close is strictly lower
 * than each of the {@code k} closes before it and the {@code k} after it, a swing high when strictly higher. A swing
 * point is known only {@code k} bars after it (at bar t = c + k, when the last of the bars after it closes), so there
 * is no look-ahead: at bar t the strategy buys when bar t − k is a swing low and sells when it is a swing high. Needs
 * 2k + 1 bars before its first decision. Stateless (it reads 2k bars back).
 */
public final class SwingPoints extends LibraryStrategy {
    @Override
    public String name() {
        return "swing";
    }

    @Override
    public String description() {
        return "buy k bars after a swing low of the close, sell k bars after a swing high";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.ofInt("k", 5, 1, 500, List.of(3, 5, 10),
            "bars on each side of a swing point (and the confirmation delay)"));
    }

    @Override
    protected DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                    final StrategyState state) {
        final int k = parameters.getInt("k");
        reach(indicators, 2 * k);
        return row -> {
            if (row.barIndex() < 2 * k) {
                return DecisionStrategy.HOLD;
            }
            final double candidate = row.close(k);
            if (isExtreme(row, k, candidate, -1)) {
                return DecisionStrategy.BUY;
            }
            if (isExtreme(row, k, candidate, 1)) {
                return DecisionStrategy.SELL;
            }
            return DecisionStrategy.HOLD;
        };
    }

    /** Whether {@code candidate} (the close k bars ago) is beyond every other close within k bars of it. */
    private static boolean isExtreme(final Row row, final int k, final double candidate, final int direction) {
        for (int ago = 0; ago <= 2 * k; ago++) {
            if (ago != k && (candidate - row.close(ago)) * direction <= 0) {
                return false;
            }
        }
        return true;
    }
}
