package io.ringtrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.EventContext;
import io.ringtrade.engine.api.strategy.EventStrategy;
import io.ringtrade.engine.api.strategy.OrderStatus;
import io.ringtrade.engine.api.strategy.Tick;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.order.Order;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.venue.SimulatedFillModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An event strategy's {@link EventContext#replace}: through the simulated venue, on a live venue whose answers come
 * back as reports, and refused where the venue cannot replace in place. ACME ticks at 0.01 in whole lots; the book has
 * 10,000 of cash, long only, no costs.
 */
class EventReplaceTest {
    private static final long SECOND = 1_000_000_000L;

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final RecordingSink sink = new RecordingSink();
    /** What the strategy does at its n-th trade (from 0). */
    private final Map<Integer, Consumer<EventContext>> atTrade = new HashMap<>();
    /** What the strategy heard, in order: {@code "<id> <status>"} and {@code "<id> fill <quantity>@<price>"}. */
    private final List<String> heard = new ArrayList<>();
    /** What its replace calls answered. */
    private final List<Boolean> answers = new ArrayList<>();
    private long order;
    private long sequence;

    EventReplaceTest() {
        instruments.register("ACME", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
    }

    /** Plays {@link #atTrade} and writes down what it hears. */
    private final class Scripted implements EventStrategy {
        private int trades;

        @Override
        public void onTick(final EventContext ctx, final Tick tick) {
            final Consumer<EventContext> step = atTrade.get(trades++);
            if (step != null) {
                step.accept(ctx);
            }
        }

        @Override
        public void onOrderUpdate(final EventContext ctx, final long orderId, final int status) {
            heard.add((orderId == order ? "A " : orderId + " ") + OrderStatus.name(status));
        }

        @Override
        public void onFill(final EventContext ctx, final long orderId, final int instrument, final int side,
                           final double quantity, final double price) {
            heard.add((orderId == order ? "A" : orderId) + " fill " + quantity + "@" + price);
        }
    }

    private BusinessLogic logic(final LogicSettings settings) {
        final StrategyStateStore state = new StrategyStateStore("book");
        state.close();
        return new BusinessLogic(instruments, List.of(new BookSpec("book", new Scripted(), new int[] {0}, Interval.M1,
            FixedPoint.of(10_000), new SimulatedFillModel(0, 0, false, 0), RiskLimits.longOnly(0), state)),
            settings.withOutputs(sink));
    }

    private EngineEvent feed(final BusinessLogic logic, final EngineEvent input) {
        input.sequence = sequence++;
        logic.onEvent(input);
        return input;
    }

    private EngineEvent trade(final BusinessLogic logic, final long second, final String price) {
        return feed(logic, new EngineEvent().setTrade(0, second * SECOND, FixedPoint.parse(price), FixedPoint.of(100)));
    }

    private void report(final BusinessLogic logic, final long second, final int kind, final String quantity,
                        final String price) {
        feed(logic, new EngineEvent().setReport(second * SECOND, order, order + 1000, kind, VenueReason.NONE,
            quantity == null ? 0 : FixedPoint.parse(quantity), price == null ? 0 : FixedPoint.parse(price), 0));
    }

    private void askReplace(final long quantity, final String price) {
        atTrade.put(atTrade.size(), ctx -> answers.add(ctx.replace(order, quantity, Double.parseDouble(price))));
    }

    @Test
    void shouldMoveAWorkingLimitOrderToTheNewQuantityAndPriceAndFillItThere() {
        atTrade.put(0, ctx -> order = ctx.submitLimit(0, 1, 10, 95));
        atTrade.put(1, ctx -> {
            // 96.004 is rounded down, as a limit buy's price is; then a replace risk refuses (200 × 96 = 19,200 of
            // cash), one that rounds to no lot, one of an order that is not there: none changes anything
            answers.add(ctx.replace(order, 12, 96.004));
            answers.add(ctx.replace(order, 200, 96));
            answers.add(ctx.replace(order, 0.4, 96));
            answers.add(ctx.replace(order + 1, 12, 96));
        });
        final BusinessLogic logic = logic(LogicSettings.DEFAULT);
        trade(logic, 1, "100");
        trade(logic, 2, "100");
        trade(logic, 3, "96.5"); // above the new limit: nothing
        trade(logic, 4, "96"); // at it: all 12 fill at 96

        assertThat(answers).containsExactly(true, false, false, false);
        assertThat(heard).containsExactly("A ACCEPTED", "A REPLACED", "A fill 12.0@96.0", "A FILLED");
        assertThat(logic.risk().rejections(OrderReason.INSUFFICIENT_CASH)).isEqualTo(1);
        assertThat(logic.books()[0].position(0)).isEqualTo(FixedPoint.of(12));
        assertThat(logic.books()[0].cash()).isEqualTo(FixedPoint.of(10_000 - 1_152));
    }

    @Test
    void shouldRefuseAReplaceWhereTheVenueCannotReplaceInPlace() {
        atTrade.put(0, ctx -> order = ctx.submitLimit(0, 1, 10, 95));
        askReplace(12, "96");
        final BusinessLogic logic = logic(LogicSettings.DEFAULT.withVenueReplaces(false));
        trade(logic, 1, "100");
        trade(logic, 2, "100");
        trade(logic, 3, "95");

        assertThat(answers).containsExactly(false);
        assertThat(heard).containsExactly("A ACCEPTED", "A fill 10.0@95.0", "A FILLED");
    }

    @Test
    void shouldSendAReplaceToALiveVenueAndKeepTheOldValuesWhenItIsRefused() {
        atTrade.put(0, ctx -> order = ctx.submitLimit(0, 1, 10, 95));
        askReplace(12, "96");
        askReplace(12, "96");
        final BusinessLogic logic = logic(LogicSettings.DEFAULT.withLiveVenue(true));
        trade(logic, 1, "100");
        report(logic, 1, ReportKind.ACK, null, null);

        final EngineEvent first = trade(logic, 2, "100");
        assertThat(first.effects.size()).isEqualTo(1);
        assertThat(first.effects.get(0).kind).isEqualTo(EffectKind.REPLACE);
        assertThat(List.of(first.effects.get(0).quantity, first.effects.get(0).price))
            .containsExactly(FixedPoint.of(12), FixedPoint.of(96));
        report(logic, 3, ReportKind.REPLACE_REJECT, null, null);
        final Order refused = logic.orders().openOrder(order);
        assertThat(List.of(refused.quantity, refused.price)).containsExactly(FixedPoint.of(10), FixedPoint.of(95));

        trade(logic, 4, "100");
        report(logic, 5, ReportKind.REPLACE_ACK, "12", "96");
        final Order replaced = logic.orders().openOrder(order);
        assertThat(List.of(replaced.quantity, replaced.price)).containsExactly(FixedPoint.of(12), FixedPoint.of(96));
        assertThat(answers).containsExactly(true, true);
        assertThat(heard).containsExactly("A ACCEPTED", "A REPLACE_REJECTED", "A REPLACED");
        // neither answer ends the order
        assertThat(List.of(OrderStatus.isTerminal(OrderStatus.REPLACED),
            OrderStatus.isTerminal(OrderStatus.REPLACE_REJECTED), OrderStatus.isTerminal(OrderStatus.EXPIRED)))
            .containsExactly(false, false, true);
    }
}
