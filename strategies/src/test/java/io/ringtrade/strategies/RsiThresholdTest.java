package io.ringtrade.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.venue.SimulatedFillModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code rsi_threshold} trades where {@code ta}'s RSI says it should. The expected RSI is computed here, independently
 * of the engine, from the definition ({@code ewm(alpha=1/n, adjust=False)} of gains and losses, bar 0's missing change
 * counting as 0), and pinned to the real {@code ta} 0.11.0's {@code momentum_rsi} on these bars; the expected trades
 * follow from it: buy at the next open after a close with RSI below {@code buy_below} while flat, sell at the next
 * open after one above {@code sell_above} while long. (With ta4j's RSI, seeded at bar n, these trades differed.)
 */
class RsiThresholdTest {
    private static final long CASH = FixedPoint.of(10_000);
    private static final SimulatedFillModel NO_COSTS = new SimulatedFillModel(0, 0, false, 0);

    private final BarSeriesData bars = MarketDataFiles.loadBars(
        Path.of(System.getProperty("ringtrade.data.dir", "target/data"), "appleinc_bars_from_20130101_usd.csv"),
        "AAPL");

    @Test
    void shouldComputeTheRsiTaComputes() {
        final double[] rsi = expectedRsi(14);
        // momentum_rsi of ta 0.11.0 on these bars (the team's shared reference, apple_daily.csv.gz)
        assertThat(rsi[12]).isNaN();
        assertThat(rsi[13]).isCloseTo(34.84305998800389, within(1e-9));
        assertThat(rsi[14]).isCloseTo(42.653036284947966, within(1e-9));
        assertThat(rsi[50]).isCloseTo(48.2837640261823, within(1e-9));
        assertThat(rsi[200]).isCloseTo(62.7096073116633, within(1e-9));
        assertThat(rsi[251]).isCloseTo(56.52015254334434, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"14, 30, 70", "7, 35, 65", "21, 40, 60"})
    void shouldTradeAtTheNextOpenAfterTheRsiCrossesItsLevels(final int period, final double buyBelow,
                                                             final double sellAbove) {
        final double[] rsi = expectedRsi(period);
        final List<long[]> expected = new ArrayList<>();
        boolean long_ = false;
        for (int t = 0; t + 1 < bars.size(); t++) {
            if (Double.isNaN(rsi[t])) {
                continue;
            }
            if (!long_ && rsi[t] < buyBelow) {
                expected.add(new long[] {1, bars.timeNanos(t + 1), bars.open(t + 1)});
                long_ = true;
            } else if (long_ && rsi[t] > sellAbove) {
                expected.add(new long[] {-1, bars.timeNanos(t + 1), bars.open(t + 1)});
                long_ = false;
            }
        }
        final List<RecordingSink.Fill> fills = run(Map.of("period", Integer.toString(period), "buy_below", Double.toString(buyBelow),
            "sell_above", Double.toString(sellAbove)));
        assertThat(expected).as("the levels are reached on this data").hasSizeGreaterThanOrEqualTo(2);
        assertThat(fills).hasSameSizeAs(expected);
        for (int i = 0; i < fills.size(); i++) {
            final RecordingSink.Fill fill = fills.get(i);
            assertThat(new long[] {fill.side(), fill.time(), fill.price()}).as("fill %d", i)
                .containsExactly(expected.get(i));
        }
    }

    private List<RecordingSink.Fill> run(final Map<String, String> given) {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        final int id = instruments.register("AAPL", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1)).id();
        final RsiThreshold definition = new RsiThreshold();
        final Parameters parameters = Parameters.resolve(definition.name(), definition.parameters(), given);
        final RecordingSink sink = new RecordingSink();
        final BusinessLogic logic = new BusinessLogic(instruments, List.of(new BookSpec(definition.name(),
            definition.create(parameters), new int[] {id}, Interval.D1, CASH, NO_COSTS,
            RiskLimits.longOnly(FixedPoint.of(10)))), LogicSettings.DEFAULT.withOutputs(sink));
        BacktestDriver.run(logic, new BarSeriesSource(bars, id), EventJournal.none(), EffectSink.NONE);
        return sink.fills;
    }

    /** ta's RSI, written out from its definition (pandas' adjust=False recursion with pandas' α). */
    private double[] expectedRsi(final int n) {
        final double alpha = 1.0 / (1.0 + (1.0 - 1.0 / n) / (1.0 / n));
        final double[] rsi = new double[bars.size()];
        double gain = 0;
        double loss = 0;
        for (int t = 0; t < bars.size(); t++) {
            final double change = t == 0 ? 0 : FixedPoint.toDouble(bars.close(t)) - FixedPoint.toDouble(bars.close(t - 1));
            final double up = Math.max(change, 0);
            final double down = Math.max(-change, 0);
            if (t == 0) {
                gain = up;
                loss = down;
            } else {
                gain = ((1 - alpha) * gain + alpha * up) / ((1 - alpha) + alpha);
                loss = ((1 - alpha) * loss + alpha * down) / ((1 - alpha) + alpha);
            }
            rsi[t] = t < n - 1 ? Double.NaN : loss == 0 ? 100 : 100 - 100 / (1 + gain / loss);
        }
        return rsi;
    }
}
