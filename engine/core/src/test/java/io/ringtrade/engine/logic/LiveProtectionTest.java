package io.ringtrade.engine.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.TradingCommand;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.EventContext;
import io.ringtrade.engine.api.strategy.EventStrategy;
import io.ringtrade.engine.api.strategy.IterationContext;
import io.ringtrade.engine.api.strategy.IterationSchedule;
import io.ringtrade.engine.api.strategy.IterationStrategy;
import io.ringtrade.engine.api.strategy.PositionRules;
import io.ringtrade.engine.api.strategy.Strategy;
import io.ringtrade.engine.api.strategy.Tick;
import io.ringtrade.engine.order.Order;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderState;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.strategy.StrategyStateStore;
import io.ringtrade.engine.venue.SimulatedFillModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * A managed position on a live venue, where a cancel is confirmed only by the venue's later report: an exit that
 * needs the quantity the protective stop and take-profit hold (the strategy's own sell, the kill switch's flatten)
 * waits until the venue has confirmed their cancels, and is refused if they did not free it (the stop filled first),
 * so one position is never sold twice and never counted as a short. The event strategy buys 2 ACME at its first trade
 * while flat and sells all it holds at a trade at or above 110. ACME ticks at 0.01 in whole lots; no costs; long only;
 * stop-loss 5 % and take-profit 20 % from the entry at 100: a sell stop at 95 and a sell limit at 120.
 */
final class LiveProtectionTest {
    private static final long SECOND = 1_000_000_000L;

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final RecordingSink sink = new RecordingSink();
    private final List<EngineEvent> journal = new ArrayList<>();

    LiveProtectionTest() {
        instruments.register("ACME", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
    }

    /** Buys 2 at a trade while flat with no order open; sells what it holds at a trade at or above 110. */
    private static final class EnterThenTakeProfitByHand implements EventStrategy {
        @Override
        public void onTick(final EventContext ctx, final Tick tick) {
            final double held = ctx.position(tick.instrument());
            if (held == 0 && ctx.openOrders() == 0) {
                ctx.submitMarket(tick.instrument(), 1, 2);
            } else if (held > 0 && tick.price() >= 110) {
                ctx.submitMarket(tick.instrument(), -1, held);
            }
        }
    }

    /** At each daily bar: buys 1,000 of notional while flat, sells all it holds at a close at or above 110. */
    private static final class RebuyAndTakeProfitByHand implements IterationStrategy {
        @Override
        public IterationSchedule schedule() {
            return IterationSchedule.EVERY_BAR;
        }

        @Override
        public void onIteration(final IterationContext ctx) {
            final String symbol = ctx.symbols().getFirst();
            if (ctx.position(symbol) == 0) {
                ctx.buy(symbol, 1_000);
            } else if (ctx.latestPrice(symbol) >= 110) {
                ctx.sell(symbol, -1);
            }
        }
    }

    private BusinessLogic logic(final RecordingSink outputs) {
        return logic(outputs, new EnterThenTakeProfitByHand(), Interval.M1);
    }

    private BusinessLogic logic(final RecordingSink outputs, final Strategy strategy, final Interval interval) {
        final StrategyStateStore state = new StrategyStateStore("book");
        state.close();
        return new BusinessLogic(instruments, List.of(new BookSpec("book", strategy,
            new int[] {0}, interval, FixedPoint.of(1000), new SimulatedFillModel(0, 0, false, 0),
            RiskLimits.longOnly(0), state, PositionRules.DEFAULT.stopLoss(0.05).takeProfit(0.2))),
            LogicSettings.DEFAULT.withOutputs(outputs).withLiveVenue(true));
    }

    private EngineEvent feed(final BusinessLogic logic, final EngineEvent input) {
        input.sequence = journal.size();
        journal.add(input);
        logic.onEvent(input);
        return input;
    }

    private static EngineEvent trade(final long second, final String price) {
        return new EngineEvent().setTrade(0, second * SECOND, FixedPoint.parse(price), FixedPoint.of(1));
    }

    private static EngineEvent report(final long second, final long order, final int kind, final String quantity,
                                      final String price) {
        return new EngineEvent().setReport(second * SECOND, order, order + 1000, kind, VenueReason.NONE,
            quantity == null ? 0 : FixedPoint.parse(quantity), price == null ? 0 : FixedPoint.parse(price), 0);
    }

    private static List<String> effects(final EngineEvent input) {
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < input.effects.size(); i++) {
            final OrderEffect effect = input.effects.get(i);
            out.add(EffectKind.name(effect.kind) + (effect.kind == EffectKind.SUBMIT
                ? " " + (effect.side > 0 ? "BUY " : "SELL ") + (effect.notional > 0
                    ? "for " + FixedPoint.toString(effect.notional) : FixedPoint.toString(effect.quantity))
                    + (effect.price == 0 ? "" : "@" + FixedPoint.toString(effect.price)) : ""));
        }
        return out;
    }

    /** Buys 2 at 100 and acknowledges the stop and take-profit the fill brings; returns their ids (stop, target). */
    private long[] enterProtected(final BusinessLogic logic) {
        return fillProtected(logic, feed(logic, trade(1, "100")), 2);
    }

    /**
     * The buy of 2 that {@code entering} released is acknowledged and filled at 100 at {@code second}, and the stop
     * (95) and take-profit (120) its fill brings are acknowledged a second later; returns their ids (stop, target).
     */
    private long[] fillProtected(final BusinessLogic logic, final EngineEvent entering, final long second) {
        assertThat(effects(entering)).containsExactly("SUBMIT BUY 2");
        final long entry = entering.effects.get(0).clientOrderId;
        feed(logic, report(second, entry, ReportKind.ACK, null, null));
        final EngineEvent filled = feed(logic, report(second, entry, ReportKind.FILL, "2", "100"));
        assertThat(effects(filled)).containsExactly("SUBMIT SELL 2@95", "SUBMIT SELL 2@120");
        final long stop = filled.effects.get(0).clientOrderId;
        final long target = filled.effects.get(1).clientOrderId;
        feed(logic, report(second + 1, stop, ReportKind.ACK, null, null));
        feed(logic, report(second + 1, target, ReportKind.ACK, null, null));
        return new long[] {stop, target};
    }

    @Test
    void shouldHoldTheStrategysExitUntilTheVenueConfirmsTheProtectiveCancelsThenSendItOnce() {
        final BusinessLogic logic = logic(sink);
        final long[] protective = enterProtected(logic);

        // the strategy sells its 2 at 111: the stop and target are cancelled, the sell waits for the venue's answers
        final EngineEvent exit = feed(logic, trade(4, "111"));
        assertThat(effects(exit)).containsExactly("CANCEL", "CANCEL");
        final long sell = waitingOrder(logic);
        assertThat(logic.orders().openOrder(sell).side).isEqualTo(-1);
        assertThat(logic.orders().openOrder(sell).quantity).isEqualTo(FixedPoint.of(2));
        assertThat(logic.risk().rejections(OrderReason.SHORT_NOT_ALLOWED)).isZero();

        // recovery from a snapshot taken while it waits continues exactly as the running engine does
        final RecordingSink resumedSink = new RecordingSink();
        final BusinessLogic resumed = logic(resumedSink);
        resumed.restore(logic.snapshot());
        assertThat(resumed.orders().openOrder(sell).state).isEqualTo(OrderState.WAITING);

        for (final BusinessLogic engine : List.of(logic, resumed)) {
            final EngineEvent firstCancel = report(5, protective[0], ReportKind.CANCEL_ACK, null, null);
            firstCancel.sequence = journal.size();
            engine.onEvent(firstCancel);
            assertThat(effects(firstCancel)).as("one cancel still open: the sell keeps waiting").isEmpty();
            assertThat(engine.orders().openOrder(sell).state).isEqualTo(OrderState.WAITING);

            final EngineEvent secondCancel = report(6, protective[1], ReportKind.CANCEL_ACK, null, null);
            secondCancel.sequence = journal.size() + 1;
            engine.onEvent(secondCancel);
            assertThat(effects(secondCancel)).as("both confirmed: the sell leaves, and no new protection")
                .containsExactly("SUBMIT SELL 2");
            assertThat(engine.orders().openOrder(sell).state).isEqualTo(OrderState.RELEASED);

            final EngineEvent fill = report(7, sell, ReportKind.FILL, "2", "111");
            fill.sequence = journal.size() + 2;
            engine.onEvent(fill);
            assertThat(effects(fill)).isEmpty();
            assertThat(engine.books()[0].position(0)).isZero();
            assertThat(engine.books()[0].cash()).isEqualTo(FixedPoint.of(1022));
            assertThat(engine.orders().openOrders().size()).isZero();
        }
        assertThat(resumed.snapshot()).isEqualTo(logic.snapshot());
        assertThat(sink.fillReasons).containsExactly("entry", "signal");
        assertThat(transitions(sink, sell)).containsExactly("DECIDE", "WAIT", "RELEASE", "FILL");
    }

    @Test
    void shouldHoldAnIterationStrategysSellOfEverythingUntilTheProtectiveCancelsAreConfirmed() {
        final long day = Interval.D1.nanos();
        final BusinessLogic logic = logic(sink, new RebuyAndTakeProfitByHand(), Interval.D1);
        final EngineEvent firstBar = feed(logic, new EngineEvent().setBar(0, 0, FixedPoint.of(100), FixedPoint.of(100),
            FixedPoint.of(100), FixedPoint.of(100), FixedPoint.of(1)));
        assertThat(effects(firstBar)).containsExactly("SUBMIT BUY for 1000");
        final long entry = firstBar.effects.get(0).clientOrderId;
        feed(logic, report(day / SECOND, entry, ReportKind.ACK, null, null));
        final EngineEvent filled = feed(logic, report(day / SECOND, entry, ReportKind.FILL, "10", "100"));
        assertThat(effects(filled)).containsExactly("SUBMIT SELL 10@95", "SUBMIT SELL 10@120");

        // the next day closes at 111: ctx.sell(all) cancels the protection and its sell of all 10 waits
        final EngineEvent secondBar = feed(logic, new EngineEvent().setBar(0, day, FixedPoint.of(100),
            FixedPoint.of(111), FixedPoint.of(100), FixedPoint.of(111), FixedPoint.of(1)));
        assertThat(effects(secondBar)).containsExactly("CANCEL", "CANCEL");
        final long sell = waitingOrder(logic);
        assertThat(logic.orders().openOrder(sell).quantity).isEqualTo(FixedPoint.of(10));
        feed(logic, report(2 * day / SECOND, filled.effects.get(0).clientOrderId, ReportKind.CANCEL_ACK, null, null));
        final EngineEvent last = feed(logic, report(2 * day / SECOND, filled.effects.get(1).clientOrderId,
            ReportKind.CANCEL_ACK, null, null));
        assertThat(effects(last)).containsExactly("SUBMIT SELL 10");
        assertThat(logic.risk().totalRejections()).isZero();
    }

    @Test
    void shouldRefuseTheWaitingExitWhenTheStopFilledInsteadOfBeingCancelled() {
        final BusinessLogic logic = logic(sink);
        final long[] protective = enterProtected(logic);
        feed(logic, trade(4, "111"));
        final long sell = waitingOrder(logic);

        // the market fell through 95 before the cancel arrived: the stop filled (the venue's answer to the cancel)
        final EngineEvent stopFill = feed(logic, report(5, protective[0], ReportKind.FILL, "2", "95"));
        assertThat(effects(stopFill)).as("the target's cancel is already pending: nothing new").isEmpty();
        assertThat(logic.orders().openOrder(sell).state).isEqualTo(OrderState.WAITING);
        final EngineEvent targetCancel = feed(logic, report(6, protective[1], ReportKind.CANCEL_ACK, null, null));

        assertThat(effects(targetCancel)).as("the position is gone: the sell is refused, never sent").isEmpty();
        assertThat(logic.orders().openOrder(sell)).isNull();
        assertThat(logic.risk().rejections(OrderReason.ROOM_NOT_FREED)).isEqualTo(1);
        assertThat(logic.books()[0].position(0)).isZero();
        assertThat(logic.books()[0].cash()).isEqualTo(FixedPoint.of(990));
        assertThat(sink.fillReasons).containsExactly("entry", "stop_loss");
        assertThat(transitions(sink, sell)).containsExactly("DECIDE", "WAIT", "RISK_REJECT");
    }

    @Test
    void shouldFlattenAProtectedPositionOnceTheKillSwitchsCancelsAreConfirmed() {
        final BusinessLogic logic = logic(sink);
        final long[] protective = enterProtected(logic);

        final EngineEvent kill = feed(logic, new EngineEvent().setCommand(4 * SECOND, CommandCode.TRADING_STATE, -1,
            TradingCommand.pack(TradingCommand.HALTED, true, TradingCommand.SOURCE_HTTP, 0)));
        assertThat(effects(kill)).as("the flatten waits: the position is still held by the orders being cancelled")
            .containsExactly("CANCEL_ALL", "NOTIFY");
        final long flatten = waitingOrder(logic);
        assertThat(logic.orders().openOrder(flatten).origin).isEqualTo(OrderReason.FLATTEN);

        feed(logic, report(5, protective[0], ReportKind.CANCEL_ACK, null, null));
        final EngineEvent last = feed(logic, report(5, protective[1], ReportKind.CANCEL_ACK, null, null));
        assertThat(effects(last)).containsExactly("SUBMIT SELL 2");
        feed(logic, report(6, flatten, ReportKind.FILL, "2", "99"));
        assertThat(logic.books()[0].position(0)).isZero();
        assertThat(logic.orders().openOrders().size()).isZero();
        assertThat(sink.fillReasons).containsExactly("entry", "kill_switch");
    }

    @Test
    void shouldEndAWaitingOrderHereWhenItsBookIsHalted() {
        final BusinessLogic logic = logic(sink);
        final long[] protective = enterProtected(logic);
        feed(logic, trade(4, "111"));
        final long sell = waitingOrder(logic);
        final EngineEvent halt = feed(logic, new EngineEvent().setCommand(5 * SECOND, CommandCode.TRADING_STATE, 0,
            TradingCommand.pack(TradingCommand.HALTED, false, TradingCommand.SOURCE_HTTP, 0)));
        assertThat(effects(halt)).as("the protective cancels are already pending; the waiting sell ends here")
            .containsExactly("NOTIFY");
        assertThat(logic.orders().openOrder(sell)).isNull();
        assertThat(transitions(sink, sell)).containsExactly("DECIDE", "WAIT", "WITHDRAW");
        assertThat(sink.orderEvents.getLast().reason()).isEqualTo(OrderReason.KILL_SWITCH);
        final EngineEvent cancel = feed(logic, report(6, protective[0], ReportKind.CANCEL_ACK, null, null));
        feed(logic, report(6, protective[1], ReportKind.CANCEL_ACK, null, null));
        assertThat(effects(cancel)).isEmpty();
        assertThat(logic.orders().openOrders().size()).isZero();
        assertThat(logic.books()[0].position(0)).isEqualTo(FixedPoint.of(2));
    }

    /**
     * A decision book on one-minute bars that buys at its first bar and sells at its second, with shorts allowed and
     * {@code on-opposite = reverse}: entries of 200 of notional, the same stop-loss and take-profit.
     */
    private BusinessLogic reversingLogic(final RecordingSink outputs) {
        final StrategyStateStore state = new StrategyStateStore("book");
        state.close();
        final DecisionStrategy strategy = row -> row.barIndex() == 0 ? DecisionStrategy.BUY
            : row.barIndex() == 1 ? DecisionStrategy.SELL : DecisionStrategy.HOLD;
        return new BusinessLogic(instruments, List.of(new BookSpec("book", strategy, new int[] {0}, Interval.M1,
            FixedPoint.of(1000), new SimulatedFillModel(0, 0, false, 0), new RiskLimits(true, 0, 0), state,
            PositionRules.DEFAULT.tradeNotional(200).stopLoss(0.05).takeProfit(0.2), true)),
            LogicSettings.DEFAULT.withOutputs(outputs).withLiveVenue(true));
    }

    /**
     * The first bar [0 s, 60 s) closes at 100 (BUY: 200 / 100 = 2), the entry fills at 100 and its stop (95) and
     * take-profit (120) are acknowledged; the second bar [60 s, 120 s) closes at 100 with SELL when a trade at 104
     * arrives at 121 s: the signal exit waits for both cancels. Returns the protective ids.
     */
    private long[] decideReverseWhileProtected(final BusinessLogic logic) {
        feed(logic, trade(1, "100"));
        final long[] protective = fillProtected(logic, feed(logic, trade(61, "100")), 62);
        final EngineEvent sell = feed(logic, trade(121, "104"));
        assertThat(effects(sell)).as("the exit and its reverse wait for the cancels").containsExactly("CANCEL", "CANCEL");
        return protective;
    }

    @Test
    void shouldReverseAManagedPositionOnceTheProtectiveCancelsAreConfirmedEvenAfterARestart() {
        final BusinessLogic logic = reversingLogic(sink);
        final long[] protective = decideReverseWhileProtected(logic);
        final RecordingSink resumedSink = new RecordingSink();
        final BusinessLogic resumed = reversingLogic(resumedSink);
        resumed.restore(logic.snapshot());

        for (final BusinessLogic engine : List.of(logic, resumed)) {
            final int base = journal.size();
            final EngineEvent firstCancel = report(125, protective[0], ReportKind.CANCEL_ACK, null, null);
            firstCancel.sequence = base;
            engine.onEvent(firstCancel);
            assertThat(effects(firstCancel)).isEmpty();
            // both confirmed: the exit of the 2, then the short entry sized at the mark now, 200 / 104 = 1.92 → 1
            final EngineEvent secondCancel = report(126, protective[1], ReportKind.CANCEL_ACK, null, null);
            secondCancel.sequence = base + 1;
            engine.onEvent(secondCancel);
            assertThat(effects(secondCancel)).containsExactly("SUBMIT SELL 2", "SUBMIT SELL 1");
            final long exit = secondCancel.effects.get(0).clientOrderId;
            final long shortEntry = secondCancel.effects.get(1).clientOrderId;
            for (final long order : new long[] {exit, shortEntry}) {
                final EngineEvent ack = report(127, order, ReportKind.ACK, null, null);
                ack.sequence = base + 2 + (order == exit ? 0 : 1);
                engine.onEvent(ack);
            }
            final EngineEvent exitFill = report(128, exit, ReportKind.FILL, "2", "104");
            exitFill.sequence = base + 4;
            engine.onEvent(exitFill);
            assertThat(effects(exitFill)).as("flat, the entry still open: nothing to protect").isEmpty();
            // short 1 at 104: a buy stop at 104 × 1.05 = 109.2 and a buy limit at 104 × 0.8 = 83.2
            final EngineEvent entryFill = report(129, shortEntry, ReportKind.FILL, "1", "104");
            entryFill.sequence = base + 5;
            engine.onEvent(entryFill);
            assertThat(effects(entryFill)).containsExactly("SUBMIT BUY 1@109.2", "SUBMIT BUY 1@83.2");
            assertThat(engine.books()[0].position(0)).isEqualTo(FixedPoint.of(-1));
            // 1000 − 200 + 208 + 104
            assertThat(engine.books()[0].cash()).isEqualTo(FixedPoint.of(1112));
        }
        assertThat(resumed.snapshot()).isEqualTo(logic.snapshot());
        assertThat(sink.fillReasons).containsExactly("entry", "signal", "entry");
        assertThat(logic.risk().totalRejections()).isZero();
    }

    @Test
    void shouldSendTheWaitingExitButNotItsReverseWhenTheStrategyIsPausedMeanwhile() {
        final BusinessLogic logic = reversingLogic(sink);
        final long[] protective = decideReverseWhileProtected(logic);
        feed(logic, new EngineEvent().setCommand(124 * SECOND, CommandCode.PAUSE_STRATEGY, 0, 0));
        feed(logic, report(125, protective[0], ReportKind.CANCEL_ACK, null, null));
        final EngineEvent secondCancel = feed(logic, report(126, protective[1], ReportKind.CANCEL_ACK, null, null));
        assertThat(effects(secondCancel)).containsExactly("SUBMIT SELL 2");
    }

    private static long waitingOrder(final BusinessLogic logic) {
        long found = 0;
        for (Order order = logic.orders().openOrders().first(); order != null;
             order = logic.orders().openOrders().next(order)) {
            if (order.state == OrderState.WAITING) {
                assertThat(found).as("one waiting order").isZero();
                found = order.id;
            }
        }
        assertThat(found).as("a waiting order").isNotZero();
        return found;
    }

    private static List<String> transitions(final RecordingSink sink, final long orderId) {
        return sink.orderEvents.stream().filter(e -> e.orderId() == orderId).map(e -> e.transition().name()).toList();
    }
}
