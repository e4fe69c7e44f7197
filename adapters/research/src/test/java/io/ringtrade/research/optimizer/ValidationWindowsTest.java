package io.ringtrade.research.optimizer;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.strategies.SmaCrossover;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The train/test split and walk-forward folds on {@link HandMadeSeries}, where every fill, equity and benchmark
 * value is worked out by hand: the test windows warm up on their train bars, so the crossovers at the first test
 * bar (8 and 14) are traded, and nothing is traded before a test window starts.
 */
class ValidationWindowsTest {
    @TempDir
    Path out;

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final Timeline timeline = new Timeline(List.of(HandMadeSeries.bars()),
        new int[] {instruments.intern("TEST")});

    @Test
    void shouldTradeTheCrossoverAtTheFirstTestBarThanksToTheWarmUpInEveryFold() throws Exception {
        // 20 bars, 2 folds of 8 train and 6 test bars: fold 1 trains on 0-7 and tests 8-13, fold 2 trains on 6-13
        // and tests 14-19; each test warms up on its 8 train bars
        optimization(Validation.walkForward(2, 8, 6)).run(out, new LinkedHashMap<>(), ProgressListener.NONE);
        final List<String> folds = Files.readAllLines(out.resolve("walk_forward.csv"));
        assertThat(folds.get(1)).startsWith("1,2020-01-01T00:00:00Z,2020-01-08T00:00:00Z,2020-01-09T00:00:00Z,"
            + "2020-01-14T00:00:00Z,8,6,8,2,3,");
        assertThat(folds.get(2)).startsWith("2,2020-01-07T00:00:00Z,2020-01-14T00:00:00Z,2020-01-15T00:00:00Z,"
            + "2020-01-20T00:00:00Z,8,6,8,2,3,");
        // fold 1: bought at the close of bar 8 (12), filled at the open of bar 9 (12): 10000 / 12 = 833.33333333;
        // the sell decided at bar 13 would fill at bar 14, after the window. Fold 2 starts from fold 1's last
        // equity, 833.33333333 × 11 + 0.00000004 = 9166.66666667, buys at bar 14's close (17), filled at bar 15's
        // open (17): 539.21568627 units
        assertThat(Files.readAllLines(out.resolve("trades.csv"))).containsExactly(
            "time,symbol,side,quantity,price,fee,strategy,order_id,realized_pnl,reason",
            "2020-01-10T00:00:00Z,TEST,BUY,833.33333333,12,0,sma_crossover,8000,0,entry",
            "2020-01-16T00:00:00Z,TEST,BUY,539.21568627,17,0,sma_crossover,14000,0,entry");
        final List<String> equity = Files.readAllLines(out.resolve("walk_forward_equity.csv"));
        assertThat(equity.get(0)).isEqualTo("time,equity,cash,positions_value,benchmark_equity,fold");
        assertThat(equity).hasSize(1 + 12);
        // the buy-and-hold buys at the first traded bar's open (bar 8 opens at 9) and is worth 10000 × 12 / 9 at
        // its close
        assertThat(equity.get(1)).isEqualTo("2020-01-09T00:00:00Z,10000,10000,0,13333.33333333,1");
        // bar 13 closes at 11: 10000 × 11 / 9
        assertThat(equity.get(6)).isEqualTo("2020-01-14T00:00:00Z,9166.66666667,0.00000004,9166.66666663,"
            + "12222.22222222,1");
        // fold 2's buy-and-hold (from its cash, bought at bar 14's open, 11) is carried on from 12222.22222222:
        // × 17 / 11 at bar 14's close
        assertThat(equity.get(7)).isEqualTo("2020-01-15T00:00:00Z,9166.66666667,9166.66666667,0,18888.88888888,2");
        // bar 19 closes at 22: 539.21568627 × 22 + 0.00000008; buy-and-hold 12222.22222222 × 22 / 11
        assertThat(equity.get(12)).isEqualTo("2020-01-20T00:00:00Z,11862.74509802,0.00000008,11862.74509794,"
            + "24444.44444444,2");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"final_equity\": 11862.74509802")
            .contains("\"total_return\": 0.1862745098");
        assertThat(Files.readAllLines(out.resolve("prices.csv"))).hasSize(1 + 12);
    }

    @Test
    void shouldMissTheFirstCrossoverOfAColdTestWindow() {
        // the same fold-2 test bars without warm-up: SMA(3) at the previous bar first exists at bar 17, past the
        // crossover at 14, and nothing crosses later
        final BacktestSettings settings = HandMadeSeries.settings(instruments);
        assertThat(EngineBacktest.summary(settings, sma(2, 3), timeline, Window.of(14, 20), settings.cash())
            .exposure()).isZero();
        // warmed up on bars 6-13, it buys at bar 14's close and holds bars 15-19: 5 of the 6 bars
        assertThat(EngineBacktest.summary(settings, sma(2, 3), timeline, new Window(6, 14, 20), settings.cash())
            .exposure()).isEqualTo(5.0 / 6);
    }

    @Test
    void shouldTestTheBestOfTheTrainBarsOnTheRestWarmedUpOnThem() throws Exception {
        // floor(20 × 0.7) = 14 train bars (0-13), 6 test bars (14-19) warmed up on the 14 train bars: the buy at
        // bar 14 fills at bar 15's open (17): 10000 / 17 = 588.23529411, worth 588.23529411 × 22 + 0.00000013 at the end
        optimization(Validation.split(0.7)).run(out, new LinkedHashMap<>(), ProgressListener.NONE);
        assertThat(Files.readAllLines(out.resolve("trades.csv")).get(1))
            .isEqualTo("2020-01-16T00:00:00Z,TEST,BUY,588.23529411,17,0,sma_crossover,14000,0,entry");
        final String validation = Files.readString(out.resolve("validation.json"));
        assertThat(validation).contains("""
              "train": {
                "from": "2020-01-01T00:00:00Z",
                "to": "2020-01-14T00:00:00Z",
                "bars": 14,
                "warmup_bars": 0,
                "parameters": "fast=2 slow=3",
            """).contains("""
              "test": {
                "from": "2020-01-15T00:00:00Z",
                "to": "2020-01-20T00:00:00Z",
                "bars": 6,
                "warmup_bars": 14,
                "parameters": "fast=2 slow=3",
            """).contains("\"final_equity\": 12941.17647055");
        // the buy-and-hold buys at bar 14's open (11): 10000 × 17 / 11 at its close
        assertThat(Files.readAllLines(out.resolve("equity.csv")).get(1))
            .isEqualTo("2020-01-15T00:00:00Z,10000,10000,0,15454.54545455");
    }

    private Optimization optimization(final Validation validation) {
        final ParameterGrid grid = ParameterGrid.of(new SmaCrossover(), List.of("fast=2", "slow=3"));
        return new Optimization(HandMadeSeries.settings(instruments), grid, timeline, RankMetric.SHARPE, 0,
            validation, 2);
    }

    private static SequencedMap<String, String> sma(final int fast, final int slow) {
        final SequencedMap<String, String> parameters = new LinkedHashMap<>();
        parameters.put("fast", Integer.toString(fast));
        parameters.put("slow", Integer.toString(slow));
        return parameters;
    }
}
