package io.ringtrade.engine.api.event;

/**
 * One slot of the engine's ring: a mutable, reused holder for any input event (DESIGN.md §2) plus the
 * effects that input caused. Primitive fields only, so a slot is filled and journaled without allocation;
 * which fields are meaningful depends on {@link #type}.
 *
 * <p>Threads: a producer fills a claimed slot and publishes it; after that the journal stage and business
 * logic read it (business logic also writes {@link #effects}); the gateway reads it last. Nobody touches a slot
 * between those hand-offs, which the ring's sequence barriers order.
 *
 * <p>Units: times are epoch nanoseconds UTC; prices, quantities and money are fixed-point longs at 1e-8
 * ({@link io.ringtrade.engine.api.money.FixedPoint}).
 */
public final class EngineEvent {
    // ---- header --------------------------------------------------------------------------------------
    /** {@link EventType} code. */
    public int type;
    /** The event's own time (exchange or data time): the only time business logic reads. */
    public long eventTimeNanos;
    /** Monotonic clock ({@link System#nanoTime()}) read at publish: for latency measurement only. */
    public long ingressNanos;
    /**
     * Position of this input in the engine's input sequence (0, 1, 2, ...): the journal index in a journaled
     * run, the ordinal in a backtest. Order ids derive from it.
     */
    public long sequence;
    /** Interned instrument id, or -1 when the event is not about one instrument. */
    public int instrumentId;

    // ---- MARKET_DATA ---------------------------------------------------------------------------------
    /** {@link MarketDataKind} code. */
    public int marketDataKind;
    /** TRADE: trade price. */
    public long price;
    /** TRADE: traded quantity. */
    public long quantity;
    /** BAR: open. */
    public long open;
    /** BAR: high. */
    public long high;
    /** BAR: low. */
    public long low;
    /** BAR: close. */
    public long close;
    /** BAR: volume. */
    public long volume;
    /** QUOTE: best bid. */
    public long bidPrice;
    /** QUOTE: size at best bid. */
    public long bidQuantity;
    /** QUOTE: best ask. */
    public long askPrice;
    /** QUOTE: size at best ask. */
    public long askQuantity;

    // ---- EXTERNAL_SIGNAL -----------------------------------------------------------------------------
    /** Idempotency key: an alert id or a hash of the body; a repeat causes no second order. */
    public long signalKey;
    /** Interned id of the sender. */
    public int signalSource;
    /** +1 buy, -1 sell, 0 close/flat. */
    public int signalAction;
    /** How {@link #signalSize} is meant: {@link SignalSizeKind}. */
    public int signalSizeKind;
    /** Size, fixed-point. */
    public long signalSize;
    /** Price hint, fixed-point; 0 when none. */
    public long signalPrice;
    /** Interned tag id. */
    public int signalTag;
    /** Score or confidence, fixed-point. */
    public long signalScore;

    // ---- EXTERNAL_SIGNAL and COMMAND -------------------------------------------------------------------
    /**
     * Index of the book the input is for: a signal's book (senders name a book; the edge interns the name to its
     * index), a command's target book, or -1 for every book.
     */
    public int bookIndex;

    // ---- COMMAND -------------------------------------------------------------------------------------
    /** {@link CommandCode}. */
    public int commandCode;
    /** Command argument. */
    public long commandArgument;

    // ---- EXECUTION_REPORT ----------------------------------------------------------------------------
    /** Client order id the report is about. */
    public long clientOrderId;
    /** Venue's order id. */
    public long venueOrderId;
    /** {@link ReportKind} code and {@link VenueReason} code, packed by {@link ReportKind#pack}. */
    public int reportKind;
    /** Quantity filled by this report. */
    public long lastQuantity;
    /** Price of this fill. */
    public long lastPrice;
    /** Fee charged for this fill. */
    public long lastFee;

    // ---- derived, not journaled ----------------------------------------------------------------------
    /** Venue requests (orders, cancels) this input caused, for the gateway to release. */
    public final EffectList effects = new EffectList(8);

    /** Resets every input field so a reused slot carries nothing from its previous use. */
    public void clear() {
        type = EventType.NONE;
        eventTimeNanos = 0;
        ingressNanos = 0;
        sequence = 0;
        instrumentId = -1;
        marketDataKind = 0;
        price = 0;
        quantity = 0;
        open = 0;
        high = 0;
        low = 0;
        close = 0;
        volume = 0;
        bidPrice = 0;
        bidQuantity = 0;
        askPrice = 0;
        askQuantity = 0;
        signalKey = 0;
        signalSource = 0;
        signalAction = 0;
        signalSizeKind = 0;
        signalSize = 0;
        signalPrice = 0;
        signalTag = 0;
        signalScore = 0;
        bookIndex = -1;
        commandCode = 0;
        commandArgument = 0;
        clientOrderId = 0;
        venueOrderId = 0;
        reportKind = 0;
        lastQuantity = 0;
        lastPrice = 0;
        lastFee = 0;
        effects.clear();
    }

    /** Copies every input field (not the effects) from {@code other}. */
    public void copyInputFrom(final EngineEvent other) {
        type = other.type;
        eventTimeNanos = other.eventTimeNanos;
        ingressNanos = other.ingressNanos;
        sequence = other.sequence;
        instrumentId = other.instrumentId;
        marketDataKind = other.marketDataKind;
        price = other.price;
        quantity = other.quantity;
        open = other.open;
        high = other.high;
        low = other.low;
        close = other.close;
        volume = other.volume;
        bidPrice = other.bidPrice;
        bidQuantity = other.bidQuantity;
        askPrice = other.askPrice;
        askQuantity = other.askQuantity;
        signalKey = other.signalKey;
        signalSource = other.signalSource;
        signalAction = other.signalAction;
        signalSizeKind = other.signalSizeKind;
        signalSize = other.signalSize;
        signalPrice = other.signalPrice;
        signalTag = other.signalTag;
        signalScore = other.signalScore;
        bookIndex = other.bookIndex;
        commandCode = other.commandCode;
        commandArgument = other.commandArgument;
        clientOrderId = other.clientOrderId;
        venueOrderId = other.venueOrderId;
        reportKind = other.reportKind;
        lastQuantity = other.lastQuantity;
        lastPrice = other.lastPrice;
        lastFee = other.lastFee;
    }

    /** Fills this slot as a trade tick. */
    public EngineEvent setTrade(final int instrument, final long timeNanos, final long tradePrice, final long tradeQuantity) {
        clear();
        type = EventType.MARKET_DATA;
        marketDataKind = MarketDataKind.TRADE;
        instrumentId = instrument;
        eventTimeNanos = timeNanos;
        price = tradePrice;
        quantity = tradeQuantity;
        return this;
    }

    /** Fills this slot as a closed bar starting at {@code startNanos}. */
    public EngineEvent setBar(final int instrument, final long startNanos, final long o, final long h, final long l,
                              final long c, final long v) {
        clear();
        return setNextBar(instrument, startNanos, o, h, l, c, v);
    }

    /**
     * Fills a slot that holds a bar written by {@link #setBar} or by this method, and that nothing has written since but
     * its owner's {@code sequence} and {@code ingressNanos} (a backtest driver's private slot, which business logic only
     * reads): the same input fields as {@link #setBar} gives, without resetting again the fields a bar never sets.
     */
    public EngineEvent setNextBar(final int instrument, final long startNanos, final long o, final long h, final long l,
                                  final long c, final long v) {
        type = EventType.MARKET_DATA;
        marketDataKind = MarketDataKind.BAR;
        sequence = 0;
        ingressNanos = 0;
        instrumentId = instrument;
        eventTimeNanos = startNanos;
        open = o;
        high = h;
        low = l;
        close = c;
        volume = v;
        return this;
    }

    /** Fills this slot as an external signal for book {@code book} with idempotency key {@code key}. */
    public EngineEvent setSignal(final long timeNanos, final long key, final int book, final int instrument,
                                 final int action, final int sizeKind, final long size, final long limitPrice) {
        clear();
        type = EventType.EXTERNAL_SIGNAL;
        eventTimeNanos = timeNanos;
        signalKey = key;
        bookIndex = book;
        instrumentId = instrument;
        signalAction = action;
        signalSizeKind = sizeKind;
        signalSize = size;
        signalPrice = limitPrice;
        return this;
    }

    /** Fills this slot as a command for book {@code book} (-1 = every book). */
    public EngineEvent setCommand(final long timeNanos, final int code, final int book, final long argument) {
        clear();
        type = EventType.COMMAND;
        eventTimeNanos = timeNanos;
        commandCode = code;
        bookIndex = book;
        commandArgument = argument;
        return this;
    }

    /**
     * Fills this slot as a time advance to {@code timeNanos}: the engine clock's input, which fires the event
     * strategies' timers due by then when no other input arrives.
     */
    public EngineEvent setTimer(final long timeNanos) {
        clear();
        type = EventType.TIMER;
        eventTimeNanos = timeNanos;
        return this;
    }

    /** Fills this slot as an execution report from a live venue about order {@code clientOrder}. */
    public EngineEvent setReport(final long timeNanos, final long clientOrder, final long venueOrder, final int kind,
                                 final int reason, final long quantity, final long reportPrice, final long fee) {
        clear();
        type = EventType.EXECUTION_REPORT;
        eventTimeNanos = timeNanos;
        clientOrderId = clientOrder;
        venueOrderId = venueOrder;
        reportKind = ReportKind.pack(kind, reason);
        lastQuantity = quantity;
        lastPrice = reportPrice;
        lastFee = fee;
        return this;
    }
}
