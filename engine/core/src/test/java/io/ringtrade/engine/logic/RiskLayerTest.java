package io.ringtrade.engine.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.Notification;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.event.SignalSizeKind;
import io.ringtrade.engine.api.event.TradingCommand;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.audit.AuditKind;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderState;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.risk.HaltCause;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.risk.RiskSettings;
import io.ringtrade.engine.risk.TradingState;
import io.ringtrade.engine.venue.SimulatedFillModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The risk layer end to end in business logic: every check with its reason code, the trading states per book and
 * global with their transitions, the kill switch with flatten, the daily-loss breach and its release, the
 * large-transaction threshold, commands business logic refuses, and the audit lines each of these writes. Orders
 * come from external signals (the books' strategies hold), so each test chooses its sizes; market orders fill at the
 * next trade. ACME ticks at 0.01 in whole lots; books start with 10,000 (20,000 for the large transactions) and pay
 * no costs.
 */
final class RiskLayerTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = Interval.D1.nanos();
    private static final int ACME = 0;
    private static final int BUY = 1;
    private static final int SELL = -1;

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final RecordingSink sink = new RecordingSink();
    private long sequence;
    private long signalKey;
    private final List<EngineEvent> inputs = new ArrayList<>();

    RiskLayerTest() {
        instruments.register("ACME", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private static RiskLimits limits(final long maxOrderNotional, final long maxPositionPct, final long maxDailyLoss,
                                     final int maxOrdersPerSecond, final long priceBandPct) {
        return new RiskLimits(false, fp("10"), 0, maxOrderNotional, maxPositionPct, maxDailyLoss, maxOrdersPerSecond,
            priceBandPct);
    }

    private BusinessLogic logic(final RiskSettings global, final long cash, final RiskLimits... books) {
        final List<BookSpec> specs = new ArrayList<>();
        for (int i = 0; i < books.length; i++) {
            specs.add(new BookSpec("book" + i, row -> DecisionStrategy.HOLD, new int[] {ACME}, Interval.M1, cash,
                new SimulatedFillModel(0, 0, false, 0), books[i]));
        }
        return new BusinessLogic(instruments, specs, LogicSettings.DEFAULT.withOutputs(sink).withRisk(global));
    }

    private BusinessLogic logic(final RiskLimits... books) {
        return logic(RiskSettings.DEFAULT, FixedPoint.of(10_000), books);
    }

    private EngineEvent feed(final BusinessLogic logic, final EngineEvent event) {
        event.sequence = sequence++;
        logic.onEvent(event);
        inputs.add(event);
        return event;
    }

    private void trade(final BusinessLogic logic, final long time, final String price) {
        feed(logic, new EngineEvent().setTrade(ACME, time, fp(price), FixedPoint.of(1_000)));
    }

    /** A signal for {@code book}: a market order when {@code limit} is null. Returns its input. */
    private EngineEvent signal(final BusinessLogic logic, final long time, final int book, final int side,
                               final String quantity, final String limit) {
        return feed(logic, new EngineEvent().setSignal(time, ++signalKey, book, ACME, side, SignalSizeKind.QUANTITY,
            fp(quantity), limit == null ? 0 : fp(limit)));
    }

    private EngineEvent command(final BusinessLogic logic, final long time, final int code, final int book,
                                final long argument) {
        return feed(logic, new EngineEvent().setCommand(time, code, book, argument));
    }

    private EngineEvent state(final BusinessLogic logic, final long time, final int book, final int state,
                              final boolean flatten) {
        return command(logic, time, CommandCode.TRADING_STATE, book,
            TradingCommand.pack(state, flatten, TradingCommand.SOURCE_HTTP, 0));
    }

    private RecordingSink.OrderEvent lastOrder() {
        return sink.finalOrders().getLast();
    }

    private List<RecordingSink.Audit> audit(final int kind) {
        return sink.audit.stream().filter(a -> a.kind() == kind).toList();
    }

    // ---- the checks, one reason code each ---------------------------------------------------------------------

    @Test
    void shouldRefuseAnOrderAboveTheMaximumOrderNotional() {
        final BusinessLogic logic = logic(limits(fp("1000"), 0, 0, 0, 0));
        trade(logic, 1, "100");

        signal(logic, 2, 0, BUY, "11", null); // 1,100 > 1,000
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.MAX_ORDER_NOTIONAL);
        signal(logic, 3, 0, BUY, "10", null); // 1,000 is not above
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(logic.risk().rejections(OrderReason.MAX_ORDER_NOTIONAL)).isEqualTo(1);
        final RecordingSink.Audit refusal = audit(AuditKind.RISK_REJECT).getFirst();
        assertThat(refusal.c()).isEqualTo(OrderReason.MAX_ORDER_NOTIONAL.ordinal());
        assertThat(refusal.d()).isEqualTo(fp("11"));
        assertThat(refusal.entry()).isEqualTo(1);
    }

    @Test
    void shouldTakeTheTighterOfTheBookLimitAndTheGlobalCap() {
        final BusinessLogic logic = logic(new RiskSettings(fp("500"), 0, 0, 0, 0, 0), FixedPoint.of(10_000),
            limits(fp("1000"), 0, 0, 0, 0));
        trade(logic, 1, "100");

        signal(logic, 2, 0, BUY, "6", null); // 600 ≤ the book's 1,000 but above the global 500
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.MAX_ORDER_NOTIONAL);
    }

    @Test
    void shouldRefuseAPositionAboveItsPercentOfEquityCountingOpenOrders() {
        // 5 % of 10,000 = 500: a position of 5 @ 100 is at the limit, not above it
        final BusinessLogic logic = logic(limits(0, FixedPoint.of(5), 0, 0, 0));
        trade(logic, 1, "100");
        signal(logic, 2, 0, BUY, "3", null);
        signal(logic, 3, 0, BUY, "3", null); // open buy reserves 300: 300 + 300 > 500
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.MAX_POSITION);

        signal(logic, 4, 0, BUY, "2", null); // 300 + 200 = 500
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        trade(logic, 5, "100"); // both fill: held 5
        assertThat(logic.books()[0].position(ACME)).isEqualTo(FixedPoint.of(5));
        signal(logic, 6, 0, BUY, "1", null);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.MAX_POSITION);
        signal(logic, 7, 0, SELL, "5", null); // reducing is never held back by the position limit
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(logic.risk().rejections(OrderReason.MAX_POSITION)).isEqualTo(2);
    }

    @Test
    void shouldRefuseTheOrderOverTheRateInAnySecondOfEventTime() {
        final BusinessLogic logic = logic(limits(0, 0, 0, 2, 0));
        trade(logic, 0, "100");
        signal(logic, 0, 0, BUY, "1", null);
        signal(logic, SECOND / 10, 0, BUY, "1", null);
        signal(logic, SECOND / 5, 0, BUY, "1", null); // a third within (t - 1 s, t]
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.ORDER_RATE);

        signal(logic, SECOND, 0, BUY, "1", null); // the first (at 0) has left the window (t - 1 s, t]
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        signal(logic, SECOND + 1, 0, BUY, "1", null); // the one at 0.1 s is still in it
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.ORDER_RATE);
    }

    @Test
    void shouldApplyTheGlobalOrderRateToAllBooksTogether() {
        final BusinessLogic logic = logic(new RiskSettings(0, 0, 0, 2, 0, 0), FixedPoint.of(10_000),
            limits(0, 0, 0, 0, 0), limits(0, 0, 0, 0, 0));
        trade(logic, 0, "100");
        signal(logic, 1, 0, BUY, "1", null);
        signal(logic, 2, 1, BUY, "1", null);
        signal(logic, 3, 1, BUY, "1", null);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.ORDER_RATE);
    }

    @Test
    void shouldRefuseALimitPriceOutsideThePriceBand() {
        final BusinessLogic logic = logic(limits(0, 0, 0, 0, FixedPoint.of(5)));
        trade(logic, 1, "100");

        signal(logic, 2, 0, BUY, "1", "94.99"); // 5.01 from 100: beyond 5 %
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.PRICE_BAND);
        signal(logic, 3, 0, BUY, "1", "95.00");
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        signal(logic, 4, 0, BUY, "1", "105.01");
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.PRICE_BAND);
        assertThat(logic.risk().rejections(OrderReason.PRICE_BAND)).isEqualTo(2);
    }

    // ---- trading states -----------------------------------------------------------------------------------------

    @Test
    void shouldMoveABookThroughReduceOnlyAndHaltedBackToActive() {
        final BusinessLogic logic = logic(limits(0, 0, 0, 0, 0));
        trade(logic, 1, "100");
        signal(logic, 2, 0, BUY, "5", null);
        trade(logic, 3, "100"); // held 5
        signal(logic, 4, 0, BUY, "1", "90"); // rests below the market
        signal(logic, 5, 0, SELL, "2", "120"); // rests above it, closes part of the long
        final long restingBuy = sink.finalOrders().get(1).orderId();
        final long restingSell = sink.finalOrders().get(2).orderId();

        state(logic, 10, 0, TradingCommand.REDUCE_ONLY, false);
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(logic.orders().openOrder(restingBuy)).isNull(); // could grow the long: cancelled
        assertThat(logic.orders().openOrder(restingSell)).isNotNull(); // only shrinks it: kept
        signal(logic, 11, 0, BUY, "1", null);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.REDUCE_ONLY);
        signal(logic, 12, 0, SELL, "4", null); // 2 are already being sold: 3 + 2 > 5 would go short
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.REDUCE_ONLY);
        signal(logic, 13, 0, SELL, "3", null);
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);

        state(logic, 20, 0, TradingCommand.HALTED, false);
        assertThat(logic.orders().openOrders().size()).isZero(); // every open order cancelled
        signal(logic, 21, 0, SELL, "1", null);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.BOOK_HALTED);

        state(logic, 30, 0, TradingCommand.ACTIVE, false);
        signal(logic, 31, 0, BUY, "1", null);
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);

        final List<RecordingSink.Audit> changes = audit(AuditKind.TRADING_STATE);
        assertThat(changes).extracting(RecordingSink.Audit::a, RecordingSink.Audit::b)
            .containsExactly(tuple(0L, 1L), tuple(1L, 2L), tuple(2L, 0L));
        assertThat(changes).extracting(RecordingSink.Audit::e).containsExactly(1L, 2L, 0L); // orders cancelled
        assertThat(sink.orderEvents.stream().filter(e -> e.orderId() == restingBuy).toList().getLast().reason())
            .isEqualTo(OrderReason.REDUCE_ONLY);
        assertThat(sink.orderEvents.stream().filter(e -> e.orderId() == restingSell).toList().getLast().reason())
            .isEqualTo(OrderReason.KILL_SWITCH);
    }

    @Test
    void shouldLetTheGlobalStateOverrideTheBooksOnlyWhereItIsStricter() {
        final BusinessLogic logic = logic(limits(0, 0, 0, 0, 0), limits(0, 0, 0, 0, 0));
        trade(logic, 1, "100");
        state(logic, 2, 1, TradingCommand.HALTED, false); // book 1 halted on its own

        state(logic, 3, -1, TradingCommand.REDUCE_ONLY, false);
        signal(logic, 4, 0, BUY, "1", null);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.REDUCE_ONLY);
        assertThat(logic.tradingStates().effective(1)).isEqualTo(TradingState.HALTED);

        state(logic, 5, -1, TradingCommand.HALTED, false);
        signal(logic, 6, 0, BUY, "1", null);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.TRADING_HALTED);
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.ACTIVE); // its own state is untouched

        state(logic, 7, -1, TradingCommand.ACTIVE, false);
        signal(logic, 8, 0, BUY, "1", null);
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        signal(logic, 9, 1, BUY, "1", null); // releasing the engine does not release a book halted on its own
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.BOOK_HALTED);
    }

    @Test
    void shouldCancelEveryOpenOrderAndFlattenWhenTheKillSwitchEngages() {
        final BusinessLogic logic = logic(limits(0, 0, 0, 0, 0), limits(0, 0, 0, 0, 0));
        trade(logic, 1, "100");
        signal(logic, 2, 0, BUY, "5", null);
        signal(logic, 2, 1, BUY, "2", null);
        trade(logic, 3, "100"); // book 0 holds 5, book 1 holds 2
        signal(logic, 4, 0, BUY, "1", "90");
        signal(logic, 4, 1, SELL, "1", "150");

        final EngineEvent engage = state(logic, 5, -1, TradingCommand.HALTED, true);

        assertThat(logic.orders().openOrders().size()).isEqualTo(2); // the two resting ones cancelled, two flatten sells
        final List<RecordingSink.OrderEvent> flatten = sink.finalOrders().stream()
            .filter(o -> o.state() != OrderState.CANCELLED && o.side() == SELL).toList();
        assertThat(flatten).extracting(RecordingSink.OrderEvent::quantity)
            .containsExactly(FixedPoint.of(5), FixedPoint.of(2));
        assertThat(flatten).extracting(RecordingSink.OrderEvent::state).containsOnly(OrderState.ACCEPTED);
        final RecordingSink.Audit change = audit(AuditKind.TRADING_STATE).getFirst();
        assertThat(change.book()).isEqualTo(-1);
        assertThat(change.e()).isEqualTo(2); // cancelled
        assertThat(change.f()).isEqualTo(2); // flatten orders
        assertThat(change.d()).isEqualTo(TradingCommand.SOURCE_HTTP);
        final List<Integer> kinds = new ArrayList<>();
        for (int i = 0; i < engage.effects.size(); i++) {
            kinds.add(engage.effects.get(i).kind);
        }
        // one cancel-all per book with open orders, the two flatten orders, then the notification
        assertThat(kinds).containsExactly(EffectKind.CANCEL_ALL, EffectKind.CANCEL_ALL, EffectKind.SUBMIT,
            EffectKind.SUBMIT, EffectKind.NOTIFY);
        final OrderEffect notify = engage.effects.get(4);
        assertThat(notify.notification).isEqualTo(Notification.TRADING_STATE_CHANGED);
        assertThat(notify.notificationValue).isEqualTo(TradingCommand.HALTED);

        trade(logic, 6, "99");
        assertThat(logic.books()[0].position(ACME)).isZero();
        assertThat(logic.books()[1].position(ACME)).isZero();
    }

    @Test
    void shouldCloseOnePositionOnAnOperatorsCommandEvenWhileHalted() {
        final BusinessLogic logic = logic(limits(0, 0, 0, 0, 0));
        trade(logic, 1, "100");
        signal(logic, 2, 0, BUY, "4", null);
        trade(logic, 3, "100");
        state(logic, 4, 0, TradingCommand.HALTED, false);

        command(logic, 5, CommandCode.CLOSE_POSITION, 0, 0); // names no instrument: refused, nothing placed
        assertThat(audit(AuditKind.COMMAND_REFUSED)).hasSize(1);
        final EngineEvent close = new EngineEvent().setCommand(6, CommandCode.CLOSE_POSITION, 0,
            TradingCommand.pack(0, false, TradingCommand.SOURCE_HTTP, 0));
        close.instrumentId = ACME;
        feed(logic, close);

        assertThat(lastOrder().side()).isEqualTo(SELL);
        assertThat(lastOrder().quantity()).isEqualTo(FixedPoint.of(4));
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(audit(AuditKind.CLOSE_POSITION).getFirst().e()).isEqualTo(FixedPoint.of(4));
    }

    @Test
    void shouldPlaceNoOrdersForAPausedStrategyUntilResumed() {
        final BusinessLogic logic = new BusinessLogic(instruments, List.of(new BookSpec("book0",
            row -> DecisionStrategy.BUY, new int[] {ACME}, Interval.M1, FixedPoint.of(10_000),
            new SimulatedFillModel(0, 0, false, 0), limits(0, 0, 0, 0, 0))), LogicSettings.DEFAULT.withOutputs(sink));
        command(logic, 0, CommandCode.PAUSE_STRATEGY, 0, 0);
        trade(logic, 1, "100");
        trade(logic, Interval.M1.nanos() + 1, "100"); // closes the first bar: a buy decision, paused
        assertThat(sink.orderEvents).isEmpty();

        command(logic, Interval.M1.nanos() + 2, CommandCode.RESUME_STRATEGY, 0, 0);
        trade(logic, 2 * Interval.M1.nanos() + 1, "100");
        assertThat(sink.orderEvents).isNotEmpty();
        assertThat(audit(AuditKind.STRATEGY_PAUSE)).extracting(RecordingSink.Audit::a).containsExactly(1L, 0L);
    }

    // ---- daily loss ---------------------------------------------------------------------------------------------

    @Test
    void shouldHaltABookThatLosesMoreThanItsDailyLimitUntilReleased() {
        final BusinessLogic logic = logic(limits(0, 0, fp("100"), 0, 0));
        trade(logic, 1, "100");
        signal(logic, 2, 0, BUY, "10", null);
        trade(logic, 3, "100"); // held 10 @ 100, equity 10,000
        signal(logic, 4, 0, BUY, "1", "50"); // rests
        trade(logic, 5, "90"); // loss 100: not more than the limit
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.ACTIVE);

        trade(logic, 6, "89.99"); // loss 100.10
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.HALTED);
        assertThat(logic.tradingStates().bookCause(0)).isEqualTo(HaltCause.DAILY_LOSS);
        assertThat(logic.orders().openOrders().size()).isZero();
        final RecordingSink.Audit breach = audit(AuditKind.DAILY_LOSS).getFirst();
        assertThat(breach.a()).isEqualTo(fp("100.1"));
        assertThat(breach.b()).isEqualTo(fp("100"));
        assertThat(breach.e()).isEqualTo(1);
        signal(logic, 7, 0, SELL, "1", null);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.DAILY_LOSS);

        // the operator releases it: its allowance restarts from the equity now (9,899.90)
        state(logic, 8, 0, TradingCommand.ACTIVE, false);
        trade(logic, 9, "80"); // loss since the release: 99.90
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.ACTIVE);
        trade(logic, 10, "79.98"); // 100.10
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.HALTED);
        state(logic, 11, 0, TradingCommand.ACTIVE, false);

        trade(logic, 12, "85");

        // a new UTC day takes the equity before its first input (marked at 85) as its baseline
        trade(logic, DAY, "75.5"); // loss 95
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.ACTIVE);
        trade(logic, DAY + 1, "74.99"); // loss 100.10 (only 49.90 below the release's baseline at 79.98)
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.HALTED);
        assertThat(audit(AuditKind.DAILY_LOSS)).hasSize(3);
    }

    @Test
    void shouldHaltEveryBookWhenAllBooksTogetherLoseMoreThanTheGlobalLimit() {
        final BusinessLogic logic = logic(new RiskSettings(0, 0, fp("150"), 0, 0, 0), FixedPoint.of(10_000),
            limits(0, 0, 0, 0, 0), limits(0, 0, 0, 0, 0));
        trade(logic, 1, "100");
        signal(logic, 2, 0, BUY, "10", null);
        signal(logic, 2, 1, BUY, "10", null);
        trade(logic, 3, "100");
        trade(logic, 4, "92.5"); // 75 each: 150 together, not more
        assertThat(logic.tradingStates().global()).isEqualTo(TradingState.ACTIVE);
        trade(logic, 5, "92.49");
        assertThat(logic.tradingStates().global()).isEqualTo(TradingState.HALTED);
        assertThat(logic.tradingStates().globalCause()).isEqualTo(HaltCause.DAILY_LOSS);
        signal(logic, 6, 1, SELL, "1", null);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.DAILY_LOSS);
        assertThat(audit(AuditKind.DAILY_LOSS).getFirst().book()).isEqualTo(-1);
    }

    // ---- large transactions -------------------------------------------------------------------------------------

    @Test
    void shouldReportEveryFillWhoseNotionalReachesTheThreshold() {
        final BusinessLogic logic = logic(RiskSettings.DEFAULT, FixedPoint.of(30_000), limits(0, 0, 0, 0, 0));
        trade(logic, 1, "100");
        signal(logic, 2, 0, BUY, "100", null); // 10,000: reaches the default threshold
        trade(logic, 3, "100");
        signal(logic, 4, 0, BUY, "99", null); // fills at 101.01: 99 × 101.01 = 9,999.99, below it
        trade(logic, 5, "101.01");

        assertThat(sink.fills).hasSize(2);
        assertThat(sink.large).containsExactly(
            new RecordingSink.Large(3, 0, ACME, BUY, FixedPoint.of(100), fp("100"), fp("10000")));
        assertThat(logic.outputRows().largeTransactions()).isEqualTo(1);
    }

    // ---- commands -----------------------------------------------------------------------------------------------

    @Test
    void shouldApplyAnOfflineCommandOnceAndRefuseBadOnesWithoutFailing() {
        final BusinessLogic logic = logic(limits(0, 0, 0, 0, 0));
        final long offline = TradingCommand.pack(TradingCommand.HALTED, false, TradingCommand.SOURCE_OFFLINE, 1);
        command(logic, 1, CommandCode.TRADING_STATE, -1, offline);
        command(logic, 2, CommandCode.TRADING_STATE, -1,
            TradingCommand.pack(TradingCommand.ACTIVE, false, TradingCommand.SOURCE_HTTP, 0));
        command(logic, 3, CommandCode.TRADING_STATE, -1, offline); // published again after a restart
        command(logic, 4, CommandCode.TRADING_STATE, 7, 0); // no book 7
        command(logic, 5, CommandCode.TRADING_STATE, -1, 9); // no state 9

        assertThat(logic.tradingStates().global()).isEqualTo(TradingState.ACTIVE);
        assertThat(logic.tradingStates().lastOfflineCommand()).isEqualTo(1);
        assertThat(audit(AuditKind.COMMAND_REFUSED)).extracting(RecordingSink.Audit::c).containsExactly(
            (long) AuditKind.REFUSED_DUPLICATE, (long) AuditKind.REFUSED_UNKNOWN_BOOK,
            (long) AuditKind.REFUSED_UNKNOWN_STATE);
    }

    @Test
    void shouldKeepTradingStatesAndLimitsStateThroughASnapshot() {
        final BusinessLogic logic = logic(limits(0, 0, fp("100"), 2, 0), limits(0, 0, 0, 0, 0));
        trade(logic, 1, "100");
        signal(logic, 2, 0, BUY, "1", null);
        signal(logic, 3, 0, BUY, "1", null);
        state(logic, 4, 1, TradingCommand.REDUCE_ONLY, false);
        command(logic, 5, CommandCode.TRADING_STATE, -1,
            TradingCommand.pack(TradingCommand.REDUCE_ONLY, false, TradingCommand.SOURCE_OFFLINE, 3));
        command(logic, 6, CommandCode.PAUSE_STRATEGY, 0, 0);
        final byte[] snapshot = logic.snapshot();

        final BusinessLogic restored = logic(limits(0, 0, fp("100"), 2, 0), limits(0, 0, 0, 0, 0));
        restored.restore(snapshot);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.tradingStates().book(1)).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(restored.tradingStates().global()).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(restored.tradingStates().paused(0)).isTrue();
        assertThat(restored.tradingStates().lastOfflineCommand()).isEqualTo(3);
        state(restored, 7, -1, TradingCommand.ACTIVE, false);
        sequence = 100;
        signal(restored, 8, 0, SELL, "1", null); // the rate window came back too: a third order within a second
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.ORDER_RATE);
    }

    // ---- limits an operator changes while the engine runs -----------------------------------------------------

    @Test
    void shouldCheckOrdersAgainstALimitAnOperatorChangedWhileRunning() {
        final BusinessLogic logic = logic(limits(fp("1000"), 0, 0, 0, 0));
        trade(logic, 1, "100");
        signal(logic, 2, 0, BUY, "8", null); // 800 <= 1,000
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);

        command(logic, 3, CommandCode.SET_MAX_ORDER_NOTIONAL, 0, fp("500"));
        signal(logic, 4, 0, BUY, "6", null); // 600 > 500 now
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.MAX_ORDER_NOTIONAL);
        final RecordingSink.Audit changed = audit(AuditKind.LIMIT_CHANGED).getFirst();
        assertThat(List.of((long) changed.book(), changed.a(), changed.b(), changed.c(), changed.d(), changed.e()))
            .containsExactly(0L, (long) CommandCode.SET_MAX_ORDER_NOTIONAL, fp("1000"), fp("500"),
                (long) TradingCommand.SOURCE_HTTP, fp("500"));
        assertThat(changed.entry()).isEqualTo(2); // the third input (entries count from 0)

        command(logic, 5, CommandCode.SET_MAX_ORDER_NOTIONAL, 0, 0); // none
        signal(logic, 6, 0, BUY, "20", null);
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(logic.limits(0).maxOrderNotional()).isZero();
        assertThat(logic.limits(0).maxPositionPct()).as("the other limits stay").isZero();
    }

    @Test
    void shouldKeepTheGlobalCapOverABookLimitAnOperatorRaised() {
        final BusinessLogic logic = logic(new RiskSettings(fp("500"), 0, 0, 0, 0, 0), FixedPoint.of(10_000),
            limits(fp("1000"), 0, 0, 0, 0));
        trade(logic, 1, "100");
        command(logic, 2, CommandCode.SET_MAX_ORDER_NOTIONAL, 0, fp("2000"));
        assertThat(logic.limits(0).maxOrderNotional()).isEqualTo(fp("500"));
        final RecordingSink.Audit changed = audit(AuditKind.LIMIT_CHANGED).getFirst();
        assertThat(List.of(changed.b(), changed.c(), changed.e())).containsExactly(fp("500"), fp("500"), fp("2000"));
        signal(logic, 3, 0, BUY, "6", null);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.MAX_ORDER_NOTIONAL);
    }

    @Test
    void shouldRefuseALimitChangeForNoBookOrOutOfRangeAndChangeNothing() {
        final BusinessLogic logic = logic(limits(0, FixedPoint.of(5), 0, 0, fp("10")));
        command(logic, 1, CommandCode.SET_MAX_POSITION_PCT, 3, FixedPoint.of(20));
        command(logic, 2, CommandCode.SET_MAX_POSITION_PCT, 0, FixedPoint.of(10_001)); // above 10,000 %
        command(logic, 3, CommandCode.SET_PRICE_BAND_PCT, 0, FixedPoint.of(101)); // above 100 %
        command(logic, 4, CommandCode.SET_MAX_DAILY_LOSS, 0, -1);
        assertThat(audit(AuditKind.LIMIT_CHANGED)).isEmpty();
        assertThat(audit(AuditKind.COMMAND_REFUSED)).extracting(RecordingSink.Audit::c, RecordingSink.Audit::e)
            .containsExactly(tuple((long) AuditKind.REFUSED_UNKNOWN_BOOK, FixedPoint.of(20)),
                tuple((long) AuditKind.REFUSED_LIMIT_VALUE, FixedPoint.of(10_001)),
                tuple((long) AuditKind.REFUSED_LIMIT_VALUE, FixedPoint.of(101)),
                tuple((long) AuditKind.REFUSED_LIMIT_VALUE, -1L));
        assertThat(logic.limits(0).maxPositionPct()).isEqualTo(FixedPoint.of(5));
        assertThat(logic.limits(0).priceBandPct()).isEqualTo(fp("10"));
        assertThat(logic.limits(0).maxDailyLoss()).isZero();
    }

    @Test
    void shouldHaltABookAtOnceWhenItsDailyLossIsLoweredBelowWhatItLostToday() {
        final BusinessLogic logic = logic(limits(0, 0, fp("1000"), 0, 0));
        trade(logic, 1, "100");
        signal(logic, 2, 0, BUY, "10", null);
        trade(logic, 3, "100"); // filled: 10 held
        trade(logic, 4, "80"); // lost 200 today, within 1,000
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.ACTIVE);

        command(logic, 5, CommandCode.SET_MAX_DAILY_LOSS, 0, fp("150"));
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.HALTED);
        assertThat(logic.tradingStates().bookCause(0)).isEqualTo(HaltCause.DAILY_LOSS);
        assertThat(audit(AuditKind.DAILY_LOSS).getFirst().b()).isEqualTo(fp("150"));
    }

    @Test
    void shouldKeepChangedLimitsThroughASnapshot() {
        final BusinessLogic logic = logic(limits(0, 0, 0, 0, 0), limits(fp("1000"), 0, 0, 0, 0));
        trade(logic, 1, "100");
        command(logic, 2, CommandCode.SET_MAX_POSITION_PCT, 1, FixedPoint.of(5));
        command(logic, 3, CommandCode.SET_PRICE_BAND_PCT, 0, fp("2.5"));
        final byte[] state = logic.snapshot();

        final BusinessLogic restored = logic(limits(0, 0, 0, 0, 0), limits(fp("1000"), 0, 0, 0, 0));
        restored.restore(state);
        assertThat(restored.limits(1).maxPositionPct()).isEqualTo(FixedPoint.of(5));
        assertThat(restored.limits(1).maxOrderNotional()).isEqualTo(fp("1000"));
        assertThat(restored.limits(0).priceBandPct()).isEqualTo(fp("2.5"));
        assertThat(restored.snapshot()).isEqualTo(state);
        signal(restored, 4, 1, BUY, "6", null); // 600 > 5 % of 10,000
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.MAX_POSITION);
    }

    @Test
    void shouldTightenEveryBookWhenAnOperatorChangesAnEngineWideCap() {
        final BusinessLogic logic = logic(limits(fp("1000"), 0, 0, 0, 0), limits(0, 0, 0, 0, 0));
        trade(logic, 1, "100");
        command(logic, 2, CommandCode.SET_MAX_ORDER_NOTIONAL, -1, fp("500"));
        assertThat(logic.riskCaps().maxOrderNotional()).isEqualTo(fp("500"));
        assertThat(logic.limits(0).maxOrderNotional()).isEqualTo(fp("500"));
        assertThat(logic.limits(1).maxOrderNotional()).isEqualTo(fp("500"));
        signal(logic, 3, 1, BUY, "6", null);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.MAX_ORDER_NOTIONAL);
        final RecordingSink.Audit changed = audit(AuditKind.LIMIT_CHANGED).getFirst();
        assertThat(List.of((long) changed.book(), changed.b(), changed.c(), changed.e()))
            .containsExactly(-1L, 0L, fp("500"), fp("500"));

        // lifted again: each book is back to its own limit
        command(logic, 4, CommandCode.SET_MAX_ORDER_NOTIONAL, -1, 0);
        assertThat(logic.limits(0).maxOrderNotional()).isEqualTo(fp("1000"));
        assertThat(logic.limits(1).maxOrderNotional()).isZero();
        // the restored engine has the cap as changed
        command(logic, 5, CommandCode.SET_MAX_POSITION_PCT, -1, FixedPoint.of(30));
        final BusinessLogic restored = logic(limits(fp("1000"), 0, 0, 0, 0), limits(0, 0, 0, 0, 0));
        restored.restore(logic.snapshot());
        assertThat(restored.riskCaps().maxPositionPct()).isEqualTo(FixedPoint.of(30));
        assertThat(restored.limits(1).maxPositionPct()).isEqualTo(FixedPoint.of(30));
        assertThat(restored.snapshot()).isEqualTo(logic.snapshot());
    }

    @Test
    void shouldHaltEverythingWhenTheAllBooksDailyLossIsLoweredBelowWhatTheyLost() {
        final BusinessLogic logic = logic(limits(0, 0, 0, 0, 0));
        trade(logic, 1, "100");
        signal(logic, 2, 0, BUY, "10", null);
        trade(logic, 3, "100");
        trade(logic, 4, "80"); // lost 200 today, no limit set
        command(logic, 5, CommandCode.SET_MAX_DAILY_LOSS, -1, fp("150"));
        assertThat(logic.tradingStates().global()).isEqualTo(TradingState.HALTED);
        assertThat(logic.tradingStates().globalCause()).isEqualTo(HaltCause.DAILY_LOSS);
    }

    @Test
    void shouldThrottleOrdersAtARateAnOperatorLoweredCountingWhatWasJustReleased() {
        final BusinessLogic logic = logic(limits(0, 0, 0, 5, 0));
        trade(logic, 0, "100");
        signal(logic, 0, 0, BUY, "1", null);
        signal(logic, SECOND / 10, 0, BUY, "1", null);
        signal(logic, SECOND / 5, 0, BUY, "1", null); // three released within a second: fine under 5

        command(logic, 3 * SECOND / 10, CommandCode.SET_MAX_ORDERS_PER_SECOND, 0, FixedPoint.of(2));
        assertThat(logic.limits(0).maxOrdersPerSecond()).isEqualTo(2);
        final RecordingSink.Audit changed = audit(AuditKind.LIMIT_CHANGED).getFirst();
        assertThat(List.of(changed.a(), changed.b(), changed.c(), changed.e())).containsExactly(
            (long) CommandCode.SET_MAX_ORDERS_PER_SECOND, FixedPoint.of(5), FixedPoint.of(2), FixedPoint.of(2));
        signal(logic, 4 * SECOND / 10, 0, BUY, "1", null); // the releases at 0.1 and 0.2 s are two in the window
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.ORDER_RATE);
        signal(logic, SECOND + SECOND / 10, 0, BUY, "1", null); // (0.1 s, 1.1 s] holds only 0.2 s
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        final byte[] state = logic.snapshot();
        signal(logic, SECOND + SECOND / 8, 0, BUY, "1", null); // 0.2 s and 1.1 s
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.ORDER_RATE);

        // restored into business logic built with the configuration's 5: the window of 2 comes back
        final BusinessLogic restored = logic(limits(0, 0, 0, 5, 0));
        restored.restore(state);
        assertThat(restored.snapshot()).isEqualTo(state);
        assertThat(restored.limits(0).maxOrdersPerSecond()).isEqualTo(2);
        signal(restored, SECOND + SECOND / 8, 0, BUY, "1", null);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.ORDER_RATE);

        // raised again: room at once
        command(logic, SECOND + SECOND / 7, CommandCode.SET_MAX_ORDERS_PER_SECOND, 0, FixedPoint.of(10));
        signal(logic, SECOND + SECOND / 6, 0, BUY, "1", null);
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
    }

    @Test
    void shouldThrottleAllBooksTogetherAtAnEngineWideRateAndRefuseAFractionalOrOversizedRate() {
        final BusinessLogic logic = logic(limits(0, 0, 0, 0, 0), limits(0, 0, 0, 3, 0));
        trade(logic, 0, "100");
        command(logic, 1, CommandCode.SET_MAX_ORDERS_PER_SECOND, -1, FixedPoint.of(1));
        assertThat(logic.riskCaps().maxOrdersPerSecond()).isEqualTo(1);
        assertThat(logic.limits(0).maxOrdersPerSecond()).isEqualTo(1);
        assertThat(logic.limits(1).maxOrdersPerSecond()).isEqualTo(1);
        signal(logic, 2, 0, BUY, "1", null);
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        signal(logic, 3, 1, BUY, "1", null); // another book, the same second: the engine-wide one counts both
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.ORDER_RATE);

        command(logic, 4, CommandCode.SET_MAX_ORDERS_PER_SECOND, -1, 0); // lifted: each book's own again
        assertThat(logic.limits(0).maxOrdersPerSecond()).isZero();
        assertThat(logic.limits(1).maxOrdersPerSecond()).isEqualTo(3);
        signal(logic, 5, 1, BUY, "1", null);
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);

        command(logic, 6, CommandCode.SET_MAX_ORDERS_PER_SECOND, 0, FixedPoint.parse("2.5"));
        command(logic, 7, CommandCode.SET_MAX_ORDERS_PER_SECOND, 0, FixedPoint.of(100_001));
        assertThat(audit(AuditKind.COMMAND_REFUSED)).extracting(RecordingSink.Audit::c, RecordingSink.Audit::e)
            .containsExactly(tuple((long) AuditKind.REFUSED_LIMIT_VALUE, FixedPoint.parse("2.5")),
                tuple((long) AuditKind.REFUSED_LIMIT_VALUE, FixedPoint.of(100_001)));
        assertThat(logic.limits(0).maxOrdersPerSecond()).isZero();
    }

    @Test
    void shouldApplyALimitChangeFromTheOfflineQueueOnceInOneNumberingWithTheKillSwitch() {
        final BusinessLogic logic = logic(limits(fp("1000"), 0, 0, 0, 0));
        trade(logic, 1, "100");
        final EngineEvent queued = new EngineEvent().setCommand(2, CommandCode.SET_MAX_ORDER_NOTIONAL, 0, fp("500"));
        queued.instrumentId = 2; // its number in the offline command queue
        feed(logic, queued);
        assertThat(logic.limits(0).maxOrderNotional()).isEqualTo(fp("500"));
        assertThat(logic.tradingStates().lastOfflineCommand()).isEqualTo(2);
        final RecordingSink.Audit changed = audit(AuditKind.LIMIT_CHANGED).getFirst();
        assertThat(changed.d()).isEqualTo(TradingCommand.SOURCE_OFFLINE);

        // published again around a restart, or an older kill-switch command (#1): not applied again
        final EngineEvent again = new EngineEvent().setCommand(3, CommandCode.SET_MAX_ORDER_NOTIONAL, 0, fp("700"));
        again.instrumentId = 2;
        feed(logic, again);
        command(logic, 4, CommandCode.TRADING_STATE, -1,
            TradingCommand.pack(TradingCommand.HALTED, false, TradingCommand.SOURCE_OFFLINE, 1));
        assertThat(logic.limits(0).maxOrderNotional()).isEqualTo(fp("500"));
        assertThat(logic.tradingStates().global()).isEqualTo(TradingState.ACTIVE);
        assertThat(audit(AuditKind.COMMAND_REFUSED)).extracting(RecordingSink.Audit::c, RecordingSink.Audit::d)
            .containsExactly(tuple((long) AuditKind.REFUSED_DUPLICATE, (long) TradingCommand.SOURCE_OFFLINE),
                tuple((long) AuditKind.REFUSED_DUPLICATE, (long) TradingCommand.SOURCE_OFFLINE));

        // an HTTP change (instrument id -1) is not numbered; the next queued one (#3) applies
        final EngineEvent http = new EngineEvent().setCommand(5, CommandCode.SET_MAX_ORDER_NOTIONAL, 0, fp("600"));
        http.instrumentId = -1;
        feed(logic, http);
        final EngineEvent next = new EngineEvent().setCommand(6, CommandCode.SET_MAX_ORDER_NOTIONAL, 0, fp("800"));
        next.instrumentId = 3;
        feed(logic, next);
        assertThat(logic.limits(0).maxOrderNotional()).isEqualTo(fp("800"));
        assertThat(audit(AuditKind.LIMIT_CHANGED)).extracting(RecordingSink.Audit::c, RecordingSink.Audit::d)
            .containsExactly(tuple(fp("500"), (long) TradingCommand.SOURCE_OFFLINE),
                tuple(fp("600"), (long) TradingCommand.SOURCE_HTTP),
                tuple(fp("800"), (long) TradingCommand.SOURCE_OFFLINE));
        assertThat(logic.tradingStates().lastOfflineCommand()).isEqualTo(3);
    }

    /** Business logic of one book with {@code limits} that bought 150 @ 100 with 10,000 of cash: cash -5,000. */
    private BusinessLogic boughtOnCredit(final RiskLimits limits) {
        final BusinessLogic logic = logic(limits);
        trade(logic, 1, "100");
        signal(logic, 2, 0, BUY, "150", null);
        trade(logic, 3, "100");
        return logic;
    }

    // ---- the maintenance margin ----------------------------------------------------------------------------------

    @Test
    void shouldCloseAndHaltABookWhoseEquityFallsBelowItsMaintenanceMargin() {
        // leverage 2, maintenance 25 % of the gross exposure; 10,000 of cash buys 150 @ 100 on 5,000 of credit
        final BusinessLogic logic = boughtOnCredit(new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2"),
            FixedPoint.of(25))); // filled: cash -5,000, equity 10,000, exposure 15,000, required 3,750
        signal(logic, 4, 0, BUY, "1", "10"); // a resting limit buy the margin call cancels
        trade(logic, 5, "45"); // equity -5,000 + 6,750 = 1,750, required 1,687.5: still above
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.ACTIVE);
        assertThat(audit(AuditKind.MARGIN_CALL)).isEmpty();

        trade(logic, 6, "44"); // equity 1,600, required 25 % of 6,600 = 1,650: the margin call
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.HALTED);
        assertThat(logic.tradingStates().bookCause(0)).isEqualTo(HaltCause.MARGIN_CALL);
        final RecordingSink.Audit call = audit(AuditKind.MARGIN_CALL).getFirst();
        assertThat(List.of(call.a(), call.b(), call.c(), call.e(), call.f()))
            .containsExactly(fp("1600"), fp("1650"), fp("6600"), 1L, 1L);
        assertThat(sink.finalOrders().get(1).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(sink.finalOrders().get(1).reason()).isEqualTo(OrderReason.MARGIN_CALL);
        final EngineEvent closing = inputs.getLast();
        assertThat(List.of(closing.effects.get(0).kind, closing.effects.get(1).kind, closing.effects.get(2).kind))
            .as("the book's cancel-all, the closing sell, the operator's notice")
            .containsExactly(EffectKind.CANCEL_ALL, EffectKind.SUBMIT, EffectKind.NOTIFY);
        assertThat(closing.effects.get(1).side).isEqualTo(SELL);
        assertThat(closing.effects.get(1).quantity).isEqualTo(FixedPoint.of(150));
        assertThat(closing.effects.get(2).notification).isEqualTo(Notification.MARGIN_CALL);

        trade(logic, 7, "44"); // the reduce-only market sell fills at the next trade
        assertThat(logic.books()[0].position(ACME)).isZero();
        assertThat(logic.books()[0].cash()).isEqualTo(fp("1600"));
        assertThat(lastOrder().side()).isEqualTo(SELL);
        assertThat(lastOrder().state()).isEqualTo(OrderState.FILLED);
        assertThat(audit(AuditKind.MARGIN_CALL)).as("a halted book is not called again").hasSize(1);
    }

    @Test
    void shouldReduceEachPositionJustEnoughToCarryTheMarginAgainStepByStepWhenTheBookReduces() {
        // the example above with margin-call = reduce: 150 @ 100 on 5,000 of credit, maintenance 25 %
        final BusinessLogic logic = boughtOnCredit(new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2"),
            FixedPoint.of(25), 0, 0, true));
        trade(logic, 4, "44"); // equity 1,600 carries 6,400 of exposure, not 6,600: 150 x 200 / 6,600 = 4.5 -> 5
        assertThat(logic.tradingStates().bookCause(0)).isEqualTo(HaltCause.MARGIN_CALL);
        final EngineEvent first = inputs.getLast();
        assertThat(first.effects.get(0).kind).isEqualTo(EffectKind.SUBMIT);
        assertThat(first.effects.get(0).side).isEqualTo(SELL);
        assertThat(first.effects.get(0).quantity).isEqualTo(FixedPoint.of(5));
        trade(logic, 5, "44"); // filled: 145 left, equity 1,600 against 25 % of 6,380 = 1,595: carried, no new step
        assertThat(logic.books()[0].position(ACME)).isEqualTo(FixedPoint.of(145));
        assertThat(audit(AuditKind.MARGIN_CALL)).hasSize(1);
        assertThat(logic.tradingStates().book(0)).as("halted until an operator releases it")
            .isEqualTo(TradingState.HALTED);

        trade(logic, 6, "43"); // equity 1,455 < 1,558.75: a second step, 145 x 415 / 6,235 = 9.65 -> 10
        assertThat(inputs.getLast().effects.get(0).quantity).isEqualTo(FixedPoint.of(10));
        trade(logic, 7, "43");
        assertThat(logic.books()[0].position(ACME)).isEqualTo(FixedPoint.of(135));
        trade(logic, 8, "30"); // equity -300: nothing left to carry, all 135 are sold
        assertThat(inputs.getLast().effects.get(0).quantity).isEqualTo(FixedPoint.of(135));
        trade(logic, 9, "30");
        assertThat(logic.books()[0].position(ACME)).isZero();
        final List<RecordingSink.Audit> calls = audit(AuditKind.MARGIN_CALL);
        assertThat(calls).extracting(RecordingSink.Audit::a, RecordingSink.Audit::b, RecordingSink.Audit::c)
            .containsExactly(tuple(fp("1600"), fp("1650"), fp("6600")), tuple(fp("1455"), fp("1558.75"), fp("6235")),
                tuple(fp("-300"), fp("1012.5"), fp("4050")));
        assertThat(calls).extracting(RecordingSink.Audit::f).containsOnly(1L);
    }

    // ---- leverage changed while running -------------------------------------------------------------------------

    @Test
    void shouldBorrowByTheLeverageAnOperatorSetsWhileRunningAtTheCheckAndAtTheFill() {
        // 10,000 of cash at 100; leverage 2 lets a buy spend 10,000 + (2 − 1) × 10,000 = 20,000
        final BusinessLogic logic = logic(new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2")));
        trade(logic, 1, "100");
        command(logic, 2, CommandCode.SET_MAX_LEVERAGE, 0, 0); // a book's 0: a cash account
        assertThat(logic.limits(0).maxLeverage()).isEqualTo(RiskLimits.CASH_ACCOUNT);
        signal(logic, 3, 0, BUY, "101", null); // 10,100 > 10,000 of cash, and nothing may be borrowed
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.INSUFFICIENT_CASH);

        command(logic, 4, CommandCode.SET_MAX_LEVERAGE, 0, fp("1.5")); // 10,000 + 5,000
        signal(logic, 5, 0, BUY, "150", null);
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        // lowered again before the fill: the venue fills what the cash pays at the next trade, 10,000 / 100 = 100
        command(logic, 6, CommandCode.SET_MAX_LEVERAGE, 0, FixedPoint.of(1));
        trade(logic, 7, "100");
        assertThat(logic.books()[0].position(ACME)).isEqualTo(FixedPoint.of(100));
        assertThat(logic.books()[0].cash()).isZero();
        assertThat(lastOrder().state()).isEqualTo(OrderState.CANCELLED);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.ofVenue(VenueReason.INSUFFICIENT_FUNDS));
        assertThat(audit(AuditKind.LIMIT_CHANGED)).extracting(RecordingSink.Audit::b, RecordingSink.Audit::c)
            .containsExactly(tuple(fp("2"), fp("1")), tuple(fp("1"), fp("1.5")), tuple(fp("1.5"), fp("1")));

        // the snapshot keeps the leverage in force
        final BusinessLogic restored = logic(new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2")));
        restored.restore(logic.snapshot());
        assertThat(restored.limits(0).maxLeverage()).isEqualTo(FixedPoint.of(1));
        assertThat(restored.snapshot()).isEqualTo(logic.snapshot());
    }

    @Test
    void shouldCapEveryBooksLeverageEngineWideAndRefuseALeverageBelowOne() {
        final BusinessLogic logic = logic(new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("3")),
            new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, RiskLimits.CASH_ACCOUNT));
        command(logic, 1, CommandCode.SET_MAX_LEVERAGE, -1, fp("2"));
        assertThat(List.of(logic.riskCaps().maxLeverage(), logic.limits(0).maxLeverage(),
            logic.limits(1).maxLeverage())).containsExactly(fp("2"), fp("2"), fp("1"));
        command(logic, 2, CommandCode.SET_MAX_LEVERAGE, -1, 0); // the cap's 0: none, the book's own 3 again
        assertThat(logic.limits(0).maxLeverage()).isEqualTo(fp("3"));

        command(logic, 3, CommandCode.SET_MAX_LEVERAGE, 0, fp("0.5"));
        command(logic, 4, CommandCode.SET_MAX_LEVERAGE, 1, fp("101"));
        assertThat(audit(AuditKind.COMMAND_REFUSED)).extracting(RecordingSink.Audit::c, RecordingSink.Audit::e)
            .containsExactly(tuple((long) AuditKind.REFUSED_LIMIT_VALUE, fp("0.5")),
                tuple((long) AuditKind.REFUSED_LIMIT_VALUE, fp("101")));
        assertThat(List.of(logic.limits(0).maxLeverage(), logic.limits(1).maxLeverage()))
            .containsExactly(fp("3"), fp("1"));
    }

    // ---- shorting, the minimum notional and the short cap changed while running ---------------------------------

    @Test
    void shouldStopNewShortsWhenAnOperatorSaysSoAndStillLetTheShortBeCovered() {
        final BusinessLogic logic = logic(new RiskLimits(true, fp("10"), 0));
        trade(logic, 1, "100");
        signal(logic, 2, 0, SELL, "10", null);
        trade(logic, 3, "100"); // short 10
        signal(logic, 4, 0, SELL, "5", "101"); // a resting sell that would add to the short
        command(logic, 5, CommandCode.SET_ALLOW_SHORT, 0, 0);
        signal(logic, 6, 0, SELL, "1", null);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.SHORT_NOT_ALLOWED);
        // the resting sell reaches its price: the venue sells no more than the book holds (nothing), and cancels it
        trade(logic, 7, "102");
        assertThat(sink.finalOrders().get(1).reason()).isEqualTo(OrderReason.ofVenue(VenueReason.NO_POSITION));
        assertThat(logic.books()[0].position(ACME)).isEqualTo(FixedPoint.of(-10));
        signal(logic, 8, 0, BUY, "10", null); // covering is still allowed
        trade(logic, 9, "100");
        assertThat(logic.books()[0].position(ACME)).isZero();

        command(logic, 10, CommandCode.SET_ALLOW_SHORT, 0, FixedPoint.of(1));
        signal(logic, 11, 0, SELL, "1", null);
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(audit(AuditKind.LIMIT_CHANGED)).extracting(RecordingSink.Audit::b, RecordingSink.Audit::c)
            .containsExactly(tuple(FixedPoint.of(1), 0L), tuple(0L, FixedPoint.of(1)));
        command(logic, 12, CommandCode.SET_ALLOW_SHORT, 0, FixedPoint.of(2));
        assertThat(audit(AuditKind.COMMAND_REFUSED)).extracting(RecordingSink.Audit::c)
            .containsExactly((long) AuditKind.REFUSED_LIMIT_VALUE);

        // engine-wide: every book's shorts stop, and each book's own setting comes back when they are allowed again
        command(logic, 13, CommandCode.SET_ALLOW_SHORT, -1, 0);
        assertThat(List.of(logic.riskCaps().allowShort(), logic.limits(0).allowShort())).containsExactly(false, false);
        signal(logic, 14, 0, SELL, "2", null);
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.SHORT_NOT_ALLOWED);
        final BusinessLogic restored = logic(new RiskLimits(true, fp("10"), 0));
        restored.restore(logic.snapshot());
        assertThat(restored.limits(0).allowShort()).isFalse();
        command(logic, 15, CommandCode.SET_ALLOW_SHORT, -1, FixedPoint.of(1));
        assertThat(logic.limits(0).allowShort()).isTrue();
    }

    @Test
    void shouldCheckOrdersAgainstAMinimumNotionalAndAShortCapAnOperatorChanged() {
        final BusinessLogic logic = logic(new RiskLimits(true, fp("10"), 0));
        trade(logic, 1, "100");
        command(logic, 2, CommandCode.SET_MIN_NOTIONAL, 0, fp("2000"));
        signal(logic, 3, 0, BUY, "19", null); // 1,900 < 2,000
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.MIN_NOTIONAL);
        signal(logic, 4, 0, BUY, "20", null);
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        command(logic, 5, CommandCode.SET_MIN_NOTIONAL, 0, 0);
        command(logic, 6, CommandCode.SET_MAX_SHORT_NOTIONAL, 0, fp("500"));
        trade(logic, 7, "100"); // the 20 bought: a sell of 25 closes 20 and shorts 5 (500, not above the cap)
        signal(logic, 8, 0, SELL, "26", null); // shorts 6 = 600 > 500
        assertThat(lastOrder().reason()).isEqualTo(OrderReason.MAX_SHORT_NOTIONAL);
        signal(logic, 9, 0, SELL, "25", null);
        assertThat(lastOrder().state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(List.of(logic.limits(0).minNotional(), logic.limits(0).maxShortNotional()))
            .containsExactly(0L, fp("500"));
        final BusinessLogic restored = logic(new RiskLimits(true, fp("10"), 0));
        restored.restore(logic.snapshot());
        assertThat(restored.limits(0).maxShortNotional()).isEqualTo(fp("500"));
        assertThat(restored.snapshot()).isEqualTo(logic.snapshot());
    }

    @Test
    void shouldNotCallABookWithoutAMaintenanceMargin() {
        final BusinessLogic logic = boughtOnCredit(new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2")));
        trade(logic, 4, "30"); // equity -500: no margin is kept
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.ACTIVE);
        assertThat(audit(AuditKind.MARGIN_CALL)).isEmpty();
    }

    // ---- interest on borrowed cash -------------------------------------------------------------------------------

    /** Leverage 2 and 10 % a year on borrowed cash: 10,000 of cash buys 150 @ 100, leaving cash at -5,000. */
    private BusinessLogic borrowing() {
        final BusinessLogic logic = boughtOnCredit(new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2"), 0,
            FixedPoint.of(10)));
        assertThat(logic.books()[0].cash()).isEqualTo(fp("-5000"));
        return logic;
    }

    /** A day's interest at 10 % a year on {@code cash}, worked out in decimals: -cash × 10 / 100 / 365, rounded up. */
    private static long dayInterest(final long cash) {
        return FixedPoint.parse(java.math.BigDecimal.valueOf(-cash, 8).multiply(java.math.BigDecimal.TEN)
            .divide(java.math.BigDecimal.valueOf(36_500), 8, java.math.RoundingMode.CEILING).toPlainString());
    }

    @Test
    void shouldChargeInterestForEachDayThatEndsWithBorrowedCash() {
        final BusinessLogic logic = borrowing();
        trade(logic, DAY - 1, "100");
        assertThat(audit(AuditKind.INTEREST)).as("day 0 has not ended").isEmpty();

        trade(logic, DAY + 5, "100"); // day 0 ended with -5,000: 5,000 x 10 / 36,500 = 1.369863013..., rounded up
        assertThat(logic.books()[0].cash()).isEqualTo(fp("-5001.36986302"));
        trade(logic, DAY + 10, "100");
        assertThat(audit(AuditKind.INTEREST)).hasSize(1);

        // a weekend: days 1, 2 and 3 end before the next input, each charged on what the day before left
        trade(logic, 4 * DAY + 1, "100");
        final List<RecordingSink.Audit> charges = audit(AuditKind.INTEREST);
        assertThat(charges).hasSize(4);
        assertThat(charges.get(1).a()).as("day 1: 5,001.36986302 x 10 / 36,500 = 1.370238318...")
            .isEqualTo(fp("1.37023832"));
        long cash = fp("-5000");
        long paid = 0;
        for (int day = 0; day < 4; day++) {
            final RecordingSink.Audit charge = charges.get(day);
            final long interest = dayInterest(cash);
            assertThat(List.of(charge.a(), charge.b(), charge.c(), charge.d())).as("day %d", day)
                .containsExactly(interest, cash, day * DAY, FixedPoint.of(10));
            assertThat(charge.book()).isZero();
            cash -= interest;
            paid += interest;
        }
        assertThat(charges.get(3).entry()).as("charged at the first input of day 4").isEqualTo(inputs.size() - 1);
        assertThat(logic.books()[0].cash()).isEqualTo(cash);
        assertThat(logic.books()[0].interestPaid()).isEqualTo(paid);
        assertThat(logic.books()[0].equity()).isEqualTo(cash + fp("15000"));
        assertThat(logic.books()[0].realizedPnl()).as("interest belongs to no trade").isZero();

        // sold: cash positive again, and no day after that costs anything
        signal(logic, 4 * DAY + 2, 0, SELL, "150", null);
        trade(logic, 4 * DAY + 3, "100");
        assertThat(logic.books()[0].cash()).isEqualTo(fp("15000") + cash);
        trade(logic, 9 * DAY, "100");
        assertThat(audit(AuditKind.INTEREST)).hasSize(4);
    }

    @Test
    void shouldChargeNothingForAnInputDatedBeforeTheLatestDayAndNothingWithoutARate() {
        final BusinessLogic logic = borrowing();
        trade(logic, 2 * DAY, "100"); // days 0 and 1
        trade(logic, DAY + 1, "100"); // back in day 1: charges nothing
        trade(logic, 2 * DAY + 1, "100"); // day 2 again: nothing ended since
        assertThat(audit(AuditKind.INTEREST)).hasSize(2);

        sink.audit.clear();
        final BusinessLogic noRate = boughtOnCredit(new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2")));
        trade(noRate, 30 * DAY, "100");
        assertThat(noRate.books()[0].cash()).isEqualTo(fp("-5000"));
        assertThat(audit(AuditKind.INTEREST)).isEmpty();
    }

    @Test
    void shouldChargeTheSameAfterARestoreFromASnapshot() {
        final BusinessLogic whole = borrowing();
        trade(whole, DAY + 1, "100");
        final byte[] snapshot = whole.snapshot();
        final long next = sequence;
        trade(whole, 3 * DAY + 1, "100");

        sink.audit.clear();
        final BusinessLogic restored = logic(new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2"), 0,
            FixedPoint.of(10)));
        restored.restore(snapshot);
        assertThat(restored.books()[0].interestPaid()).isEqualTo(fp("1.36986302"));
        sequence = next; // the same input again
        trade(restored, 3 * DAY + 1, "100");
        assertThat(restored.books()[0].cash()).isEqualTo(whole.books()[0].cash());
        assertThat(restored.books()[0].interestPaid()).isEqualTo(whole.books()[0].interestPaid());
        assertThat(audit(AuditKind.INTEREST)).as("days 1 and 2, not day 0 again").hasSize(2);
        assertThat(restored.snapshot()).isEqualTo(whole.snapshot());
    }

    @Test
    void shouldRefuseABorrowingRateOnALiveVenue() {
        final List<BookSpec> specs = List.of(new BookSpec("live", row -> DecisionStrategy.HOLD, new int[] {ACME},
            Interval.M1, FixedPoint.of(10_000), new SimulatedFillModel(0, 0, false, 0),
            new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2"), 0, FixedPoint.of(5))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BusinessLogic(instruments, specs,
                LogicSettings.DEFAULT.withLiveVenue(true)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("book live: borrow-rate-pct is the simulated venue's charge (paper trading and backtests);"
                + " a live venue charges its own");
    }

    // ---- the leverage terms changed while running ---------------------------------------------------------------

    @Test
    void shouldCallAtOnceABookThatARaisedMaintenanceMarginFindsShort() {
        final BusinessLogic logic = boughtOnCredit(new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2")));
        trade(logic, 4, "45"); // equity -5,000 + 6,750 = 1,750; exposure 6,750; no margin kept yet
        command(logic, 5, CommandCode.SET_MAINTENANCE_MARGIN_PCT, 0, FixedPoint.of(25)); // 1,687.5 required: kept
        assertThat(logic.limits(0).maintenanceMarginPct()).isEqualTo(FixedPoint.of(25));
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.ACTIVE);

        command(logic, 6, CommandCode.SET_MAINTENANCE_MARGIN_PCT, 0, FixedPoint.of(30)); // 2,025 required: called
        assertThat(logic.tradingStates().book(0)).isEqualTo(TradingState.HALTED);
        assertThat(logic.tradingStates().bookCause(0)).isEqualTo(HaltCause.MARGIN_CALL);
        final RecordingSink.Audit call = audit(AuditKind.MARGIN_CALL).getFirst();
        assertThat(List.of(call.a(), call.b(), call.c())).containsExactly(fp("1750"), fp("2025"), fp("6750"));
        assertThat(call.entry()).as("called by the command's own input").isEqualTo(inputs.size() - 1);
        assertThat(audit(AuditKind.LIMIT_CHANGED)).extracting(RecordingSink.Audit::b, RecordingSink.Audit::c)
            .containsExactly(tuple(0L, FixedPoint.of(25)), tuple(FixedPoint.of(25), FixedPoint.of(30)));
    }

    @Test
    void shouldChargeABorrowingRateFromTheDayItIsSetAndKeepItInTheSnapshot() {
        // cash -5,000 from day 0
        final BusinessLogic logic = boughtOnCredit(new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2")));
        trade(logic, 2 * DAY, "100"); // days 0 and 1 cost nothing: no rate
        command(logic, 2 * DAY + 1, CommandCode.SET_BORROW_RATE_PCT, 0, FixedPoint.of(10));
        assertThat(audit(AuditKind.INTEREST)).isEmpty();
        final byte[] snapshot = logic.snapshot();
        trade(logic, 3 * DAY + 1, "100"); // day 2, the day of the change, at 10 %
        assertThat(audit(AuditKind.INTEREST)).extracting(RecordingSink.Audit::a, RecordingSink.Audit::c)
            .containsExactly(tuple(fp("1.36986302"), 2 * DAY));

        final BusinessLogic restored = logic(new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2")));
        restored.restore(snapshot);
        assertThat(restored.limits(0).borrowRatePct()).isEqualTo(FixedPoint.of(10));
        trade(restored, 3 * DAY + 1, "100");
        assertThat(restored.books()[0].cash()).isEqualTo(logic.books()[0].cash());

        command(logic, 3 * DAY + 2, CommandCode.SET_BORROW_RATE_PCT, 0, 0); // lifted: day 3 costs nothing
        trade(logic, 5 * DAY, "100");
        assertThat(audit(AuditKind.INTEREST)).hasSize(2); // the first run's day 2, and the restored run's
    }

    @Test
    void shouldRefuseABookOnlyLimitForTheEngineAndARateOnALiveVenue() {
        final BusinessLogic logic = logic(new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2")));
        command(logic, 1, CommandCode.SET_MAINTENANCE_MARGIN_PCT, -1, FixedPoint.of(25));
        command(logic, 2, CommandCode.SET_BORROW_RATE_PCT, -1, FixedPoint.of(5));
        command(logic, 3, CommandCode.SET_BORROW_RATE_PCT, 0, FixedPoint.of(101));
        assertThat(audit(AuditKind.COMMAND_REFUSED)).extracting(RecordingSink.Audit::c).containsExactly(
            (long) AuditKind.REFUSED_BOOK_ONLY, (long) AuditKind.REFUSED_BOOK_ONLY,
            (long) AuditKind.REFUSED_LIMIT_VALUE);
        assertThat(logic.limits(0).borrowRatePct()).isZero();

        sink.audit.clear();
        final BusinessLogic live = new BusinessLogic(instruments, List.of(new BookSpec("live",
            row -> DecisionStrategy.HOLD, new int[] {ACME}, Interval.M1, FixedPoint.of(10_000),
            new SimulatedFillModel(0, 0, false, 0), new RiskLimits(false, fp("10"), 0, 0, 0, 0, 0, 0, fp("2")))),
            LogicSettings.DEFAULT.withOutputs(sink).withLiveVenue(true));
        command(live, 4, CommandCode.SET_BORROW_RATE_PCT, 0, FixedPoint.of(5));
        command(live, 5, CommandCode.SET_MAINTENANCE_MARGIN_PCT, 0, FixedPoint.of(25));
        command(live, 6, CommandCode.SET_SHORT_FEE_PCT, 0, FixedPoint.of(1));
        assertThat(audit(AuditKind.COMMAND_REFUSED)).extracting(RecordingSink.Audit::c)
            .containsExactly((long) AuditKind.REFUSED_LIVE_VENUE, (long) AuditKind.REFUSED_LIVE_VENUE);
        assertThat(live.limits(0).maintenanceMarginPct()).isEqualTo(FixedPoint.of(25));
    }

    @Test
    void shouldChargeTheShortFeeOnTheShortsValueAtEachDaysEndFromTheDayItIsSet() {
        final BusinessLogic logic = logic(new RiskLimits(true, fp("10"), 0, 0, 0, 0, 0, 0, fp("1"), 0, 0,
            FixedPoint.of(5)));
        trade(logic, 1, "100");
        signal(logic, 2, 0, SELL, "20", null);
        trade(logic, 3, "100"); // short 20 @ 100: 2,000 of shares borrowed, cash 12,000
        trade(logic, DAY - 1, "110"); // the day's last mark: 2,200
        trade(logic, DAY + 1, "90"); // day 0: 2,200 x 5 / 36,500 = 0.301369863... -> 0.30136987
        final List<RecordingSink.Audit> fees = audit(AuditKind.SHORT_FEE);
        assertThat(fees).hasSize(1);
        assertThat(List.of(fees.getFirst().a(), fees.getFirst().b(), fees.getFirst().c(), fees.getFirst().d()))
            .containsExactly(fp("0.30136987"), fp("2200"), 0L, FixedPoint.of(5));
        assertThat(audit(AuditKind.INTEREST)).as("cash is positive: no interest").isEmpty();

        command(logic, DAY + 2, CommandCode.SET_SHORT_FEE_PCT, 0, FixedPoint.of(10)); // from day 1 on
        trade(logic, 2 * DAY + 1, "90"); // day 1 at 10 %: 1,800 x 10 / 36,500 = 0.493150684... -> 0.49315069
        assertThat(audit(AuditKind.SHORT_FEE).getLast().a()).isEqualTo(fp("0.49315069"));
        assertThat(logic.books()[0].shortFeesPaid()).isEqualTo(fp("0.79452056"));
        assertThat(logic.books()[0].cash()).isEqualTo(fp("12000") - fp("0.79452056"));

        signal(logic, 2 * DAY + 2, 0, BUY, "20", null);
        trade(logic, 2 * DAY + 3, "90"); // covered: no shorts, no fee after
        trade(logic, 6 * DAY, "90");
        assertThat(audit(AuditKind.SHORT_FEE)).hasSize(2);
    }
}
