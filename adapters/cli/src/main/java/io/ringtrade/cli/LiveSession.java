package io.ringtrade.cli;

import io.ringtrade.adapters.venue.LiveVenueAdapter;
import io.ringtrade.adapters.venue.OrderLedger;
import io.ringtrade.adapters.venue.OrderUpdateStream;
import io.ringtrade.adapters.venue.SymbolMap;
import io.ringtrade.adapters.venue.VenueClient;
import io.ringtrade.adapters.venue.VenueException;
import io.ringtrade.adapters.venue.VenueMarketData;
import io.ringtrade.adapters.venue.VenueOrderHistory;
import io.ringtrade.adapters.venue.xchange.SimulatedLiquidity;
import io.ringtrade.adapters.venue.xchange.SimulatedMarket;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.FeedType;
import io.ringtrade.engine.config.Mode;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.runtime.Engine;
import io.ringtrade.engine.runtime.StartupReconciliation;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What {@code ringtrade run} adds around the engine for a live venue or live market data: the venue client, the
 * adapter (an effect sink and the start-up reconciliation) with its ledger and reconciliation log beside the journal,
 * the venue's polled market data for {@code feed.type = venue}, and for XChange's simulated exchange the liquidity
 * account quoting around the replayed trades. Paper mode on a file feed needs none of it ({@link #NONE}). Built and
 * closed on the main thread; the feed wrapper runs on the feed thread.
 */
final class LiveSession implements AutoCloseable {
    private static final long DRAIN_MILLIS = 10_000;

    private final EngineConfig config;
    private final OrderLedger ledger;
    private final VenueClient client;
    private final LiveVenueAdapter adapter;
    private final SimulatedLiquidity liquidity;
    private OrderUpdateStream updates;
    /** The replayed feed's data time, the report clock of a venue fed by a replay; written by the feed thread. */
    private final AtomicLong dataTime;
    private VenueMarketData venueFeed;

    private LiveSession(final EngineConfig config, final OrderLedger ledger, final VenueClient client,
                        final LiveVenueAdapter adapter, final SimulatedLiquidity liquidity, final AtomicLong dataTime) {
        this.config = config;
        this.dataTime = dataTime;
        this.ledger = ledger;
        this.client = client;
        this.adapter = adapter;
        this.liquidity = liquidity;
    }

    /**
     * The session {@code config} asks for; {@code liveConfirmed} is the {@code --live} flag.
     *
     * @throws UserException when live mode is not confirmed, or confirmed for a paper configuration
     */
    static LiveSession open(final EngineConfig config, final Path journalDir, final boolean liveConfirmed,
                            final PrintWriter err) {
        final boolean live = config.mode() == Mode.LIVE;
        if (live && !liveConfirmed) {
            throw new UserException("the configuration says mode = live: orders go to " + config.venue().label()
                + "; add --live to confirm, or set mode = paper");
        }
        if (!live && liveConfirmed) {
            throw new UserException("--live was given but the configuration says mode = paper; set mode = live to"
                + " trade on " + (LiveVenues.configured(config.venue()) ? config.venue().label() : "a venue"));
        }
        final boolean venueFeed = config.feed().type() == FeedType.VENUE;
        if (!live && !venueFeed) {
            return new LiveSession(config, null, null, null, null, new AtomicLong());
        }
        final OrderLedger ledger = live ? LiveVenues.ledger(journalDir) : null;
        final VenueClient client = LiveVenues.open(config.venue(), ledger == null ? VenueOrderHistory.NONE : ledger);
        final SimulatedLiquidity liquidity = config.venue().simulated() && config.venue().liquiditySpreadBps() > 0
            ? new SimulatedLiquidity(SimulatedMarket.PROCESS, config.venue().venueSymbol(config.feed().symbol()),
                config.venue().liquiditySpreadBps(), new BigDecimal("50"))
            : null;
        final AtomicLong dataTime = new AtomicLong();
        if (!live) {
            return new LiveSession(config, ledger, client, null, liquidity, dataTime);
        }
        final InstrumentRegistry instruments = config.newInstrumentRegistry();
        final LiveVenueAdapter adapter = new LiveVenueAdapter(client, instruments, config.venue(),
            config.reconciliation(), ledger, journalDir.resolve(LiveVenues.RECONCILIATION_LOG),
            venueFeed ? () -> System.currentTimeMillis() * 1_000_000L : dataTime::get, System::nanoTime, err);
        final LiveSession session = new LiveSession(config, ledger, client, adapter, liquidity, dataTime);
        session.updates = LiveVenues.updates(config.venue(), err);
        if (session.updates != null) {
            adapter.attach(session.updates);
        }
        return session;
    }

    /** Whether the run sends orders to a live venue. */
    boolean live() {
        return adapter != null;
    }

    /** Whether the feed is the venue's live market data (not wound forward on restart). */
    boolean liveFeed() {
        return config.feed().type() == FeedType.VENUE;
    }

    /** The feed: the venue's market data, or {@code replay} with the data clock and simulated liquidity beside it. */
    MarketDataSource feed(final MarketDataSource replay, final InstrumentRegistry instruments) {
        if (liveFeed()) {
            venueFeed = new VenueMarketData(client, new SymbolMap(instruments, config.venue()).venueSymbols(), config.venue().pollInterval().toNanos(),
                System::currentTimeMillis);
            return venueFeed;
        }
        if (adapter == null) {
            return replay;
        }
        return slot -> {
            if (!replay.next(slot)) {
                return false;
            }
            dataTime.set(slot.eventTimeNanos);
            if (liquidity != null && slot.type == EventType.MARKET_DATA) {
                liquidity.onTrade(slot.marketDataKind == MarketDataKind.BAR ? slot.close : slot.price);
            }
            return true;
        };
    }

    /** Where released effects go: the adapter (and the effects log when there is one). */
    EffectSink effects(final EffectSink log) {
        if (adapter == null) {
            return log;
        }
        if (log == EffectSink.NONE) {
            return adapter;
        }
        return (final OrderEffect effect, final EngineEvent cause) -> {
            log.release(effect, cause);
            adapter.release(effect, cause);
        };
    }

    /** How the recovered state is reconciled: with the venue when live, else paper mode's default (null). */
    StartupReconciliation reconciliation() {
        return adapter;
    }

    /** Main thread, after the engine started: the adapter's thread starts, reports go to the engine. */
    void start(final Engine engine) {
        if (adapter != null) {
            adapter.start(engine::publish);
        }
    }

    /** The account line for the start-up message (live only). */
    String account() {
        try {
            return client.account();
        } catch (final VenueException e) {
            return config.venue().label() + " (account not readable: " + e.getMessage() + ")";
        }
    }

    /** The venue's part of the status line ("" without a live venue). */
    String status() {
        final StringBuilder line = new StringBuilder();
        if (adapter != null) {
            line.append(" | venue ").append(adapter.status());
            if (adapter.queued() > 0) {
                line.append(", ").append(adapter.queued()).append(" queued");
            }
        }
        if (venueFeed != null) {
            if (venueFeed.unusableQuotes() > 0) {
                line.append(" | unusable quotes ").append(venueFeed.unusableQuotes());
            }
            if (!venueFeed.failures().isEmpty()) {
                line.append(" | market data ").append(venueFeed.failures());
            }
        }
        return line.toString();
    }

    /** The last reconciliation's summary ("" without a live venue). */
    String reconciliationSummary() {
        return adapter == null ? "" : adapter.lastReconciliation();
    }

    /** Before the engine stops: the live feed ends. */
    void stopFeed() {
        if (venueFeed != null) {
            venueFeed.close();
        }
    }

    /**
     * Before a clean stop: waits (at most {@value #DRAIN_MILLIS} ms) until every request released so far has been
     * sent and the venue's answers to it (acknowledgement, and the fill when the venue filled it at once) are through
     * the pipeline, so that what the venue did before the stop is in the journal and the books, not left for the next
     * start's reconciliation. Returns false when the venue did not answer in time (the next start reconciles).
     */
    boolean settle(final Engine engine) {
        if (adapter == null) {
            return true;
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        while (System.nanoTime() < deadline && engine.failure() == null && !adapter.authenticationFailed()) {
            // queue, pipeline, queue: a request released while the pipeline drained shows in the second look; the
            // adapter takes a request off its queue only after publishing the venue's answers to it
            if (adapter.queued() == 0 && engine.backlog() == 0 && adapter.queued() == 0) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return adapter.queued() == 0 && engine.backlog() == 0;
    }

    /** After the engine stopped: gives the adapter a moment to send the clean stop's cancels. */
    void drain() {
        if (adapter == null) {
            return;
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        while (adapter.queued() > 0 && !adapter.authenticationFailed() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    @Override
    public void close() {
        if (adapter != null) {
            adapter.close();
        }
        if (updates != null) {
            updates.close();
        }
        if (client != null) {
            client.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }
}
