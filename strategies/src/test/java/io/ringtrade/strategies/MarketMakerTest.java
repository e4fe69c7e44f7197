package io.ringtrade.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.order.OrderTransition;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.strategy.StrategyStatePolicy;
import io.ringtrade.engine.strategy.StrategyStateStore;
import io.ringtrade.engine.venue.SimulatedFillModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code market_maker} on the shipped Bitstamp BTC/USD trades (the first 20,000), against a plain simulation written
 * here from the README's rules and the queue-naive fill model: a resting bid fills whole at the first trade at or
 * below it, at that trade's price; an ask mirrors it. Both must give the same fills, trade for trade.
 */
class MarketMakerTest {
    private static final Path TRADES = Path.of(System.getProperty("ringtrade.data.dir", "target/data"),
        "bitstamp_trades_from_20131125_usd.csv");
    private static final int TRADE_COUNT = 20_000;
    private static final long SECOND = 1_000_000_000L;
    private static final long TICK = FixedPoint.parse("0.01");

    private record Trade(long time, long price, long amount) {
    }

    private static List<Trade> trades() throws IOException {
        final List<Trade> out = new ArrayList<>();
        for (final String line : Files.readAllLines(TRADES).subList(1, TRADE_COUNT + 1)) {
            final String[] f = line.split(",");
            out.add(new Trade(Long.parseLong(f[0]) * SECOND, FixedPoint.parse(f[1]), FixedPoint.parse(f[2])));
        }
        return out;
    }

    private static BookSpec book(final InstrumentRegistry instruments, final Map<String, String> params) {
        final MarketMaker definition = new MarketMaker();
        final Parameters parameters = StrategyParameters.resolve(definition, params);
        final StrategyStateStore state = new StrategyStateStore("mm");
        final var strategy = definition.create(parameters, state);
        state.close();
        StrategyStatePolicy.check(strategy, "mm", state);
        return new BookSpec("mm", strategy, new int[] {0}, Interval.M1, FixedPoint.of(10_000),
            new SimulatedFillModel(0, 0, false, 0), new RiskLimits(false, 0, 0), state, parameters.positionRules());
    }

    private static List<String> engineFills(final List<Trade> trades) {
        return engineFills(trades, Map.of(), new RecordingSink());
    }

    /** The engine's fills as "second SIDE quantity@price", with {@code params}, every output row in {@code sink}. */
    private static List<String> engineFills(final List<Trade> trades, final Map<String, String> params,
                                            final RecordingSink sink) {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.register("BTCUSD", "USD", TICK, 1);
        final BusinessLogic logic = new BusinessLogic(instruments, List.of(book(instruments, params)),
            LogicSettings.DEFAULT.withOutputs(sink));
        long sequence = 0;
        for (final Trade trade : trades) {
            final EngineEvent event = new EngineEvent().setTrade(0, trade.time(), trade.price(), trade.amount());
            event.sequence = sequence++;
            logic.onEvent(event);
        }
        logic.finish();
        final List<String> out = new ArrayList<>();
        for (final RecordingSink.Fill fill : sink.fills) {
            out.add(fill.time() / SECOND + " " + (fill.side() > 0 ? "BUY " : "SELL ")
                + FixedPoint.toString(fill.quantity()) + "@" + FixedPoint.toString(fill.price()));
        }
        assertThat(logic.workingOrders()).as("all orders cancelled at the end").isZero();
        return out;
    }

    /** The rules, written out plainly: no engine class beyond fixed-point parsing. */
    private static List<String> simulatedFills(final List<Trade> trades) {
        final List<String> out = new ArrayList<>();
        final List<Double> closes = new ArrayList<>();
        double cash = 10_000;
        double position = 0;
        double mid = Double.NaN;
        double width = Double.NaN;
        long due = trades.get(0).time() + 500_000_000L;
        long minute = Long.MIN_VALUE;
        double minuteClose = Double.NaN;
        long bidPrice = 0;
        long bidQuantity = 0;
        long askPrice = 0;
        long askQuantity = 0;
        for (final Trade trade : trades) {
            final long t = trade.time();
            if (t >= due) {
                due = t + 500_000_000L;
                bidQuantity = 0;
                askQuantity = 0;
                if (mid > 0) {
                    final double multiplier = Double.isNaN(width) ? 1
                        : Math.min(3, 1 + Math.max(0, (width - 0.01) / 0.01) * 0.5);
                    final double spread = 0.0015 * mid * multiplier;
                    final double skew = Math.max(-1, Math.min(1, position / 1.0));
                    final double bid = mid - spread * (1 + 0.5 * skew);
                    final double ask = mid + spread * (1 - 0.5 * skew);
                    if (position < 1.0) {
                        final double quantity = Math.min(Math.min(500 / bid, 1.0 - position), cash * 0.9 / bid);
                        if (quantity > 0) {
                            bidQuantity = Math.round(quantity * 1e8);
                            final long exact = Math.round(bid * 1e8);
                            bidPrice = exact - Math.floorMod(exact, TICK);
                        }
                    }
                    if (position > -1.0) {
                        final double quantity = Math.min(Math.min(500 / ask, position + 1.0), position);
                        if (quantity > 0) {
                            askQuantity = Math.round(quantity * 1e8);
                            final long exact = Math.round(ask * 1e8);
                            final long floor = exact - Math.floorMod(exact, TICK);
                            askPrice = floor == exact ? exact : floor + TICK;
                        }
                    }
                }
            }
            final long bucket = Math.floorDiv(t, 60 * SECOND);
            if (bucket != minute) {
                if (minute != Long.MIN_VALUE) {
                    closes.add(minuteClose);
                    if (closes.size() >= 20) {
                        double sum = 0;
                        for (int i = closes.size() - 20; i < closes.size(); i++) {
                            sum += closes.get(i);
                        }
                        final double mean = sum / 20;
                        double squares = 0;
                        for (int i = closes.size() - 20; i < closes.size(); i++) {
                            squares += (closes.get(i) - mean) * (closes.get(i) - mean);
                        }
                        width = 4 * Math.sqrt(squares / 20) / mean;
                    }
                }
                minute = bucket;
            }
            minuteClose = FixedPoint.toDouble(trade.price());
            final double price = FixedPoint.toDouble(trade.price());
            if (bidQuantity > 0 && trade.price() <= bidPrice) {
                out.add(t / SECOND + " BUY " + FixedPoint.toString(bidQuantity) + "@" + FixedPoint.toString(trade.price()));
                cash -= FixedPoint.toDouble(FixedPoint.multiply(trade.price(), bidQuantity));
                position += FixedPoint.toDouble(bidQuantity);
                bidQuantity = 0;
            } else if (askQuantity > 0 && trade.price() >= askPrice) {
                out.add(t / SECOND + " SELL " + FixedPoint.toString(askQuantity) + "@"
                    + FixedPoint.toString(trade.price()));
                cash += FixedPoint.toDouble(FixedPoint.multiply(trade.price(), askQuantity));
                position -= FixedPoint.toDouble(askQuantity);
                askQuantity = 0;
            }
            mid = price;
        }
        return out;
    }

    @Test
    void shouldQuoteAndFillOnTheBitstampTradesExactlyAsTheRulesSay() throws IOException {
        final List<Trade> trades = trades();
        final List<String> expected = simulatedFills(trades);
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(engineFills(trades)).isEqualTo(expected);
    }

    @Test
    void shouldQuoteAndFillTheSameWhenItAmendsItsQuotesInPlace() throws IOException {
        final List<Trade> trades = trades();
        final RecordingSink cancelling = new RecordingSink();
        final RecordingSink amending = new RecordingSink();
        final List<String> byCancel = engineFills(trades, Map.of(), cancelling);
        assertThat(engineFills(trades, Map.of("requote", "replace"), amending)).isEqualTo(byCancel)
            .isEqualTo(simulatedFills(trades));
        // every quote the cancelling mode places new is, amending, either an amendment of the open one or a new order
        // where none is open (a side that filled, or had nothing to quote): the counts add up exactly
        final long ordersCancelling = cancelling.finalOrders().size();
        final long ordersAmending = amending.finalOrders().size();
        final long replaced = amending.orderEvents.stream()
            .filter(e -> e.transition() == OrderTransition.REPLACE_ACK).count();
        assertThat(ordersAmending + replaced).isEqualTo(ordersCancelling);
        assertThat(ordersAmending).isLessThan(ordersCancelling / 5);
        assertThatThrownBy(() -> book(new InstrumentRegistry(), Map.of("requote", "amend")))
            .hasMessage("strategy market_maker: requote must be cancel or replace, got 'amend'");
    }

    @Test
    void shouldBeRefusedOnAFeedOfBarsOnly() {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.register("BTCUSD", "USD", TICK, 1);
        assertThatThrownBy(() -> new BusinessLogic(instruments, List.of(book(instruments, Map.of())),
            new LogicSettings(OutputSink.NONE, Interval.M1, 0, 0, Long.MIN_VALUE)))
            .hasMessage("book mm: an event strategy needs ticks, but the feed gives bars only (use a trades file, a "
                + "journal or a venue feed)");
    }

    @Test
    void shouldRefuseManagedPositionParametersAndBadRanges() {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.register("BTCUSD", "USD", TICK, 1);
        assertThatThrownBy(() -> new BusinessLogic(instruments,
            List.of(book(instruments, Map.of("trade_usd", "500", "stop_loss", "0.02"))), LogicSettings.DEFAULT))
            .hasMessage("book mm: trade_usd applies to decision strategies only; an iteration or event strategy sizes "
                + "and places its own orders (stop_loss, take_profit, trailing_stop and time_stop_bars apply to any "
                + "strategy)");
        assertThatThrownBy(() -> book(instruments, Map.of("half_spread", "0.5")))
            .hasMessage("strategy market_maker parameter half_spread=0.5 is out of range (expected 1.0E-5 to 0.1)");
    }
}
