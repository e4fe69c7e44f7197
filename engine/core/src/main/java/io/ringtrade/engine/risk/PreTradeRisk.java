package io.ringtrade.engine.risk;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderRequest;
import io.ringtrade.engine.order.Reservations;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * Pre-trade checks, run before an order exists (DESIGN.md §6), in this order: quantity (zero lots, whole lots),
 * tick size of limit and stop prices, minimum notional, shorting policy and maximum short notional, cash. Open
 * orders count: cash they reserve is not available, holdings they sell cannot be sold twice, shorts they open count
 * toward the cap. A buy that covers a short is not checked against cash for its covering part (closing risk comes
 * first), but the long part of a buy that flips a short to long must be paid from the cash left after the cover.
 * Arithmetic that leaves the fixed-point range refuses the order with {@link OrderReason#OVERFLOW} instead of
 * failing the input. Each refusal is counted per reason.
 *
 * <p>Owned by the business-logic thread; allocation-free.
 */
public final class PreTradeRisk {
    private final long[] rejections = new long[OrderReason.values().length];

    /** How a passed order splits, and what it reserves; filled by {@link #check}. Reused. */
    public static final class Assessment {
        /** Of a buy: the part that covers a short. */
        public long coverQuantity;
        /** Of a sell: the part that closes a long. */
        public long closeQuantity;
        /** Of a sell: the part that opens or extends a short. */
        public long shortQuantity;
        /** Cash the order reserves. */
        public long reservedCash;
        /** Per-unit cost of a buy at its judged price. */
        public long unitCost;

        void clear() {
            coverQuantity = 0;
            closeQuantity = 0;
            shortQuantity = 0;
            reservedCash = 0;
            unitCost = 0;
        }
    }

    /**
     * Checks {@code request} for {@code book}. Returns null when it passes (and fills {@code out}), else the reason,
     * counted.
     */
    public OrderReason check(final OrderRequest request, final Book book, final RiskLimits limits,
                             final CostEstimate costs, final Instrument instrument, final Reservations reserved,
                             final Assessment out) {
        out.clear();
        OrderReason reason;
        try {
            reason = firstFailure(request, book, limits, costs, instrument, reserved, out);
        } catch (final ArithmeticException overflow) {
            reason = OrderReason.OVERFLOW;
        }
        if (reason != null) {
            count(reason);
        }
        return reason;
    }

    /** Counts a refusal decided elsewhere (too many orders, a halted book). */
    public void count(final OrderReason reason) {
        rejections[reason.ordinal()]++;
    }

    private static OrderReason firstFailure(final OrderRequest request, final Book book, final RiskLimits limits,
                                            final CostEstimate costs, final Instrument instrument,
                                            final Reservations reserved, final Assessment out) {
        final int bookIndex = request.bookIndex;
        final int id = request.instrumentId;
        final long price = request.judgedPrice();
        if (price <= 0) {
            return OrderReason.NO_PRICE;
        }
        if (request.type != OrderType.MARKET && request.price % instrument.tickSize() != 0) {
            return OrderReason.TICK_SIZE;
        }
        final long available = Math.subtractExact(book.cash(), reserved.cash(bookIndex));
        if (request.notional > 0) {
            if (request.side < 0 || request.quantity != 0) {
                throw new IllegalArgumentException("a notional order is a buy without a quantity");
            }
            out.unitCost = costs.unitBuyCost(request.type, price);
            final long estimated = CostEstimate.affordable(request.notional, out.unitCost, instrument.lotSize());
            if (estimated <= 0) {
                return OrderReason.ZERO_QUANTITY;
            }
            if (FixedPoint.multiply(price, estimated) < limits.minNotional()) {
                return OrderReason.MIN_NOTIONAL;
            }
            if (request.notional > available) {
                return OrderReason.INSUFFICIENT_CASH;
            }
            out.reservedCash = request.notional;
            return null;
        }
        final long quantity = request.quantity;
        if (quantity <= 0) {
            return OrderReason.ZERO_QUANTITY;
        }
        if (quantity % instrument.lotSize() != 0) {
            return OrderReason.LOT_SIZE;
        }
        if (FixedPoint.multiply(price, quantity) < limits.minNotional()) {
            return OrderReason.MIN_NOTIONAL;
        }
        final long held = book.position(id);
        if (request.side < 0) {
            out.closeQuantity = Math.min(quantity, Math.max(0, held - reserved.close(bookIndex, id)));
            out.shortQuantity = quantity - out.closeQuantity;
            if (out.shortQuantity > 0) {
                if (!limits.allowShort()) {
                    return OrderReason.SHORT_NOT_ALLOWED;
                }
                final long shortAfter = Math.addExact(Math.addExact(Math.max(0, -held), reserved.shortSell(bookIndex, id)),
                    out.shortQuantity);
                final long cap = limits.maxShortNotional() > 0 ? limits.maxShortNotional() : book.equity();
                if (FixedPoint.multiply(price, shortAfter) > cap) {
                    return OrderReason.MAX_SHORT_NOTIONAL;
                }
            }
            return null;
        }
        out.unitCost = costs.unitBuyCost(request.type, price);
        out.coverQuantity = Math.min(quantity, Math.max(0, -held - reserved.cover(bookIndex, id)));
        final long longPart = quantity - out.coverQuantity;
        if (longPart > 0) {
            final long coverCost = CostEstimate.cost(out.unitCost, out.coverQuantity);
            final long longCost = CostEstimate.cost(out.unitCost, longPart);
            if (longCost > Math.subtractExact(available, coverCost)) {
                return OrderReason.INSUFFICIENT_CASH;
            }
            out.reservedCash = longCost;
        }
        return null;
    }

    /** Writes the counters for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("risk").writeLongs(rejections);
    }

    /** Restores the counters from a snapshot. */
    public void readState(final StateReader in) {
        in.section("risk").readLongsInto(rejections, "rejection counters");
    }

    /** Refusals so far for one reason. */
    public long rejections(final OrderReason reason) {
        return rejections[reason.ordinal()];
    }

    /** Refusals so far for all reasons. */
    public long totalRejections() {
        long total = 0;
        for (final long count : rejections) {
            total += count;
        }
        return total;
    }
}
