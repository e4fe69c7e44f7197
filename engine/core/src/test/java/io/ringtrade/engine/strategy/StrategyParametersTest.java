package io.ringtrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.PositionRules;
import io.ringtrade.engine.api.strategy.Strategy;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** The managed-position parameters every strategy takes: defaults from the strategy, and the refusals at start. */
class StrategyParametersTest {
    /** A strategy with alpha's managed defaults and one parameter of its own. */
    private static final StrategyDefinition ALPHA_LIKE = new StrategyDefinition() {
        @Override
        public String name() {
            return "alpha_like";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.ofInt("n", 9, 1, 100, List.of(), "n"));
        }

        @Override
        public PositionRules positionDefaults() {
            return PositionRules.DEFAULT.tradeNotional(3_000).stopLoss(0.02).takeProfit(0.04);
        }

        @Override
        public Strategy create(final Parameters parameters) {
            return (DecisionStrategy) row -> DecisionStrategy.HOLD;
        }
    };

    private static PositionRules rules(final Map<String, String> given) {
        return StrategyParameters.resolve(ALPHA_LIKE, given).positionRules();
    }

    @Test
    void shouldStateItsOwnParametersAndTheManagedOnesThatAreOn() {
        assertThat(StrategyParameters.describe(StrategyParameters.resolve(ALPHA_LIKE, Map.of())))
            .isEqualTo("n=9 trade_usd=3000.0 stop_loss=0.02 take_profit=0.04");
        assertThat(StrategyParameters.describe(StrategyParameters.resolve(ALPHA_LIKE, Map.of("take_profit", "0.1",
            "average_last", "3", "max_adds", "1"))))
            .isEqualTo("n=9 trade_usd=3000.0 stop_loss=0.02 take_profit=0.1 max_adds=1 average_last=3");
        assertThat(StrategyParameters.resolve(ALPHA_LIKE, Map.of()).describe()).isEqualTo("n=9 trade_usd=3000.0"
            + " equity_fraction=0.0 quantity=0.0 stop_loss=0.02 take_profit=0.04 trailing_stop=0.0 time_stop_bars=0"
            + " max_adds=0 average_last=1");
    }

    @Test
    void shouldTakeTheStrategysDefaultsAndLetTheUserOverrideThem() {
        assertThat(rules(Map.of())).isEqualTo(new PositionRules(PositionRules.Sizing.NOTIONAL, 3_000, 0.02, 0.04, 0, 0,
            0, 1));
        assertThat(rules(Map.of("equity_fraction", "0.25", "stop_loss", "0.03", "max_adds", "2")))
            .isEqualTo(new PositionRules(PositionRules.Sizing.EQUITY_FRACTION, 0.25, 0.03, 0.04, 0, 0, 2, 1));
        assertThat(rules(Map.of("trade_usd", "0")).sizing()).isEqualTo(PositionRules.Sizing.ALL_CASH);
        assertThat(StrategyParameters.of(ALPHA_LIKE).stream().map(ParameterSpec::name).toList()).containsExactly("n",
            "trade_usd", "equity_fraction", "quantity", "stop_loss", "take_profit", "trailing_stop", "time_stop_bars",
            "max_adds", "average_last");
    }

    @Test
    void shouldRefuseStopsOfZeroOrOfAHundredPercentOrMoreNegativeAddsAndTwoSizings() {
        assertThatThrownBy(() -> rules(Map.of("stop_loss", "0"))).hasMessage("strategy alpha_like parameter "
            + "stop_loss=0 is refused: a stop-loss of 0 would stop out at the entry (leave stop_loss out for none)");
        assertThatThrownBy(() -> rules(Map.of("stop_loss", "1"))).hasMessage("strategy alpha_like parameter "
            + "stop_loss=1.0 is refused: a stop-loss of 100 % or more of the price (give a fraction such as 0.02 for 2 %)");
        assertThatThrownBy(() -> rules(Map.of("stop_loss", "1.5"))).hasMessage("strategy alpha_like parameter "
            + "stop_loss=1.5 is out of range (expected 0.0 to 1.0)");
        assertThatThrownBy(() -> rules(Map.of("max_adds", "-1"))).hasMessage("strategy alpha_like parameter "
            + "max_adds=-1 is out of range (expected 0 to 1000)");
        assertThatThrownBy(() -> rules(Map.of("time_stop_bars", "0"))).hasMessageContaining("time_stop_bars=0 is refused");
        assertThatThrownBy(() -> rules(Map.of("trade_usd", "100", "quantity", "2"))).hasMessage("strategy alpha_like: "
            + "give at most one of trade_usd, equity_fraction and quantity (got trade_usd and quantity)");
        assertThatThrownBy(() -> rules(Map.of("stop", "0.1"))).hasMessageStartingWith("strategy alpha_like has no "
            + "parameter 'stop'");
    }
}
