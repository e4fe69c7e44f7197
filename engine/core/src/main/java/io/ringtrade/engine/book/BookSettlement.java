package io.ringtrade.engine.book;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.output.FillLog;
import io.ringtrade.engine.output.OrderLog;
import io.ringtrade.engine.output.OrderStatus;
import io.ringtrade.engine.risk.BookRules;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;
import io.ringtrade.engine.venue.FillHandler;
import io.ringtrade.engine.venue.Order;

import java.math.RoundingMode;

/**
 * Settles the simulated venue's executions into the books: sizes cash-sized buys at the fill price
 * (all cash, fees included, rounded down to the lot), never lets a buy that opens or adds to a long spend more cash
 * than the book has (a buy that covers a short is not clamped: closing risk comes first, even if cash goes
 * negative), never lets a sell without shorting exceed the position, charges commission = notional × rate, and records fills
 * and order fates. Owned by the business-logic thread.
 */
public final class BookSettlement implements FillHandler {
    private static final long BPS = 10_000L;
    private final Book[] books;
    private final BookRules[] rules;
    private final InstrumentRegistry instruments;
    private final FillLog fillLog;
    private final OrderLog orderLog;
    private long fillCount;

    /** Settlement over the engine's books (indexed by book index). */
    public BookSettlement(final Book[] books, final BookRules[] rules, final InstrumentRegistry instruments,
                          final FillLog fillLog, final OrderLog orderLog) {
        this.books = books;
        this.rules = rules;
        this.instruments = instruments;
        this.fillLog = fillLog;
        this.orderLog = orderLog;
    }

    @Override
    public long onExecution(final Order order, final long executionPrice, final long timeNanos) {
        final Book book = books[order.bookIndex];
        final BookRules bookRules = rules[order.bookIndex];
        final long lot = instruments.get(order.instrumentId).lotSize();
        long quantity = order.quantity;
        if (order.side > 0) {
            final long affordable = affordableQuantity(book.cash(), executionPrice, bookRules.commissionBps(), lot);
            final long held = book.position(order.instrumentId);
            final boolean covering = held < 0 && !order.sizeToCash;
            if (order.sizeToCash) {
                quantity = affordable;
            } else if (!covering) {
                quantity = Math.min(quantity, affordable);
            }
        } else if (!bookRules.allowShort()) {
            quantity = Math.min(quantity, Math.max(0, book.position(order.instrumentId)));
        }
        if (quantity <= 0) {
            return 0;
        }
        final long notional = FixedPoint.multiply(executionPrice, quantity);
        final long fee = FixedPoint.mulDiv(notional, bookRules.commissionBps(), BPS, RoundingMode.HALF_UP);
        final long realized = book.applyFill(order.instrumentId, order.side, quantity, executionPrice, fee);
        fillLog.add(timeNanos, order.instrumentId, order.side, quantity, executionPrice, fee, order.bookIndex,
            order.id, realized);
        if (order.logRow >= 0) {
            orderLog.setQuantity(order.logRow, quantity);
            orderLog.settle(order.logRow, OrderStatus.FILLED, "");
        }
        fillCount++;
        return quantity;
    }

    @Override
    public void onCancel(final Order order, final String reason, final long timeNanos) {
        if (order.logRow >= 0) {
            orderLog.settle(order.logRow, OrderStatus.CANCELLED, reason);
        }
    }

    /** Writes the counter for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("settlement").writeLong(fillCount);
    }

    /** Restores the counter from a snapshot. */
    public void readState(final StateReader in) {
        fillCount = in.section("settlement").readLong();
    }

    /** Fills so far. */
    public long fillCount() {
        return fillCount;
    }

    /**
     * The largest whole number of lots whose notional plus commission fits in {@code cash} at {@code price}.
     */
    public static long affordableQuantity(final long cash, final long price, final long commissionBps, final long lot) {
        if (cash <= 0 || price <= 0) {
            return 0;
        }
        final long costPerUnit = FixedPoint.mulDiv(price, BPS + commissionBps, BPS, RoundingMode.CEILING);
        long quantity = FixedPoint.roundDownToStep(FixedPoint.mulDiv(cash, FixedPoint.SCALE, costPerUnit,
            RoundingMode.FLOOR), lot);
        // rounding of notional and fee (half up each) can exceed the estimate by a unit: step down until it fits
        while (quantity > 0 && cost(quantity, price, commissionBps) > cash) {
            quantity -= lot;
        }
        return Math.max(0, quantity);
    }

    private static long cost(final long quantity, final long price, final long commissionBps) {
        final long notional = FixedPoint.multiply(price, quantity);
        return notional + FixedPoint.mulDiv(notional, commissionBps, BPS, RoundingMode.HALF_UP);
    }
}
