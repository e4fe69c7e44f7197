package io.ringtrade.bench;

import io.ringtrade.adapters.venue.LiveVenueAdapter;
import io.ringtrade.adapters.venue.MarketClock;
import io.ringtrade.adapters.venue.OrderLedger;
import io.ringtrade.adapters.venue.OrderRef;
import io.ringtrade.adapters.venue.Quote;
import io.ringtrade.adapters.venue.VenueClient;
import io.ringtrade.adapters.venue.VenueException;
import io.ringtrade.adapters.venue.VenueInstrument;
import io.ringtrade.adapters.venue.VenueOrderHistory;
import io.ringtrade.adapters.venue.xchange.SimulatedLiquidity;
import io.ringtrade.adapters.venue.xchange.SimulatedMarket;
import io.ringtrade.adapters.venue.xchange.XChangeVenues;
import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.config.MarketHoursRule;
import io.ringtrade.engine.config.ReconciliationConfig;
import io.ringtrade.engine.config.VenueConfig;
import io.ringtrade.engine.config.VenueType;
import io.ringtrade.engine.config.WaitStrategyKind;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.pipeline.EnginePipeline;
import io.ringtrade.engine.reconcile.VenueFill;
import io.ringtrade.engine.reconcile.VenueOrder;
import io.ringtrade.engine.reconcile.VenueOrderStatus;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.runtime.Engine;
import io.ringtrade.engine.venue.SimulatedFillModel;
import io.ringtrade.strategies.SmaCrossover;
import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The live venue adapter's cost, in two parts, each beside its baseline in the same run.
 *
 * <p><b>Release to venue call.</b> The main thread stands for the gateway: it releases one SUBMIT every
 * {@code 1 / rate} seconds into {@link LiveVenueAdapter#release} (stamping the effect's time with
 * {@code System.nanoTime()}); the adapter's own thread (Agrona agent, back-off idle strategy: spin, yield, then park up
 * to 1 ms) takes it off the queue, checks market hours and writes the ledger line, and calls the venue; a timing client
 * records {@code nanoTime - stamp} at the call's entry (the adapter's added latency) and the call's own duration.
 * <pre>
 *   main (gateway stand-in) ──release──► EffectQueue (SPSC, pre-allocated) ──► adapter agent ──► venue.submit
 *                                                                           ledger "S id" │ timing: entry - stamp
 * </pre>
 * Cases: a venue that answers at once (BASELINE: the adapter's hand-off and bookkeeping alone) and XChange's simulated
 * exchange (a marketable limit buy of 0.001 BTC against a liquidity account, filled at once; the adapter then asks for
 * the order and its fills).
 *
 * <p><b>Ring throughput.</b> {@link EnginePipeline} with no journal, {@code sma_crossover} fast=2 slow=5 on 1m bars of a
 * seeded random walk (ticks 10 s apart), published as fast as the ring takes them: the paper venue (BASELINE: the
 * simulated venue inside business logic) against the live path (books on a live venue, the adapter as the gateway's
 * effect sink, XChange's simulated exchange, reports published back into the ring by the adapter's thread).
 * Arguments: {@code [releases per second, default 500] [orders per latency case, default 2000] [ticks for throughput,
 * default 2000000]}. The simulated exchange returns the account's whole trade history on every query, so each order
 * costs the adapter more than the one before: above a few hundred orders a second, or over many thousands of orders,
 * its queue backs up and the measured latency is the queue's.
 */
public final class VenueAdapterLatency {
    private static final long START_NANOS = 1_385_337_600_000_000_000L;
    private static final long TICK_SPACING_NANOS = 10_000_000_000L;

    private VenueAdapterLatency() {
    }

    /** Runs both parts and prints their lines. */
    public static void main(final String[] args) throws Exception {
        final int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        final int orders = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        final int ticks = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
        RunConditions.print("VenueAdapterLatency",
            "release to venue call: " + rate + " SUBMITs/s paced (parkNanos), " + orders + " measured after "
                + orders / 5 + " warm-up, per case; adapter idle strategy: BackoffIdleStrategy(10 spins, 20 yields, park"
                + " 1 us..1 ms)",
            "ring throughput: " + ticks + " ticks as fast as the ring takes them, no journal, wait strategy auto,"
                + " sma_crossover 2/5 on 1m bars of a seeded random walk (700-900 USD)");
        final String immediate = latencyCase("BASELINE venue answering at once", rate, orders, false);
        final String simulated = latencyCase("ours, XChange simulated exchange", rate, orders, true);
        final String paper = throughputCase("BASELINE paper venue (in business logic)", ticks, false);
        final String live = throughputCase("ours, live path to XChange simulated", ticks, true);
        System.out.println();
        System.out.println("release -> venue call");
        System.out.println(LatencyReport.header() + "   | the venue call itself, p50 / p99 us");
        System.out.println(immediate);
        System.out.println(simulated);
        System.out.println();
        System.out.println(String.format("%-38s %10s %8s %7s", "ring throughput", "ticks/s", "orders", "fills"));
        System.out.println(paper);
        System.out.println(live);
    }

    /** A client recording the adapter's added latency at each submit's entry, and the call's own duration. */
    private static final class TimingClient implements VenueClient {
        private final VenueClient venue;
        final Histogram added = LatencyReport.newHistogram();
        final Histogram call = LatencyReport.newHistogram();
        volatile boolean measuring;
        private long next;

        TimingClient(final VenueClient venue) {
            this.venue = venue;
        }

        @Override
        public String name() {
            return venue == null ? "immediate" : venue.name();
        }

        @Override
        public String submit(final OrderEffect order, final String symbol, final String clientOrderId)
            throws VenueException {
            final long entered = System.nanoTime();
            final String id = venue == null ? Long.toString(++next) : venue.submit(order, symbol, clientOrderId);
            if (measuring) {
                added.recordValue(Math.max(0, entered - order.timeNanos));
                call.recordValue(Math.max(0, System.nanoTime() - entered));
            }
            return id;
        }

        @Override
        public void cancel(final String venueOrderId, final String clientOrderId, final String symbol)
            throws VenueException {
            if (venue != null) {
                venue.cancel(venueOrderId, clientOrderId, symbol);
            }
        }

        @Override
        public String replace(final String venueOrderId, final String clientOrderId, final String symbol,
                              final long quantity, final long price) throws VenueException {
            throw VenueException.unsupported("not in this benchmark");
        }

        @Override
        public VenueOrder query(final OrderRef order) throws VenueException {
            // the immediate venue fills every order at once at 800
            return venue != null ? venue.query(order) : new VenueOrder(order.clientOrderId(), order.venueOrderId(),
                order.instrumentId(), order.side(), order.quantity(), order.quantity(), FixedPoint.of(800),
                VenueOrderStatus.FILLED);
        }

        @Override
        public List<VenueFill> fills(final String venueOrderId, final String symbol) throws VenueException {
            return venue != null ? venue.fills(venueOrderId, symbol) : List.of();
        }

        @Override
        public List<VenueOrder> openOrders(final List<String> symbols) throws VenueException {
            return venue != null ? venue.openOrders(symbols) : List.of();
        }

        @Override
        public Map<String, Long> balances() throws VenueException {
            return venue != null ? venue.balances() : Map.of();
        }

        @Override
        public Map<String, Long> holdings(final List<String> symbols) throws VenueException {
            return venue != null ? venue.holdings(symbols) : Map.of();
        }

        @Override
        public long serverTimeMillis() {
            return -1;
        }

        @Override
        public MarketClock marketClock() {
            return MarketClock.ALWAYS_OPEN;
        }

        @Override
        public List<VenueInstrument> instruments() throws VenueException {
            return venue != null ? venue.instruments() : List.of();
        }

        @Override
        public Quote quote(final String symbol) throws VenueException {
            return venue != null ? venue.quote(symbol) : new Quote(0, 0, 0, 0, 0, 0, 0);
        }

        @Override
        public String account() {
            return name();
        }

        @Override
        public void close() {
            if (venue != null) {
                venue.close();
            }
        }
    }

    private static VenueConfig venueConfig() {
        return new VenueConfig(VenueType.XCHANGE, VenueConfig.SIMULATED_EXCHANGE, "bench", "", false, "", "",
            Map.of("BTC/USD", "BTC/USD"), 65_536, Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(2),
            3, MarketHoursRule.REFUSE, Duration.ofSeconds(5), Map.of(), 0);
    }

    private static SimulatedMarket market() {
        final SimulatedMarket market = new SimulatedMarket();
        market.deposit("bench", "USD", new BigDecimal("1000000000"));
        market.deposit("bench", "BTC", new BigDecimal("1000000"));
        final SimulatedLiquidity liquidity = new SimulatedLiquidity(market, "BTC/USD", 20, new BigDecimal("1000"));
        liquidity.onTrade(FixedPoint.of(800));
        return market;
    }

    private static LiveVenueAdapter adapter(final VenueClient client, final InstrumentRegistry instruments,
                                            final BusinessLogic logic, final Path dir) {
        final LiveVenueAdapter adapter = new LiveVenueAdapter(client, instruments, venueConfig(),
            ReconciliationConfig.DEFAULT, OrderLedger.open(dir.resolve("venue-ledger.log")),
            dir.resolve("reconciliation.log"), () -> START_NANOS, System::nanoTime,
            new PrintWriter(new StringWriter()));
        adapter.reconcile(logic, new Engine.RecoveryReport(0, 0, 0, 0, 0, 0));
        return adapter;
    }

    private static String latencyCase(final String name, final int rate, final int orders, final boolean simulated)
        throws Exception {
        final InstrumentRegistry instruments = BenchEngine.instruments();
        final int btc = instruments.find(MinuteBars.SYMBOL).id();
        final Path dir = JournalFixtures.newDirectory("venue-latency-");
        final TimingClient client = new TimingClient(simulated
            ? XChangeVenues.open(venueConfig(), market(), VenueOrderHistory.NONE) : null);
        final LiveVenueAdapter adapter = adapter(client, instruments, newLogic(instruments, true), dir);
        final AtomicLong reports = new AtomicLong();
        adapter.start(report -> reports.incrementAndGet());
        final OrderEffect effect = new OrderEffect();
        final long interval = 1_000_000_000L / rate;
        final int warmup = orders / 5;
        try {
            final long start = System.nanoTime() + 1_000_000L;
            for (int i = 0; i < warmup + orders; i++) {
                if (i == warmup) {
                    // the warm-up orders still queued are measured too: the count can pass `orders` a little
                    client.measuring = true;
                }
                final long due = start + (long) i * interval;
                long now;
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
                effect.clear();
                effect.kind = EffectKind.SUBMIT;
                effect.clientOrderId = 1_000L * (i + 1);
                effect.instrumentId = btc;
                effect.side = 1;
                effect.orderType = OrderType.LIMIT;
                effect.quantity = FixedPoint.parse("0.001");
                effect.price = FixedPoint.of(900);
                effect.timeNanos = System.nanoTime();
                adapter.release(effect, null);
            }
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (client.added.getTotalCount() < orders && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000L);
            }
        } finally {
            adapter.close();
            client.close();
            JournalFixtures.delete(dir);
        }
        final String line = LatencyReport.line(name, client.added) + String.format("   | %.1f / %.1f",
            client.call.getValueAtPercentile(50) / 1000.0, client.call.getValueAtPercentile(99) / 1000.0);
        System.out.println(line + "   (" + reports.get() + " reports)");
        return line;
    }

    private static String throughputCase(final String name, final int ticks, final boolean live) throws Exception {
        final InstrumentRegistry instruments = BenchEngine.instruments();
        final int btc = instruments.find(MinuteBars.SYMBOL).id();
        final BusinessLogic logic = newLogic(instruments, live);
        final Path dir = JournalFixtures.newDirectory("venue-throughput-");
        final LiveVenueAdapter adapter = live ? adapter(XChangeVenues.open(venueConfig(), market(),
            VenueOrderHistory.NONE), instruments, logic, dir) : null;
        final long[] prices = TickToOrderLatency.randomWalk(1 << 20);
        final EngineEvent input = new EngineEvent();
        final long started;
        final long ended;
        try {
            final EnginePipeline pipeline = new EnginePipeline(logic, EventJournal.none(),
                live ? adapter : EffectSink.NONE, 65_536, WaitStrategyKind.AUTO, 0);
            if (live) {
                adapter.start(pipeline::publish);
            }
            started = System.nanoTime();
            for (int i = 0; i < ticks; i++) {
                input.setTrade(btc, START_NANOS + i * TICK_SPACING_NANOS, prices[i & (prices.length - 1)],
                    FixedPoint.parse("0.05"));
                pipeline.publish(input);
            }
            while (pipeline.status().events() < ticks) {
                LockSupport.parkNanos(100_000L);
            }
            ended = System.nanoTime();
            if (live) {
                adapter.close();
            }
            pipeline.drainAndStop(1, TimeUnit.MINUTES);
        } finally {
            JournalFixtures.delete(dir);
        }
        final String line = String.format("%-38s %,10.0f %8d %7d", name, ticks / ((ended - started) / 1e9),
            logic.ordersAccepted(), logic.fills());
        System.out.println(line);
        return line;
    }

    private static BusinessLogic newLogic(final InstrumentRegistry instruments, final boolean live) {
        final SmaCrossover definition = new SmaCrossover();
        final Parameters parameters = Parameters.resolve(definition.name(), definition.parameters(),
            Map.of("fast", "2", "slow", "5"));
        final BookSpec book = new BookSpec(definition.name(), definition.create(parameters),
            new int[] {instruments.find(MinuteBars.SYMBOL).id()}, Interval.M1, FixedPoint.of(10_000),
            new SimulatedFillModel(0, 0, false, 0), RiskLimits.longOnly(FixedPoint.of(10)));
        return new BusinessLogic(instruments, List.of(book), LogicSettings.DEFAULT.withLiveVenue(live));
    }
}
