package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.EventContext;
import io.ringtrade.engine.api.strategy.EventStrategy;
import io.ringtrade.engine.api.strategy.OrderStatus;
import io.ringtrade.engine.api.strategy.Tick;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.indicator.InstrumentBars;
import io.ringtrade.engine.indicator.PositionView;
import io.ringtrade.engine.market.MarketState;
import io.ringtrade.engine.order.Order;
import io.ringtrade.engine.order.OrderManager;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderRequest;
import io.ringtrade.engine.order.OrderTransition;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.util.Arrays;

/**
 * The strategy stage of one event-strategy book: calls the {@link EventStrategy}'s handlers and is its
 * {@link EventContext} and its {@link Tick} flyweight. Timers are due times in event time (part of the snapshot): each
 * input first fires the timers due at or before its time. Order transitions of the book are queued while the order
 * manager works (primitive arrays) and delivered as {@code onFill} / {@code onOrderUpdate} once it is done, so a
 * handler may place or cancel orders without re-entering a transition. Prices and quantities are converted to the tick
 * and lot without allocating: limit buys and sell stops round down, limit sells and buy stops up, quantities down.
 * Business-logic thread; allocation-free in the steady state (the queue grows only when a burst exceeds it).
 */
public final class EventDispatch implements EventContext, Tick {
    private static final long DISARMED = Long.MAX_VALUE;
    private static final int MAX_DELIVERIES = 1 << 16;
    private static final double SCALE = FixedPoint.SCALE;

    private final String bookName;
    private final Book book;
    private final EventStrategy strategy;
    private final OrderManager orders;
    private final MarketState market;
    private final InstrumentRegistry instruments;
    private final int[] traded;
    private boolean shortAllowed;
    private final InstrumentBars[] bars;
    private final ManagedPositions positions;
    private final OrderRequest request = new OrderRequest();
    private final long[] timers = new long[MAX_TIMERS];
    private boolean started;
    private long now;

    // the tick being handled
    private int tickInstrument;
    private boolean tickIsTrade;
    private double tickPrice;
    private double tickSize;
    private double tickBid;
    private double tickAsk;
    private double tickBidSize;
    private double tickAskSize;

    // queued order transitions: kind (0 update, 1 fill), order id, instrument, side, status, quantity, price
    private int queued;
    private int delivering = -1;
    private int[] queueKind = new int[64];
    private long[] queueOrder = new long[64];
    private int[] queueInstrument = new int[64];
    private int[] queueSide = new int[64];
    private long[] queueQuantity = new long[64];
    private long[] queuePrice = new long[64];

    /**
     * The stage for event strategy {@code strategy} of {@code book} trading {@code traded}, whose positions
     * {@code managed} protects (null: none).
     */
    public EventDispatch(final String bookName, final Book book, final EventStrategy strategy, final OrderManager orders,
                         final MarketState market, final InstrumentRegistry instruments, final int[] traded,
                         final boolean shortAllowed, final PositionView positions, final ManagedPositions managed) {
        this.bookName = bookName;
        this.book = book;
        this.strategy = strategy;
        this.orders = orders;
        this.market = market;
        this.instruments = instruments;
        this.traded = traded.clone();
        this.shortAllowed = shortAllowed;
        this.positions = managed;
        this.bars = new InstrumentBars[instruments.size()];
        for (final int id : traded) {
            bars[id] = new InstrumentBars(instruments.get(id), positions, strategy.indicators());
        }
        Arrays.fill(timers, DISARMED);
    }

    // ---- the engine's side ---------------------------------------------------------------------------------------

    /** An input at {@code timeNanos} arrives: the first one starts the strategy; due timers fire. */
    public void beforeInput(final long timeNanos) {
        if (!started) {
            started = true;
            now = timeNanos;
            strategy.onStart(this);
            deliver();
        }
        for (int id = 0; id < MAX_TIMERS; id++) {
            if (timers[id] <= timeNanos) {
                timers[id] = DISARMED;
                now = timeNanos;
                strategy.onTimer(this, id);
                deliver();
            }
        }
    }

    /** The event time the earliest armed timer is due at, or {@link Long#MAX_VALUE} when none is armed. */
    public long nextTimerNanos() {
        long earliest = DISARMED;
        for (final long due : timers) {
            earliest = Math.min(earliest, due);
        }
        return earliest;
    }

    /** A trade of a traded instrument, after the venue matched it. */
    public void onTrade(final int instrument, final long timeNanos, final long price, final long quantity) {
        deliver();
        now = timeNanos;
        tickInstrument = instrument;
        tickIsTrade = true;
        tickPrice = FixedPoint.toDouble(price);
        tickSize = FixedPoint.toDouble(quantity);
        tickBid = Double.NaN;
        tickAsk = Double.NaN;
        tickBidSize = Double.NaN;
        tickAskSize = Double.NaN;
        strategy.onTick(this, this);
        deliver();
    }

    /** A quote of a traded instrument. */
    public void onQuote(final int instrument, final long timeNanos, final long bid, final long bidQuantity,
                        final long ask, final long askQuantity) {
        deliver();
        now = timeNanos;
        tickInstrument = instrument;
        tickIsTrade = false;
        tickPrice = Double.NaN;
        tickSize = Double.NaN;
        tickBid = FixedPoint.toDouble(bid);
        tickAsk = FixedPoint.toDouble(ask);
        tickBidSize = FixedPoint.toDouble(bidQuantity);
        tickAskSize = FixedPoint.toDouble(askQuantity);
        strategy.onTick(this, this);
        deliver();
    }

    /** A closed bar of the book's interval. */
    public void onClosedBar(final int instrument, final long start, final long end, final long open, final long high,
                            final long low, final long close, final long volume) {
        final InstrumentBars instrumentBars = bars[instrument];
        instrumentBars.onBar(start, open, high, low, close, volume);
        deliver();
        now = end;
        strategy.onBar(this, instrumentBars.row());
        deliver();
    }

    /** An external signal for the book (after its idempotency check). */
    public void onSignal(final long timeNanos, final int instrument, final int side, final double size) {
        deliver();
        now = timeNanos;
        strategy.onSignal(this, instrument, side, size);
        deliver();
    }

    /** The end of the run. */
    public void onStop(final long timeNanos) {
        deliver();
        now = timeNanos;
        strategy.onStop(this);
        deliver();
    }

    /** An order transition (from the order manager, mid-transition): queued for {@link #deliver}. */
    public void onOrderEvent(final Order order, final OrderTransition transition, final long lastQuantity,
                             final long lastPrice) {
        if (order.bookIndex != book.index()) {
            return;
        }
        switch (transition) {
            case PARTIAL_FILL -> {
                enqueue(1, order, lastQuantity, lastPrice, 0);
                enqueue(0, order, 0, 0, OrderStatus.PARTIALLY_FILLED);
            }
            case FILL -> {
                enqueue(1, order, lastQuantity, lastPrice, 0);
                enqueue(0, order, 0, 0, OrderStatus.FILLED);
            }
            case ACK -> enqueue(0, order, 0, 0, OrderStatus.ACCEPTED);
            case CANCEL_ACK, WITHDRAW -> enqueue(0, order, 0, 0, OrderStatus.CANCELLED);
            case REJECT, RISK_REJECT -> enqueue(0, order, 0, 0, OrderStatus.REJECTED);
            case EXPIRE -> enqueue(0, order, 0, 0, OrderStatus.EXPIRED);
            case REPLACE_ACK -> enqueue(0, order, 0, 0, OrderStatus.REPLACED);
            case REPLACE_REJECT -> enqueue(0, order, 0, 0, OrderStatus.REPLACE_REJECTED);
            default -> {
                // decided, released, requests and refusals of requests: nothing the strategy acts on
            }
        }
    }

    private void enqueue(final int kind, final Order order, final long quantity, final long price, final int status) {
        if (queued == queueKind.length) {
            final int size = queued * 2;
            queueKind = Arrays.copyOf(queueKind, size);
            queueOrder = Arrays.copyOf(queueOrder, size);
            queueInstrument = Arrays.copyOf(queueInstrument, size);
            queueSide = Arrays.copyOf(queueSide, size);
            queueQuantity = Arrays.copyOf(queueQuantity, size);
            queuePrice = Arrays.copyOf(queuePrice, size);
        }
        queueKind[queued] = kind;
        queueOrder[queued] = order.id;
        queueInstrument[queued] = order.instrumentId;
        queueSide[queued] = kind == 1 ? order.side : status;
        queueQuantity[queued] = quantity;
        queuePrice[queued] = price;
        queued++;
    }

    /** Delivers the queued transitions in order; what the handlers cause is delivered in the same pass. */
    public void deliver() {
        if (delivering >= 0) {
            return;
        }
        delivering = 0;
        try {
            while (delivering < queued) {
                if (delivering >= MAX_DELIVERIES) {
                    throw new IllegalStateException("book " + bookName + ": the event strategy's handlers caused more "
                        + "than " + MAX_DELIVERIES + " order updates in one input (an order loop?)");
                }
                final int i = delivering++;
                if (queueKind[i] == 1) {
                    strategy.onFill(this, queueOrder[i], queueInstrument[i], queueSide[i],
                        FixedPoint.toDouble(queueQuantity[i]), FixedPoint.toDouble(queuePrice[i]));
                } else {
                    strategy.onOrderUpdate(this, queueOrder[i], queueSide[i]);
                }
            }
        } finally {
            queued = 0;
            delivering = -1;
        }
    }

    /** Whether this book trades {@code instrument}. */
    public boolean trades(final int instrument) {
        return instrument >= 0 && instrument < bars.length && bars[instrument] != null;
    }

    /** Writes the timers and bars for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("events " + bookName).writeBoolean(started).writeLongs(timers);
        for (final int id : traded) {
            bars[id].writeState(out);
        }
    }

    /** Restores what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        started = in.section("events " + bookName).readBoolean();
        in.readLongsInto(timers, "timers");
        for (final int id : traded) {
            bars[id].readState(in);
        }
    }

    // ---- EventContext ---------------------------------------------------------------------------------------------

    @Override
    public long timeNanos() {
        return now;
    }

    @Override
    public int instrument(final String symbol) {
        final Instrument instrument = instruments.find(symbol);
        return instrument != null && trades(instrument.id()) ? instrument.id() : -1;
    }

    @Override
    public double tickSize(final int instrument) {
        return FixedPoint.toDouble(instruments.get(instrument).tickSize());
    }

    @Override
    public double lotSize(final int instrument) {
        return FixedPoint.toDouble(instruments.get(instrument).lotSize());
    }

    @Override
    public double latestPrice(final int instrument) {
        final long last = market.last(instrument);
        return last > 0 ? FixedPoint.toDouble(last) : Double.NaN;
    }

    @Override
    public double position(final int instrument) {
        return FixedPoint.toDouble(book.position(instrument));
    }

    @Override
    public double cash() {
        return FixedPoint.toDouble(book.cash());
    }

    @Override
    public double reservedCash() {
        return FixedPoint.toDouble(orders.reservations().cash(book.index()));
    }

    @Override
    public double reservedCash(final long orderId) {
        final Order order = orders.openOrder(orderId);
        return order == null || order.bookIndex != book.index() ? 0 : FixedPoint.toDouble(order.reservedCash);
    }

    @Override
    public double equity() {
        return FixedPoint.toDouble(book.equity());
    }

    @Override
    public boolean shortAllowed() {
        return shortAllowed;
    }

    /** An operator allowed the book to go short, or stopped it ({@code allow_short}). */
    public void setShortAllowed(final boolean allowed) {
        this.shortAllowed = allowed;
    }

    @Override
    public int openOrders() {
        int count = 0;
        for (Order order = orders.openOrders().first(); order != null; order = orders.openOrders().next(order)) {
            if (order.bookIndex == book.index() && !protective(order)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public long submitLimit(final int instrument, final int side, final double quantity, final double price) {
        return submit(instrument, side, quantity, OrderType.LIMIT, price);
    }

    @Override
    public long submitMarket(final int instrument, final int side, final double quantity) {
        return submit(instrument, side, quantity, OrderType.MARKET, Double.NaN);
    }

    @Override
    public long submitStop(final int instrument, final int side, final double quantity, final double stopPrice) {
        return submit(instrument, side, quantity, OrderType.STOP, stopPrice);
    }

    private long submit(final int instrument, final int side, final double quantity, final int type,
                        final double price) {
        if (!trades(instrument) || (side != 1 && side != -1)) {
            return 0;
        }
        final Instrument target = instruments.get(instrument);
        final long units = lots(quantity, target.lotSize());
        final long onTick = type == OrderType.MARKET ? 0 : onTick(price, target.tickSize(), type, side);
        if (units <= 0 || (type != OrderType.MARKET && onTick <= 0)) {
            return 0;
        }
        request.clear();
        request.bookIndex = book.index();
        request.instrumentId = instrument;
        request.side = side;
        request.type = type;
        request.quantity = units;
        request.price = onTick;
        if (positions != null) {
            positions.makeRoom(instrument, side, units, now);
        }
        request.referencePrice = market.last(instrument);
        request.timeNanos = now;
        request.origin = OrderReason.STRATEGY;
        return orders.decide(request);
    }

    /** {@code quantity} as whole lots of {@code lot}, fixed-point; 0 when it is not a positive number in range. */
    private static long lots(final double quantity, final long lot) {
        if (!(quantity > 0) || quantity * SCALE >= Long.MAX_VALUE) {
            return 0;
        }
        return FixedPoint.roundDownToStep(Math.round(quantity * SCALE), lot);
    }

    /**
     * {@code price} of an order of {@code type} on {@code side} on the tick, never more aggressive than asked (a limit
     * sell and a stop buy round up, a limit buy and a stop sell down); 0 when it is not a positive number in range.
     */
    private static long onTick(final double price, final long tick, final int type, final int side) {
        if (!(price > 0 && price * SCALE < Long.MAX_VALUE)) {
            return 0;
        }
        final long exact = Math.round(price * SCALE);
        final long floor = exact - Math.floorMod(exact, tick);
        final boolean roundUp = (type == OrderType.LIMIT) == (side < 0);
        return roundUp && floor != exact ? floor + tick : floor;
    }

    /** Whether {@code order} is one of the engine's protective orders (managed positions), not the strategy's. */
    private boolean protective(final Order order) {
        return positions != null && positions.protects(order.id, order.instrumentId);
    }

    @Override
    public boolean cancel(final long orderId) {
        final Order order = orders.openOrder(orderId);
        return order != null && order.bookIndex == book.index()
            && orders.requestCancel(orderId, OrderReason.REQUESTED, now);
    }

    @Override
    public boolean replace(final long orderId, final double quantity, final double price) {
        final Order order = orders.openOrder(orderId);
        if (order == null || order.bookIndex != book.index() || protective(order)
            || order.type == OrderType.MARKET) {
            return false;
        }
        final Instrument target = instruments.get(order.instrumentId);
        final long units = lots(quantity, target.lotSize());
        final long onTick = onTick(price, target.tickSize(), order.type, order.side);
        return units > 0 && onTick > 0
            && orders.requestReplace(orderId, units, onTick, market.last(order.instrumentId), now, request);
    }

    @Override
    public int cancelAll() {
        if (positions == null) {
            return orders.cancelAll(book.index(), -1, OrderReason.REQUESTED, now);
        }
        // the strategy's own orders only: the engine keeps protecting the position
        int cancelled = 0;
        Order order = orders.openOrders().first();
        while (order != null) {
            // the simulated venue acks a cancel at once, which closes the order: step on before asking
            final Order next = orders.openOrders().next(order);
            if (order.bookIndex == book.index() && !protective(order)
                && orders.requestCancel(order.id, OrderReason.REQUESTED, now)) {
                cancelled++;
            }
            order = next;
        }
        return cancelled;
    }

    @Override
    public void setTimer(final int timerId, final long delayNanos) {
        if (timerId < 0 || timerId >= MAX_TIMERS || delayNanos < 0) {
            throw new IllegalArgumentException("book " + bookName + ": timer " + timerId + " with delay " + delayNanos
                + " (ids 0 to " + (MAX_TIMERS - 1) + ", delays ≥ 0)");
        }
        timers[timerId] = now + delayNanos;
    }

    @Override
    public void cancelTimer(final int timerId) {
        timers[timerId] = DISARMED;
    }

    // ---- Tick -------------------------------------------------------------------------------------------------------

    @Override
    public int instrument() {
        return tickInstrument;
    }

    @Override
    public boolean isTrade() {
        return tickIsTrade;
    }

    @Override
    public double price() {
        return tickPrice;
    }

    @Override
    public double size() {
        return tickSize;
    }

    @Override
    public double bid() {
        return tickBid;
    }

    @Override
    public double ask() {
        return tickAsk;
    }

    @Override
    public double bidSize() {
        return tickBidSize;
    }

    @Override
    public double askSize() {
        return tickAskSize;
    }
}
