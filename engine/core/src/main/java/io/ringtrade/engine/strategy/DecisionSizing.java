package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderRequest;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.risk.CostEstimate;
import io.ringtrade.engine.risk.RiskLimits;

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
 *       nothing;</li>
 *   <li>with {@code reverse} ({@code on-opposite = reverse}) and shorts allowed, a sell while long also opens a short
 *       and a buy while short also opens a long, each of the size an entry from flat would have at the deciding
 *       bar's close (one order that crosses zero).</li>
 * </ul>
 * Business-logic thread; allocation-free.
 */
public final class DecisionSizing {
    private DecisionSizing() {
    }

    /**
     * Fills {@code request} for {@code decision} on {@code instrumentId} of {@code book}, decided at {@code timeNanos}
     * on a bar that closed at {@code close}. Returns false when the decision places no order (the request is then left
     * as it was).
     *
     * @param reservedCash cash the book's open orders reserve
     * @param tradedCount  number of instruments the book trades
     */
    public static boolean size(final OrderRequest request, final int decision, final Book book, final int instrumentId,
                               final long close, final long timeNanos, final long reservedCash, final long lot,
                               final CostEstimate costs, final int tradedCount, final boolean allowShort) {
        return size(request, decision, book, instrumentId, close, timeNanos, reservedCash, lot, costs, tradedCount,
            allowShort, 0);
    }

    /**
     * As above, with the book's minimum notional: with several instruments, a buy larger than the cash open orders
     * leave goes through the {@link RebalanceCashClamp} (scaled down to that cash less the buffer, or dropped with
     * {@link OrderReason#CASH_CLAMP} when that leaves less than {@code minNotional}).
     */
    public static boolean size(final OrderRequest request, final int decision, final Book book, final int instrumentId,
                               final long close, final long timeNanos, final long reservedCash, final long lot,
                               final CostEstimate costs, final int tradedCount, final boolean allowShort,
                               final long minNotional) {
        return size(request, decision, book, instrumentId, close, timeNanos, reservedCash, lot, costs, tradedCount,
            allowShort, minNotional, false);
    }

    /**
     * As above, with what an opposite answer does: with {@code reverse} and shorts allowed it also opens the other
     * side.
     *
     * @param reverse whether an opposite answer also opens the other side (only where shorts are allowed)
     */
    public static boolean size(final OrderRequest request, final int decision, final Book book, final int instrumentId,
                               final long close, final long timeNanos, final long reservedCash, final long lot,
                               final CostEstimate costs, final int tradedCount, final boolean allowShort,
                               final long minNotional, final boolean reverse) {
        final long held = book.position(instrumentId);
        // the answers that place nothing are settled before the request is touched: a strategy that says SELL while
        // flat (or BUY while long) does so on many bars
        if (decision == DecisionStrategy.BUY ? held > 0 : (held < 0 || (held == 0 && !allowShort))) {
            return false;
        }
        strategyMarketOrder(request, book, instrumentId, close, timeNanos);
        if (decision == DecisionStrategy.BUY) {
            request.side = 1;
            if (held < 0) {
                request.quantity = reverse && allowShort
                    ? sum(request, -held, entryQuantity(book.equity() / tradedCount, close, lot, costs)) : -held;
            } else if (tradedCount == 1) {
                request.notional = Math.max(0, book.cash() - reservedCash);
            } else {
                request.quantity = entryQuantity(book.equity() / tradedCount, close, lot, costs);
                clampToCash(request, book.cash() - reservedCash, close, lot, costs, minNotional);
            }
            return true;
        }
        request.side = -1;
        final long shortEntry = held > 0 && !(reverse && allowShort) ? 0
            : entryQuantity(tradedCount == 1 ? book.equity() : book.equity() / tradedCount, close, lot, costs);
        request.quantity = sum(request, held, shortEntry);
        return true;
    }

    /**
     * Fills {@code request} with the entry on side {@code side} that follows the exit of a position of
     * {@code instrumentId} (managed positions with {@code reverse}): the entry from flat of all-cash sizing with several
     * instruments, whole lots of 1/n of the book's equity at {@code close} with the expected slippage and commission —
     * the same size the one crossing order above gives the other side. Equity, not cash, because the exit has not filled
     * yet: the cash it will bring is still in the position.
     */
    public static void reversingEntry(final OrderRequest request, final int side, final Book book,
                                      final int instrumentId, final long close, final long timeNanos, final long lot,
                                      final CostEstimate costs, final int tradedCount) {
        strategyMarketOrder(request, book, instrumentId, close, timeNanos);
        request.side = side;
        request.quantity = entryQuantity(book.equity() / tradedCount, close, lot, costs);
    }

    /** Clears {@code request} into the strategy's market order on {@code instrumentId}, judged at {@code close}. */
    private static void strategyMarketOrder(final OrderRequest request, final Book book, final int instrumentId,
                                            final long close, final long timeNanos) {
        request.clear();
        request.bookIndex = book.index();
        request.instrumentId = instrumentId;
        request.type = OrderType.MARKET;
        request.referencePrice = close;
        request.timeNanos = timeNanos;
        request.origin = OrderReason.STRATEGY;
    }

    /** A position plus a reversing entry; beyond the fixed-point range the order is refused, never wrapped. */
    private static long sum(final OrderRequest request, final long position, final long entry) {
        try {
            return Math.addExact(position, entry);
        } catch (final ArithmeticException overflow) {
            request.refusal = OrderReason.OVERFLOW;
            return position;
        }
    }

    /**
     * Shrinks a buy that opens or adds to a long so that the position, with what open buys of the instrument may still
     * spend ({@code reservedCash}), stays within {@code maxPositionPct} of the book's equity at the judged price: an
     * all-cash buy becomes a buy up to the position limit. Returns false when nothing is left to buy. Sells, covers
     * and books without a position limit are left as they are.
     */
    public static boolean withinPositionLimit(final OrderRequest request, final Book book, final long maxPositionPct,
                                              final long reservedCash, final long lot, final CostEstimate costs) {
        final long held = book.position(request.instrumentId);
        if (maxPositionPct == 0 || request.side < 0 || held < 0) {
            return true;
        }
        final long price = request.referencePrice;
        final long room = RiskLimits.percentOf(book.equity(), maxPositionPct)
            - FixedPoint.multiply(price, held) - reservedCash;
        if (request.notional > 0) {
            request.notional = Math.min(request.notional, Math.max(0, room));
            return request.notional > 0;
        }
        request.quantity = Math.min(request.quantity,
            CostEstimate.affordable(Math.max(0, room), costs.unitBuyCost(OrderType.MARKET, price), lot));
        return request.quantity > 0;
    }

    /** The rebalance cash clamp on one buy of a book with several instruments. */
    private static void clampToCash(final OrderRequest request, final long availableCash, final long close,
                                    final long lot, final CostEstimate costs, final long minNotional) {
        final long unit = costs.unitBuyCost(OrderType.MARKET, close);
        final long notional = CostEstimate.cost(unit, request.quantity);
        final long clamped = RebalanceCashClamp.clampOne(notional, availableCash,
            RebalanceCashClamp.BUFFER_BPS_DEFAULT, minNotional);
        if (clamped < 0) {
            request.refusal = OrderReason.CASH_CLAMP;
        } else if (clamped < notional) {
            request.quantity = CostEstimate.affordable(clamped, unit, lot);
        }
    }

    /** Whole lots {@code money} pays for at {@code price} with the expected slippage and commission. */
    private static long entryQuantity(final long money, final long price, final long lot, final CostEstimate costs) {
        return CostEstimate.affordable(money, costs.unitBuyCost(OrderType.MARKET, price), lot);
    }
}
