package io.ringtrade.research.optimizer;

import io.ringtrade.strategies.Ensemble;
import io.ringtrade.strategies.RsiThreshold;
import io.ringtrade.strategies.SmaCrossover;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Grids from --grid lists and ranges or the declared grid, in grid order, and every bad grid refused in one line. */
class ParameterGridTest {
    private static final SmaCrossover SMA = new SmaCrossover();

    @Test
    void shouldExpandARangeIncludingItsStopAndAList() {
        final ParameterGrid grid = ParameterGrid.of(SMA, List.of("fast=5:50:5", "slow=100,200"));
        assertThat(grid.values(0)).containsExactly("5", "10", "15", "20", "25", "30", "35", "40", "45", "50");
        assertThat(grid.values(1)).containsExactly("100", "200");
        assertThat(grid.size()).isEqualTo(20);
        assertThat(grid.describe()).isEqualTo("fast=5,10,15,20,25,30,35,40,45,50 slow=100,200");
    }

    @Test
    void shouldStopARangeAtTheLastStepBeforeItsStop() {
        assertThat(ParameterGrid.of(SMA, List.of("fast=5:12:5")).values(0)).containsExactly("5", "10");
    }

    @Test
    void shouldStepDecimalRangesExactly() {
        final ParameterGrid grid = ParameterGrid.of(new RsiThreshold(), List.of("buy_below=20:30:2.5"));
        assertThat(grid.values(1)).containsExactly("20", "22.5", "25", "27.5", "30");
    }

    @Test
    void shouldUseTheDeclaredGridForParametersWithoutGrid() {
        final ParameterGrid grid = ParameterGrid.of(SMA, List.of());
        assertThat(grid.describe()).isEqualTo("fast=10,20,50 slow=100,150,200");
        assertThat(ParameterGrid.of(new RsiThreshold(), List.of("period=14")).describe())
            .isEqualTo("period=14 buy_below=20,25,30 sell_above=70,75,80");
    }

    @Test
    void shouldOrderCombinationsWithTheLastParameterChangingFastest() {
        final ParameterGrid grid = ParameterGrid.of(SMA, List.of("slow=100,200", "fast=5,10,15"));
        assertThat(grid.combination(0)).isEqualTo(Map.of("fast", "5", "slow", "100"));
        assertThat(grid.combination(1)).isEqualTo(Map.of("fast", "5", "slow", "200"));
        assertThat(grid.combination(2)).isEqualTo(Map.of("fast", "10", "slow", "100"));
        assertThat(grid.combination(5)).isEqualTo(Map.of("fast", "15", "slow", "200"));
        assertThat(grid.combination(5).sequencedKeySet()).containsExactly("fast", "slow");
    }

    @Test
    void shouldTakeATextParametersValuesSeparatedByBarsEachOneCheckedByTheStrategy() {
        final Ensemble ensemble = new Ensemble();
        final ParameterGrid grid = ParameterGrid.of(ensemble,
            List.of("members=swing,vwap | sma_crossover(fast=10;slow=40),swing|swing,vwap", "min_trades=2,5"));
        assertThat(grid.values(0)).as("a value given twice counts once")
            .containsExactly("swing,vwap", "sma_crossover(fast=10;slow=40),swing");
        assertThat(grid.combination(0).get("members")).isEqualTo("swing,vwap");
        assertThat(grid.describe()).startsWith("members=swing,vwap|sma_crossover(fast=10;slow=40),swing threshold=");
        assertThat(ParameterGrid.of(ensemble, List.of()).values(0)).as("not given: the strategy's default")
            .containsExactly(Ensemble.DEFAULT_MEMBERS);

        assertThatThrownBy(() -> ParameterGrid.of(ensemble, List.of("members=swing,vwap|swing")))
            .isInstanceOf(OptimizerException.class)
            .hasMessage("--grid members=swing,vwap|swing: strategy ensemble: members: give at least two (got 'swing')");
        assertThatThrownBy(() -> ParameterGrid.of(ensemble, List.of("members=swing,vwap||swing")))
            .isInstanceOf(OptimizerException.class)
            .hasMessage("--grid members=swing,vwap||swing: an empty value (parameter members is text: separate its "
                + "values with |, e.g. members=" + Ensemble.DEFAULT_MEMBERS + ")");
        assertThatThrownBy(() -> ParameterGrid.of(ensemble, List.of("members=swing,vwap|swing(k=0),vwap")))
            .isInstanceOf(OptimizerException.class)
            .hasMessage("--grid members=swing,vwap|swing(k=0),vwap: strategy ensemble: members: strategy swing parameter"
                + " k=0 is out of range (expected 1 to 500)");
    }

    @Test
    void shouldSearchAMembersParametersAsTheMembersTextsTheyMake() {
        final Ensemble ensemble = new Ensemble();
        final ParameterGrid grid = ParameterGrid.of(ensemble, List.of("members=sma_crossover(slow=100),swing",
            "sma_crossover.fast=10,20", "sma_crossover.slow=100,150"));
        assertThat(grid.values(0)).containsExactly("sma_crossover(slow=100;fast=10),swing",
            "sma_crossover(slow=150;fast=10),swing", "sma_crossover(slow=100;fast=20),swing",
            "sma_crossover(slow=150;fast=20),swing");
        // on the declared members when none are given; a member without parameters gets its own list
        assertThat(ParameterGrid.of(ensemble, List.of("macd_crossover.fast=8,12")).values(0)).containsExactly(
            "rsi_mean_reversion,macd_crossover(fast=8),vwap,stochastic_oscillator,swing",
            "rsi_mean_reversion,macd_crossover(fast=12),vwap,stochastic_oscillator,swing");

        assertThatThrownBy(() -> ParameterGrid.of(ensemble, List.of("sma_crossover.fast=10")))
            .isInstanceOf(OptimizerException.class)
            .hasMessage("--grid sma_crossover.fast=10: the members '" + Ensemble.DEFAULT_MEMBERS + "' name sma_crossover"
                + " nowhere (a MEMBER.PARAMETER grid sets the one member of that name)");
        assertThatThrownBy(() -> ParameterGrid.of(ensemble, List.of("macd_crossover.fast=5:50:5")))
            .isInstanceOf(OptimizerException.class)
            .hasMessage("--grid macd_crossover.fast=5:50:5: give a member's values as a list, e.g. "
                + "macd_crossover.fast=10,20,30");
        // what the values mean is the member strategy's to judge
        assertThatThrownBy(() -> ParameterGrid.of(ensemble, List.of("macd_crossover.fast=0")))
            .isInstanceOf(OptimizerException.class)
            .hasMessage("--grid macd_crossover.fast=0: strategy ensemble: members: strategy macd_crossover parameter"
                + " fast=0 is out of range (expected 1 to 1000)");
        // a malformed members text is refused as the members option's value, before any member is rewritten
        assertThatThrownBy(() -> ParameterGrid.of(ensemble, List.of("members=swing(k=3,vwap", "swing.k=4")))
            .isInstanceOf(OptimizerException.class)
            .hasMessage("--grid members=swing(k=3,vwap: strategy ensemble: members: 'swing(k=3' opens a parameter list"
                + " it does not close: write swing(key=value;key=value)");
        // members other than the searched one are written back as read: keys and values stripped, order kept
        assertThat(ParameterGrid.of(ensemble, List.of("members=swing( k = 3 ), vwap", "vwap.n=5")).values(0))
            .containsExactly("swing(k=3),vwap(n=5)");
        assertThatThrownBy(() -> ParameterGrid.of(new SmaCrossover(), List.of("x.fast=10")))
            .isInstanceOf(OptimizerException.class)
            .hasMessage("--grid x.fast=10: strategy sma_crossover has no members (a MEMBER.PARAMETER grid searches an"
                + " ensemble member's parameter)");
    }

    @Test
    void shouldRefuseAnEmptyGrid() {
        refused("fast=", "--grid fast=: empty grid (give values such as fast=10,20 or a range such as fast=5:50:5)");
        refused("fast=50:5:5", "--grid fast=50:5:5: empty grid (start 50 is after stop 5)");
        refused("fast=5,,10", "--grid fast=5,,10: empty value in the list");
    }

    @Test
    void shouldRefuseAParameterTheStrategyDoesNotHave() {
        refused("fats=5,10", "--grid fats=5,10: strategy sma_crossover has no parameter 'fats' (parameters: fast, slow, "
            + "trade_usd, equity_fraction, quantity, stop_loss, take_profit, trailing_stop, time_stop_bars, max_adds, "
            + "average_last)");
    }

    @Test
    void shouldRefuseAValueOutsideTheDeclaredRange() {
        refused("fast=0,5", "--grid fast=0,5: fast=0 is out of range (expected 1 to 10000)");
        refused("slow=9000:12000:1000", "--grid slow=9000:12000:1000: slow=11000 is out of range (expected 2 to 10000)");
    }

    @Test
    void shouldRefuseAZeroOrNegativeStep() {
        refused("fast=5:50:0", "--grid fast=5:50:0: the step must be positive, got 0");
        refused("fast=5:50:-5", "--grid fast=5:50:-5: the step must be positive, got -5");
    }

    @Test
    void shouldRefuseMalformedValues() {
        refused("fast=5.5", "--grid fast=5.5: parameter fast takes whole numbers, not '5.5'");
        refused("fast=ten", "--grid fast=ten: 'ten' is not a number");
        refused("fast=5:50", "--grid fast=5:50: a range is start:stop:step, e.g. fast=5:50:5");
        refused("fast", "--grid fast: expected name=v1,v2,... or name=start:stop:step");
        refused("fast=5,5", "--grid fast=5,5: value 5 is given twice");
        assertThatThrownBy(() -> ParameterGrid.of(SMA, List.of("fast=5", "fast=10")))
            .hasMessage("--grid fast=10: parameter fast is given twice");
    }

    @Test
    void shouldCountAHugeGridWithoutOverflow() {
        final ParameterGrid grid = ParameterGrid.of(SMA, List.of("fast=1:10000:1", "slow=2:10000:1"));
        assertThat(grid.size()).isEqualTo(10_000L * 9_999L);
    }

    private static void refused(final String option, final String message) {
        assertThatThrownBy(() -> ParameterGrid.of(SMA, List.of(option))).isInstanceOf(OptimizerException.class)
            .hasMessage(message);
    }
}
