package io.ringtrade.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.EventContext;
import io.ringtrade.engine.api.strategy.EventStrategy;
import io.ringtrade.engine.api.strategy.IterationContext;
import io.ringtrade.engine.api.strategy.IterationSchedule;
import io.ringtrade.engine.api.strategy.IterationStrategy;
import io.ringtrade.engine.api.strategy.PositionRules;
import io.ringtrade.engine.api.strategy.Strategy;
import io.ringtrade.engine.api.strategy.Tick;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.strategy.StrategyStateStore;
import io.ringtrade.engine.venue.SimulatedFillModel;
import io.ringtrade.strategies.ReferenceBars.Market;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Managed exits on positions an iteration strategy ({@code ctx.buy}) or an event strategy ({@code submitMarket})
 * opened itself, on real data, against a plain simulation written here from the README's rules (no costs):
 * <ul>
 *   <li>iteration, on the Apple daily bars: at every bar's close a flat book buys 3,000 of notional (floor(3000 / the
 *       next open) shares at the next open); stop-loss and take-profit from the entry price (the stop rounded down,
 *       the target up to the tick), live from the entry's own bar, stops before the target, at their price or at the
 *       open when a later bar gaps through; a trailing stop at the highest high since entry × (1 − trail) rounded
 *       down, recomputed at each close and live from the next bar; a time stop at the close of the N-th bar from the
 *       entry bar, filled at the next open; a book stopped out inside a bar buys again at that bar's close;</li>
 *   <li>event, on the first 20,000 Bitstamp trades: at a trade while flat with no order open the strategy sends a
 *       market buy of 0.5 BTC, filled at the next trade's price; the stop and target are placed after the input of the
 *       fill and fill whole at the first later trade at or beyond them, at that trade's price.</li>
 * </ul>
 * Every fill's side, time, price, quantity and reason must match.
 */
class ManagedStylesTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long NOTIONAL = FixedPoint.of(3_000);
    private static final long EVENT_QUANTITY = FixedPoint.parse("0.5");
    private static final Path TRADES = Path.of(System.getProperty("ringtrade.data.dir", "target/data"),
        "bitstamp_trades_from_20131125_usd.csv");

    /** Buys 3,000 of notional at every iteration while flat. */
    private static final class BuyWhenFlat implements IterationStrategy {
        @Override
        public IterationSchedule schedule() {
            return IterationSchedule.EVERY_BAR;
        }

        @Override
        public void onIteration(final IterationContext ctx) {
            final String symbol = ctx.symbols().getFirst();
            if (ctx.position(symbol) == 0) {
                ctx.buy(symbol, 3_000);
            }
        }
    }

    /** Buys 0.5 with a market order at a trade while flat and without an order of its own open. */
    private static final class BuyTicksWhenFlat implements EventStrategy {
        @Override
        public void onTick(final EventContext ctx, final Tick tick) {
            if (ctx.position(tick.instrument()) == 0 && ctx.openOrders() == 0) {
                ctx.submitMarket(tick.instrument(), 1, 0.5);
            }
        }
    }

    private static BookSpec book(final Strategy strategy, final Interval interval, final PositionRules rules) {
        final StrategyStateStore state = new StrategyStateStore("book");
        state.close();
        return new BookSpec("book", strategy, new int[] {0}, interval, FixedPoint.of(10_000),
            new SimulatedFillModel(0, 0, false, 0), RiskLimits.longOnly(0), state, rules);
    }

    private static List<String> fills(final RecordingSink sink) {
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < sink.fills.size(); i++) {
            final RecordingSink.Fill fill = sink.fills.get(i);
            out.add(fill(fill.side(), fill.time(), fill.quantity(), fill.price(), sink.fillReasons.get(i)));
        }
        return out;
    }

    private static String fill(final int side, final long time, final long quantity, final long price,
                               final String reason) {
        return Instant.ofEpochSecond(0, time) + (side > 0 ? " BUY " : " SELL ") + FixedPoint.toString(quantity) + "@"
            + FixedPoint.toString(price) + " " + reason;
    }

    /** price × (1 + fraction), to 8 decimals and then to the tick, both in {@code rounding}. */
    private static long toTick(final long price, final String fraction, final long tick, final RoundingMode rounding) {
        final BigDecimal exact = BigDecimal.valueOf(price, FixedPoint.SCALE_DIGITS)
            .multiply(BigDecimal.ONE.add(new BigDecimal(fraction))).setScale(FixedPoint.SCALE_DIGITS, rounding);
        final BigDecimal ticks = exact.divide(BigDecimal.valueOf(tick, FixedPoint.SCALE_DIGITS), 0, rounding);
        return ticks.multiply(BigDecimal.valueOf(tick)).longValueExact();
    }

    // ---- iteration ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "sl={0} tp={1} trail={2} time={3}")
    @CsvSource({"0.03, 0.05, , 0", ", , 0.04, 0", "0.02, , , 5", "0.05, 0.04, 0.03, 8"})
    void shouldProtectWhatAnIterationStrategyBoughtWithTheManagedExits(final String stopLoss, final String takeProfit,
                                                                      final String trail, final int timeStop) {
        final ReferenceBars data = ReferenceBars.of(Market.APPLE_DAILY);
        PositionRules rules = PositionRules.DEFAULT;
        rules = stopLoss == null ? rules : rules.stopLoss(Double.parseDouble(stopLoss));
        rules = takeProfit == null ? rules : rules.takeProfit(Double.parseDouble(takeProfit));
        rules = trail == null ? rules : rules.trailingStop(Double.parseDouble(trail));
        rules = timeStop == 0 ? rules : rules.timeStopBars(timeStop);
        final InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.register("AAPL", "USD", data.market.tick, data.market.lot);
        final RecordingSink sink = new RecordingSink();
        final BusinessLogic logic = new BusinessLogic(instruments,
            List.of(book(new BuyWhenFlat(), Interval.D1, rules)), LogicSettings.DEFAULT.withOutputs(sink));
        BacktestDriver.run(logic, new BarSeriesSource(data.bars, 0), EventJournal.none(), EffectSink.NONE);

        final List<String> expected = simulateIteration(data.bars, data.market.tick, stopLoss, takeProfit, trail,
            timeStop);
        assertThat(expected).as("a managed exit happens on this data (the comparison must not be vacuous)")
            .anyMatch(fill -> fill.endsWith("stop_loss") || fill.endsWith("take_profit")
                || fill.endsWith("trailing_stop") || fill.endsWith("time_stop"));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(6);
        assertThat(fills(sink)).containsExactlyElementsOf(expected);

        // stopped after bar 120 with its protective orders working, snapshotted and continued by business logic built
        // afresh (what recovery does): the same fills
        final RecordingSink firstHalf = new RecordingSink();
        final BusinessLogic first = new BusinessLogic(instruments, List.of(book(new BuyWhenFlat(), Interval.D1, rules)),
            LogicSettings.DEFAULT.withOutputs(firstHalf));
        final long next = BacktestDriver.feed(first, new BarSeriesSource(LibraryBacktest.part(data.bars, 0, 121), 0),
            EventJournal.none(), EffectSink.NONE, 0);
        final RecordingSink secondHalf = new RecordingSink();
        final BusinessLogic second = new BusinessLogic(instruments,
            List.of(book(new BuyWhenFlat(), Interval.D1, rules)), LogicSettings.DEFAULT.withOutputs(secondHalf));
        second.restore(first.snapshot());
        BacktestDriver.feed(second, new BarSeriesSource(LibraryBacktest.part(data.bars, 121, data.bars.size()), 0),
            EventJournal.none(), EffectSink.NONE, next);
        second.finish();
        final List<String> resumed = new ArrayList<>(fills(firstHalf));
        resumed.addAll(fills(secondHalf));
        assertThat(resumed).containsExactlyElementsOf(expected);
    }

    private static List<String> simulateIteration(final BarSeriesData bars, final long tick, final String stopLoss,
                                                  final String takeProfit, final String trailFraction,
                                                  final int timeStop) {
        final List<String> fills = new ArrayList<>();
        long quantity = 0;
        long stop = 0;
        long target = 0;
        long trail = 0;
        long extreme = 0;
        int held = 0;
        boolean buyPending = false;
        boolean exitPending = false;
        for (int t = 0; t < bars.size(); t++) {
            final long open = bars.open(t);
            final long high = bars.high(t);
            final long low = bars.low(t);
            final long time = bars.timeNanos(t);
            boolean entryBar = false;
            if (exitPending) {
                fills.add(fill(-1, time, quantity, open, "time_stop"));
                quantity = 0;
                exitPending = false;
            }
            if (buyPending) {
                quantity = FixedPoint.roundDownToStep(FixedPoint.mulDiv(NOTIONAL, FixedPoint.SCALE, open,
                    RoundingMode.FLOOR), FixedPoint.of(1));
                fills.add(fill(1, time, quantity, open, "entry"));
                stop = stopLoss == null ? 0 : toTick(open, "-" + stopLoss, tick, RoundingMode.FLOOR);
                target = takeProfit == null ? 0 : toTick(open, takeProfit, tick, RoundingMode.CEILING);
                trail = 0;
                held = 0;
                entryBar = true;
                buyPending = false;
            }
            if (quantity > 0) {
                // stops first (the stop-loss, then the trailing stop from the bar after entry), then the target
                final long[] stops = {stop, trail};
                final String[] reasons = {"stop_loss", "trailing_stop"};
                for (int k = 0; k < 2 && quantity > 0; k++) {
                    if (stops[k] != 0 && low <= stops[k]) {
                        final boolean gap = !entryBar && open <= stops[k];
                        fills.add(fill(-1, time, quantity, gap ? open : stops[k], reasons[k]));
                        quantity = 0;
                    }
                }
                if (quantity > 0 && target != 0 && high >= target) {
                    fills.add(fill(-1, time, quantity, !entryBar && open >= target ? open : target, "take_profit"));
                    quantity = 0;
                }
            }
            if (t + 1 >= bars.size()) {
                break;
            }
            if (quantity > 0) {
                held++;
                extreme = held == 1 ? high : Math.max(extreme, high);
                if (trailFraction != null) {
                    trail = toTick(extreme, "-" + trailFraction, tick, RoundingMode.FLOOR);
                }
                if (timeStop > 0 && held >= timeStop) {
                    exitPending = true;
                }
            } else {
                buyPending = true;
            }
        }
        return fills;
    }

    // ---- event -------------------------------------------------------------------------------------------------

    @Test
    void shouldProtectWhatAnEventStrategyBoughtWithStopLossAndTakeProfit() throws IOException {
        final long tick = FixedPoint.parse("0.01");
        final List<long[]> trades = new ArrayList<>();
        for (final String line : Files.readAllLines(TRADES).subList(1, 20_001)) {
            final String[] f = line.split(",");
            trades.add(new long[] {Long.parseLong(f[0]) * SECOND, FixedPoint.parse(f[1]), FixedPoint.parse(f[2])});
        }
        final InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.register("BTC/USD", "USD", tick, FixedPoint.parse("0.00000001"));
        final RecordingSink sink = new RecordingSink();
        final BusinessLogic logic = new BusinessLogic(instruments, List.of(book(new BuyTicksWhenFlat(), Interval.M1,
            PositionRules.DEFAULT.stopLoss(0.004).takeProfit(0.004))), LogicSettings.DEFAULT.withOutputs(sink));
        long sequence = 0;
        for (final long[] trade : trades) {
            final EngineEvent event = new EngineEvent().setTrade(0, trade[0], trade[1], trade[2]);
            event.sequence = sequence++;
            logic.onEvent(event);
        }
        logic.finish();

        final List<String> expected = new ArrayList<>();
        long quantity = 0;
        long stop = 0;
        long target = 0;
        boolean protectedNow = false;
        boolean buyPending = false;
        for (final long[] trade : trades) {
            final long time = trade[0];
            final long price = trade[1];
            if (buyPending) {
                quantity = EVENT_QUANTITY;
                expected.add(fill(1, time, quantity, price, "entry"));
                stop = toTick(price, "-0.004", tick, RoundingMode.FLOOR);
                target = toTick(price, "0.004", tick, RoundingMode.CEILING);
                buyPending = false;
                protectedNow = false;
            } else if (quantity > 0 && protectedNow && (price <= stop || price >= target)) {
                expected.add(fill(-1, time, quantity, price, price <= stop ? "stop_loss" : "take_profit"));
                quantity = 0;
            }
            if (quantity == 0) {
                buyPending = true;
            } else {
                protectedNow = true;
            }
        }
        assertThat(expected.stream().filter(fill -> fill.endsWith("stop_loss")).count()).isGreaterThanOrEqualTo(3);
        assertThat(expected.stream().filter(fill -> fill.endsWith("take_profit")).count()).isGreaterThanOrEqualTo(3);
        assertThat(fills(sink)).containsExactlyElementsOf(expected);
    }

    // ---- refusals ----------------------------------------------------------------------------------------------

    @Test
    void shouldRefuseSizingPyramidingAndAveragingForIterationAndEventStrategiesNamingTheParameter() {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.register("AAPL", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
        final String rest = " applies to decision strategies only; an iteration or event strategy sizes and places its "
            + "own orders (stop_loss, take_profit, trailing_stop and time_stop_bars apply to any strategy)";
        assertThatThrownBy(() -> new BusinessLogic(instruments, List.of(book(new BuyWhenFlat(), Interval.D1,
            PositionRules.DEFAULT.tradeNotional(1_000).stopLoss(0.02))), LogicSettings.DEFAULT))
            .hasMessage("book book: trade_usd" + rest);
        assertThatThrownBy(() -> new BusinessLogic(instruments, List.of(book(new BuyTicksWhenFlat(), Interval.M1,
            PositionRules.DEFAULT.equityFraction(0.5))), LogicSettings.DEFAULT))
            .hasMessage("book book: equity_fraction" + rest);
        assertThatThrownBy(() -> new BusinessLogic(instruments, List.of(book(new BuyWhenFlat(), Interval.D1,
            PositionRules.DEFAULT.quantity(3))), LogicSettings.DEFAULT))
            .hasMessage("book book: quantity" + rest);
        assertThatThrownBy(() -> new BusinessLogic(instruments, List.of(book(new BuyTicksWhenFlat(), Interval.M1,
            PositionRules.DEFAULT.maxAdds(2))), LogicSettings.DEFAULT))
            .hasMessage("book book: max_adds" + rest);
        assertThatThrownBy(() -> new BusinessLogic(instruments, List.of(book(new BuyWhenFlat(), Interval.D1,
            PositionRules.DEFAULT.averageLast(3))), LogicSettings.DEFAULT))
            .hasMessage("book book: average_last" + rest);
    }
}
