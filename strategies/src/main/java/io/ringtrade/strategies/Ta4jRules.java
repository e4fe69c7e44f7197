package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;

import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Trade.TradeType;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.StopGainRule;
import org.ta4j.core.rules.StopLossRule;

/**
 * {@code ta4j_rules}: the shipped example of the ta4j bridge ({@link Ta4jRuleStrategy}), written as ta4j rules:
 * enter on {@code CrossedUpIndicatorRule(SMA(fast), SMA(slow))}; exit on
 * {@code CrossedDownIndicatorRule(SMA(fast), SMA(slow))} or {@code StopLossRule(close, stop_loss_pct)} or
 * {@code StopGainRule(close, take_profit_pct)} (the percentages of the entry price, judged on the close). With
 * {@code side = short} the same rules trade a short (ta4j's {@code TradeType.SELL}): the entry is a short sale and the
 * stops judge the entry price from above. Evaluated at bar close over the last {@code bars} bars; {@code slow}
 * unstable bars. Copy it to write your own.
 */
public final class Ta4jRules extends Ta4jRuleStrategy {
    @Override
    public String name() {
        return "ta4j_rules";
    }

    @Override
    public String description() {
        return "ta4j rules: enter on SMA(fast) crossing up SMA(slow); exit on the cross down, a stop loss or a stop gain";
    }

    @Override
    protected List<ParameterSpec> ruleParameters() {
        return List.of(
            ParameterSpec.ofInt("fast", 10, 1, 5_000, List.of(5, 10, 20), "bars in the fast SMA"),
            ParameterSpec.ofInt("slow", 30, 2, 5_000, List.of(30, 50), "bars in the slow SMA"),
            ParameterSpec.ofDouble("stop_loss_pct", 3, 0.01, 99.99, List.of(2.0, 3.0, 5.0),
                "exit when the close is this many percent below the entry"),
            ParameterSpec.ofDouble("take_profit_pct", 6, 0.01, 1_000, List.of(4.0, 6.0, 10.0),
                "exit when the close is this many percent above the entry (below it for a short)"),
            ParameterSpec.ofText("side", "long", "long (enter with a buy) or short (enter with a short sale: the book"
                + " must allow shorts)"));
    }

    @Override
    protected int defaultBars() {
        return 100;
    }

    @Override
    protected int unstableBars(final Parameters parameters) {
        return parameters.getInt("slow");
    }

    @Override
    protected TradeType tradeType(final Parameters parameters) {
        return switch (parameters.getText("side")) {
            case "long" -> TradeType.BUY;
            case "short" -> TradeType.SELL;
            default -> throw new IllegalArgumentException("strategy " + name() + ": side must be long or short, not '"
                + parameters.getText("side") + "'");
        };
    }

    @Override
    protected int minimumBars(final Parameters parameters) {
        final int fast = parameters.getInt("fast");
        final int slow = parameters.getInt("slow");
        requireFastBelowSlow(fast, slow);
        return slow + 1;
    }

    @Override
    protected Rules rules(final BarSeries series, final Parameters parameters) {
        final ClosePriceIndicator close = new ClosePriceIndicator(series);
        final SMAIndicator fast = new SMAIndicator(close, parameters.getInt("fast"));
        final SMAIndicator slow = new SMAIndicator(close, parameters.getInt("slow"));
        return new Rules(new CrossedUpIndicatorRule(fast, slow),
            new CrossedDownIndicatorRule(fast, slow)
                .or(new StopLossRule(close, parameters.get("stop_loss_pct")))
                .or(new StopGainRule(close, parameters.get("take_profit_pct"))));
    }
}
