package io.ringtrade.engine.logic;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.output.OrderLog;
import io.ringtrade.engine.output.OrderStatus;
import io.ringtrade.engine.risk.BookRules;
import io.ringtrade.engine.risk.PreTradeRisk;
import io.ringtrade.engine.risk.RejectReason;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;
import io.ringtrade.engine.venue.Order;
import io.ringtrade.engine.venue.SimulatedVenue;

/**
 * The order stage of business logic: gives each intent its client order id (input sequence × 1000 + the
 * intent's ordinal within that input, so ids are the same in every replay), runs the pre-trade checks, logs
 * the intent and its fate, hands accepted orders to the venue and attaches them to the input's slot as
 * effects for the gateway. Owned by the business-logic thread; allocation-free.
 */
public final class OrderEntry {
    /** Orders one input may cause before ids would collide with the next input's. */
    public static final int MAX_ORDERS_PER_INPUT = 1000;

    private final SimulatedVenue venue;
    private final PreTradeRisk risk;
    private final OrderLog orderLog;
    private final Book[] books;
    private final BookRules[] rules;
    private final Order scratch = new Order();
    private EngineEvent input;
    private int ordinal;
    private long ordersAccepted;

    /** The order stage over the engine's books and venue. */
    public OrderEntry(final SimulatedVenue venue, final PreTradeRisk risk, final OrderLog orderLog,
                      final Book[] books, final BookRules[] rules) {
        this.venue = venue;
        this.risk = risk;
        this.orderLog = orderLog;
        this.books = books;
        this.rules = rules;
    }

    /** Starts a new input: ids derive from its sequence and its effect list collects accepted orders. */
    public void beginInput(final EngineEvent event) {
        input = event;
        ordinal = 0;
    }

    /** A cleared order template to fill in and pass to {@link #place}. */
    public Order template() {
        return scratch.clear();
    }

    /**
     * Places an order described by {@code order} (book, instrument, side, type, quantity, price, sizeToCash)
     * at about {@code referencePrice}. Returns true when accepted.
     */
    public boolean place(final Order order, final long referencePrice, final long timeNanos) {
        if (ordinal >= MAX_ORDERS_PER_INPUT) {
            throw new IllegalStateException("more than " + MAX_ORDERS_PER_INPUT + " orders from input " + input.sequence);
        }
        order.id = input.sequence * MAX_ORDERS_PER_INPUT + ordinal++;
        order.placedNanos = timeNanos;
        final RejectReason reason = risk.check(books[order.bookIndex], rules[order.bookIndex], order.instrumentId,
            order.side, order.quantity, referencePrice, order.sizeToCash);
        if (reason != null) {
            order.logRow = orderLog.add(timeNanos, order.id, order.bookIndex, order.instrumentId, order.side,
                order.type, order.quantity, order.price, OrderStatus.REJECTED, reason.name());
            return false;
        }
        order.logRow = orderLog.add(timeNanos, order.id, order.bookIndex, order.instrumentId, order.side,
            order.type, order.quantity, order.price, OrderStatus.OPEN, "");
        venue.submit(order);
        final OrderEffect effect = input.effects.addOrder();
        effect.clientOrderId = order.id;
        effect.strategyIndex = order.bookIndex;
        effect.instrumentId = order.instrumentId;
        effect.side = order.side;
        effect.orderType = order.type;
        effect.quantity = order.quantity;
        effect.price = order.price;
        ordersAccepted++;
        return true;
    }

    /** Writes the counter for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("order-entry").writeLong(ordersAccepted);
    }

    /** Restores the counter from a snapshot. */
    public void readState(final StateReader in) {
        ordersAccepted = in.section("order-entry").readLong();
    }

    /** Orders accepted so far. */
    public long ordersAccepted() {
        return ordersAccepted;
    }
}
