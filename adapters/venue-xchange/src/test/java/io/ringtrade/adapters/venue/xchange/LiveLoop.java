package io.ringtrade.adapters.venue.xchange;

import io.ringtrade.adapters.venue.LiveVenueAdapter;
import io.ringtrade.adapters.venue.OrderLedger;
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
 * calls. One book ({@code live}, 10,000 USD, long only, minimum notional 10) trading BTC/USD (tick 0.01, lot
 * 0.0001) with a strategy that never decides: orders come from signals. The clocks are the test's.
 */
final class LiveLoop {
    static final int BTC = 0;

    final InstrumentRegistry instruments = new InstrumentRegistry();
    final BusinessLogic logic;
    final LiveVenueAdapter adapter;
    final XChangeVenueClient client;
    final OrderLedger ledger;
    final List<EngineEvent> journal;
    final List<EngineEvent> reports = new ArrayList<>();
    final AtomicLong nanos;
    final StringWriter messages = new StringWriter();
    private final List<EngineEvent> pending = new ArrayList<>();
    private long signalKey = 1_000;

    /**
     * A loop over {@code market}, with the ledger in {@code dir}; {@code journal} holds the inputs a previous run
     * journaled (recovery replays them first), and is appended to.
     */
    LiveLoop(final SimulatedMarket market, final Path dir, final List<EngineEvent> journal,
             final ReconciliationConfig reconciliation, final AtomicLong nanos) {
        this.journal = journal;
        this.nanos = nanos;
        instruments.register("BTC/USD", "USD", FixedPoint.parse("0.01"), FixedPoint.parse("0.0001"));
        logic = new BusinessLogic(instruments, List.of(new BookSpec("live", row -> DecisionStrategy.HOLD,
            new int[] {BTC}, Interval.M1, FixedPoint.of(10_000), new SimulatedFillModel(0, 0, false, 0),
            new RiskLimits(false, FixedPoint.of(10), 0))), LogicSettings.DEFAULT.withLiveVenue(true));
        for (final EngineEvent input : journal) {
            logic.onEvent(input);
            input.effects.clear();
        }
        final VenueConfig venue = venueConfig();
        ledger = OrderLedger.open(dir.resolve("venue-ledger.log"));
        client = XChangeVenues.open(venue, market, ledger::clientId);
        adapter = new LiveVenueAdapter(client, instruments, venue, reconciliation, ledger,
            dir.resolve("reconciliation.log"), () -> 1_700_000_000_000_000_000L + journal.size(), nanos::get,
            new PrintWriter(messages, true));
        final List<EngineEvent> found = adapter.reconcile(logic, new Engine.RecoveryReport(journal.size(), 0, 0,
            journal.size(), 0, 0));
        pending.addAll(found);
        adapter.connect(pending::add);
    }

    static VenueConfig venueConfig() {
        return new VenueConfig(VenueType.XCHANGE, VenueConfig.SIMULATED_EXCHANGE, "ringtrade", "", false, "", "",
            Map.of(), 64, Duration.ofMillis(1), Duration.ofMillis(100), Duration.ofSeconds(2), 2,
            MarketHoursRule.REFUSE, Duration.ofSeconds(5), Map.of(), 0);
    }

    /** Publishes an input (it is settled by {@link #settle}). */
    void publish(final EngineEvent input) {
        pending.add(input);
    }

    /** A signal to buy (+1) or sell (-1) {@code quantity} BTC, at a limit when {@code limit} is not null. */
    void signal(final int side, final String quantity, final String limit) {
        publish(new EngineEvent().setSignal(0, signalKey++, 0, BTC, side, SignalSizeKind.QUANTITY,
            FixedPoint.parse(quantity), limit == null ? 0 : FixedPoint.parse(limit)));
    }

    /** A trade of the feed at {@code price}. */
    void trade(final String price) {
        publish(new EngineEvent().setTrade(BTC, 0, FixedPoint.parse(price), FixedPoint.of(1)));
    }

    /** Feeds every waiting input to business logic (journaling it) and hands the effects to the adapter. */
    void settle() {
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
    void run(final int rounds) {
        for (int i = 0; i < rounds; i++) {
            settle();
            nanos.addAndGet(10_000_000L);
            adapter.doWork();
            settle();
        }
    }
}
