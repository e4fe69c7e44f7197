package io.ringtrade.engine.api.strategy;

/**
 * What an {@link EventStrategy} reads and trades through. Prices and quantities are doubles converted at the edge to
 * the instrument's tick (limit buys and stops that sell round down, limit sells and stops that buy round up: never more
 * aggressive than asked) and lot (rounded down); every order goes through pre-trade risk like any other. Orders are
 * identified by their client order id. Every method is allocation-free. Owned by the business-logic thread; valid only
 * during a handler call.
 */
public interface EventContext {
    /** Most timers a strategy may have ({@link #setTimer} ids 0 to this − 1). */
    int MAX_TIMERS = 8;

    /** Event time now, epoch nanoseconds UTC. */
    long timeNanos();

    /** The interned id of one of the book's instruments, or −1 when the book does not trade it. */
    int instrument(String symbol);

    /** The instrument's tick size as a number. */
    double tickSize(int instrument);

    /** The instrument's lot size as a number. */
    double lotSize(int instrument);

    /** The latest trade price (or mid of the latest quote) of the instrument, NaN before any. */
    double latestPrice(int instrument);

    /** The book's signed position (negative = short). */
    double position(int instrument);

    /** The book's cash. */
    double cash();

    /** Cash the book's open orders reserve (what a buy cannot spend). */
    double reservedCash();

    /** Cash one of the book's open orders reserves (0 for a sell, or an order that is not open). */
    double reservedCash(long orderId);

    /** The book's equity (cash plus positions at their latest prices). */
    double equity();

    /** Whether the book may go short. */
    boolean shortAllowed();

    /** The book's open orders (decided, not yet terminal), without the engine's protective orders (managed exits). */
    int openOrders();

    /** A limit order; returns its id, or 0 when refused (risk, a zero size after rounding). {@code side} +1 or −1. */
    long submitLimit(int instrument, int side, double quantity, double price);

    /** A market order; returns its id, or 0 when refused. */
    long submitMarket(int instrument, int side, double quantity);

    /** A stop order (a market order once the price reaches {@code stopPrice}); returns its id, or 0 when refused. */
    long submitStop(int instrument, int side, double quantity, double stopPrice);

    /** Asks to cancel one open order; false when it is not open (or a cancel is already pending). */
    boolean cancel(long orderId);

    /**
     * Asks the venue to change one of the strategy's open limit or stop orders to a new total {@code quantity} (what
     * has filled included) and {@code price}, rounded as a new order's are; the order keeps its id (a venue may move it
     * to the back of its queue). The answer comes as {@code onOrderUpdate}: {@link OrderStatus#REPLACED} (the new
     * values work) or {@link OrderStatus#REPLACE_REJECTED} (the old ones keep working; it may also have filled or
     * ended meanwhile). Returns false, changing nothing, when the order is not the strategy's open limit or stop order,
     * a cancel or replace of it is pending, the new quantity is not above what has filled, pre-trade risk refuses the
     * new values (judged as a new order for the rest), or the venue cannot replace in place (XChange's generic API,
     * whose replace is a cancel and a new order: cancel and place instead).
     */
    boolean replace(long orderId, double quantity, double price);

    /** Asks to cancel every open order of the book but the engine's protective ones (managed exits); returns how many. */
    int cancelAll();

    /** Arms timer {@code timerId} (0 to {@link #MAX_TIMERS} − 1) to fire {@code delayNanos} after now (event time). */
    void setTimer(int timerId, long delayNanos);

    /** Disarms a timer. */
    void cancelTimer(int timerId);
}
