package io.ringtrade.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.strategy.StrategyStatePolicy;
import io.ringtrade.engine.strategy.StrategyStateStore;
import io.ringtrade.engine.venue.SimulatedFillModel;
import org.junit.jupiter.api.Test;

import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code rebalance} and {@code grid_trading} on the shipped Apple daily bars (2013), each against a plain loop written
 * here from the README's rules (fixed-point money as the engine keeps it; no costs; lot 0.001, tick 0.01).
 */
class IterationStrategiesTest {
    private static final long CASH = FixedPoint.of(10_000);
    /** A thousandth of a share, so that small drifts are tradable. */
    private static final long LOT = FixedPoint.parse("0.001");
    private final BarSeriesData bars = MarketDataFiles.loadBars(
        Path.of(System.getProperty("ringtrade.data.dir", "target/data"), "appleinc_bars_from_20130101_usd.csv"),
        "AAPL");

    private List<String> run(final StrategyDefinition definition, final Map<String, String> given) {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        final int id = instruments.register("AAPL", "USD", FixedPoint.parse("0.01"), LOT).id();
        final Parameters parameters = StrategyParameters.resolve(definition, given);
        final StrategyStateStore state = new StrategyStateStore("book");
        final var strategy = definition.create(parameters, state);
        state.close();
        StrategyStatePolicy.check(strategy, "book", state);
        final RecordingSink sink = new RecordingSink();
        final BusinessLogic logic = new BusinessLogic(instruments, List.of(new BookSpec("book", strategy,
            new int[] {id}, Interval.D1, CASH, new SimulatedFillModel(0, 0, false, 0), RiskLimits.longOnly(0), state,
            parameters.positionRules())), LogicSettings.DEFAULT.withOutputs(sink));
        BacktestDriver.run(logic, new BarSeriesSource(bars, id), EventJournal.none(), EffectSink.NONE);
        final List<String> out = new ArrayList<>();
        for (final RecordingSink.Fill fill : sink.fills) {
            out.add(fill(fill.time(), fill.side(), fill.quantity(), fill.price()));
        }
        return out;
    }

    private static String fill(final long time, final int side, final long quantity, final long price) {
        return Instant.ofEpochSecond(time / 1_000_000_000L).toString().substring(0, 10) + (side > 0 ? " BUY " : " SELL ")
            + FixedPoint.toString(quantity) + "@" + FixedPoint.toString(price);
    }

    private static long lots(final long money, final long price) {
        return FixedPoint.roundDownToStep(FixedPoint.mulDiv(money, FixedPoint.SCALE, price, RoundingMode.FLOOR), LOT);
    }

    @Test
    void shouldRebalanceMonthlyToTheWeightsSellingFirstAndBuyingWhatTheCashAllows() {
        final long weight = FixedPoint.parse("0.6");
        final long drift = FixedPoint.parse("0.01");
        final List<String> expected = new ArrayList<>();
        long cash = CASH;
        long held = 0;
        long pendingBuy = 0;
        long pendingSell = 0;
        boolean buysAfterSells = false;
        int month = -1;
        for (int t = 0; t < bars.size(); t++) {
            final long open = bars.open(t);
            final long close = bars.close(t);
            // the open: orders decided earlier fill
            if (pendingSell > 0) {
                expected.add(fill(bars.timeNanos(t), -1, pendingSell, open));
                cash += FixedPoint.multiply(open, pendingSell);
                held -= pendingSell;
                pendingSell = 0;
            }
            if (pendingBuy > 0) {
                final long quantity = Math.min(pendingBuy, lots(cash, open));
                expected.add(fill(bars.timeNanos(t), 1, quantity, open));
                cash -= FixedPoint.multiply(open, quantity);
                held += quantity;
                pendingBuy = 0;
            }
            long equity = cash + FixedPoint.multiply(close, held);
            if (buysAfterSells) {
                // the sells are confirmed: buys from the cash the book has now, at this bar's close
                buysAfterSells = false;
                pendingBuy = buy(weight, drift, equity, held, close, cash);
            }
            final int thisMonth = Instant.ofEpochSecond(bars.timeNanos(t) / 1_000_000_000L).atZone(ZoneOffset.UTC)
                .getMonthValue();
            if (thisMonth != month) {
                month = thisMonth;
                final long excess = FixedPoint.multiply(close, held) - FixedPoint.multiply(equity, weight);
                if (excess > 0 && excess >= FixedPoint.multiply(equity, drift)) {
                    pendingSell = Math.min(held, lots(excess, close));
                    buysAfterSells = pendingSell > 0;
                }
                if (!buysAfterSells) {
                    pendingBuy = buy(weight, drift, equity, held, close, cash);
                }
            }
        }
        assertThat(expected).hasSizeGreaterThan(3);
        assertThat(run(new Rebalance(), Map.of("weights", "AAPL=0.6,USD=0.4", "schedule", "1mo", "drift", "0.01")))
            .isEqualTo(expected);
    }

    /** The buy toward the target, through the cash clamp (50 bps buffer) when it exceeds the cash. */
    private static long buy(final long weight, final long drift, final long equity, final long held, final long close,
                            final long cash) {
        final long shortfall = FixedPoint.multiply(equity, weight) - FixedPoint.multiply(close, held);
        if (shortfall <= 0 || shortfall < FixedPoint.multiply(equity, drift)) {
            return 0;
        }
        final long notional = shortfall > cash
            ? Math.min(shortfall, FixedPoint.mulDiv(cash, 9_950, 10_000, RoundingMode.FLOOR)) : shortfall;
        return lots(notional, close);
    }

    @Test
    void shouldRefuseWeightsThatDoNotSumToOneOrNameAnUnknownSymbol() {
        assertThatThrownBy(() -> run(new Rebalance(), Map.of("weights", "AAPL=0.6,USD=0.3")))
            .hasMessage("strategy rebalance: weights 'AAPL=0.6,USD=0.3' sum to 0.8999999999999999, not 1");
        assertThatThrownBy(() -> run(new Rebalance(), Map.of("weights", "QQQ=0.6,GLD=0.3,USD=0.1")))
            .hasMessage("book book: strategy rebalance: weights name QQQ, which is neither a symbol of the book (AAPL)"
                + " nor its cash (USD)");
        assertThatThrownBy(() -> run(new Rebalance(), Map.of("weights", "AAPL=1.5")))
            .hasMessage("strategy rebalance: weights 'AAPL=1.5': the weight of AAPL (1.5) is not between 0 and 1");
        assertThatThrownBy(() -> run(new Rebalance(), Map.of("weights", "AAPL=1", "schedule", "2d")))
            .hasMessage("strategy rebalance: schedule '2d' is not 'bar' or an interval such as 1d, 1wk or 1mo");
    }

    @Test
    void shouldBuyEachLevelBelowTheReferenceAndSellEachLevelAbove() {
        final double step = 0.03;
        final int levels = 5;
        final long levelUsd = FixedPoint.of(1_000);
        final List<String> expected = new ArrayList<>();
        long cash = CASH;
        long held = 0;
        final List<Long> buys = new ArrayList<>();
        final List<Long> sells = new ArrayList<>();
        double reference = Double.NaN;
        final boolean[] bought = new boolean[levels + 1];
        final boolean[] sold = new boolean[levels + 1];
        for (int t = 0; t < bars.size(); t++) {
            final long open = bars.open(t);
            for (final long money : buys) {
                final long quantity = lots(Math.min(money, cash), open);
                if (quantity > 0) {
                    expected.add(fill(bars.timeNanos(t), 1, quantity, open));
                    cash -= FixedPoint.multiply(open, quantity);
                    held += quantity;
                }
            }
            buys.clear();
            for (final long quantity : sells) {
                expected.add(fill(bars.timeNanos(t), -1, quantity, open));
                cash += FixedPoint.multiply(open, quantity);
                held -= quantity;
            }
            sells.clear();
            final double close = FixedPoint.toDouble(bars.close(t));
            if (Double.isNaN(reference)) {
                reference = close;
                continue;
            }
            if (close >= reference) {
                Arrays.fill(bought, false);
            }
            if (close <= reference) {
                Arrays.fill(sold, false);
            }
            for (int k = 1; k <= levels; k++) {
                if (!bought[k] && close <= reference * (1 - k * step)) {
                    buys.add(levelUsd);
                    bought[k] = true;
                }
                if (!sold[k] && close >= reference * (1 + k * step)) {
                    // each level is its own order, of what the position has left after the earlier ones
                    final long quantity = Math.min(held - sells.stream().mapToLong(Long::longValue).sum(),
                        lots(levelUsd, bars.close(t)));
                    if (quantity > 0) {
                        sells.add(quantity);
                    }
                    sold[k] = true;
                }
            }
        }
        assertThat(expected).hasSizeGreaterThan(4);
        assertThat(run(new GridTrading(), Map.of("step", "0.03", "levels", "5", "level_usd", "1000")))
            .isEqualTo(expected);
    }
}
