package io.ringtrade.adapters.venue;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.SignalSizeKind;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.config.MarketHoursRule;
import io.ringtrade.engine.config.ReconciliationConfig;
import io.ringtrade.engine.config.VenueConfig;
import io.ringtrade.engine.config.VenueType;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.runtime.Engine;
import io.ringtrade.engine.venue.SimulatedFillModel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Business logic on a live venue and the venue adapter, driven by hand on the test's thread: every input (signals,
 * trades, the adapter's reports) goes into a list that {@link #settle} feeds to business logic in order, as the ring
 * and the journal would, and every effect business logic releases goes to the adapter, whose {@code doWork} the test
 * calls. One book ({@code live}, 10,000 USD, long only, minimum notional 10) trading one instrument with a strategy that
 * never decides: orders come from signals. The clocks are the test's. Shared with the venue modules' tests.
 */
public final class LiveLoop {
    /** The one instrument's id. */
    public static final int BTC = 0;

    public final InstrumentRegistry instruments = new InstrumentRegistry();
    public final BusinessLogic logic;
    public final LiveVenueAdapter adapter;
    public final VenueClient client;
    public final OrderLedger ledger;
    public final List<EngineEvent> journal;
    public final List<EngineEvent> reports = new ArrayList<>();
    public final AtomicLong nanos;
    public final StringWriter messages = new StringWriter();
    private final List<EngineEvent> pending = new ArrayList<>();
    private long signalKey = 1_000;

    /** The venue's client, made once the ledger is open (an XChange client looks orders up in it). */
    @FunctionalInterface
    public interface ClientFactory {
        VenueClient open(OrderLedger ledger);
    }

    /**
     * A loop trading {@code symbol} (tick, lot as decimals) through {@code venue}'s client, with the ledger in
     * {@code dir}; {@code journal} holds the inputs a previous run journaled (recovery replays them first), and is
     * appended to.
     */
    public LiveLoop(final String symbol, final String tick, final String lot, final VenueConfig venue,
                    final ClientFactory clients, final Path dir, final List<EngineEvent> journal,
                    final ReconciliationConfig reconciliation, final AtomicLong nanos) {
        this(symbol, tick, lot, venue, clients, dir, journal, reconciliation, nanos, row -> DecisionStrategy.HOLD);
    }

    /** A loop whose book decides with {@code strategy} on one-minute bars (it buys with all its cash, sells all). */
    public LiveLoop(final String symbol, final String tick, final String lot, final VenueConfig venue,
                    final ClientFactory clients, final Path dir, final List<EngineEvent> journal,
                    final ReconciliationConfig reconciliation, final AtomicLong nanos, final DecisionStrategy strategy) {
        this.journal = journal;
        this.nanos = nanos;
        instruments.register(symbol, "USD", FixedPoint.parse(tick), FixedPoint.parse(lot));
        logic = new BusinessLogic(instruments, List.of(new BookSpec("live", strategy,
            new int[] {BTC}, Interval.M1, FixedPoint.of(10_000), new SimulatedFillModel(0, 0, false, 0),
            new RiskLimits(false, FixedPoint.of(10), 0))), LogicSettings.DEFAULT.withLiveVenue(true));
        for (final EngineEvent input : journal) {
            logic.onEvent(input);
            input.effects.clear();
        }
        ledger = OrderLedger.open(dir.resolve("venue-ledger.log"));
        client = clients.open(ledger);
        adapter = new LiveVenueAdapter(client, instruments, venue, reconciliation, ledger,
            dir.resolve("reconciliation.log"), () -> 1_700_000_000_000_000_000L + journal.size(), nanos::get,
            new PrintWriter(messages, true));
        final List<EngineEvent> found = adapter.reconcile(logic, new Engine.RecoveryReport(journal.size(), 0, 0,
            journal.size(), 0, 0));
        pending.addAll(found);
        adapter.connect(pending::add);
    }

    /**
     * A venue configuration for tests: queue of 64, polls every 1 ms, back-off from 100 ms to 2 s, two credential
     * retries, market hours refused (or queued).
     */
    public static VenueConfig venueConfig(final VenueType type, final String exchangeClass, final String apiKey,
                                          final String baseUrl, final MarketHoursRule hours) {
        return new VenueConfig(type, exchangeClass, apiKey, "secret", false, baseUrl, baseUrl, Map.of(), 64,
            Duration.ofMillis(1), Duration.ofMillis(100), Duration.ofSeconds(2), 2, hours, Duration.ofSeconds(5),
            Map.of(), 0);
    }

    /** Publishes an input (it is settled by {@link #settle}). */
    public void publish(final EngineEvent input) {
        pending.add(input);
    }

    /** A signal to buy (+1) or sell (-1) {@code quantity}, at a limit when {@code limit} is not null. */
    public void signal(final int side, final String quantity, final String limit) {
        publish(new EngineEvent().setSignal(0, signalKey++, 0, BTC, side, SignalSizeKind.QUANTITY,
            FixedPoint.parse(quantity), limit == null ? 0 : FixedPoint.parse(limit)));
    }

    /** A trade of the feed at {@code price}. */
    public void trade(final String price) {
        publish(new EngineEvent().setTrade(BTC, 0, FixedPoint.parse(price), FixedPoint.of(1)));
    }

    /** Drops the inputs not journaled yet: a crash before the journal took them. */
    public void dropPending() {
        pending.clear();
    }

    /** Feeds every waiting input to business logic (journaling it) and hands the effects to the adapter. */
    public void settle() {
        while (!pending.isEmpty()) {
            final EngineEvent input = pending.removeFirst();
            input.sequence = journal.size();
            journal.add(input);
            logic.onEvent(input);
            if (input.type == EventType.EXECUTION_REPORT) {
                reports.add(input);
            }
            for (int i = 0; i < input.effects.size(); i++) {
                adapter.release(input.effects.get(i), input);
            }
            input.effects.clear();
        }
    }

    /** Settles, lets the adapter work, and settles what it reported, {@code rounds} times. */
    public void run(final int rounds) {
        for (int i = 0; i < rounds; i++) {
            settle();
            nanos.addAndGet(10_000_000L);
            adapter.doWork();
            settle();
        }
    }
}
