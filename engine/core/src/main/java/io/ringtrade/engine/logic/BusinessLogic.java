package io.ringtrade.engine.logic;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.book.BookSettlement;
import io.ringtrade.engine.output.EquityLog;
import io.ringtrade.engine.output.FillLog;
import io.ringtrade.engine.output.OrderLog;
import io.ringtrade.engine.risk.BookRules;
import io.ringtrade.engine.risk.PreTradeRisk;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;
import io.ringtrade.engine.venue.SimulatedVenue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Business logic (stage B of DESIGN.md §3): a pure, single-threaded function of the input sequence. Its stages
 * run fused, in this order, for every input: market state → simulated venue (orders placed earlier fill
 * against this input) → bars → strategies → pre-trade risk → order entry → books, with the equity recorder
 * closing a row whenever the bar time advances.
 *
 * <p>The same instance runs behind the Disruptor ring (paper run) and directly from a file (backtest); both
 * give identical outputs for identical inputs. It reads no clock: time comes from the events.
 *
 * <p>Owned by exactly one thread at a time (the ring's business-logic thread or the backtest thread).
 */
public final class BusinessLogic {
    private final InstrumentRegistry instruments;
    private final Book[] books;
    private final DecisionBook[] decisionBooks;
    private final MarketState market;
    private final SimulatedVenue venue;
    private final PreTradeRisk risk = new PreTradeRisk();
    private final OrderEntry orders;
    private final BookSettlement settlement;
    private final EquityRecorder equity;
    private final FillLog fillLog = new FillLog();
    private final EquityLog equityLog = new EquityLog();
    private final OrderLog orderLog = new OrderLog();
    private final RoundTripLog roundTrips = new RoundTripLog();
    private final Interval clockInterval;
    private final DecisionBook[][] booksByInstrument;
    /** Version of the {@link #snapshot} layout; bump when any component's state changes shape. */
    public static final int STATE_VERSION = 2;
    private final EngineEvent finishSlot = new EngineEvent();
    private final org.agrona.collections.LongHashSet seenSignalKeys = new org.agrona.collections.LongHashSet();
    private long duplicateSignals;
    private long invalidSignals;
    private long eventsProcessed;
    private long feedInputsProcessed;
    private long lastEventTimeNanos;
    /** The equity clock's current bar on tick input: derived from event times, so not part of snapshots. */
    private long clockBucketStart = Long.MAX_VALUE;
    private long clockBucketEnd = Long.MIN_VALUE;
    private boolean finished;

    /** Business logic for these books over the registered instruments. */
    public BusinessLogic(final InstrumentRegistry instruments, final List<BookSpec> specs) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no books configured");
        }
        this.instruments = instruments;
        final int instrumentCount = instruments.size();
        final Set<String> names = new HashSet<>();
        this.books = new Book[specs.size()];
        final BookRules[] rules = new BookRules[specs.size()];
        final long[] slippage = new long[specs.size()];
        Interval finest = null;
        final Set<Integer> tradedInstruments = new TreeSet<>();
        for (int i = 0; i < specs.size(); i++) {
            final BookSpec spec = specs.get(i);
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("duplicate book name " + spec.name());
            }
            books[i] = new Book(i, spec.name(), spec.cash(), instrumentCount, roundTrips);
            rules[i] = spec.rules();
            slippage[i] = spec.rules().slippageBps();
            finest = finest == null || spec.interval().nanos() < finest.nanos() ? spec.interval() : finest;
            for (final int id : spec.instruments()) {
                tradedInstruments.add(id);
            }
        }
        this.clockInterval = finest;
        this.market = new MarketState(instrumentCount);
        this.settlement = new BookSettlement(books, rules, instruments, fillLog, orderLog);
        this.venue = new SimulatedVenue(settlement, slippage);
        this.orders = new OrderEntry(venue, risk, orderLog, books, rules);
        this.decisionBooks = new DecisionBook[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            decisionBooks[i] = new DecisionBook(specs.get(i), books[i], instruments);
        }
        this.booksByInstrument = new DecisionBook[instrumentCount][];
        for (int id = 0; id < instrumentCount; id++) {
            final int instrument = id;
            booksByInstrument[id] = java.util.Arrays.stream(decisionBooks).filter(b -> b.trades(instrument))
                .toArray(DecisionBook[]::new);
        }
        this.equity = new EquityRecorder(books, market, equityLog,
            tradedInstruments.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Processes one input. Orders it causes are appended to {@code event.effects}. */
    public void onEvent(final EngineEvent event) {
        if (finished) {
            throw new IllegalStateException("input " + event.sequence + " after end of data");
        }
        eventsProcessed++;
        lastEventTimeNanos = event.eventTimeNanos;
        if (event.type == EventType.MARKET_DATA || event.type == EventType.EXTERNAL_SIGNAL) {
            feedInputsProcessed++;
        }
        orders.beginInput(event);
        switch (event.type) {
            case EventType.MARKET_DATA -> onMarketData(event);
            case EventType.COMMAND -> onCommand(event);
            case EventType.EXTERNAL_SIGNAL -> onSignal(event);
            default -> {
                // execution reports and timers are handled by later stages of the engine
            }
        }
    }

    private void onMarketData(final EngineEvent event) {
        final int instrument = event.instrumentId;
        final long time = event.eventTimeNanos;
        final DecisionBook[] subscribers = booksByInstrument[instrument];
        if (event.marketDataKind == MarketDataKind.BAR) {
            equity.onBarTime(time);
            venue.onBar(instrument, time, event.open, event.high, event.low);
            updatePrice(instrument, event.close);
            for (final DecisionBook book : subscribers) {
                book.onClosedBar(instrument, time, event.open, event.high, event.low, event.close, event.volume,
                    orders, venue);
            }
        } else if (event.marketDataKind == MarketDataKind.TRADE) {
            if (time >= clockBucketEnd || time < clockBucketStart) {
                // once per bar, not per tick: bucketStart allocates for calendar intervals
                clockBucketStart = clockInterval.bucketStart(time);
                clockBucketEnd = clockInterval.nextBucketStart(clockBucketStart);
            }
            equity.onBarTime(clockBucketStart);
            for (final DecisionBook book : subscribers) {
                book.closeBarBefore(instrument, time, orders, venue);
            }
            venue.onTick(instrument, time, event.price);
            updatePrice(instrument, event.price);
            for (final DecisionBook book : subscribers) {
                book.addTrade(instrument, time, event.price, event.quantity);
            }
        }
    }

    /**
     * An external signal: its idempotency key is checked first, so a sender's retry, or a signal journaled before
     * a crash and sent again after it, causes no second order.
     */
    private void onSignal(final EngineEvent event) {
        final int book = event.signalBook;
        final int instrument = event.instrumentId;
        if (book < 0 || book >= decisionBooks.length || instrument < 0 || instrument >= market.size()
            || !decisionBooks[book].trades(instrument)) {
            // an invalid signal does not use up its key: the sender's corrected resend with the same id still counts
            invalidSignals++;
            return;
        }
        if (!seenSignalKeys.add(event.signalKey)) {
            duplicateSignals++;
            return;
        }
        decisionBooks[book].onSignal(event, market.last(instrument), orders);
    }

    private void updatePrice(final int instrument, final long price) {
        market.update(instrument, price);
        for (final Book book : books) {
            book.mark(instrument, price);
        }
    }

    private void onCommand(final EngineEvent event) {
        switch (event.commandCode) {
            case CommandCode.END_OF_DATA -> closeOut();
            case CommandCode.CANCEL_ALL_ORDERS -> venue.cancelAll(event.commandTarget, "STOP", event.eventTimeNanos);
            default -> {
                // other commands (kill switch, pause) belong to later stages
            }
        }
    }

    /**
     * Ends the input: closes the bars still being built (their decisions may place orders, which stay open) and
     * writes the last equity row. Drivers call this after the last input instead of journaling an input, so a
     * journal can be replayed and then continued. {@code sequence} numbers the orders it may place (the next
     * input sequence). Idempotent.
     */
    public void finish(final long timeNanos, final long sequence) {
        if (finished) {
            return;
        }
        finishSlot.setCommand(timeNanos, CommandCode.END_OF_DATA, -1, 0);
        finishSlot.sequence = sequence;
        orders.beginInput(finishSlot);
        closeOut();
    }

    private void closeOut() {
        for (final DecisionBook book : decisionBooks) {
            book.closeAllBuiltBars(orders, venue);
        }
        equity.finish();
        finished = true;
    }

    /** True once the input has ended ({@link #finish} or an END_OF_DATA command). */
    public boolean isFinished() {
        return finished;
    }

    /** External signals ignored because their idempotency key was seen before. */
    public long duplicateSignals() {
        return duplicateSignals;
    }

    /** External signals ignored because their book or instrument does not exist or does not match. */
    public long invalidSignals() {
        return invalidSignals;
    }

    /**
     * The whole business-logic state as bytes: books, working orders, bars being built, bar histories and
     * indicators, logs, counters and seen signal keys. Restoring these bytes into business logic built from the same
     * configuration ({@link #restore}) and feeding it the inputs after the snapshot gives the same state as feeding
     * it every input. Decision functions are rebuilt from configuration, so they must keep no state of their own
     * between calls (the built-in ones keep none). Business-logic thread.
     */
    public byte[] snapshot() {
        final StateWriter out = new StateWriter();
        out.section("ringtrade-state").writeInt(STATE_VERSION).writeInt(books.length).writeInt(market.size());
        out.writeLong(eventsProcessed).writeLong(feedInputsProcessed).writeLong(lastEventTimeNanos).writeBoolean(finished)
            .writeLong(duplicateSignals).writeLong(invalidSignals);
        final long[] keys = new long[seenSignalKeys.size()];
        int n = 0;
        final org.agrona.collections.LongHashSet.LongIterator iterator = seenSignalKeys.iterator();
        while (iterator.hasNext()) {
            keys[n++] = iterator.nextValue();
        }
        java.util.Arrays.sort(keys); // canonical order: equal states give equal bytes
        out.writeLongs(keys);
        for (final Book book : books) {
            book.writeState(out);
        }
        for (final DecisionBook book : decisionBooks) {
            book.writeState(out);
        }
        market.writeState(out);
        venue.writeState(out);
        risk.writeState(out);
        orders.writeState(out);
        settlement.writeState(out);
        equity.writeState(out);
        fillLog.writeState(out);
        equityLog.writeState(out);
        orderLog.writeState(out);
        roundTrips.writeState(out);
        return out.toByteArray();
    }

    /**
     * Replaces the state of this freshly built business logic with a {@link #snapshot}'s.
     *
     * @throws io.ringtrade.engine.snapshot.SnapshotFormatException when the bytes were written by another version or
     *                                                              for another configuration
     */
    public void restore(final byte[] state) {
        if (eventsProcessed != 0) {
            throw new IllegalStateException("restore into fresh business logic only");
        }
        final StateReader in = new StateReader(state);
        in.section("ringtrade-state");
        in.expectInt(STATE_VERSION, "state version");
        in.expectInt(books.length, "number of books");
        in.expectInt(market.size(), "number of instruments");
        eventsProcessed = in.readLong();
        feedInputsProcessed = in.readLong();
        lastEventTimeNanos = in.readLong();
        finished = in.readBoolean();
        duplicateSignals = in.readLong();
        invalidSignals = in.readLong();
        for (final long key : in.readLongs()) {
            seenSignalKeys.add(key);
        }
        for (final Book book : books) {
            book.readState(in);
        }
        for (final DecisionBook book : decisionBooks) {
            book.readState(in);
        }
        market.readState(in);
        venue.readState(in);
        risk.readState(in);
        orders.readState(in);
        settlement.readState(in);
        equity.readState(in);
        fillLog.readState(in);
        equityLog.readState(in);
        orderLog.readState(in);
        roundTrips.readState(in);
        in.finish();
    }

    /** Market data and external signals processed: how far the feeds got. */
    public long feedInputsProcessed() {
        return feedInputsProcessed;
    }

    /** Event time of the last input processed (0 before any): where a stop after recovery stamps its command. */
    public long lastEventTimeNanos() {
        return lastEventTimeNanos;
    }

    /** Inputs processed. */
    public long eventsProcessed() {
        return eventsProcessed;
    }

    /** Orders accepted by risk. */
    public long ordersAccepted() {
        return orders.ordersAccepted();
    }

    /** Fills. */
    public long fills() {
        return settlement.fillCount();
    }

    /** Working orders at the venue. */
    public int workingOrders() {
        return venue.workingOrderCount();
    }

    /** The books, by index. */
    public Book[] books() {
        return books.clone();
    }

    /** Every fill so far. */
    public FillLog fillLog() {
        return fillLog;
    }

    /** One row per bar so far. */
    public EquityLog equityLog() {
        return equityLog;
    }

    /** Every order intent and its fate so far. */
    public OrderLog orderLog() {
        return orderLog;
    }

    /** Closed round trips so far. */
    public RoundTripLog roundTrips() {
        return roundTrips;
    }

    /** Pre-trade risk with its rejection counters. */
    public PreTradeRisk risk() {
        return risk;
    }

    /** The finest bar interval of the books (the equity row interval on tick input). */
    public Interval clockInterval() {
        return clockInterval;
    }

    /** The instruments registry. */
    public InstrumentRegistry instruments() {
        return instruments;
    }

    /** Total initial cash of all books. */
    public long initialCash() {
        return equity.initialCash();
    }
}
