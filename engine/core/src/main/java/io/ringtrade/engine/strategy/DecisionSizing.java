package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderRequest;
import io.ringtrade.engine.risk.CostEstimate;

/**
 * Turns a decision function's answer into an order request, sized when it is decided (the README's sizing rules):
 * <ul>
 *   <li>with one instrument, a buy while flat is a notional market order for all the book's cash that open orders do
 *       not reserve (fees included; the venue converts it at the fill price); a sell while long sells the whole
 *       position;</li>
 *   <li>with several, a buy while flat buys an equal share (1/n) of the book's equity, as the whole number of lots
 *       it pays for at the deciding bar's close with the expected slippage and commission;</li>
 *   <li>a buy while short covers the short; a sell while flat opens a short (where the book allows shorts) of the
 *       size a buy would open; a buy while long and a sell while short, or while flat without shorting, do
 *       nothing.</li>
 * </ul>
 * Business-logic thread; allocation-free.
 */
public final class DecisionSizing {
    private DecisionSizing() {
    }

    /**
     * Fills {@code request} for {@code decision} on {@code instrumentId} of {@code book}, decided at {@code timeNanos}
     * on a bar that closed at {@code close}. Returns false when the decision places no order.
     *
     * @param reservedCash cash the book's open orders reserve
     * @param tradedCount  number of instruments the book trades
     */
    public static boolean size(final OrderRequest request, final int decision, final Book book, final int instrumentId,
                               final long close, final long timeNanos, final long reservedCash, final long lot,
                               final CostEstimate costs, final int tradedCount, final boolean allowShort) {
        final long held = book.position(instrumentId);
        request.clear();
        request.bookIndex = book.index();
        request.instrumentId = instrumentId;
        request.type = OrderType.MARKET;
        request.referencePrice = close;
        request.timeNanos = timeNanos;
        request.origin = OrderReason.STRATEGY;
        if (decision == DecisionStrategy.BUY) {
            if (held > 0) {
                return false;
            }
            request.side = 1;
            if (held < 0) {
                request.quantity = -held;
            } else if (tradedCount == 1) {
                request.notional = Math.max(0, book.cash() - reservedCash);
            } else {
                request.quantity = entryQuantity(book.equity() / tradedCount, close, lot, costs);
            }
            return true;
        }
        if (held < 0 || (held == 0 && !allowShort)) {
            return false;
        }
        request.side = -1;
        request.quantity = held > 0 ? held
            : entryQuantity(tradedCount == 1 ? book.equity() : book.equity() / tradedCount, close, lot, costs);
        return true;
    }

    /** Whole lots {@code money} pays for at {@code price} with the expected slippage and commission. */
    private static long entryQuantity(final long money, final long price, final long lot, final CostEstimate costs) {
        return CostEstimate.affordable(money, costs.unitBuyCost(OrderType.MARKET, price), lot);
    }
}
