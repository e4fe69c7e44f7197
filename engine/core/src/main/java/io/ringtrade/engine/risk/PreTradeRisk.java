package io.ringtrade.engine.risk;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.market.MarketState;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderRequest;
import io.ringtrade.engine.order.Reservations;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * Pre-trade checks, run before an order exists (DESIGN.md §6), in this order: price known ({@code NO_PRICE}), tick
 * size, price band around the last price, quantity (zero lots, whole lots), minimum notional, maximum order notional,
 * reduce-only, order rate, shorting policy and maximum short notional, maximum position, cash. The trading state is
 * checked before these, by the order manager. With leverage ({@link RiskLimits#maxLeverage} above 1) a buy may also
 * spend the borrowing allowance, (leverage − 1) × the book's equity, and the default short cap is leverage × the
 * equity (a notional buy, money to spend, is paid from cash only). Open orders count: cash they
 * reserve is not available, holdings they sell cannot be sold twice, shorts they open count toward the cap, and buys
 * and shorts they may still add count toward the position limit. A buy that covers a short is not checked against
 * cash for its covering part (closing risk comes first), but the long part of a buy that flips a short to long must
 * be paid from the cash left after the cover. An operator's reduce-only order (flatten, close) is not held back by
 * the order-notional or order-rate limits. Arithmetic that leaves the fixed-point range refuses the order with
 * {@link OrderReason#OVERFLOW} instead of failing the input. Each refusal is counted per reason.
 *
 * <p>Owned by the business-logic thread; allocation-free.
 */
public final class PreTradeRisk {
    private final long[] rejections = new long[OrderReason.values().length];
    private final MarketState market;
    private final OrderRate[] bookRates;
    private final OrderRate globalRate;

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
     * Checks without engine-wide state: no global limits, no order-rate windows, and the price band (when a book's
     * limits set one) judged around the request's reference price. For tests of single checks.
     */
    public PreTradeRisk() {
        this(new RiskLimits[0], null, RiskSettings.DEFAULT);
    }

    /**
     * Checks for the engine's books.
     *
     * @param limits each book's limits, global caps applied (for its order-rate window)
     * @param market last prices (for the price band)
     * @param global the engine-wide settings (the order rate of all books together)
     */
    public PreTradeRisk(final RiskLimits[] limits, final MarketState market, final RiskSettings global) {
        this.market = market;
        this.bookRates = new OrderRate[limits.length];
        for (int b = 0; b < limits.length; b++) {
            bookRates[b] = new OrderRate(limits[b].maxOrdersPerSecond());
        }
        this.globalRate = new OrderRate(global.maxOrdersPerSecond());
    }

    /**
     * Checks {@code request} for {@code book}, reduce-only when the request says so. Returns null when it passes (and
     * fills {@code out}), else the reason, counted.
     */
    public OrderReason check(final OrderRequest request, final Book book, final RiskLimits limits,
                             final CostEstimate costs, final Instrument instrument, final Reservations reserved,
                             final Assessment out) {
        return check(request, book, limits, costs, instrument, reserved, out, request.reduceOnly);
    }

    /**
     * Checks {@code request} for {@code book}; with {@code mustReduce} (a REDUCE_ONLY book, or an operator's order in a
     * HALTED one) any part that would open or grow a position refuses it. Returns null when it passes (and fills
     * {@code out}), else the reason, counted.
     */
    public OrderReason check(final OrderRequest request, final Book book, final RiskLimits limits,
                             final CostEstimate costs, final Instrument instrument, final Reservations reserved,
                             final Assessment out, final boolean mustReduce) {
        out.clear();
        OrderReason reason;
        try {
            reason = firstFailure(request, book, limits, costs, instrument, reserved, out,
                mustReduce || request.reduceOnly);
        } catch (final ArithmeticException overflow) {
            reason = OrderReason.OVERFLOW;
        }
        if (reason != null) {
            count(reason);
        }
        return reason;
    }

    /** An order passed and was released: it counts toward the order-rate windows (an operator's does not). */
    public void onReleased(final OrderRequest request) {
        if (request.origin.isOperatorOrigin()) {
            return;
        }
        if (request.bookIndex < bookRates.length) {
            bookRates[request.bookIndex].record(request.timeNanos);
        }
        globalRate.record(request.timeNanos);
    }

    /**
     * An operator changed {@code book}'s order rate (its limit in force, caps applied): its window is resized, keeping
     * its latest releases.
     */
    public void setBookRate(final int book, final int ordersPerSecond) {
        if (book < bookRates.length) {
            bookRates[book].resize(ordersPerSecond);
        }
    }

    /** An operator changed the engine-wide order rate (all books together). */
    public void setGlobalRate(final int ordersPerSecond) {
        globalRate.resize(ordersPerSecond);
    }

    /** Counts a refusal decided elsewhere (too many orders, a trading state). */
    public void count(final OrderReason reason) {
        rejections[reason.ordinal()]++;
    }

    private OrderReason firstFailure(final OrderRequest request, final Book book, final RiskLimits limits,
                                     final CostEstimate costs, final Instrument instrument,
                                     final Reservations reserved, final Assessment out, final boolean mustReduce) {
        final int bookIndex = request.bookIndex;
        final int id = request.instrumentId;
        final boolean operator = request.origin.isOperatorOrigin();
        final long price = request.judgedPrice();
        if (price <= 0) {
            return OrderReason.NO_PRICE;
        }
        if (request.type != OrderType.MARKET) {
            if (request.price % instrument.tickSize() != 0) {
                return OrderReason.TICK_SIZE;
            }
            if (limits.priceBandPct() > 0) {
                final long last = market != null ? market.last(id) : request.referencePrice;
                if (last <= 0) {
                    return OrderReason.NO_PRICE;
                }
                if (Math.abs(Math.subtractExact(price, last)) > RiskLimits.percentOf(last, limits.priceBandPct())) {
                    return OrderReason.PRICE_BAND;
                }
            }
        }
        final long available = Math.subtractExact(book.cash(), reserved.cash(bookIndex));
        final long held = book.position(id);
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
            if (!operator && limits.maxOrderNotional() > 0 && request.notional > limits.maxOrderNotional()) {
                return OrderReason.MAX_ORDER_NOTIONAL;
            }
            if (mustReduce) {
                // a notional buy's size is only known at the fill: it cannot promise to only cover a short
                return OrderReason.REDUCE_ONLY;
            }
            if (!operator && !rateAllows(bookIndex, request.timeNanos)) {
                return OrderReason.ORDER_RATE;
            }
            if (longOverLimit(book, limits, reserved, id, price, held, request.notional)) {
                return OrderReason.MAX_POSITION;
            }
            // a notional buy is money to spend (all-cash sizing, an iteration strategy's buy): cash only, no leverage
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
        final long orderNotional = FixedPoint.multiply(price, quantity);
        if (orderNotional < limits.minNotional()) {
            return OrderReason.MIN_NOTIONAL;
        }
        if (!operator && limits.maxOrderNotional() > 0 && orderNotional > limits.maxOrderNotional()) {
            return OrderReason.MAX_ORDER_NOTIONAL;
        }
        if (request.side < 0) {
            out.closeQuantity = Math.min(quantity, Math.max(0, held - reserved.close(bookIndex, id)));
            out.shortQuantity = quantity - out.closeQuantity;
            if (mustReduce && out.shortQuantity > 0) {
                return OrderReason.REDUCE_ONLY;
            }
            if (!operator && !rateAllows(bookIndex, request.timeNanos)) {
                return OrderReason.ORDER_RATE;
            }
            if (out.shortQuantity > 0) {
                if (!limits.allowShort()) {
                    return OrderReason.SHORT_NOT_ALLOWED;
                }
                final long shortAfter = Math.addExact(Math.addExact(Math.max(0, -held), reserved.shortSell(bookIndex, id)),
                    out.shortQuantity);
                final long shortValue = FixedPoint.multiply(price, shortAfter);
                final long cap = limits.maxShortNotional() > 0 ? limits.maxShortNotional()
                    : limits.defaultShortCap(book.equity());
                if (shortValue > cap) {
                    return OrderReason.MAX_SHORT_NOTIONAL;
                }
                if (limits.maxPositionPct() > 0
                    && shortValue > RiskLimits.percentOf(book.equity(), limits.maxPositionPct())) {
                    return OrderReason.MAX_POSITION;
                }
            }
            return null;
        }
        out.unitCost = costs.unitBuyCost(request.type, price);
        out.coverQuantity = Math.min(quantity, Math.max(0, -held - reserved.cover(bookIndex, id)));
        final long longPart = quantity - out.coverQuantity;
        if (mustReduce && longPart > 0) {
            return OrderReason.REDUCE_ONLY;
        }
        if (!operator && !rateAllows(bookIndex, request.timeNanos)) {
            return OrderReason.ORDER_RATE;
        }
        if (longPart > 0) {
            final long coverCost = CostEstimate.cost(out.unitCost, out.coverQuantity);
            final long longCost = CostEstimate.cost(out.unitCost, longPart);
            if (longOverLimit(book, limits, reserved, id, price, held, longCost)) {
                return OrderReason.MAX_POSITION;
            }
            if (longCost > spendable(book, limits, Math.subtractExact(available, coverCost))) {
                return OrderReason.INSUFFICIENT_CASH;
            }
            out.reservedCash = longCost;
        }
        return null;
    }

    /**
     * What a buy may spend: {@code available} (cash not reserved by open orders, less what a cover spends first) plus,
     * with leverage, the borrowing allowance on the book's equity now. A cash account reads no equity, so its check
     * is exactly the cash comparison it always was.
     */
    private static long spendable(final Book book, final RiskLimits limits, final long available) {
        if (!limits.leveraged()) {
            return available;
        }
        return Math.addExact(available, limits.borrowingAllowance(book.equity()));
    }

    /**
     * Whether buying {@code addedCost} more of an instrument takes the book's long in it (held at {@code price}, plus
     * what its open buys of it may still spend) above its position limit. (The global cap tightens every book's limit,
     * so all books together stay within it of their total equity.)
     */
    private static boolean longOverLimit(final Book book, final RiskLimits limits, final Reservations reserved,
                                         final int id, final long price, final long held, final long addedCost) {
        if (limits.maxPositionPct() == 0) {
            return false;
        }
        final long exposure = Math.addExact(Math.addExact(FixedPoint.multiply(price, Math.max(0, held)),
            reserved.cash(book.index(), id)), addedCost);
        return exposure > RiskLimits.percentOf(book.equity(), limits.maxPositionPct());
    }

    private boolean rateAllows(final int bookIndex, final long timeNanos) {
        return (bookIndex >= bookRates.length || bookRates[bookIndex].allows(timeNanos)) && globalRate.allows(timeNanos);
    }

    /** Writes the counters and the order-rate windows for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("risk").writeLongs(rejections, rejections.length);
        for (final OrderRate rate : bookRates) {
            rate.writeState(out);
        }
        globalRate.writeState(out);
    }

    /** Restores the counters and windows from a snapshot. */
    public void readState(final StateReader in) {
        in.section("risk").readLongsInto(rejections, "rejection counters");
        for (final OrderRate rate : bookRates) {
            rate.readState(in);
        }
        globalRate.readState(in);
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
