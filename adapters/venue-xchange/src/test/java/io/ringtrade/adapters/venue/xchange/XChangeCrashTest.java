package io.ringtrade.adapters.venue.xchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.TradeSeriesData;
import io.ringtrade.adapters.venue.LiveLoop;
import io.ringtrade.adapters.venue.LockedVenueClient;
import io.ringtrade.adapters.venue.MarketClock;
import io.ringtrade.adapters.venue.OrderRef;
import io.ringtrade.adapters.venue.Quote;
import io.ringtrade.adapters.venue.VenueClient;
import io.ringtrade.adapters.venue.VenueException;
import io.ringtrade.adapters.venue.VenueInstrument;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.config.MarketHoursRule;
import io.ringtrade.engine.config.ReconciliationConfig;
import io.ringtrade.engine.config.VenueConfig;
import io.ringtrade.engine.config.VenueType;
import io.ringtrade.engine.reconcile.VenueFill;
import io.ringtrade.engine.reconcile.VenueOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order.OrderType;
import org.knowm.xchange.dto.trade.UserTrade;
import org.knowm.xchange.service.trade.params.DefaultTradeHistoryParamCurrencyPair;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The crash test of the journal issue, with XChange's simulated exchange in place of the paper venue: real Bitstamp
 * trades (the first 4,000 of 25 November 2013) drive a book that buys after a rising minute and sells after a falling
 * one, with a liquidity account quoting 10 bps around each trade; the engine "crashes" 12 times at points a fixed seed
 * picks, in the two windows that matter: after inputs were journaled but before the adapter took their orders (they
 * are decided but unreleased: dropped at restart), and after the venue took orders and answered but before the answers
 * were journaled (reconciliation must find them). Each restart replays the journal into new business logic and a new
 * adapter, which reconciles with the exchange (which lived on). At the end the exchange's own record holds no client
 * order id twice, and every fill it made is in the books.
 */
final class XChangeCrashTest {
    private static final VenueConfig VENUE = LiveLoop.venueConfig(VenueType.XCHANGE, VenueConfig.SIMULATED_EXCHANGE,
        "ringtrade", "", MarketHoursRule.REFUSE);
    private static final int TRADES = 4_000;
    private static final int CRASHES = 12;

    @TempDir
    Path dir;

    @Test
    void shouldNeverSendAClientOrderIdTwiceAndSettleEveryFillAcrossCrashes() throws IOException {
        final SimulatedMarket market = new SimulatedMarket();
        market.deposit("ringtrade", "USD", new BigDecimal("10000"));
        final SimulatedLiquidity liquidity = new SimulatedLiquidity(market, "BTC/USD", 10, new BigDecimal("50"));
        final Map<String, Integer> submitsPerClientId = new HashMap<>();
        final TradeSeriesData trades = MarketDataFiles.loadTrades(Path.of(System.getProperty("ringtrade.data.dir",
            "target/data")).resolve("bitstamp_trades_from_20131125_usd.csv"), "BTC/USD");
        final DecisionStrategy momentum = row -> row.close() > row.close(1) ? DecisionStrategy.BUY
            : row.close() < row.close(1) ? DecisionStrategy.SELL : DecisionStrategy.HOLD;
        final List<EngineEvent> journal = new ArrayList<>();
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);
        final Random crashes = new Random(20131125L);
        // crash on the first trade of a minute, where the book decides: there are orders in flight
        final List<Integer> minuteStarts = new ArrayList<>();
        for (int i = 100; i < TRADES - 100; i++) {
            if (trades.timeNanos(i) / 60_000_000_000L != trades.timeNanos(i - 1) / 60_000_000_000L) {
                minuteStarts.add(i);
            }
        }
        final int[] crashAt = crashes.ints(CRASHES, 0, minuteStarts.size()).distinct().map(minuteStarts::get)
            .sorted().toArray();

        LiveLoop loop = null;
        int nextCrash = 0;
        int restarts = 0;
        for (int i = 0; i < TRADES; i++) {
            if (loop == null) {
                loop = new LiveLoop("BTC/USD", "0.01", "0.0001", VENUE, ledger -> counting(
                    XChangeVenues.open(VENUE, market, ledger), submitsPerClientId), dir, journal,
                    ReconciliationConfig.DEFAULT, nanos, momentum);
                loop.settle();
                restarts++;
            }
            liquidity.onTrade(trades.price(i));
            loop.publish(new EngineEvent().setTrade(LiveLoop.BTC, trades.timeNanos(i), trades.price(i),
                trades.quantity(i)));
            if (nextCrash < crashAt.length && i == crashAt[nextCrash]) {
                nextCrash++;
                loop.settle();
                if (nextCrash % 2 == 0) {
                    // the venue took the orders and answered, the answers never reached the journal
                    nanos.addAndGet(10_000_000L);
                    loop.adapter.doWork();
                    loop.dropPending();
                }
                // otherwise the decided orders never left the adapter's queue
                loop.ledger.close();
                loop = null;
                continue;
            }
            loop.run(1);
        }
        loop.run(5);

        assertThat(restarts).isEqualTo(crashAt.length + 1);
        assertThat(submitsPerClientId).isNotEmpty();
        assertThat(submitsPerClientId.values()).allMatch(count -> count == 1);
        final List<UserTrade> fills = market.exchange("ringtrade").getTradeService()
            .getTradeHistory(new DefaultTradeHistoryParamCurrencyPair(CurrencyPair.BTC_USD)).getUserTrades();
        long venuePosition = 0;
        for (final UserTrade fill : fills) {
            venuePosition += (fill.getType() == OrderType.BID ? 1 : -1) * Decimals.fixed(fill.getOriginalAmount());
        }
        assertThat(fills).hasSizeGreaterThan(10);
        assertThat(loop.logic.fills()).isEqualTo(fills.size());
        assertThat(loop.logic.books()[0].position(LiveLoop.BTC)).isEqualTo(venuePosition);
        assertThat(loop.logic.orders().anomalies()).isZero();
        long reportsJournaled = 0;
        for (final EngineEvent input : journal) {
            reportsJournaled += input.type == EventType.EXECUTION_REPORT ? 1 : 0;
        }
        assertThat(reportsJournaled).isGreaterThan(fills.size());
        final String audit = Files.readString(dir.resolve("reconciliation.log"));
        // both windows were hit: orders dropped unsent, and orders the venue had found by client id
        assertThat(audit).contains("never sent before the stop: dropped (NOT_SENT)")
            .contains("before the stop: acknowledged, not sent again").doesNotContain("UNRESOLVED");
    }

    /** The venue's record of what it received: every accepted submit, by client order id. */
    private static VenueClient counting(final VenueClient client, final Map<String, Integer> submits) {
        return new LockedVenueClient(new VenueClient() {
            @Override
            public String name() {
                return client.name();
            }

            @Override
            public String submit(final OrderEffect order, final String symbol, final String clientOrderId)
                throws VenueException {
                final String id = client.submit(order, symbol, clientOrderId);
                submits.merge(clientOrderId, 1, Integer::sum);
                return id;
            }

            @Override
            public void cancel(final String venueOrderId, final String clientOrderId, final String symbol)
                throws VenueException {
                client.cancel(venueOrderId, clientOrderId, symbol);
            }

            @Override
            public String replace(final String venueOrderId, final String clientOrderId, final String symbol,
                                  final long quantity, final long price) throws VenueException {
                return client.replace(venueOrderId, clientOrderId, symbol, quantity, price);
            }

            @Override
            public VenueOrder query(final OrderRef order) throws VenueException {
                return client.query(order);
            }

            @Override
            public List<VenueFill> fills(final String venueOrderId, final String symbol) throws VenueException {
                return client.fills(venueOrderId, symbol);
            }

            @Override
            public List<VenueOrder> openOrders(final List<String> symbols) throws VenueException {
                return client.openOrders(symbols);
            }

            @Override
            public Map<String, Long> balances() throws VenueException {
                return client.balances();
            }

            @Override
            public Map<String, Long> holdings(final List<String> symbols) throws VenueException {
                return client.holdings(symbols);
            }

            @Override
            public long serverTimeMillis() throws VenueException {
                return client.serverTimeMillis();
            }

            @Override
            public MarketClock marketClock() throws VenueException {
                return client.marketClock();
            }

            @Override
            public List<VenueInstrument> instruments() throws VenueException {
                return client.instruments();
            }

            @Override
            public Quote quote(final String symbol) throws VenueException {
                return client.quote(symbol);
            }

            @Override
            public String account() throws VenueException {
                return client.account();
            }

            @Override
            public void close() {
                client.close();
            }
        }, new Object());
    }
}
