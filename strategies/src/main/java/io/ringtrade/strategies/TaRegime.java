package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyState;

import java.util.List;

/**
 * {@code ta_regime}: classifies each bar by ADX(adx) with +DI/−DI and an SMA(trend) filter, all {@code ta}'s
 * definitions ({@code trend_adx*} for 14): <b>bull</b> when ADX &gt; {@code strength}, +DI &gt; −DI and close &gt;
 * SMA; <b>bear</b> when ADX &gt; {@code strength}, −DI &gt; +DI and close &lt; SMA; <b>sideways</b> otherwise. It
 * buys in bull (entering a long, or covering a short), sells in bear (exiting a long; while flat, going short where the
 * book allows it), and in sideways leaves whatever position it holds: it sells if its last order was a buy, buys if
 * its last order was a sell. No decision until the SMA exists ({@code ta}'s ADX reads 0.0 during its warm-up, which
 * is sideways). Remembers the side of its last order in one state cell.
 */
public final class TaRegime extends LibraryStrategy {
    @Override
    public String name() {
        return "ta_regime";
    }

    @Override
    public String description() {
        return "ADX with +DI/-DI and an SMA filter: long in bull, flat in sideways, short in bear where allowed";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofInt("adx", 14, 2, 1_000, List.of(10, 14, 20), "bars in ADX and the DIs"),
            ParameterSpec.ofDouble("strength", 25, 0, 100, List.of(20.0, 25.0, 30.0),
                "ADX above this is a trend (bull or bear)"),
            ParameterSpec.ofInt("trend", 50, 1, 10_000, List.of(20, 50, 100), "bars in the SMA trend filter"));
    }

    @Override
    protected DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                    final StrategyState state) {
        final double strength = parameters.get("strength");
        final Indicators.Adx adx = indicators.adx(parameters.getInt("adx"));
        final Column strengthColumn = adx.adx();
        final Column plus = adx.plusDi();
        final Column minus = adx.minusDi();
        final Column sma = indicators.sma(parameters.getInt("trend"));
        return row -> {
            final double trend = row.get(sma);
            if (Double.isNaN(trend)) {
                return DecisionStrategy.HOLD;
            }
            final double strengthNow = row.get(strengthColumn);
            final double plusNow = row.get(plus);
            final double minusNow = row.get(minus);
            final double position = row.position();
            if (strengthNow > strength && plusNow > minusNow && row.close() > trend) {
                return position > 0 ? DecisionStrategy.HOLD : DecisionStrategy.BUY;
            }
            if (strengthNow > strength && minusNow > plusNow && row.close() < trend) {
                return position < 0 ? DecisionStrategy.HOLD : DecisionStrategy.SELL;
            }
            return position > 0 ? DecisionStrategy.SELL : position < 0 ? DecisionStrategy.BUY : DecisionStrategy.HOLD;
        };
    }
}
