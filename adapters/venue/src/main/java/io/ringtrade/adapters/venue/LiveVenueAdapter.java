package io.ringtrade.adapters.venue;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.MarketHoursRule;
import io.ringtrade.engine.config.ReconciliationConfig;
import io.ringtrade.engine.config.UnreleasedRule;
import io.ringtrade.engine.config.VenueConfig;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.order.OrderState;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.reconcile.EngineOrder;
import io.ringtrade.engine.reconcile.PaperReconciliation;
import io.ringtrade.engine.reconcile.Reconciler;
import io.ringtrade.engine.reconcile.Reconciliation;
import io.ringtrade.engine.reconcile.VenueFill;
import io.ringtrade.engine.reconcile.VenueOrder;
import io.ringtrade.engine.reconcile.VenueRecord;
import io.ringtrade.engine.reconcile.VenueUnavailableException;
import io.ringtrade.engine.runtime.Engine;
import io.ringtrade.engine.runtime.StartupReconciliation;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A live venue adapter (DESIGN.md §7): the gateway hands it released effects through a bounded queue
 * ({@link #release}, never blocking: a full queue fails the gateway, which halts the engine with the reason), and
 * its own thread, an Agrona {@link Agent} driven by a back-off idle strategy, sends them to the venue through a
 * {@link VenueClient} and publishes what the venue answers as {@code EXECUTION_REPORT} inputs on the ring (journaled
 * before they change a book). Slow or failing HTTP blocks only this thread.
 *
 * <ul>
 *   <li><b>Client order ids</b> from the journal ({@code ClientOrderIds}) are sent with every order and recorded in the
 *       {@link OrderLedger} before the call, so a restart can tell a lost order from one never sent.</li>
 *   <li><b>Reconnects</b>: a transient failure leaves the request at the head of the queue and retries after a capped
 *       exponential back-off; a new order whose submit failed is first looked up by client order id, and sent again
 *       only when the venue does not know it.</li>
 *   <li><b>401</b>: refused credentials are retried {@code auth-retries} times with the same back-off, then the adapter
 *       stops calling the venue, publishes a {@code VENUE_HOLD} of every book and refuses queued orders
 *       ({@code NOT_SENT}); it never loops.</li>
 *   <li><b>Market hours</b>: while the venue says its market is closed a new order is refused ({@code MARKET_CLOSED})
 *       or kept until it opens ({@code market-hours = queue}).</li>
 *   <li><b>Reconciliation</b> ({@link #reconcile}) runs on the start-up thread after recovery, through the core's
 *       {@link Reconciler}; with {@code reconciliation.fail-closed} the books are held until it is complete and clean,
 *       retried every {@code retry-interval} here. Polling of working orders uses the same reconciler, one order at a
 *       time, so fills found at restart and fills found while running take one path.</li>
 *   <li><b>Order stream</b> ({@link #attach}): while the venue's push stream is live its updates replace polling, each
 *       through the same reconciler against what the adapter already published (so a fill both paths see is applied
 *       once); after each (re)connection every working order is polled once; while it is down polling goes on.</li>
 * </ul>
 *
 * <p>Threads: {@link #release} on the gateway thread; {@link #reconcile} and {@link #start} on the start-up thread;
 * everything else on the adapter's own thread; {@link #status} from any thread.
 */
public final class LiveVenueAdapter implements EffectSink, Agent, StartupReconciliation, AutoCloseable {
    private static final long CLOCK_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final VenueClient client;
    private final InstrumentRegistry instruments;
    private final VenueConfig venue;
    private final ReconciliationConfig reconciliation;
    private final OrderLedger ledger;
    private final Path auditLog;
    private final LongSupplier reportClock;
    private final LongSupplier nanoClock;
    private final PrintWriter log;
    private final SymbolMap symbols;
    private final EffectQueue queue;
    private final Backoff backoff;
    private final VenueIds venueIds = new VenueIds();
    private final Map<Long, Tracked> tracked = new LinkedHashMap<>();
    private final List<Tracked> waitingForOpen = new ArrayList<>();
    private final List<Tracked> toSubmit = new ArrayList<>();
    private final List<Tracked> toCancel = new ArrayList<>();
    private final Map<String, String> venueIdsSeen = new HashMap<>();
    private final ClientVenueRecord pollRecord;
    private final ClientVenueRecord wholeRecord;
    private final Histogram sendLatency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private OrderUpdateStream stream;
    private int streamSessions;
    private boolean resync;
    private long streamUpdates;
    private long[] expectedPositions;
    private long timeFloor;
    private Consumer<EngineEvent> publisher;
    private AgentRunner runner;
    private MarketClock clock;
    private long clockCheckedNanos = Long.MIN_VALUE;
    private long lastPollNanos;
    private long lastReconcileNanos;
    private boolean reconciled;
    private boolean holding;
    private int authFailures;
    private volatile boolean failed;
    private volatile String status = "starting";
    private volatile String lastReconciliation = "";

    /** What the adapter knows of one order it handles: mirrors the engine's order from the reports it published. */
    private static final class Tracked {
        final OrderEffect effect = new OrderEffect();
        long clientOrderId;
        int bookIndex;
        int instrumentId;
        long filledQuantity;
        long filledNotional;
        OrderState state;
        String venueOrderId;
        boolean sent;

        EngineOrder view() {
            return new EngineOrder(clientOrderId, bookIndex, instrumentId, effect.side, effect.orderType,
                effect.quantity, effect.notional, effect.price, filledQuantity, filledNotional, state, effect.timeNanos);
        }
    }

    /**
     * An adapter for {@code client}.
     *
     * @param reportClock event time stamped on the reports it publishes (epoch nanos): the venue's wall clock for a live
     *                    feed, the feed's data time when the market data is a replay
     * @param nanoClock   monotonic clock for back-off and polling
     * @param auditLog    where reconciliation writes every difference it finds (one line each)
     */
    public LiveVenueAdapter(final VenueClient client, final InstrumentRegistry instruments, final VenueConfig venue,
                            final ReconciliationConfig reconciliation, final OrderLedger ledger, final Path auditLog,
                            final LongSupplier reportClock, final LongSupplier nanoClock, final PrintWriter log) {
        this.client = client;
        this.instruments = instruments;
        this.venue = venue;
        this.reconciliation = reconciliation;
        this.ledger = ledger;
        this.auditLog = auditLog;
        this.reportClock = reportClock;
        this.nanoClock = nanoClock;
        this.log = log;
        this.symbols = new SymbolMap(instruments, venue);
        this.queue = new EffectQueue(venue.queueSize());
        this.backoff = new Backoff(venue.reconnectInitial().toNanos(), venue.reconnectMax().toNanos());
        this.pollRecord = new ClientVenueRecord(client, ledger, symbols, false, venueIdsSeen, null);
        this.wholeRecord = new ClientVenueRecord(client, ledger, symbols, true, venueIdsSeen, () -> {
            final Map<String, Long> held = client.holdings(symbols.venueSymbols());
            final long[] positions = new long[instruments.size()];
            for (int id = 0; id < positions.length; id++) {
                // an instrument not on the venue: nothing to compare, count it as what the books hold
                positions[id] = symbols.venueSymbol(id) == null ? expectedPositions[id]
                    : held.getOrDefault(symbols.venueSymbol(id), 0L);
            }
            return positions;
        });
    }

    // ---- gateway thread -------------------------------------------------------------------------------------

    /**
     * Gateway thread: queues a released request for the adapter's thread. Never waits: when the queue is full the
     * gateway fails with the reason, which halts the engine (nothing further is released) rather than holding it up.
     */
    @Override
    public void release(final OrderEffect effect, final EngineEvent cause) {
        if (!queue.offer(effect)) {
            throw new IllegalStateException("the " + client.name() + " adapter's queue is full (" + queue.capacity()
                + " requests waiting; venue status: " + status + "): failing closed rather than waiting");
        }
    }

    // ---- start-up thread ------------------------------------------------------------------------------------

    /** Start-up thread: reconciles the recovered open orders with the venue (see the class comment). */
    @Override
    public List<EngineEvent> reconcile(final BusinessLogic recovered, final Engine.RecoveryReport recovery) {
        // reports never go back before the recovered journal's last time, whatever the report clock says now
        timeFloor = recovery.lastEventTime();
        final List<EngineOrder> open = PaperReconciliation.openOrders(recovered);
        expectedPositions = PaperReconciliation.bookPositions(recovered);
        boolean anyHeld = false;
        for (int b = 0; b < recovered.books().length; b++) {
            anyHeld |= recovered.orders().isHeld(b);
        }
        for (final EngineOrder order : open) {
            final Tracked t = new Tracked();
            t.clientOrderId = order.clientOrderId();
            t.bookIndex = order.bookIndex();
            t.instrumentId = order.instrumentId();
            t.effect.kind = EffectKind.SUBMIT;
            t.effect.clientOrderId = order.clientOrderId();
            t.effect.bookIndex = order.bookIndex();
            t.effect.instrumentId = order.instrumentId();
            t.effect.side = order.side();
            t.effect.orderType = order.orderType();
            t.effect.quantity = order.quantity();
            t.effect.notional = order.notional();
            t.effect.price = order.price();
            t.effect.timeNanos = order.decidedNanos();
            t.filledQuantity = order.filledQuantity();
            t.filledNotional = order.filledNotional();
            t.state = order.state();
            t.venueOrderId = ledger.venueId(order.clientOrderId());
            t.sent = ledger.wasSent(order.clientOrderId());
            tracked.put(t.clientOrderId, t);
        }
        final List<EngineEvent> inputs = new ArrayList<>();
        final Reconciliation result = runReconciliation();
        if (result.complete()) {
            applyStartResult(result, inputs);
        }
        if (!result.clean() && reconciliation.failClosed()) {
            holding = true;
            inputs.add(new EngineEvent().setCommand(now(), CommandCode.VENUE_HOLD, -1,
                result.complete() ? CommandCode.HOLD_UNRECONCILED : CommandCode.HOLD_RECONCILING));
        } else if (anyHeld) {
            inputs.add(new EngineEvent().setCommand(now(), CommandCode.VENUE_RELEASE, -1, 0));
        }
        lastReconcileNanos = nanoClock.getAsLong();
        return inputs;
    }

    private Reconciliation runReconciliation() {
        final List<EngineOrder> views = new ArrayList<>();
        for (final Tracked t : tracked.values()) {
            views.add(t.view());
        }
        final Reconciliation result = Reconciler.reconcile(views, expectedPositions, wholeRecord,
            reconciliation.unreleased(), now(), venueIds::intern,
            id -> instruments.get(id).symbol());
        lastReconciliation = result.summary();
        audit(result);
        if (!result.complete() && wholeRecord.lastFailure() != null
            && wholeRecord.lastFailure().kind() == VenueException.Kind.AUTHENTICATION) {
            authFailures++;
        }
        return result;
    }

    private void applyStartResult(final Reconciliation result, final List<EngineEvent> inputs) {
        reconciled = true;
        for (final EngineEvent input : result.inputs()) {
            apply(input);
            inputs.add(input);
        }
        for (final EngineOrder order : result.toSend()) {
            toSubmit.add(tracked.get(order.clientOrderId()));
        }
        for (final EngineOrder order : result.cancelsToSend()) {
            toCancel.add(tracked.get(order.clientOrderId()));
        }
        for (final Tracked t : tracked.values()) {
            final String venueId = venueIdsSeen.get(Long.toString(t.clientOrderId));
            if (venueId != null) {
                t.venueOrderId = venueId;
                t.sent = true;
            }
        }
    }

    private void audit(final Reconciliation result) {
        if (auditLog == null) {
            return;
        }
        final StringBuilder lines = new StringBuilder();
        final String now = Instant.now().toString();
        lines.append(now).append(' ').append(client.name()).append(": ").append(result.summary()).append('\n');
        for (final String difference : result.differences()) {
            lines.append(now).append("   ").append(difference).append('\n');
        }
        try {
            Files.writeString(auditLog, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the reconciliation log " + auditLog + ": " + e.getMessage(), e);
        }
        log.println("ringtrade: " + client.name() + " " + result.summary() + " (details in " + auditLog + ")");
        result.differences().forEach(line -> log.println("ringtrade:   " + line));
        log.flush();
    }

    /**
     * Start-up thread, after {@link Engine#start}: reports go to {@code publish} (the engine's ring) and the adapter's
     * thread starts.
     */
    public void start(final Consumer<EngineEvent> publish) {
        connect(publish);
        this.runner = new AgentRunner(new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1),
            TimeUnit.MILLISECONDS.toNanos(1)), error -> {
                log.println("ringtrade: " + client.name() + " adapter error: " + error);
                log.flush();
            }, null, this);
        AgentRunner.startOnThread(runner, task -> {
            final Thread thread = new Thread(task, "ringtrade-venue");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Start-up thread, before {@link #start}: order updates also come from the venue's push stream; while it is live
     * the adapter polls only once after each (re)connection, and polls as before while it is down. The stream is the
     * caller's to close.
     */
    public void attach(final OrderUpdateStream updates) {
        this.stream = updates;
    }

    /**
     * Sets where reports go without starting the adapter's thread: the caller then drives {@link #doWork} itself, on
     * one thread (tests, benchmarks).
     */
    public void connect(final Consumer<EngineEvent> publish) {
        this.publisher = publish;
    }

    // ---- adapter thread -------------------------------------------------------------------------------------

    @Override
    public String roleName() {
        return "ringtrade-venue-" + client.name();
    }

    @Override
    public int doWork() {
        if (failed) {
            return refuseQueued();
        }
        final long now = nanoClock.getAsLong();
        if (!backoff.due(now)) {
            return 0;
        }
        try {
            int work = 0;
            if (!reconciled || holding) {
                if (now - lastReconcileNanos >= (reconciled ? reconciliation.retryInterval().toNanos()
                    : Math.min(reconciliation.retryInterval().toNanos(), venue.reconnectMax().toNanos()))
                    || backoff.failures() > 0) {
                    work += retryReconciliation(now);
                }
                if (!reconciled) {
                    return work;
                }
            }
            work += sendPending();
            for (OrderEffect effect = queue.peek(); effect != null; effect = queue.peek()) {
                handle(effect);
                queue.remove();
                work++;
            }
            if (!waitingForOpen.isEmpty() && marketOpen(now)) {
                toSubmit.addAll(waitingForOpen);
                waitingForOpen.clear();
            }
            final boolean streamLive = stream != null && maintainStream(now);
            if (streamLive) {
                work += drainUpdates();
            }
            if (resync || (!streamLive && now - lastPollNanos >= venue.pollInterval().toNanos())) {
                lastPollNanos = now;
                work += poll();
                resync = false;
            }
            succeeded();
            return work;
        } catch (final VenueException e) {
            return failedCall(e, now);
        } catch (final PublishRefused stoppedEngine) {
            status = "stopped: the engine takes no more inputs";
            failed = true;
            return 0;
        }
    }

    private int retryReconciliation(final long now) throws VenueException {
        lastReconcileNanos = now;
        final Reconciliation result = runReconciliation();
        if (!result.complete()) {
            final VenueException cause = wholeRecord.lastFailure();
            throw cause != null ? cause : VenueException.transientFailure(result.summary(), null);
        }
        if (!reconciled) {
            final List<EngineEvent> inputs = new ArrayList<>();
            applyStartResult(result, inputs);
            inputs.forEach(this::publish);
        } else {
            for (final EngineEvent input : result.inputs()) {
                apply(input);
                publish(input);
            }
        }
        if (result.clean() && holding) {
            holding = false;
            publish(new EngineEvent().setCommand(now(), CommandCode.VENUE_RELEASE, -1, 0));
        }
        return 1;
    }

    private int sendPending() throws VenueException {
        int work = 0;
        while (!toCancel.isEmpty()) {
            final Tracked t = toCancel.getFirst();
            if (t != null && tracked.containsKey(t.clientOrderId)) {
                cancel(t);
            }
            toCancel.removeFirst();
            work++;
        }
        while (!toSubmit.isEmpty()) {
            final Tracked t = toSubmit.getFirst();
            if (t != null && tracked.containsKey(t.clientOrderId)) {
                submit(t);
            }
            toSubmit.removeFirst();
            work++;
        }
        return work;
    }

    private void handle(final OrderEffect effect) throws VenueException {
        switch (effect.kind) {
            case EffectKind.SUBMIT -> {
                Tracked t = tracked.get(effect.clientOrderId);
                if (t == null) {
                    t = new Tracked();
                    t.effect.copyFrom(effect);
                    t.clientOrderId = effect.clientOrderId;
                    t.bookIndex = effect.bookIndex;
                    t.instrumentId = effect.instrumentId;
                    t.state = OrderState.RELEASED;
                    tracked.put(t.clientOrderId, t);
                }
                submit(t);
            }
            case EffectKind.CANCEL -> {
                final Tracked t = tracked.get(effect.clientOrderId);
                if (t != null) {
                    cancel(t);
                }
            }
            case EffectKind.REPLACE -> replace(effect);
            case EffectKind.CANCEL_ALL -> {
                for (final Tracked t : new ArrayList<>(tracked.values())) {
                    if (t.bookIndex == effect.bookIndex
                        && (effect.instrumentId < 0 || t.instrumentId == effect.instrumentId)) {
                        cancel(t);
                    }
                }
            }
            default -> throw new IllegalStateException("unknown effect kind " + effect.kind);
        }
    }

    private void submit(final Tracked t) throws VenueException {
        if (t.sent) {
            // a submit whose outcome a failure hid: ask before sending again
            final VenueOrder found = pollRecordFind(t);
            if (found != null) {
                return;
            }
        }
        if (symbols.venueSymbol(t.instrumentId) == null) {
            log.println("ringtrade: order " + t.clientOrderId + ": " + instruments.get(t.instrumentId).symbol()
                + " is not in ringtrade.venue.symbols, so it does not trade on " + client.name() + "; not sent");
            report(t, ReportKind.REJECT, VenueReason.NOT_SENT, 0, 0, 0, 0);
            return;
        }
        final long now = nanoClock.getAsLong();
        if (!marketOpen(now)) {
            if (venue.marketHours() == MarketHoursRule.QUEUE) {
                waitingForOpen.add(t);
                return;
            }
            report(t, ReportKind.REJECT, VenueReason.MARKET_CLOSED, 0, 0, 0, 0);
            return;
        }
        if (!t.sent) {
            ledger.sending(t.clientOrderId);
            t.sent = true;
        }
        final String venueId;
        final long started = nanoClock.getAsLong();
        try {
            venueId = client.submit(t.effect, symbols.venueSymbol(t.instrumentId), Long.toString(t.clientOrderId));
        } catch (final VenueException e) {
            // a request the venue cannot take at all is refused like one it declines: retrying would loop
            if (e.kind() == VenueException.Kind.REFUSED || e.kind() == VenueException.Kind.UNSUPPORTED) {
                report(t, ReportKind.REJECT, e.reason(), 0, 0, 0, 0);
                note(t, e);
                return;
            }
            throw e;
        }
        sendLatency.recordValue(Math.max(0, Math.min(nanoClock.getAsLong() - started, sendLatency.getHighestTrackableValue())));
        ledger.taken(t.clientOrderId, venueId);
        t.venueOrderId = venueId;
        report(t, ReportKind.ACK, VenueReason.NONE, venueIds.intern(venueId), 0, 0, 0);
        pollOne(t);
    }

    /** Asks the venue about an order whose submit may or may not have arrived; publishes what it finds. */
    private VenueOrder pollRecordFind(final Tracked t) throws VenueException {
        final VenueOrder found = client.query(new OrderRef(t.clientOrderId, t.venueOrderId,
            symbols.venueSymbol(t.instrumentId), t.instrumentId, t.effect.side, t.effect.quantity, t.effect.notional));
        if (found != null) {
            t.venueOrderId = found.venueOrderId();
            if (ledger.venueId(t.clientOrderId) == null) {
                ledger.taken(t.clientOrderId, found.venueOrderId());
            }
            pollOne(t);
        }
        return found;
    }

    private void cancel(final Tracked t) throws VenueException {
        if (t.state != OrderState.PENDING_CANCEL) {
            t.state = OrderState.PENDING_CANCEL;
        }
        if (waitingForOpen.remove(t) || !t.sent) {
            report(t, ReportKind.CANCEL_ACK, VenueReason.NONE, 0, 0, 0, 0);
            return;
        }
        if (t.venueOrderId == null && pollRecordFind(t) == null) {
            report(t, ReportKind.CANCEL_ACK, VenueReason.NONE, 0, 0, 0, 0);
            return;
        }
        if (!tracked.containsKey(t.clientOrderId)) {
            return;
        }
        try {
            client.cancel(t.venueOrderId, Long.toString(t.clientOrderId), symbols.venueSymbol(t.instrumentId));
        } catch (final VenueException e) {
            if (e.kind() != VenueException.Kind.REFUSED) {
                throw e;
            }
            // unknown or already finished at the venue: what it has decides (a fill wins the race)
        }
        pollOne(t);
    }

    private void replace(final OrderEffect effect) throws VenueException {
        final Tracked t = tracked.get(effect.clientOrderId);
        if (t == null) {
            return;
        }
        try {
            final String venueId = client.replace(t.venueOrderId, Long.toString(t.clientOrderId),
                symbols.venueSymbol(t.instrumentId), effect.quantity, effect.price);
            if (venueId != null && !venueId.equals(t.venueOrderId)) {
                ledger.taken(t.clientOrderId, venueId);
                t.venueOrderId = venueId;
            }
            t.effect.quantity = effect.quantity;
            t.effect.price = effect.price;
            report(t, ReportKind.REPLACE_ACK, VenueReason.NONE, venueIds.intern(t.venueOrderId), effect.quantity,
                effect.price, 0);
        } catch (final VenueException e) {
            if (e.kind() == VenueException.Kind.TRANSIENT || e.kind() == VenueException.Kind.AUTHENTICATION) {
                throw e;
            }
            report(t, ReportKind.REPLACE_REJECT, e.reason(), 0, 0, 0, 0);
            note(t, e);
        }
    }

    /** Keeps the stream connected; true when it is live. A new session asks for one poll of every working order. */
    private boolean maintainStream(final long now) {
        stream.maintain(now);
        if (stream.sessions() != streamSessions) {
            streamSessions = stream.sessions();
            resync = true;
        }
        return stream.live();
    }

    /**
     * The stream's updates, each through the reconciler against what the adapter already published, so an update the
     * polling path (or an earlier update) already applied adds nothing: no fill is applied twice.
     */
    private int drainUpdates() throws VenueException {
        int work = 0;
        for (OrderUpdate update = stream.poll(); update != null; update = stream.poll()) {
            streamUpdates++;
            final Tracked t = tracked.get(update.order().clientOrderId());
            // an order that ended, a foreign one, one whose submit answer is not in yet, or an update of an id a
            // replace retired (the replace's own answer moves the order): the submit, replace and polling paths own it
            if (t == null || t.venueOrderId == null || !t.venueOrderId.equals(update.order().venueOrderId())
                || update.event().startsWith("pending_") || update.event().equals("replaced")) {
                continue;
            }
            final Reconciliation result = Reconciler.reconcile(List.of(t.view()), new long[instruments.size()],
                new UpdateRecord(update, t), UnreleasedRule.DROP, now(), venueIds::intern,
                id -> instruments.get(id).symbol());
            if (!result.complete()) {
                // the update needed the venue's fill list and the venue did not answer: poll once it does
                resync = true;
                final VenueException cause = pollRecord.lastFailure();
                throw cause != null ? cause : VenueException.transientFailure(result.summary(), null);
            }
            for (final EngineEvent input : result.inputs()) {
                apply(input);
                publish(input);
                work++;
            }
        }
        return work;
    }

    /**
     * One stream update as the venue's record of its order: the order it carries, and as fills the execution it
     * reports when that is exactly what the engine lacks; otherwise (an update missed before it) the venue's fill list.
     */
    private final class UpdateRecord implements VenueRecord {
        private final OrderUpdate update;
        private final Tracked order;

        UpdateRecord(final OrderUpdate update, final Tracked order) {
            this.update = update;
            this.order = order;
        }

        @Override
        public String name() {
            return client.name();
        }

        @Override
        public VenueOrder find(final EngineOrder engineOrder) {
            final VenueOrder o = update.order();
            return new VenueOrder(o.clientOrderId(), o.venueOrderId(), order.instrumentId, o.side(), o.quantity(),
                o.filledQuantity(), o.averagePrice(), o.status());
        }

        @Override
        public List<VenueFill> fills(final EngineOrder engineOrder, final VenueOrder venueOrder)
            throws VenueUnavailableException {
            final VenueFill fill = update.fill();
            final long before = venueOrder.filledQuantity() - (fill == null ? 0 : fill.quantity());
            if (fill != null && before == engineOrder.filledQuantity()) {
                // what the engine settled, then this execution (the reconciler skips the settled part)
                return before == 0 ? List.of(fill) : List.of(new VenueFill("settled", before, 0, 0, 0), fill);
            }
            return pollRecord.fills(engineOrder, venueOrder);
        }

        @Override
        public List<VenueOrder> openOrders() {
            return List.of();
        }

        @Override
        public boolean wasSent(final long clientOrderId) {
            return true;
        }

        @Override
        public long[] positions() {
            return null;
        }
    }

    private int poll() throws VenueException {
        int work = 0;
        for (final Tracked t : new ArrayList<>(tracked.values())) {
            if (t.sent && t.venueOrderId != null && tracked.containsKey(t.clientOrderId)) {
                work += pollOne(t);
            }
        }
        return work;
    }

    /** One order through the reconciler: acks, fills and its end since the last look. */
    private int pollOne(final Tracked t) throws VenueException {
        final Reconciliation result = Reconciler.reconcile(List.of(t.view()), new long[instruments.size()],
            pollRecord, UnreleasedRule.DROP, now(), venueIds::intern,
            id -> instruments.get(id).symbol());
        if (!result.complete()) {
            final VenueException cause = pollRecord.lastFailure();
            throw cause != null ? cause : VenueException.transientFailure(result.summary(), null);
        }
        for (final EngineEvent input : result.inputs()) {
            apply(input);
            publish(input);
        }
        return result.inputs().size();
    }

    private boolean marketOpen(final long now) throws VenueException {
        if (clock == null || now - clockCheckedNanos >= CLOCK_REFRESH_NANOS
            || (clock.nextOpenMillis() > 0 && !clock.open() && System.currentTimeMillis() >= clock.nextOpenMillis())
            || (clock.nextCloseMillis() > 0 && clock.open() && System.currentTimeMillis() >= clock.nextCloseMillis())) {
            clock = client.marketClock();
            clockCheckedNanos = now;
        }
        return clock.open();
    }

    private void report(final Tracked t, final int kind, final int reason, final long venueKey, final long quantity,
                        final long price, final long fee) {
        final EngineEvent input = new EngineEvent().setReport(now(), t.clientOrderId, venueKey, kind,
            reason, quantity, price, fee);
        apply(input);
        publish(input);
    }

    /** Keeps the adapter's view of an order in step with the report the engine will apply. */
    private void apply(final EngineEvent report) {
        final Tracked t = tracked.get(report.clientOrderId);
        if (t == null) {
            return;
        }
        switch (ReportKind.kindOf(report.reportKind)) {
            case ReportKind.ACK -> {
                if (t.state == OrderState.RELEASED) {
                    t.state = OrderState.ACCEPTED;
                }
            }
            case ReportKind.PARTIAL_FILL -> {
                t.filledQuantity += report.lastQuantity;
                t.filledNotional += FixedPoint.multiply(report.lastPrice, report.lastQuantity);
                if (t.state == OrderState.RELEASED || t.state == OrderState.ACCEPTED) {
                    t.state = OrderState.PARTIALLY_FILLED;
                }
                expectedPositions[t.instrumentId] += t.effect.side * report.lastQuantity;
            }
            case ReportKind.FILL -> {
                expectedPositions[t.instrumentId] += t.effect.side * report.lastQuantity;
                forget(t);
            }
            case ReportKind.CANCEL_ACK, ReportKind.REJECT, ReportKind.EXPIRED -> forget(t);
            case ReportKind.CANCEL_REJECT -> t.state = t.filledQuantity > 0 ? OrderState.PARTIALLY_FILLED
                : OrderState.ACCEPTED;
            default -> {
                // replace answers change nothing the adapter tracks beyond what replace() set
            }
        }
    }

    private void forget(final Tracked t) {
        tracked.remove(t.clientOrderId);
        waitingForOpen.remove(t);
    }

    private void publish(final EngineEvent input) {
        try {
            publisher.accept(input);
        } catch (final IllegalStateException stopped) {
            throw new PublishRefused();
        }
    }

    private void note(final Tracked t, final VenueException e) {
        log.println("ringtrade: " + client.name() + " refused order " + t.clientOrderId + ": " + e.getMessage());
        log.flush();
    }

    private void succeeded() {
        if (backoff.failures() > 0 || authFailures > 0) {
            log.println("ringtrade: " + client.name() + " reachable again");
            log.flush();
        }
        backoff.succeed();
        authFailures = 0;
        status = holding ? "HELD: " + lastReconciliation : "connected, " + tracked.size() + " working";
    }

    private int failedCall(final VenueException e, final long now) {
        if (e.kind() == VenueException.Kind.AUTHENTICATION) {
            authFailures++;
            if (authFailures > venue.authRetries()) {
                failed = true;
                status = "HALTED: " + client.name() + " refused the credentials " + authFailures + " times ("
                    + e.getMessage() + "); books held; fix the keys and restart";
                log.println("ringtrade: " + status);
                log.flush();
                try {
                    publish(new EngineEvent().setCommand(now(), CommandCode.VENUE_HOLD, -1,
                        CommandCode.HOLD_AUTHENTICATION));
                } catch (final PublishRefused stopped) {
                    return 0;
                }
                return 1;
            }
        }
        final long wait = backoff.fail(now);
        status = "reconnecting in " + TimeUnit.NANOSECONDS.toMillis(wait) + " ms after " + backoff.failures()
            + " failure" + (backoff.failures() == 1 ? "" : "s") + " (" + e.kind() + ": " + e.getMessage() + ")";
        log.println("ringtrade: " + client.name() + " " + status);
        log.flush();
        return 0;
    }

    /** After credentials were refused for good: queued new orders are refused, nothing is sent. */
    private int refuseQueued() {
        int work = 0;
        for (OrderEffect effect = queue.peek(); effect != null; effect = queue.peek()) {
            if (effect.kind == EffectKind.SUBMIT) {
                try {
                    publish(new EngineEvent().setReport(now(), effect.clientOrderId, 0,
                        ReportKind.REJECT, VenueReason.NOT_SENT, 0, 0, 0));
                } catch (final PublishRefused stopped) {
                    return work;
                }
            }
            queue.remove();
            work++;
        }
        return work;
    }

    /** The engine stopped taking inputs. */
    private static final class PublishRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PublishRefused() {
            super("the engine takes no more inputs", null, false, false);
        }
    }

    /** The event time of a report: the report clock, never before the recovered journal's last time. */
    private long now() {
        return Math.max(timeFloor, reportClock.getAsLong());
    }

    // ---- any thread -----------------------------------------------------------------------------------------

    /** One phrase for the status line: connected, reconnecting, held, halted (and the order stream's state). */
    public String status() {
        final OrderUpdateStream updates = stream;
        return updates == null ? status : status + "; " + updates.status();
    }

    /** Updates taken from the order stream so far (adapter thread; for tests and the status line). */
    public long streamUpdates() {
        return streamUpdates;
    }

    /** The summary of the last reconciliation. */
    public String lastReconciliation() {
        return lastReconciliation;
    }

    /** Whether the credentials were refused for good. */
    public boolean authenticationFailed() {
        return failed;
    }

    /** Requests waiting in the queue. */
    public int queued() {
        return queue.size();
    }

    /** Time from taking a new order off the queue to the venue's answer, per order (read after {@link #close}). */
    public Histogram sendLatency() {
        return sendLatency;
    }

    /** Stops the adapter's thread (the venue client is the caller's to close). */
    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
    }
}
