package io.ringtrade.engine.logic;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EffectList;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.ExecutionReport;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.venue.Venue;
import io.ringtrade.engine.bar.BookBarBuilder;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.book.FillSettlement;
import io.ringtrade.engine.market.MarketState;
import io.ringtrade.engine.order.OrderManager;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderRequest;
import io.ringtrade.engine.output.EquityRecorder;
import io.ringtrade.engine.output.OutputRows;
import io.ringtrade.engine.output.OutputStreams;
import io.ringtrade.engine.report.PerformanceAccumulator;
import io.ringtrade.engine.report.PerformanceSummary;
import io.ringtrade.engine.risk.CostEstimate;
import io.ringtrade.engine.risk.PreTradeRisk;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.signal.ExternalSignals;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;
import io.ringtrade.engine.strategy.DecisionDispatch;
import io.ringtrade.engine.strategy.DecisionSizing;
import io.ringtrade.engine.venue.SimulatedFillModel;
import io.ringtrade.engine.venue.SimulatedVenue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Business logic (stage B of DESIGN.md §3): a pure, single-threaded function of the input sequence. Its stages are
 * separate classes, run fused in this order for every input:
 * <pre>
 *   market data → books close their built bars (BookBarBuilder) → simulated venue fills earlier orders
 *               → market state and marks → bars → strategies (DecisionDispatch) → sizing (DecisionSizing)
 *   signals     → idempotency and conversion (ExternalSignals)
 *   commands    → cancel-all, skip
 *   reports     → order manager
 *   every order → order manager (ids, pre-trade risk, reservations, effects) → venue → reports → settlement → books
 *   results     → output streams (rows, streaming metrics); equity recorder at each new bar time
 * </pre>
 * The same instance runs behind the Disruptor ring (paper run) and directly from a file or journal (backtest,
 * replay, recovery); both give identical outputs for identical inputs. It reads no clock: time comes from the events.
 *
 * <p>Owned by exactly one thread at a time (the ring's business-logic thread or the thread driving it directly).
 */
public final class BusinessLogic {
    /** Version of the {@link #snapshot} layout; bump when any component's state changes shape. */
    public static final int STATE_VERSION = 3;

    private final InstrumentRegistry instruments;
    private final Book[] books;
    private final BookSpec[] specs;
    private final BookBarBuilder[] barBuilders;
    private final DecisionDispatch[] strategies;
    private final BookBarBuilder.ClosedBarListener[] closedBars;
    private final CostEstimate[] costs;
    private final MarketState market;
    private final SimulatedVenue venue;
    private final PreTradeRisk risk = new PreTradeRisk();
    private final FillSettlement settlement;
    private final OrderManager orders;
    private final ExternalSignals signals = new ExternalSignals();
    private final OutputStreams outputs;
    private final EquityRecorder equity;
    private final Interval clockInterval;
    private final int[][] booksByInstrument;
    private final long tradingStartNanos;
    private final OrderRequest request = new OrderRequest();
    private final ExecutionReport report = new ExecutionReport();
    private final EffectList finishEffects = new EffectList(8);
    private long eventsProcessed;
    private long feedInputsProcessed;
    private long lastEventTimeNanos;
    private long clockBucketStart = Long.MAX_VALUE;
    private long clockBucketEnd = Long.MIN_VALUE;
    private boolean finished;

    /** Business logic for these books over the registered instruments, with default settings (no outputs). */
    public BusinessLogic(final InstrumentRegistry instruments, final List<BookSpec> specs) {
        this(instruments, specs, LogicSettings.DEFAULT);
    }

    /** Business logic for these books over the registered instruments. */
    public BusinessLogic(final InstrumentRegistry instruments, final List<BookSpec> specs, final LogicSettings settings) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no books configured");
        }
        this.instruments = instruments;
        this.specs = specs.toArray(BookSpec[]::new);
        final int instrumentCount = instruments.size();
        final int bookCount = specs.size();
        final Set<String> names = new HashSet<>();
        Interval finest = null;
        final Set<Integer> tradedInstruments = new TreeSet<>();
        long initialCash = 0;
        for (final BookSpec spec : specs) {
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("duplicate book name " + spec.name());
            }
            finest = finest == null || spec.interval().nanos() < finest.nanos() ? spec.interval() : finest;
            for (final int id : spec.instruments()) {
                tradedInstruments.add(id);
            }
            initialCash = Math.addExact(initialCash, spec.cash());
        }
        this.clockInterval = finest;
        this.tradingStartNanos = settings.tradingStartNanos();
        final double periodsPerYear = settings.periodsPerYear() > 0 ? settings.periodsPerYear() : finest.periodsPerYear();
        this.outputs = new OutputStreams(settings.outputs(),
            new PerformanceAccumulator(initialCash, periodsPerYear, settings.riskFreeRate()));
        this.books = new Book[bookCount];
        this.costs = new CostEstimate[bookCount];
        final RiskLimits[] limits = new RiskLimits[bookCount];
        final SimulatedFillModel[] models = new SimulatedFillModel[bookCount];
        final boolean[] shortAllowed = new boolean[bookCount];
        for (int i = 0; i < bookCount; i++) {
            final BookSpec spec = this.specs[i];
            books[i] = new Book(i, spec.name(), spec.cash(), instrumentCount, outputs);
            costs[i] = spec.fillModel().costEstimate();
            limits[i] = spec.limits();
            models[i] = spec.fillModel();
            shortAllowed[i] = spec.limits().allowShort();
        }
        this.market = new MarketState(instrumentCount);
        this.settlement = new FillSettlement(books, outputs);
        this.venue = new SimulatedVenue(instruments, books, models, shortAllowed);
        final Venue[] venues = new Venue[bookCount];
        Arrays.fill(venues, venue);
        this.orders = new OrderManager(instruments, books, limits, costs, venues, risk, settlement, outputs);
        venue.connect(orders);
        this.barBuilders = new BookBarBuilder[bookCount];
        this.strategies = new DecisionDispatch[bookCount];
        this.closedBars = new BookBarBuilder.ClosedBarListener[bookCount];
        for (int i = 0; i < bookCount; i++) {
            final BookSpec spec = this.specs[i];
            final Book book = books[i];
            barBuilders[i] = new BookBarBuilder(spec.interval(), settings.inputBars(), spec.instruments(), instrumentCount);
            strategies[i] = new DecisionDispatch(spec.name(), spec.strategy(), spec.instruments(), instruments,
                held -> book.position(held) != 0);
            final int bookIndex = i;
            closedBars[i] = (instrument, start, end, open, high, low, close, volume) ->
                onClosedBar(bookIndex, instrument, start, end, open, high, low, close, volume);
        }
        this.booksByInstrument = new int[instrumentCount][];
        for (int id = 0; id < instrumentCount; id++) {
            final List<Integer> subscribers = new ArrayList<>();
            for (int b = 0; b < bookCount; b++) {
                if (barBuilders[b].trades(id)) {
                    subscribers.add(b);
                }
            }
            booksByInstrument[id] = subscribers.stream().mapToInt(Integer::intValue).toArray();
        }
        this.equity = new EquityRecorder(books, market, outputs,
            tradedInstruments.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Processes one input. The venue requests it causes are appended to {@code event.effects}. */
    public void onEvent(final EngineEvent event) {
        if (finished) {
            throw new IllegalStateException("input " + event.sequence + " after end of data");
        }
        eventsProcessed++;
        lastEventTimeNanos = event.eventTimeNanos;
        if (event.type == EventType.MARKET_DATA || event.type == EventType.EXTERNAL_SIGNAL) {
            feedInputsProcessed++;
        }
        orders.beginInput(event.sequence, event.effects);
        switch (event.type) {
            case EventType.MARKET_DATA -> onMarketData(event);
            case EventType.EXTERNAL_SIGNAL -> onSignal(event);
            case EventType.COMMAND -> onCommand(event);
            case EventType.EXECUTION_REPORT -> orders.onReport(report.copyFrom(event));
            case EventType.TIMER -> {
                // a time advance: nothing in business logic is scheduled by time yet
            }
            default -> throw new IllegalStateException("input " + event.sequence + " has unknown event type "
                + event.type);
        }
    }

    private void onMarketData(final EngineEvent event) {
        final int instrument = event.instrumentId;
        if (instrument < 0 || instrument >= booksByInstrument.length) {
            throw new IllegalStateException("input " + event.sequence + " names instrument " + instrument
                + ", which is not registered (" + booksByInstrument.length + " instruments)");
        }
        final long time = event.eventTimeNanos;
        final int[] subscribers = booksByInstrument[instrument];
        switch (event.marketDataKind) {
            case MarketDataKind.BAR -> {
                advanceClock(time);
                for (final int book : subscribers) {
                    barBuilders[book].closeBefore(instrument, time, closedBars[book]);
                }
                venue.onBar(instrument, time, event.open, event.high, event.low, event.volume);
                updatePrice(instrument, event.open, event.close, time);
                for (final int book : subscribers) {
                    barBuilders[book].onBar(instrument, time, event.open, event.high, event.low, event.close,
                        event.volume, closedBars[book]);
                }
            }
            case MarketDataKind.TRADE -> {
                advanceClock(time);
                for (final int book : subscribers) {
                    barBuilders[book].closeBefore(instrument, time, closedBars[book]);
                }
                venue.onTick(instrument, time, event.price, event.quantity);
                updatePrice(instrument, event.price, event.price, time);
                for (final int book : subscribers) {
                    barBuilders[book].addTrade(instrument, time, event.price, event.quantity);
                }
            }
            case MarketDataKind.QUOTE -> {
                // quotes are journaled for event strategies; no stage of decision books reads them
            }
            default -> throw new IllegalStateException("input " + event.sequence + " has unknown market data kind "
                + event.marketDataKind);
        }
    }

    /** The equity row of a bar is written when the first input of a later bar (of the finest interval) arrives. */
    private void advanceClock(final long time) {
        if (time < tradingStartNanos) {
            return;
        }
        if (time >= clockBucketEnd || time < clockBucketStart) {
            // once per bar, not per tick: bucketStart allocates for calendar intervals
            clockBucketStart = clockInterval.bucketStart(time);
            clockBucketEnd = clockInterval.nextBucketStart(clockBucketStart);
        }
        equity.onBarTime(clockBucketStart);
    }

    private void onClosedBar(final int bookIndex, final int instrument, final long start, final long end,
                             final long open, final long high, final long low, final long close, final long volume) {
        final int decision = strategies[bookIndex].decide(instrument, start, open, high, low, close, volume);
        if (decision == DecisionStrategy.HOLD || start < tradingStartNanos) {
            return;
        }
        final BookSpec spec = specs[bookIndex];
        if (DecisionSizing.size(request, decision, books[bookIndex], instrument, close, end,
            orders.reservations().cash(bookIndex), instruments.get(instrument).lotSize(), costs[bookIndex],
            spec.instruments().length, spec.limits().allowShort())) {
            orders.decide(request);
        }
        if (spec.fillModel().fillAtClose()) {
            venue.fillAtClose(bookIndex, instrument, close, volume, end);
            // a fill marks the book at its slipped price; the bar's equity values positions at the close
            books[bookIndex].mark(instrument, close);
        }
    }

    /**
     * An external signal: its idempotency key is checked first, so a sender's retry, or a signal journaled before
     * a crash and sent again after it, causes no second order. An invalid signal does not use up its key.
     */
    private void onSignal(final EngineEvent event) {
        final int book = event.bookIndex;
        final int instrument = event.instrumentId;
        if (book < 0 || book >= books.length || instrument < 0 || instrument >= market.size()
            || !barBuilders[book].trades(instrument)) {
            signals.countInvalid();
            return;
        }
        if (!signals.firstTime(event)) {
            return;
        }
        if (ExternalSignals.toRequest(event, books[book], market.last(instrument), instruments.get(instrument).lotSize(),
            request)) {
            orders.decide(request);
        }
    }

    private void updatePrice(final int instrument, final long opening, final long price, final long time) {
        market.update(instrument, opening, price, time >= tradingStartNanos);
        for (final Book book : books) {
            book.mark(instrument, price);
        }
    }

    private void onCommand(final EngineEvent event) {
        switch (event.commandCode) {
            case CommandCode.END_OF_DATA -> closeOut();
            case CommandCode.CANCEL_ALL_ORDERS -> orders.cancelAll(event.bookIndex, -1, OrderReason.STOP,
                event.eventTimeNanos);
            case CommandCode.SKIP_ENTRY -> {
                // the journal reader passed over the named entry; a passed-over feed input still moves the feed's
                // position, or a restart would publish the feed's last journaled input a second time
                if (event.bookIndex == EventType.MARKET_DATA || event.bookIndex == EventType.EXTERNAL_SIGNAL) {
                    feedInputsProcessed++;
                }
            }
            default -> throw new IllegalStateException("input " + event.sequence + " is command "
                + CommandCode.name(event.commandCode) + ", which this engine does not know");
        }
    }

    /**
     * Ends the input: closes the bars still being built (their decisions may place orders, which stay open and are
     * never released) and writes the last equity row. Drivers call this after the last input instead of journaling
     * an input, so a journal can be replayed and then continued. Its orders continue the client order ids of the
     * last input processed, so no later input can reuse them. Idempotent.
     */
    public void finish() {
        if (finished) {
            return;
        }
        orders.beginFinish(finishEffects);
        closeOut();
    }

    private void closeOut() {
        for (int b = 0; b < barBuilders.length; b++) {
            barBuilders[b].closeAll(closedBars[b]);
        }
        equity.finish();
        finished = true;
    }

    /** True once the input has ended ({@link #finish} or an END_OF_DATA command). */
    public boolean isFinished() {
        return finished;
    }

    // ---- snapshots ----------------------------------------------------------------------------------------------

    /**
     * The whole business-logic state as bytes: books, open orders and the venue's working orders, bars being built,
     * bar histories and indicators, strategy state cells, seen signal keys, running metrics, output row counts and
     * counters. Only state: rows already emitted are in the output files, not here. Restoring these bytes into
     * business logic built from the same configuration ({@link #restore}) and feeding it the inputs after the
     * snapshot gives the same state and the same rows as feeding it every input. Business-logic thread.
     */
    public byte[] snapshot() {
        final StateWriter out = new StateWriter();
        out.section("ringtrade-state").writeInt(STATE_VERSION).writeInt(books.length).writeInt(market.size());
        out.writeLong(eventsProcessed).writeLong(feedInputsProcessed).writeLong(lastEventTimeNanos).writeBoolean(finished);
        signals.writeState(out);
        for (final Book book : books) {
            book.writeState(out);
        }
        for (int b = 0; b < books.length; b++) {
            barBuilders[b].writeState(out);
            strategies[b].writeState(out);
            specs[b].state().writeState(out);
        }
        market.writeState(out);
        venue.writeState(out);
        risk.writeState(out);
        orders.writeState(out);
        settlement.writeState(out);
        equity.writeState(out);
        outputs.writeState(out);
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
        signals.readState(in);
        for (final Book book : books) {
            book.readState(in);
        }
        for (int b = 0; b < books.length; b++) {
            barBuilders[b].readState(in);
            strategies[b].readState(in);
            specs[b].state().readState(in);
        }
        market.readState(in);
        venue.readState(in);
        risk.readState(in);
        orders.readState(in);
        settlement.readState(in);
        equity.readState(in);
        outputs.readState(in);
        in.finish();
    }

    // ---- reads --------------------------------------------------------------------------------------------------

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

    /** Orders that passed risk and went to a venue. */
    public long ordersAccepted() {
        return orders.ordersReleased();
    }

    /** Fills. */
    public long fills() {
        return settlement.fillCount();
    }

    /** Working orders at the simulated venue. */
    public int workingOrders() {
        return venue.workingOrderCount();
    }

    /** The books, by index (the array itself: callers must not change it). */
    public Book[] books() {
        return books;
    }

    /** Pre-trade risk with its rejection counters. */
    public PreTradeRisk risk() {
        return risk;
    }

    /** The order manager (open orders, reservations, anomalies). */
    public OrderManager orders() {
        return orders;
    }

    /** The external-signal stage (duplicate and invalid counters). */
    public ExternalSignals signals() {
        return signals;
    }

    /** The finest bar interval of the books (the equity row interval). */
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

    /** Rows emitted to each output stream so far. */
    public OutputRows outputRows() {
        return outputs.rows();
    }

    /** The performance metrics of the rows so far. */
    public PerformanceSummary summary() {
        return outputs.performance().summary();
    }
}
