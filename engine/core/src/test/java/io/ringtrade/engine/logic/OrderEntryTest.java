package io.ringtrade.engine.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.book.BookSettlement;
import io.ringtrade.engine.output.FillLog;
import io.ringtrade.engine.output.OrderLog;
import io.ringtrade.engine.output.OrderStatus;
import io.ringtrade.engine.risk.BookRules;
import io.ringtrade.engine.risk.PreTradeRisk;
import io.ringtrade.engine.venue.Order;
import io.ringtrade.engine.venue.SimulatedVenue;
import org.junit.jupiter.api.Test;

/** Order ids, risk outcomes, the order log and effects of {@link OrderEntry}. One book with 1000, no costs. */
final class OrderEntryTest {
    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final Book[] books = {new Book(0, "b", FixedPoint.of(1000), 1, (b, i, pnl) -> { })};
    private final BookRules[] rules = {new BookRules(0, 0, false, FixedPoint.of(10), false)};
    private final OrderLog orderLog = new OrderLog();
    private final PreTradeRisk risk = new PreTradeRisk();
    private final SimulatedVenue venue;
    private final OrderEntry entry;

    OrderEntryTest() {
        instruments.register("ACME", "USD", 1, FixedPoint.of(1));
        venue = new SimulatedVenue(new BookSettlement(books, rules, instruments, new FillLog(), orderLog), new long[] {0});
        entry = new OrderEntry(venue, risk, orderLog, books, rules);
    }

    private boolean placeBuy(final long wholeUnits, final long timeNanos) {
        final Order order = entry.template();
        order.side = 1;
        order.type = OrderType.MARKET;
        order.quantity = FixedPoint.of(wholeUnits);
        return entry.place(order, FixedPoint.of(100), timeNanos);
    }

    @Test
    void shouldDeriveIdsFromTheInputSequenceAndTheOrdinalWithinIt() {
        final EngineEvent input = new EngineEvent().setBar(0, 5, 0, 0, 0, 0, 0);
        input.sequence = 7;
        entry.beginInput(input);

        placeBuy(1, 5);
        placeBuy(1, 5);
        final EngineEvent next = new EngineEvent().setBar(0, 6, 0, 0, 0, 0, 0);
        next.sequence = 8;
        entry.beginInput(next);
        placeBuy(1, 6);

        // 7 × 1000 + 0, 7 × 1000 + 1, then 8 × 1000 + 0
        assertThat(orderLog.orderId(0)).isEqualTo(7000);
        assertThat(orderLog.orderId(1)).isEqualTo(7001);
        assertThat(orderLog.orderId(2)).isEqualTo(8000);
        assertThat(input.effects.order(0).clientOrderId).isEqualTo(7000);
        assertThat(input.effects.order(1).clientOrderId).isEqualTo(7001);
        assertThat(next.effects.order(0).clientOrderId).isEqualTo(8000);
    }

    @Test
    void shouldLogAndSubmitAnAcceptedOrderAndAttachItAsAnEffect() {
        final EngineEvent input = new EngineEvent().setBar(0, 5, 0, 0, 0, 0, 0);
        input.sequence = 3;
        entry.beginInput(input);

        assertThat(placeBuy(2, 5)).isTrue();

        assertThat(orderLog.size()).isEqualTo(1);
        assertThat(orderLog.time(0)).isEqualTo(5);
        assertThat(orderLog.side(0)).isEqualTo(1);
        assertThat(orderLog.type(0)).isEqualTo(OrderType.MARKET);
        assertThat(orderLog.quantity(0)).isEqualTo(FixedPoint.of(2));
        assertThat(orderLog.status(0)).isEqualTo(OrderStatus.OPEN);
        assertThat(venue.workingOrderCount()).isEqualTo(1);
        assertThat(input.effects.size()).isEqualTo(1);
        assertThat(input.effects.order(0).quantity).isEqualTo(FixedPoint.of(2));
        assertThat(input.effects.order(0).side).isEqualTo(1);
        assertThat(entry.ordersAccepted()).isEqualTo(1);
    }

    @Test
    void shouldLogARejectedOrderWithItsReasonWithoutSubmittingIt() {
        final EngineEvent input = new EngineEvent().setBar(0, 5, 0, 0, 0, 0, 0);
        input.sequence = 3;
        entry.beginInput(input);

        // 11 @ 100 = 1100 > 1000 cash; the rejected intent still uses ordinal 0, the next one gets 3001
        assertThat(placeBuy(11, 5)).isFalse();
        assertThat(placeBuy(1, 5)).isTrue();

        assertThat(orderLog.orderId(0)).isEqualTo(3000);
        assertThat(orderLog.status(0)).isEqualTo(OrderStatus.REJECTED);
        assertThat(orderLog.reason(0)).isEqualTo("INSUFFICIENT_CASH");
        assertThat(orderLog.orderId(1)).isEqualTo(3001);
        assertThat(input.effects.size()).isEqualTo(1);
        assertThat(input.effects.order(0).clientOrderId).isEqualTo(3001);
        assertThat(venue.workingOrderCount()).isEqualTo(1);
        assertThat(entry.ordersAccepted()).isEqualTo(1);
    }

    @Test
    void shouldRefuseMoreOrdersFromOneInputThanIdsAllow() {
        final EngineEvent input = new EngineEvent().setBar(0, 5, 0, 0, 0, 0, 0);
        input.sequence = 1;
        entry.beginInput(input);
        for (int i = 0; i < OrderEntry.MAX_ORDERS_PER_INPUT; i++) {
            placeBuy(0, 5); // rejected (zero quantity), but each still takes an id
        }

        assertThatThrownBy(() -> placeBuy(0, 5)).isInstanceOf(IllegalStateException.class);
        assertThat(orderLog.orderId(OrderEntry.MAX_ORDERS_PER_INPUT - 1)).isEqualTo(1999);
    }
}
