package io.ringtrade.engine.logic;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EffectList;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.ExecutionReport;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.api.event.Notification;
import io.ringtrade.engine.api.event.TradingCommand;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.market.TradingCalendar;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.EventStrategy;
import io.ringtrade.engine.api.strategy.IterationStrategy;
import io.ringtrade.engine.api.strategy.PositionRules;
import io.ringtrade.engine.api.venue.Venue;
import io.ringtrade.engine.audit.AuditKind;
import io.ringtrade.engine.bar.BookBarBuilder;
import io.ringtrade.engine.indicator.PositionView;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.book.BorrowingCost;
import io.ringtrade.engine.book.FillSettlement;
import io.ringtrade.engine.market.MarketState;
import io.ringtrade.engine.order.Order;
import io.ringtrade.engine.order.OrderManager;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderRequest;
import io.ringtrade.engine.order.OrderTransition;
import io.ringtrade.engine.output.EquityRecorder;
import io.ringtrade.engine.output.OutputRows;
import io.ringtrade.engine.output.OutputFiles;
import io.ringtrade.engine.output.OutputStreams;
import io.ringtrade.engine.output.RecentFills;
import io.ringtrade.engine.report.PerformanceAccumulator;
import io.ringtrade.engine.report.PerformanceSummary;
import io.ringtrade.engine.risk.CostEstimate;
import io.ringtrade.engine.risk.DailyLoss;
import io.ringtrade.engine.risk.HaltCause;
import io.ringtrade.engine.risk.PreTradeRisk;
import io.ringtrade.engine.risk.RiskLimit;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.risk.RiskSettings;
import io.ringtrade.engine.risk.TradingState;
import io.ringtrade.engine.risk.TradingStates;
import io.ringtrade.engine.signal.ExternalSignals;
import io.ringtrade.engine.snapshot.SnapshotFormatException;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;
import io.ringtrade.engine.strategy.DecisionDispatch;
import io.ringtrade.engine.strategy.DecisionSizing;
import io.ringtrade.engine.strategy.EventDispatch;
import io.ringtrade.engine.strategy.IterationDispatch;
import io.ringtrade.engine.strategy.ManagedPositions;
import io.ringtrade.engine.venue.SimulatedFillModel;
import io.ringtrade.engine.venue.SimulatedVenue;

import java.math.RoundingMode;
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
 *   commands    → cancel-all, skip, trading states (kill switch, books), pause/resume, close a position
 *   reports     → order manager
 *   every order → order manager (ids, pre-trade risk, reservations, effects) → venue → reports → settlement → books
 *   results     → output streams (rows, streaming metrics, large transactions, audit lines); equity recorder at
 *                 each new bar time
 *   every input → daily-loss baselines at a new UTC day; after prices or fills move, the daily-loss check
 * </pre>
 * Trading states ({@link TradingStates}) change only through journaled commands or what an input causes (a
 * daily-loss breach, an anomaly), so they replay like everything else and are part of the snapshot.
 * The same instance runs behind the Disruptor ring (paper run) and directly from a file or journal (backtest,
 * replay, recovery); both give identical outputs for identical inputs. It reads no clock: time comes from the events.
 *
 * <p>Owned by exactly one thread at a time (the ring's business-logic thread or the thread driving it directly).
 */
public final class BusinessLogic {
    /** Version of the {@link #snapshot} layout; bump when any component's state changes shape. */
    public static final int STATE_VERSION = 17;

    private final InstrumentRegistry instruments;
    private final Book[] books;
    private final BookSpec[] specs;
    private final BookBarBuilder[] barBuilders;
    private final DecisionDispatch[] strategies;
    private final ManagedPositions[] managed;
    private final IterationDispatch[] iterations;
    private final EventDispatch[] events;
    /** Whether any book is an event book: only they have timers to fire before an input. */
    private final boolean anyEventBook;
    /**
     * Whether any book keeps a maintenance margin, checked after prices move or fills settle (asked on every input;
     * an operator's change of a margin recomputes it).
     */
    private boolean marginChecked;
    /** Whether any book has a stage after each input (event, iteration or managed positions). */
    private final boolean anyStageAfterInput;
    private final BookBarBuilder.ClosedBarListener[] closedBars;
    private final CostEstimate[] costs;
    private final MarketState market;
    private final SimulatedVenue venue;
    private final PreTradeRisk risk;
    /** Each book's limits in force: its own with the global caps applied. */
    private final RiskLimits[] limits;
    /** Each book's own limits: the configuration's, as operators changed them since ({@link RiskLimit}). */
    private final RiskLimits[] ownLimits;
    /** The engine-wide caps, as operators changed them since the start. */
    private RiskSettings riskSettings;
    private final TradingStates states;
    private final DailyLoss dailyLoss;
    private final BorrowingCost borrowing;
    /** Writes each day's charges to the audit log; halts a book whose charge would leave the fixed-point range. */
    private final BorrowingCost.Listener borrowingCharges = new BorrowingCost.Listener() {
        @Override
        public void charged(final int book, final long dayStartNanos, final long cashBefore, final long ratePct,
                            final long interest) {
            outputs.audit(lastEventTimeNanos, AuditKind.INTEREST, book, -1, interest, cashBefore, dayStartNanos, ratePct,
                0, 0);
        }

        @Override
        public void shortFeeCharged(final int book, final long dayStartNanos, final long shortValue, final long feePct,
                                    final long fee) {
            outputs.audit(lastEventTimeNanos, AuditKind.SHORT_FEE, book, -1, fee, shortValue, dayStartNanos, feePct,
                0, 0);
        }

        @Override
        public void overflow(final int book, final long dayStartNanos) {
            orders.haltForAnomaly(book, "what it borrows costs, for the day of "
                + OutputFiles.isoTime(dayStartNanos).substring(0, 10) + ", more than the fixed-point range holds; no"
                + " more is charged");
        }
    };
    private final boolean liveVenue;
    private final FillSettlement settlement;
    private final OrderManager orders;
    private final ExternalSignals signals = new ExternalSignals();
    private final OutputStreams outputs;
    private final EquityRecorder equity;
    private final Interval clockInterval;
    private final int[][] booksByInstrument;
    /** Scratch for closing several books' bars in the order of their ends (decision time order). */
    private final int[] closingBooks;
    private final long[] closingEnds;
    private final long tradingStartNanos;
    /** Bars also close once a TIMER input passes their end by this much; -1: only at the next input. */
    private final long barCloseDelayNanos;
    private final OrderRequest request = new OrderRequest();
    private final ExecutionReport report = new ExecutionReport();
    private final EffectList finishEffects = new EffectList(8);
    private long eventsProcessed;
    private final long[] eventsByType = new long[EventType.TIMER + 1];
    private final PerformanceAccumulator[] bookPerformance;
    private long feedInputsProcessed;
    private long lastEventTimeNanos;
    private long lastSequence = -1;
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
        this.barCloseDelayNanos = settings.barCloseDelayNanos();
        final double periodsPerYear = settings.periodsPerYear() > 0 ? settings.periodsPerYear()
            : periodsPerYear(finest, instruments, tradedInstruments);
        final RiskSettings riskSettings = settings.risk();
        this.riskSettings = riskSettings;
        this.ownLimits = new RiskLimits[bookCount];
        this.outputs = new OutputStreams(settings.outputs(),
            new PerformanceAccumulator(initialCash, periodsPerYear, settings.riskFreeRate(), finest.nanos()),
            riskSettings.largeTransactionThreshold());
        this.books = new Book[bookCount];
        this.costs = new CostEstimate[bookCount];
        final RiskLimits[] limits = new RiskLimits[bookCount];
        final SimulatedFillModel[] models = new SimulatedFillModel[bookCount];
        for (int i = 0; i < bookCount; i++) {
            final BookSpec spec = this.specs[i];
            books[i] = new Book(i, spec.name(), spec.cash(), instrumentCount, outputs);
            costs[i] = spec.fillModel().costEstimate();
            ownLimits[i] = spec.limits();
            limits[i] = spec.limits().tightenedBy(riskSettings);
            models[i] = spec.fillModel();
        }
        this.market = new MarketState(instrumentCount);
        this.risk = new PreTradeRisk(limits, market, riskSettings);
        this.limits = limits;
        this.states = new TradingStates(bookCount);
        final long[] lossLimits = new long[bookCount];
        for (int i = 0; i < bookCount; i++) {
            lossLimits[i] = limits[i].maxDailyLoss();
        }
        this.dailyLoss = new DailyLoss(books, lossLimits, riskSettings.maxDailyLoss());
        final long[] borrowRates = new long[bookCount];
        final long[] shortFees = new long[bookCount];
        for (int i = 0; i < bookCount; i++) {
            borrowRates[i] = limits[i].borrowRatePct();
            shortFees[i] = limits[i].shortFeePct();
            if ((borrowRates[i] != 0 || shortFees[i] != 0) && settings.liveVenue()) {
                throw new IllegalArgumentException("book " + this.specs[i].name() + ": "
                    + (borrowRates[i] != 0 ? "borrow-rate-pct" : "short-fee-pct") + " is the simulated venue's charge"
                    + " (paper trading and backtests); a live venue charges its own");
            }
        }
        this.borrowing = new BorrowingCost(books, borrowRates, shortFees);
        this.settlement = new FillSettlement(books, outputs);
        this.venue = new SimulatedVenue(instruments, books, models, limits);
        final Venue[] venues = new Venue[bookCount];
        // a live venue's reports come back as EXECUTION_REPORT inputs: its books have no venue inside business logic
        this.liveVenue = settings.liveVenue();
        Arrays.fill(venues, liveVenue ? null : venue);
        // order transitions reach the outputs and, queued until the order manager is done, the event strategies
        this.orders = new OrderManager(instruments, books, limits, costs, venues, risk, settlement, this::onOrderEvent,
            states, settings.venueReplaces());
        venue.connect(orders);
        this.barBuilders = new BookBarBuilder[bookCount];
        this.strategies = new DecisionDispatch[bookCount];
        this.managed = new ManagedPositions[bookCount];
        this.iterations = new IterationDispatch[bookCount];
        this.events = new EventDispatch[bookCount];
        this.closedBars = new BookBarBuilder.ClosedBarListener[bookCount];
        for (int i = 0; i < bookCount; i++) {
            final BookSpec spec = this.specs[i];
            final Book book = books[i];
            barBuilders[i] = new BookBarBuilder(spec.interval(), settings.inputBars(), spec.instruments(), instrumentCount,
                settings.closesBarsOnTime());
            spec.state().connectWeightLog(outputs, i);
            if (!(spec.strategy() instanceof DecisionStrategy decision)) {
                refuseDecisionOnlyRules(spec);
                // stops, take-profits, trailing and time stops follow the strategy's own fills
                final ManagedPositions positions = spec.rules().managesExits() ? new ManagedPositions(spec.name(), book,
                    orders, instruments, costs[i], spec.rules(), spec.instruments(), limits[i], false) : null;
                managed[i] = positions;
                switch (spec.strategy()) {
                    case IterationStrategy iteration -> iterations[i] = new IterationDispatch(spec.name(), book,
                        iteration, orders, market, instruments, costs[i], spec.instruments(),
                        spec.limits().minNotional(), bookPositions(book), positions);
                    case EventStrategy handlers -> {
                        if (settings.inputBars() != null) {
                            throw new IllegalArgumentException("book " + spec.name() + ": an event strategy needs "
                                + "ticks, but the feed gives bars only (use a trades file, a journal or a venue feed)");
                        }
                        events[i] = new EventDispatch(spec.name(), book, handlers, orders, market, instruments,
                            spec.instruments(), spec.limits().allowShort(), bookPositions(book), positions);
                    }
                    default -> throw new IllegalStateException("unknown strategy style " + spec.strategy());
                }
                final int bookIndex = i;
                closedBars[i] = (instrument, start, end, open, high, low, close, volume) ->
                    onClosedBar(bookIndex, instrument, start, end, open, high, low, close, volume);
                continue;
            }
            strategies[i] = new DecisionDispatch(spec.name(), decision, spec.instruments(), instruments,
                bookPositions(book), spec.rules().averageLast());
            if (ManagedPositions.needed(spec.rules())) {
                managed[i] = new ManagedPositions(spec.name(), book, orders, instruments, costs[i], spec.rules(),
                    spec.instruments(), limits[i], spec.reverseOnOpposite());
            }
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
        // asked on every input: a run of plain decision books without a maintenance margin skips all three
        boolean eventBooks = false;
        boolean stagesAfterInput = false;
        for (int b = 0; b < bookCount; b++) {
            eventBooks |= events[b] != null;
            stagesAfterInput |= events[b] != null || iterations[b] != null || managed[b] != null;
        }
        this.anyEventBook = eventBooks;
        this.anyStageAfterInput = stagesAfterInput;
        this.marginChecked = anyMaintenanceMargin(limits);
        this.closingBooks = new int[bookCount];
        this.closingEnds = new long[bookCount];
        this.equity = new EquityRecorder(books, market, outputs,
            tradedInstruments.stream().mapToInt(Integer::intValue).toArray());
        this.bookPerformance = new PerformanceAccumulator[bookCount];
        if (bookCount == 1) {
            // one book: its equity rows and round trips are the run's, so its metrics (what the ops API shows) are the
            // run's accumulator, updated once per bar instead of twice; the benchmark and bar times that one also
            // keeps are not read per book. The snapshot still writes the book's section (the same state twice).
            bookPerformance[0] = outputs.performance();
        } else {
            for (int i = 0; i < bookCount; i++) {
                bookPerformance[i] = new PerformanceAccumulator(books[i].initialCash(), periodsPerYear,
                    settings.riskFreeRate());
            }
            equity.perBook(bookPerformance);
            outputs.perBook(bookPerformance);
        }
        for (final ManagedPositions positions : managed) {
            if (positions != null) {
                // protective orders of an entry filled at a bar's open join that bar's stop and limit passes
                venue.onOpenPass(this::afterOpenPass);
                break;
            }
        }
    }

    /**
     * An iteration or event strategy sizes and places its own entries: the sizing parameters, {@code max_adds} and
     * {@code average_last} (which act on decisions) are refused for it, naming the first one given.
     */
    private static void refuseDecisionOnlyRules(final BookSpec spec) {
        final PositionRules rules = spec.rules();
        final String given = switch (rules.sizing()) {
            case NOTIONAL -> PositionRules.TRADE_USD;
            case EQUITY_FRACTION -> PositionRules.EQUITY_FRACTION;
            case QUANTITY -> PositionRules.QUANTITY;
            case ALL_CASH -> rules.maxAdds() != 0 ? PositionRules.MAX_ADDS
                : rules.averageLast() != 1 ? PositionRules.AVERAGE_LAST : null;
        };
        if (given != null) {
            throw new IllegalArgumentException("book " + spec.name() + ": " + given + " applies to decision strategies "
                + "only; an iteration or event strategy sizes and places its own orders (stop_loss, take_profit, "
                + "trailing_stop and time_stop_bars apply to any strategy)");
        }
    }

    /** The open pass of a bar of {@code instrument} is done: managed books protect what just filled. */
    private void afterOpenPass(final int instrument, final long time) {
        venue.attach(true);
        try {
            for (final ManagedPositions positions : managed) {
                if (positions != null && positions.trades(instrument)) {
                    positions.sync(instrument, time);
                }
            }
        } finally {
            venue.attach(false);
        }
    }

    private void onOrderEvent(final long time, final Order order, final OrderTransition transition,
                              final OrderReason reason, final long quantity, final long price) {
        outputs.onOrderEvent(time, order, transition, reason, quantity, price);
        final EventDispatch handlers = events[order.bookIndex];
        if (handlers != null) {
            handlers.onOrderEvent(order, transition, quantity, price);
        }
    }

    /** What a strategy's rows read of its book's positions. */
    private static PositionView bookPositions(final Book book) {
        return new PositionView() {
            @Override
            public boolean hasPosition(final int instrumentId) {
                return book.position(instrumentId) != 0;
            }

            @Override
            public long position(final int instrumentId) {
                return book.position(instrumentId);
            }
        };
    }

    /** Processes one input. The venue requests it causes are appended to {@code event.effects}. */
    public void onEvent(final EngineEvent event) {
        if (finished) {
            throw new IllegalStateException("input " + event.sequence + " after end of data");
        }
        eventsProcessed++;
        lastSequence = event.sequence;
        if (event.type >= 0 && event.type < eventsByType.length) {
            eventsByType[event.type]++;
        }
        // The engine clock's producer races the feed's for ring slots, so its time advance can land just after an
        // input stamped a little later: a TIMER never moves time back (a pure function of the journaled inputs, so
        // replay clamps the same way).
        final long time = event.type == EventType.TIMER ? Math.max(event.eventTimeNanos, lastEventTimeNanos)
            : event.eventTimeNanos;
        lastEventTimeNanos = time;
        if (event.type == EventType.MARKET_DATA || event.type == EventType.EXTERNAL_SIGNAL) {
            feedInputsProcessed++;
        }
        orders.beginInput(event.sequence, event.effects);
        outputs.beginInput(event.sequence);
        // the days that ended are paid for first, so the new day's loss baseline is after the night's interest
        borrowing.onTime(time, borrowingCharges);
        // the day's baseline is kept even without a limit: the ops API shows each book's loss today
        dailyLoss.onTime(time);
        final boolean lossLimited = dailyLoss.enabled();
        if (anyEventBook) {
            for (final EventDispatch handlers : events) {
                if (handlers != null) {
                    handlers.beforeInput(time);
                }
            }
        }
        switch (event.type) {
            case EventType.MARKET_DATA -> onMarketData(event);
            case EventType.EXTERNAL_SIGNAL -> onSignal(event);
            case EventType.COMMAND -> onCommand(event);
            case EventType.EXECUTION_REPORT -> orders.onReport(report.copyFrom(event));
            case EventType.TIMER -> {
                // a time advance: the event strategies' due timers fired above; bars that ended by then close
                if (barCloseDelayNanos >= 0) {
                    closeBarsEndedBy(time);
                }
            }
            default -> throw new IllegalStateException("input " + event.sequence + " has unknown event type "
                + event.type);
        }
        // a time advance that closes bars can fill at their close (fill-at-close books): checked as a bar input is
        if ((lossLimited || marginChecked) && (event.type == EventType.MARKET_DATA
            || event.type == EventType.EXECUTION_REPORT || (event.type == EventType.TIMER && barCloseDelayNanos >= 0))) {
            if (lossLimited) {
                checkDailyLoss(event.eventTimeNanos);
            }
            if (marginChecked) {
                checkMargins(event.eventTimeNanos);
            }
        }
        if (anyStageAfterInput) {
            afterInput(time);
        }
    }

    /** Strategy stages that wait for the venue: event handlers hear of transitions, rebalances buy, stops follow. */
    private void afterInput(final long time) {
        for (int b = 0; b < books.length; b++) {
            if (events[b] != null) {
                events[b].deliver();
            } else if (iterations[b] != null) {
                iterations[b].afterInput(time);
            }
            if (managed[b] != null) {
                managed[b].syncAll(time);
            }
        }
    }

    /**
     * After prices moved or fills settled: a book (or all books together) that lost more than its maximum daily loss
     * since the day's baseline is halted, its open orders cancelled, and the breach audited and notified. A book
     * already HALTED is left as it is.
     */
    private void checkDailyLoss(final long time) {
        for (int b = 0; b < books.length; b++) {
            if (states.book(b) != TradingState.HALTED && dailyLoss.breached(b)) {
                states.setBook(b, TradingState.HALTED, HaltCause.DAILY_LOSS);
                final int cancelled = orders.cancelAll(b, -1, OrderReason.DAILY_LOSS, time);
                outputs.audit(time, AuditKind.DAILY_LOSS, b, -1, dailyLoss.loss(b), dailyLoss.limit(b), 0, 0,
                    cancelled, 0);
                orders.notify(Notification.DAILY_LOSS_BREACH, b, TradingState.HALTED.code(), time);
            }
        }
        if (states.global() != TradingState.HALTED && dailyLoss.globalBreached()) {
            states.setGlobal(TradingState.HALTED, HaltCause.DAILY_LOSS);
            final int cancelled = orders.cancelAll(-1, -1, OrderReason.DAILY_LOSS, time);
            outputs.audit(time, AuditKind.DAILY_LOSS, -1, -1, dailyLoss.globalLoss(), dailyLoss.globalLimit(), 0, 0,
                cancelled, 0);
            orders.notify(Notification.DAILY_LOSS_BREACH, -1, TradingState.HALTED.code(), time);
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
                closeBarsBefore(instrument, time, subscribers);
                venue.onBar(instrument, time, event.open, event.high, event.low, event.volume);
                updatePrice(instrument, event.open, event.close, time);
                for (final int book : subscribers) {
                    barBuilders[book].onBar(instrument, time, event.open, event.high, event.low, event.close,
                        event.volume, closedBars[book]);
                }
            }
            case MarketDataKind.TRADE -> {
                advanceClock(time);
                closeBarsBefore(instrument, time, subscribers);
                venue.onTick(instrument, time, event.price, event.quantity);
                updatePrice(instrument, event.price, event.price, time);
                for (final int book : subscribers) {
                    barBuilders[book].addTrade(instrument, time, event.price, event.quantity);
                }
                for (final int book : subscribers) {
                    if (events[book] != null) {
                        events[book].onTrade(instrument, time, event.price, event.quantity);
                    }
                }
            }
            case MarketDataKind.QUOTE -> {
                // quotes are for event strategies; no stage of decision or iteration books reads them
                for (final int book : subscribers) {
                    if (events[book] != null) {
                        events[book].onQuote(instrument, time, event.bidPrice, event.bidQuantity, event.askPrice,
                            event.askQuantity);
                    }
                }
            }
            default -> throw new IllegalStateException("input " + event.sequence + " has unknown market data kind "
                + event.marketDataKind);
        }
    }

    /**
     * A time advance at {@code time} with bars closing on the clock: the equity row of the bar before is written, then
     * every bar that ended by {@code time} less the close delay closes, in the order of the ends (ties: book, then
     * instrument), as the end of data closes them. Allocation-free; a handful of bars per bar interval.
     */
    private void closeBarsEndedBy(final long time) {
        final long cutoff = time < Long.MIN_VALUE + barCloseDelayNanos ? Long.MIN_VALUE : time - barCloseDelayNanos;
        advanceClock(cutoff);
        while (true) {
            long end = Long.MAX_VALUE;
            int book = -1;
            int instrument = -1;
            for (int b = 0; b < barBuilders.length; b++) {
                for (final int id : specs[b].instruments()) {
                    final long ended = barBuilders[b].endIfEndedBy(id, cutoff);
                    // ties: the lower book (met first), then the lower instrument id
                    if (ended < end || (ended == end && b == book && id < instrument)) {
                        end = ended;
                        book = b;
                        instrument = id;
                    }
                }
            }
            if (book < 0) {
                return;
            }
            barBuilders[book].closeEndedBy(instrument, cutoff, closedBars[book]);
        }
    }

    /**
     * After prices moved or fills settled: a book whose equity fell below its maintenance margin — the percentage of its
     * gross exposure (Σ |quantity| × mark) it must keep — gets a margin call: its open orders are cancelled, and it is
     * halted with cause MARGIN_CALL until an operator releases it; audited and notified. Its positions are closed by
     * reduce-only market orders through pre-trade risk — all of them, or with {@code margin-call = reduce} each by the
     * same share, rounded up to the lot, so that the equity carries the margin of what is left at the call's marks
     * (all of them when the equity is not positive). A book already HALTED is left as it is, except that a reducing
     * book halted by its margin call is called again, once its margin-call orders are done, while still short of it.
     */
    private void checkMargins(final long time) {
        for (int b = 0; b < books.length; b++) {
            final long margin = limits[b].maintenanceMarginPct();
            final boolean halted = states.book(b) == TradingState.HALTED;
            if (margin == 0 || (halted && !callsAgain(b))) {
                continue;
            }
            final long exposure = grossExposure(b);
            final long required = RiskLimits.percentOf(exposure, margin);
            final long equity = books[b].equity();
            if (exposure == 0 || equity >= required) {
                continue;
            }
            int cancelled = 0;
            if (!halted) {
                states.setBook(b, TradingState.HALTED, HaltCause.MARGIN_CALL);
                cancelled = orders.cancelAll(b, -1, OrderReason.MARGIN_CALL, time);
            }
            // the share of each position to sell: the exposure the equity cannot carry, of the exposure
            final long excess = !limits[b].marginCallReduces() || equity <= 0 ? exposure
                : exposure - FixedPoint.mulDiv(equity, RiskLimits.MAX_PERCENT, margin, RoundingMode.FLOOR);
            int liquidation = 0;
            for (final int instrument : specs[b].instruments()) {
                if (reducePosition(b, instrument, excess, exposure, time) != 0) {
                    liquidation++;
                }
            }
            outputs.audit(time, AuditKind.MARGIN_CALL, b, -1, equity, required, exposure, 0, cancelled, liquidation);
            orders.notify(Notification.MARGIN_CALL, b, TradingState.HALTED.code(), time);
        }
    }

    /**
     * Closes the bars an input at {@code time} ends, book by book in the order of the bars' ends, so that orders are
     * decided (and numbered) in decision-time order even when a coarser book is listed before a finer one. Ties keep
     * book order. Allocation-free.
     */
    private void closeBarsBefore(final int instrument, final long time, final int[] subscribers) {
        if (subscribers.length == 1) {
            barBuilders[subscribers[0]].closeBefore(instrument, time, closedBars[subscribers[0]]);
            return;
        }
        int n = 0;
        for (final int book : subscribers) {
            final long end = barBuilders[book].endIfClosedBefore(instrument, time);
            if (end != Long.MAX_VALUE) {
                n = insertByEnd(book, end, n);
            }
        }
        for (int i = 0; i < n; i++) {
            final int book = closingBooks[i];
            barBuilders[book].closeBefore(instrument, time, closedBars[book]);
        }
    }

    /** Inserts {@code book} into the first {@code n} closing slots, ordered by end and stable; returns n + 1. */
    private int insertByEnd(final int book, final long end, final int n) {
        int i = n;
        while (i > 0 && closingEnds[i - 1] > end) {
            closingBooks[i] = closingBooks[i - 1];
            closingEnds[i] = closingEnds[i - 1];
            i--;
        }
        closingBooks[i] = book;
        closingEnds[i] = end;
        return n + 1;
    }

    /**
     * Bars per year for annualised metrics: the traded instruments' calendar when they share one, else the interval's
     * convention (252 days of 24 hours).
     */
    public static double periodsPerYear(final Interval interval, final InstrumentRegistry instruments,
                                        final Iterable<Integer> traded) {
        final List<TradingCalendar> calendars = new ArrayList<>();
        for (final int id : traded) {
            calendars.add(instruments.get(id).calendar());
        }
        return TradingCalendar.periodsPerYearOf(interval, calendars.toArray(TradingCalendar[]::new));
    }

    /** The equity row of a bar is written when the first input of a later bar (of the finest interval) arrives. */
    private void advanceClock(final long time) {
        if (time < tradingStartNanos) {
            return;
        }
        if (time >= clockBucketEnd || time < clockBucketStart) {
            // once per bar, not per tick: bucketStart allocates for calendar intervals (and divides for the others,
            // which bucketStartAfter spares an input in the very next bar)
            clockBucketStart = clockBucketEnd == Long.MIN_VALUE ? clockInterval.bucketStart(time)
                : clockInterval.bucketStartAfter(clockBucketEnd, time);
            clockBucketEnd = clockInterval.nextBucketStart(clockBucketStart);
        }
        equity.onBarTime(clockBucketStart);
    }

    private void onClosedBar(final int bookIndex, final int instrument, final long start, final long end,
                             final long open, final long high, final long low, final long close, final long volume) {
        final ManagedPositions positions = managed[bookIndex];
        if (events[bookIndex] != null) {
            if (positions != null) {
                // the engine's exits first: the trailing stop and the time stop of what the strategy holds
                positions.onBarClose(instrument, DecisionStrategy.HOLD, high, low, close, end, false);
            }
            events[bookIndex].onClosedBar(instrument, start, end, open, high, low, close, volume);
            return;
        }
        if (iterations[bookIndex] != null) {
            if (positions != null) {
                positions.onBarClose(instrument, DecisionStrategy.HOLD, high, low, close, end, false);
            }
            iterations[bookIndex].onClosedBar(instrument, start, end, open, high, low, close, volume,
                start >= tradingStartNanos && !states.paused(bookIndex));
            if (specs[bookIndex].fillModel().fillAtClose() && !liveVenue) {
                venue.fillAtClose(bookIndex, instrument, close, volume, end);
                books[bookIndex].mark(instrument, close);
                if (positions != null) {
                    positions.sync(instrument, end);
                }
            }
            return;
        }
        final int decision = strategies[bookIndex].decide(instrument, start, open, high, low, close, volume);
        if (positions != null) {
            positions.onBarClose(instrument, decision, high, low, close, end,
                start >= tradingStartNanos && !states.paused(bookIndex));
            if (specs[bookIndex].fillModel().fillAtClose() && !liveVenue) {
                venue.fillAtClose(bookIndex, instrument, close, volume, end);
                books[bookIndex].mark(instrument, close);
                positions.sync(instrument, end);
            }
            return;
        }
        if (decision == DecisionStrategy.HOLD || start < tradingStartNanos || states.paused(bookIndex)) {
            // a paused strategy keeps deciding (its state goes on), but its decisions place no orders
            return;
        }
        final BookSpec spec = specs[bookIndex];
        if (DecisionSizing.size(request, decision, books[bookIndex], instrument, close, end,
            orders.reservations().cash(bookIndex), instruments.get(instrument).lotSize(), costs[bookIndex],
            spec.instruments().length, limits[bookIndex].allowShort(), limits[bookIndex].minNotional(),
            spec.reverseOnOpposite())
            && DecisionSizing.withinPositionLimit(request, books[bookIndex], limits[bookIndex].maxPositionPct(),
                orders.reservations().cash(bookIndex, instrument), instruments.get(instrument).lotSize(),
                costs[bookIndex])) {
            orders.decide(request);
        }
        if (spec.fillModel().fillAtClose() && !liveVenue) {
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
        if (book < 0 || book >= books.length || instrument < 0 || instrument >= market.size()) {
            // no book or instrument to write a row for (a signal file names both, checked at load)
            signals.countInvalid();
            return;
        }
        // every signal that places nothing still leaves a row in orders.csv saying why, and a counter
        final boolean places = ExternalSignals.toRequest(event, books[book], market.last(instrument),
            instruments.get(instrument).lotSize(), request);
        if (!barBuilders[book].trades(instrument)) {
            signals.countRejected();
            request.refusal = OrderReason.NOT_TRADED;
        } else if (!signals.firstTime(event)) {
            request.refusal = OrderReason.DUPLICATE;
        } else if (events[book] != null) {
            // an event strategy decides what a signal means; what it places leaves its own rows
            events[book].onSignal(event.eventTimeNanos, instrument, event.signalAction,
                event.signalSize == 0 ? Double.NaN : FixedPoint.toDouble(event.signalSize));
            return;
        } else if (!places) {
            signals.countRejected();
            request.refusal = OrderReason.NO_POSITION;
        }
        orders.decide(request);
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
            case CommandCode.VENUE_HOLD -> orders.hold(event.bookIndex);
            case CommandCode.VENUE_RELEASE -> orders.releaseHold(event.bookIndex);
            case CommandCode.SKIP_ENTRY -> {
                // the journal reader passed over the named entry; a passed-over feed input still moves the feed's
                // position, or a restart would publish the feed's last journaled input a second time
                if (event.bookIndex == EventType.MARKET_DATA || event.bookIndex == EventType.EXTERNAL_SIGNAL) {
                    feedInputsProcessed++;
                }
            }
            case CommandCode.TRADING_STATE -> onTradingState(event);
            case CommandCode.PAUSE_STRATEGY, CommandCode.RESUME_STRATEGY -> onPause(event);
            case CommandCode.CLOSE_POSITION -> onClosePosition(event);
            case CommandCode.SET_MAX_ORDER_NOTIONAL, CommandCode.SET_MAX_POSITION_PCT, CommandCode.SET_MAX_DAILY_LOSS,
                 CommandCode.SET_PRICE_BAND_PCT, CommandCode.SET_MAX_ORDERS_PER_SECOND,
                 CommandCode.SET_MAINTENANCE_MARGIN_PCT, CommandCode.SET_BORROW_RATE_PCT,
                 CommandCode.SET_SHORT_FEE_PCT, CommandCode.SET_MAX_LEVERAGE, CommandCode.SET_ALLOW_SHORT,
                 CommandCode.SET_MIN_NOTIONAL, CommandCode.SET_MAX_SHORT_NOTIONAL -> onSetLimit(event);
            default -> throw new IllegalStateException("input " + event.sequence + " is command "
                + CommandCode.name(event.commandCode) + ", which this engine does not know");
        }
    }

    /**
     * The kill switch (book -1) or one book's state: HALTED cancels every open order of the books it covers,
     * REDUCE_ONLY those that could grow a position, ACTIVE releases (and restarts the daily-loss allowance from the
     * equity now). With flatten, every position of those books is then closed by reduce-only market orders through
     * pre-trade risk. A command that names no book or state changes nothing and is audited as refused; so is an
     * offline command already applied (published again after a restart).
     */
    private void onTradingState(final EngineEvent event) {
        final long argument = event.commandArgument;
        final int book = event.bookIndex;
        final long time = event.eventTimeNanos;
        final int source = TradingCommand.source(argument);
        if (book < -1 || book >= books.length) {
            refuseCommand(event, AuditKind.REFUSED_UNKNOWN_BOOK);
            return;
        }
        final TradingState target = TradingState.ofCode(TradingCommand.state(argument));
        if (target == null) {
            refuseCommand(event, AuditKind.REFUSED_UNKNOWN_STATE);
            return;
        }
        final long number = TradingCommand.queueNumber(argument);
        if (source == TradingCommand.SOURCE_OFFLINE && !firstTimeApplied(event, number, source)) {
            return;
        }
        final TradingState from = book < 0 ? states.setGlobal(target, HaltCause.OPERATOR)
            : states.setBook(book, target, HaltCause.OPERATOR);
        if (target != TradingState.HALTED) {
            if (book < 0) {
                dailyLoss.rebaseGlobal();
            } else {
                dailyLoss.rebase(book);
            }
        }
        final int cancelled = switch (target) {
            case HALTED -> orders.cancelAll(book, -1, OrderReason.KILL_SWITCH, time);
            case REDUCE_ONLY -> orders.cancelOpening(book, OrderReason.REDUCE_ONLY, time);
            case ACTIVE -> 0;
        };
        int flattenOrders = 0;
        if (TradingCommand.flatten(argument)) {
            for (int b = 0; b < books.length; b++) {
                if (book < 0 || b == book) {
                    for (final int instrument : specs[b].instruments()) {
                        if (closePosition(b, instrument, OrderReason.FLATTEN, time) != 0) {
                            flattenOrders++;
                        }
                    }
                }
            }
        }
        outputs.audit(time, AuditKind.TRADING_STATE, book, -1, from.code(), target.code(), HaltCause.OPERATOR.ordinal(),
            source, cancelled, flattenOrders);
        orders.notify(Notification.TRADING_STATE_CHANGED, book, target.code(), time);
    }

    private void onPause(final EngineEvent event) {
        final int book = event.bookIndex;
        if (book < 0 || book >= books.length) {
            refuseCommand(event, AuditKind.REFUSED_UNKNOWN_BOOK);
            return;
        }
        final boolean pause = event.commandCode == CommandCode.PAUSE_STRATEGY;
        states.setPaused(book, pause);
        if (pause && managed[book] != null) {
            // a signal exit still waiting for its protective orders' cancels goes; the entry its decision reversed into
            // was the strategy's, and a paused strategy places nothing
            managed[book].dropReversals();
        }
        outputs.audit(event.eventTimeNanos, AuditKind.STRATEGY_PAUSE, book, -1, pause ? 1 : 0, 0, 0,
            TradingCommand.source(event.commandArgument), 0, 0);
    }

    private void onClosePosition(final EngineEvent event) {
        final int book = event.bookIndex;
        final int instrument = event.instrumentId;
        if (book < 0 || book >= books.length) {
            refuseCommand(event, AuditKind.REFUSED_UNKNOWN_BOOK);
            return;
        }
        if (instrument < 0 || instrument >= market.size() || !barBuilders[book].trades(instrument)) {
            refuseCommand(event, AuditKind.REFUSED_UNKNOWN_INSTRUMENT);
            return;
        }
        final long position = books[book].position(instrument);
        if (managed[book] != null) {
            // a hand close is an exit: the protective orders go first, so they do not hold the position's quantity
            managed[book].cancelProtection(instrument, event.eventTimeNanos);
        }
        final long orderId = closePosition(book, instrument, OrderReason.CLOSE, event.eventTimeNanos);
        outputs.audit(event.eventTimeNanos, AuditKind.CLOSE_POSITION, book, instrument, orderId, 0, 0,
            TradingCommand.source(event.commandArgument), position, 0);
    }

    /**
     * A reduce-only market order for what the book holds in the instrument beyond what its open orders already close
     * (or cover); returns its client order id, or 0 when there is nothing to close or risk refused it.
     */
    private long closePosition(final int book, final int instrument, final OrderReason origin, final long time) {
        final long held = books[book].position(instrument);
        if (held == 0) {
            return 0;
        }
        return placeClosing(book, instrument, held, orders.closable(book, instrument, held), origin, time);
    }

    /**
     * A margin call's order for one position: {@code excess / exposure} of it, rounded up to the instrument's lot (all
     * of it when they are equal), reduce-only at market. Returns the order's id, or 0 when none was placed.
     */
    private long reducePosition(final int book, final int instrument, final long excess, final long exposure,
                                final long time) {
        final long held = books[book].position(instrument);
        if (held == 0) {
            return 0;
        }
        long quantity = orders.closable(book, instrument, held);
        if (excess < exposure) {
            final long lot = instruments.get(instrument).lotSize();
            final long share = FixedPoint.mulDiv(Math.abs(held), excess, exposure, RoundingMode.CEILING);
            quantity = Math.min(quantity, Math.multiplyExact(Math.ceilDiv(share, lot), lot));
        }
        return placeClosing(book, instrument, held, quantity, OrderReason.MARGIN_CALL, time);
    }

    private long placeClosing(final int book, final int instrument, final long held, final long quantity,
                              final OrderReason origin, final long time) {
        if (quantity <= 0) {
            return 0;
        }
        final int side = held > 0 ? -1 : 1;
        request.clear();
        request.bookIndex = book;
        request.instrumentId = instrument;
        request.side = side;
        request.quantity = quantity;
        request.referencePrice = market.last(instrument);
        request.timeNanos = time;
        request.origin = origin;
        request.reduceOnly = true;
        return orders.decide(request);
    }

    /**
     * An operator's change of one of a book's limits ({@link RiskLimit}), or of the engine-wide cap of that name (book
     * -1): the book's own value (or the cap) is replaced, the caps applied again, and every stage that reads the limit
     * sees it from the next order on. A lowered daily-loss limit already lost past halts at once. Audited with the
     * value in force before and after (a cap can keep a book's below what was asked); an unknown book or a value out
     * of range changes nothing. A change from the offline command queue carries its queue number in the instrument id
     * and is applied once: a number already applied is refused as a duplicate.
     */
    private void onSetLimit(final EngineEvent event) {
        final int book = event.bookIndex;
        final RiskLimit limit = RiskLimit.ofCommand(event.commandCode);
        final long value = event.commandArgument;
        final long number = Math.max(0, event.instrumentId);
        // the argument is the value, so the source is not packed in it: a queue number means the offline queue
        final int source = number > 0 ? TradingCommand.SOURCE_OFFLINE : TradingCommand.SOURCE_HTTP;
        if (book < -1 || book >= books.length || !limit.accepts(value)) {
            refuseCommand(event, book < -1 || book >= books.length ? AuditKind.REFUSED_UNKNOWN_BOOK
                : AuditKind.REFUSED_LIMIT_VALUE, source);
            return;
        }
        if (book < 0 && limit.bookOnly()) {
            refuseCommand(event, AuditKind.REFUSED_BOOK_ONLY, source);
            return;
        }
        if (limit.simulatedVenueCharge() && value != 0 && liveVenue) {
            refuseCommand(event, AuditKind.REFUSED_LIVE_VENUE, source);
            return;
        }
        if (!firstTimeApplied(event, number, source)) {
            return;
        }
        final long from;
        final long to;
        if (book < 0) {
            // an engine-wide cap: every book's limit in force is tightened by it again
            from = limit.of(riskSettings);
            setCaps(limit.in(riskSettings, value));
            to = limit.of(riskSettings);
        } else {
            from = limit.of(limits[book]);
            setOwnLimits(book, limit.in(ownLimits[book], value));
            to = limit.of(limits[book]);
        }
        outputs.audit(event.eventTimeNanos, AuditKind.LIMIT_CHANGED, book, -1, event.commandCode, from, to, source,
            value, 0);
        if (limit == RiskLimit.MAX_DAILY_LOSS && dailyLoss.enabled()) {
            checkDailyLoss(event.eventTimeNanos);
        }
        if (limit == RiskLimit.MAINTENANCE_MARGIN_PCT && marginChecked) {
            checkMargins(event.eventTimeNanos); // a raised margin the book no longer meets calls it at once
        }
    }

    /** The engine-wide caps become {@code caps}: every book's limits in force, and the all-books daily loss, follow. */
    private void setCaps(final RiskSettings caps) {
        riskSettings = caps;
        for (int b = 0; b < books.length; b++) {
            setOwnLimits(b, ownLimits[b]);
        }
        dailyLoss.setGlobalLimit(caps.maxDailyLoss());
        risk.setGlobalRate(caps.maxOrdersPerSecond());
    }

    /** A book's own limits become {@code own}: the limits in force, and each stage holding one of them, follow. */
    private void setOwnLimits(final int book, final RiskLimits own) {
        ownLimits[book] = own;
        limits[book] = own.tightenedBy(riskSettings);
        orders.setLimits(book, limits[book]);
        venue.setLimits(book, limits[book]);
        risk.setBookRate(book, limits[book].maxOrdersPerSecond());
        dailyLoss.setLimit(book, limits[book].maxDailyLoss());
        if (managed[book] != null) {
            managed[book].setLimits(limits[book]);
        }
        if (events[book] != null) {
            events[book].setShortAllowed(limits[book].allowShort());
        }
        if (iterations[book] != null) {
            iterations[book].setMinNotional(limits[book].minNotional());
        }
        borrowing.setRate(book, limits[book].borrowRatePct());
        borrowing.setShortFee(book, limits[book].shortFeePct());
        marginChecked = anyMaintenanceMargin(limits);
    }

    /** Whether a halted book is one a margin call reduces, halted by it, with that call's orders done. */
    private boolean callsAgain(final int book) {
        return limits[book].marginCallReduces() && states.bookCause(book) == HaltCause.MARGIN_CALL
            && !orders.hasOpenOrders(book);
    }

    private static boolean anyMaintenanceMargin(final RiskLimits[] limits) {
        for (final RiskLimits each : limits) {
            if (each.maintenanceMarginPct() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a command numbered {@code number} in the offline command queue (0: none, from elsewhere) is applied now:
     * a number already applied (published again around a restart) is refused as a duplicate, a new one is recorded.
     */
    private boolean firstTimeApplied(final EngineEvent event, final long number, final int source) {
        if (number <= 0) {
            return true;
        }
        if (number <= states.lastOfflineCommand()) {
            refuseCommand(event, AuditKind.REFUSED_DUPLICATE, source);
            return false;
        }
        states.offlineCommandApplied(number);
        return true;
    }

    private void refuseCommand(final EngineEvent event, final int why) {
        refuseCommand(event, why, TradingCommand.source(event.commandArgument));
    }

    private void refuseCommand(final EngineEvent event, final int why, final int source) {
        outputs.audit(event.eventTimeNanos, AuditKind.COMMAND_REFUSED, event.bookIndex, event.instrumentId,
            event.commandCode, 0, why, source, event.commandArgument, 0);
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
        outputs.endOfInputs();
        closeOut();
    }

    /** Closes every bar still being built, in the order of their ends (ties: book, then instrument order). */
    private void closeOut() {
        final List<long[]> open = new ArrayList<>();
        for (int b = 0; b < barBuilders.length; b++) {
            for (final int instrument : specs[b].instruments()) {
                final long end = barBuilders[b].buildingEnd(instrument);
                if (end != Long.MAX_VALUE) {
                    open.add(new long[] {end, b, instrument});
                }
            }
        }
        // once per run: allocation does not matter here
        open.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
            : x[1] != y[1] ? Long.compare(x[1], y[1]) : Long.compare(x[2], y[2]));
        for (final long[] bar : open) {
            final int book = (int) bar[1];
            barBuilders[book].closeBuilding((int) bar[2], closedBars[book]);
        }
        // then each book's end of run, once all its bars are closed
        for (int b = 0; b < barBuilders.length; b++) {
            if (iterations[b] != null) {
                iterations[b].finish(!states.paused(b));
            }
            if (events[b] != null) {
                events[b].onStop(lastEventTimeNanos);
            }
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
        out.writeLongs(eventsByType);
        for (final PerformanceAccumulator book : bookPerformance) {
            book.writeState(out);
        }
        signals.writeState(out);
        for (final Book book : books) {
            book.writeState(out);
        }
        for (int b = 0; b < books.length; b++) {
            barBuilders[b].writeState(out);
            if (strategies[b] != null) {
                strategies[b].writeState(out);
            }
            if (iterations[b] != null) {
                iterations[b].writeState(out);
            }
            if (events[b] != null) {
                events[b].writeState(out);
            }
            specs[b].state().writeState(out);
            if (managed[b] != null) {
                managed[b].writeState(out);
            }
        }
        market.writeState(out);
        venue.writeState(out);
        risk.writeState(out);
        states.writeState(out);
        out.section("limits");
        for (final RiskLimit limit : RiskLimit.values()) {
            if (!limit.bookOnly()) {
                out.writeLong(limit.of(riskSettings));
            }
        }
        for (final RiskLimits own : ownLimits) {
            for (final RiskLimit limit : RiskLimit.values()) {
                out.writeLong(limit.of(own));
            }
        }
        dailyLoss.writeState(out);
        borrowing.writeState(out);
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
        in.readLongsInto(eventsByType, "inputs by type");
        for (final PerformanceAccumulator book : bookPerformance) {
            book.readState(in);
        }
        signals.readState(in);
        for (final Book book : books) {
            book.readState(in);
        }
        for (int b = 0; b < books.length; b++) {
            barBuilders[b].readState(in);
            if (strategies[b] != null) {
                strategies[b].readState(in);
            }
            if (iterations[b] != null) {
                iterations[b].readState(in);
            }
            if (events[b] != null) {
                events[b].readState(in);
            }
            specs[b].state().readState(in);
            if (managed[b] != null) {
                managed[b].readState(in);
            }
        }
        market.readState(in);
        venue.readState(in);
        risk.readState(in);
        states.readState(in);
        in.section("limits");
        RiskSettings caps = riskSettings;
        for (final RiskLimit limit : RiskLimit.values()) {
            if (!limit.bookOnly()) {
                caps = limit.in(caps, readLimit(in, limit, "the engine-wide"));
            }
        }
        for (int b = 0; b < ownLimits.length; b++) {
            for (final RiskLimit limit : RiskLimit.values()) {
                ownLimits[b] = limit.in(ownLimits[b], readLimit(in, limit, "book " + b + "'s"));
            }
        }
        setCaps(caps); // the limits in force, and every stage holding one, follow the caps and the books' own
        dailyLoss.readState(in);
        borrowing.readState(in);
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

    /** The sequence (journal entry) of the last input processed, or -1 before any since this instance was built. */
    public long lastSequence() {
        return lastSequence;
    }

    /** Whether a book runs an event strategy (whose timers a paper or live run's engine clock advances). */
    public boolean hasEventStrategies() {
        for (final EventDispatch handlers : events) {
            if (handlers != null) {
                return true;
            }
        }
        return false;
    }

    /** A limit's value from a snapshot, refused unless in its range. */
    private static long readLimit(final StateReader in, final RiskLimit limit, final String whose) {
        final long value = in.readLong();
        if (!limit.accepts(value)) {
            throw new SnapshotFormatException(whose + " " + limit.label() + " is out of range: " + value);
        }
        return value;
    }

    /**
     * The event time at which the earliest armed timer of any event strategy is due — or, with bars closing on the
     * clock, the earliest end of a bar being built plus the close delay — or {@link Long#MAX_VALUE} when nothing is
     * due (published to the engine clock through the status board).
     */
    public long nextTimerNanos() {
        long earliest = Long.MAX_VALUE;
        for (final EventDispatch handlers : events) {
            if (handlers != null) {
                earliest = Math.min(earliest, handlers.nextTimerNanos());
            }
        }
        if (barCloseDelayNanos >= 0) {
            for (final BookBarBuilder bars : barBuilders) {
                final long end = bars.earliestBuildingEnd();
                if (end != Long.MAX_VALUE) {
                    // a bar being built is due to close its delay after its end (saturating: never wraps around)
                    final long due = end > Long.MAX_VALUE - barCloseDelayNanos ? Long.MAX_VALUE : end + barCloseDelayNanos;
                    earliest = Math.min(earliest, due);
                }
            }
        }
        return earliest;
    }

    /** Whether bars also close on the engine clock's time advances (so the engine needs its clock). */
    public boolean closesBarsOnTime() {
        return barCloseDelayNanos >= 0;
    }

    /** Inputs stamped in a bar already closed on the clock, folded into the next one: once per book folding them. */
    public long lateBarInputs() {
        long late = 0;
        for (final BookBarBuilder bars : barBuilders) {
            late += bars.lateInputs();
        }
        return late;
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

    /** The simulated venue (paper mode's venue, whose own state paper-mode reconciliation reads). */
    public SimulatedVenue simulatedVenue() {
        return venue;
    }

    /** Whether the books trade on a live venue (its reports arrive as inputs) rather than the simulated one. */
    public boolean liveVenue() {
        return liveVenue;
    }

    /** The books, by index (the array itself: callers must not change it). */
    public Book[] books() {
        return books;
    }

    /** Pre-trade risk with its rejection counters. */
    public PreTradeRisk risk() {
        return risk;
    }

    /** Inputs processed of one {@link EventType}. */
    public long eventsOfType(final int type) {
        return type >= 0 && type < eventsByType.length ? eventsByType[type] : 0;
    }

    /** Book {@code book}'s own metrics (its equity per bar and its round trips). */
    public PerformanceAccumulator bookPerformance(final int book) {
        return bookPerformance[book];
    }

    /** The last fills (a read model for the ops API). */
    public RecentFills recentFills() {
        return outputs.recentFills();
    }

    /** The trading states (global, per book) and paused strategies. */
    public TradingStates tradingStates() {
        return states;
    }

    /** A book's gross exposure: Σ |quantity| × mark over the instruments it trades, longs and shorts alike. */
    public long grossExposure(final int book) {
        final Book held = books[book];
        long exposure = 0;
        for (final int instrument : specs[book].instruments()) {
            final long quantity = held.position(instrument);
            if (quantity != 0) {
                exposure = Math.addExact(exposure, Math.abs(FixedPoint.multiply(held.markPrice(instrument), quantity)));
            }
        }
        return exposure;
    }

    /** The engine-wide caps in force, as operators changed them since the start. */
    public RiskSettings riskCaps() {
        return riskSettings;
    }

    /** A book's limits in force: its own (as operators changed them) with the global caps applied. */
    public RiskLimits limits(final int book) {
        return limits[book];
    }

    /** The daily-loss baselines and limits. */
    public DailyLoss dailyLoss() {
        return dailyLoss;
    }

    /** Last prices by instrument. */
    public MarketState market() {
        return market;
    }

    /** The books' specifications, by index. */
    public BookSpec spec(final int book) {
        return specs[book];
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

    /**
     * The performance metrics of the rows so far, with the positions still open (and their unrealized P&amp;L), the
     * signals that placed nothing, and notes that explain a run without trades.
     */
    public PerformanceSummary summary() {
        final PerformanceSummary metrics = outputs.performance().summary();
        int open = 0;
        long unrealized = 0;
        long interest = 0;
        long shortFees = 0;
        for (final Book book : books) {
            for (int id = 0; id < book.instrumentCount(); id++) {
                if (book.position(id) != 0) {
                    open++;
                    unrealized = Math.addExact(unrealized, book.unrealizedPnl(id));
                }
            }
            interest = Math.addExact(interest, book.interestPaid());
            shortFees = Math.addExact(shortFees, book.shortFeesPaid());
        }
        return metrics.withEnd(open, unrealized, signals.rejected(), signals.duplicates(), interest, shortFees,
            metrics.trades() == 0 ? whyNoTrades() : List.of());
    }

    /**
     * What business logic can tell about a run without a closed trade, one sentence per book: it never got a bar; it
     * decided nothing (and on how many bars its indicators were still warming up); its decisions filled nothing; or
     * its position is still open. Of an iteration or event book only whether its position is still open.
     */
    private List<String> whyNoTrades() {
        final List<String> notes = new ArrayList<>();
        for (int b = 0; b < books.length; b++) {
            final BookSpec spec = specs[b];
            final DecisionDispatch decisions = strategies[b];
            final String who = "0 trades: " + spec.name();
            if (decisions == null) {
                // an iteration or event strategy places its own orders: the engine counts no decisions for it
                notes.add(books[b].hasAnyPosition()
                    ? who + " opened a position that is still open at the end (no round trip closed)"
                    : who + " closed no round trip (orders.csv shows what it placed)");
                continue;
            }
            final long bars = decisions.barsDecided();
            if (bars == 0) {
                notes.add(who + " got no bar at " + spec.interval().label());
            } else if (decisions.decisions() == 0) {
                final long warmUp = decisions.warmUpBars();
                String note = who + " decided nothing on its " + bars + " bars at " + spec.interval().label();
                if (warmUp == bars) {
                    note += "; its indicators were still warming up (NaN) on all of them: the data is shorter than"
                        + " its warm-up (more data, or a finer interval)";
                } else if (warmUp > 0) {
                    note += "; its indicators were still warming up (NaN) on " + warmUp + " of them, so it could"
                        + " decide on " + (bars - warmUp);
                }
                notes.add(note);
            } else if (books[b].hasAnyPosition()) {
                notes.add(who + " opened a position that is still open at the end (no round trip closed)");
            } else {
                notes.add(who + " decided " + decisions.decisions() + " times but no order filled (orders.csv says"
                    + " why)");
            }
        }
        return notes;
    }
}
