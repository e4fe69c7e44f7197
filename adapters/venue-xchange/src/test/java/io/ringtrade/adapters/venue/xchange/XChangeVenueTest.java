package io.ringtrade.adapters.venue.xchange;

import static io.ringtrade.engine.api.event.OrderType.MARKET;
import static io.ringtrade.engine.api.event.OrderType.LIMIT;
import static io.ringtrade.engine.api.event.OrderType.STOP;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.adapters.venue.LiveLoop;
import io.ringtrade.adapters.venue.OrderLedger;
import io.ringtrade.adapters.venue.OrderRef;
import io.ringtrade.adapters.venue.VenueClient;
import io.ringtrade.adapters.venue.VenueException;
import io.ringtrade.adapters.venue.VenueOrderHistory;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.MarketHoursRule;
import io.ringtrade.engine.config.ReconciliationConfig;
import io.ringtrade.engine.config.VenueConfig;
import io.ringtrade.engine.config.VenueType;
import io.ringtrade.engine.order.Order;
import io.ringtrade.engine.reconcile.VenueFill;
import io.ringtrade.engine.reconcile.VenueOrder;
import io.ringtrade.engine.reconcile.VenueOrderStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order.OrderType;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.knowm.xchange.service.trade.params.DefaultTradeHistoryParamCurrencyPair;
import org.knowm.xchange.service.trade.params.orders.DefaultOpenOrdersParamCurrencyPair;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live venue path against XChange's in-memory simulated exchange (no network): business logic on a live venue,
 * the adapter between them, reports journaled back. A maker account offers 1 BTC at 100.00 and 1 BTC at 101.00 and
 * bids 1 BTC at 99.00; the engine's account holds 10,000 USD. The simulated exchange charges its taker 0.1 % (a buy's
 * fee in BTC, converted to USD at the fill price).
 */
final class XChangeVenueTest {
    private static final CurrencyPair PAIR = CurrencyPair.BTC_USD;
    private static final VenueConfig VENUE = LiveLoop.venueConfig(VenueType.XCHANGE, VenueConfig.SIMULATED_EXCHANGE,
        "ringtrade", "", MarketHoursRule.REFUSE);

    @TempDir
    Path dir;

    private final SimulatedMarket market = new SimulatedMarket();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private Exchange maker;

    @BeforeEach
    void book() throws IOException {
        market.deposit("ringtrade", "USD", new BigDecimal("10000"));
        market.deposit("maker", "BTC", new BigDecimal("10"));
        market.deposit("maker", "USD", new BigDecimal("1000000"));
        maker = market.exchange("maker");
        quote(OrderType.ASK, "1", "100.00");
        quote(OrderType.ASK, "1", "101.00");
        quote(OrderType.BID, "1", "99.00");
    }

    private String quote(final OrderType side, final String amount, final String price) throws IOException {
        return maker.getTradeService().placeLimitOrder(new LimitOrder.Builder(side, PAIR)
            .originalAmount(new BigDecimal(amount)).limitPrice(new BigDecimal(price)).build());
    }

    private LiveLoop loop(final List<EngineEvent> journal) {
        return new LiveLoop("BTC/USD", "0.01", "0.0001", VENUE, ledger -> XChangeVenues.open(VENUE, market, ledger),
            dir,
            journal, ReconciliationConfig.DEFAULT, nanos);
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private static List<String> kinds(final List<EngineEvent> reports) {
        final List<String> kinds = new ArrayList<>();
        for (final EngineEvent report : reports) {
            kinds.add(ReportKind.name(ReportKind.kindOf(report.reportKind)));
        }
        return kinds;
    }

    private List<LimitOrder> engineOpenOrders() throws IOException {
        return market.exchange("ringtrade").getTradeService().getOpenOrders(new DefaultOpenOrdersParamCurrencyPair(PAIR))
            .getOpenOrders();
    }

    private int engineTrades() throws IOException {
        return market.exchange("ringtrade").getTradeService()
            .getTradeHistory(new DefaultTradeHistoryParamCurrencyPair(PAIR)).getUserTrades().size();
    }

    @Test
    void shouldFillALimitBuyCompletelyAndSettleItInTheBook() {
        final LiveLoop loop = loop(new ArrayList<>());
        loop.signal(1, "0.5", "100.00");
        loop.run(3);

        assertThat(kinds(loop.reports)).containsExactly("ACK", "FILL");
        final EngineEvent fill = loop.reports.get(1);
        assertThat(fill.lastQuantity).isEqualTo(fp("0.5"));
        assertThat(fill.lastPrice).isEqualTo(fp("100.00"));
        // 0.1 % of 0.5 BTC = 0.0005 BTC, at 100.00 = 0.05 USD
        assertThat(fill.lastFee).isEqualTo(fp("0.05"));
        assertThat(loop.logic.books()[0].position(LiveLoop.BTC)).isEqualTo(fp("0.5"));
        // 10,000 - 0.5 × 100 - 0.05
        assertThat(loop.logic.books()[0].cash()).isEqualTo(fp("9949.95"));
        assertThat(loop.logic.orders().openOrders().size()).isZero();
    }

    @Test
    void shouldReportAPartialFillThenCancelTheRestOnRequest() throws IOException {
        final LiveLoop loop = loop(new ArrayList<>());
        loop.signal(1, "1.5", "100.50");
        loop.run(3);
        assertThat(kinds(loop.reports)).containsExactly("ACK", "PARTIAL_FILL");
        assertThat(loop.reports.get(1).lastQuantity).isEqualTo(fp("1"));
        assertThat(loop.reports.get(1).lastPrice).isEqualTo(fp("100.00"));
        assertThat(engineOpenOrders()).hasSize(1);
        final Order open = loop.logic.orders().openOrders().first();
        assertThat(open.filledQuantity).isEqualTo(fp("1"));

        // the clean stop's cancel-all reaches the venue as one CANCEL_ALL effect
        loop.publish(new EngineEvent().setCommand(0, io.ringtrade.engine.api.event.CommandCode.CANCEL_ALL_ORDERS, -1, 0));
        loop.run(2);

        assertThat(kinds(loop.reports)).containsExactly("ACK", "PARTIAL_FILL", "CANCEL_ACK");
        assertThat(engineOpenOrders()).isEmpty();
        assertThat(loop.logic.orders().openOrders().size()).isZero();
        assertThat(loop.logic.books()[0].position(LiveLoop.BTC)).isEqualTo(fp("1"));
    }

    @Test
    void shouldSendAMarketBuyAsImmediateOrCancelWithinItsProtectionAndCancelTheRest() throws IOException {
        final LiveLoop loop = loop(new ArrayList<>());
        loop.trade("100.00");
        loop.signal(1, "1.2", null);
        loop.run(3);
        // a limit at the best ask + 50 bps = 100.50: 1 BTC fills at 100.00, the level at 101.00 is beyond the
        // protection, so the 0.2 left is cancelled at once instead of resting
        assertThat(kinds(loop.reports)).containsExactly("ACK", "PARTIAL_FILL", "CANCEL_ACK");
        assertThat(loop.reports.get(1).lastQuantity).isEqualTo(fp("1"));
        assertThat(loop.reports.get(1).lastPrice).isEqualTo(fp("100.00"));
        assertThat(engineOpenOrders()).isEmpty();
        assertThat(loop.logic.books()[0].position(LiveLoop.BTC)).isEqualTo(fp("1"));

        quote(OrderType.ASK, "1", "100.40");
        loop.signal(1, "1.2", null);
        loop.run(3);
        // best ask 100.40, limit 100.90 (100.902 down to the cent): 1 at 100.40 and 0.2 at 101.00 is still beyond; a second IOC order
        assertThat(kinds(loop.reports).subList(3, 6)).containsExactly("ACK", "PARTIAL_FILL", "CANCEL_ACK");
        assertThat(loop.reports.get(4).lastPrice).isEqualTo(fp("100.40"));
    }

    @Test
    void shouldBuyForANotionalAtTheTrueTopOfTheBookWhenTheLiquidityMoved() throws IOException {
        final SimulatedLiquidity liquidity = new SimulatedLiquidity(market, "BTC/USD", 10, new BigDecimal("50"));
        liquidity.onTrade(fp("800.00"));
        // the quotes move up 2 %; the simulated book keeps the emptied 800.80 ask level, which its ticker still names
        liquidity.onTrade(fp("816.00"));
        final VenueClient client = XChangeVenues.open(VENUE, market, VenueOrderHistory.NONE);
        final OrderEffect order = new OrderEffect();
        order.side = 1;
        order.orderType = MARKET;
        order.notional = fp("1000");
        final String id;
        try {
            id = client.submit(order, "BTC/USD", "1");
            // 816 × 1.001 = 816.816, up to the cent: 816.82; limit 816.82 × 1.005 = 820.90; quantity 1000 / (820.90
            // × 1.001) = 1.21698... down to the 0.0001 the emulation sizes in
            final VenueOrder filled = client.query(new OrderRef(1, id, "BTC/USD", 0, 1, 0, fp("1000")));
            assertThat(filled.status()).isEqualTo(VenueOrderStatus.FILLED);
            assertThat(filled.filledQuantity()).isEqualTo(fp("1.2169"));
            assertThat(filled.averagePrice()).isEqualTo(fp("816.82"));
        } catch (final VenueException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldRetryAfterInjectedFailuresWithBackOffAndSendTheOrderOnce() throws IOException {
        final LiveLoop loop = loop(new ArrayList<>());
        final AtomicInteger failuresLeft = new AtomicInteger(3);
        market.failures(() -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IOException("connection reset (injected)");
            }
        });
        loop.signal(1, "0.5", "100.00");
        loop.run(1);
        assertThat(loop.reports).isEmpty();
        assertThat(loop.adapter.status()).startsWith("reconnecting in 100 ms after 1 failure");
        // back-off doubles: 100 ms, 200 ms, 400 ms; the loop's clock advances 10 ms a round
        loop.run(100);

        assertThat(kinds(loop.reports)).containsExactly("ACK", "FILL");
        assertThat(loop.messages.toString()).contains("after 3 failures").contains("reachable again");
        assertThat(engineTrades()).isEqualTo(1);
        assertThat(loop.adapter.status()).startsWith("connected");
    }

    @Test
    void shouldHoldTheBooksAfterTheCredentialsAreRefusedMoreThanAllowedAndNeverLoop() {
        final LiveLoop loop = loop(new ArrayList<>());
        final AtomicInteger calls = new AtomicInteger();
        market.failures(() -> {
            calls.incrementAndGet();
            throw new org.knowm.xchange.exceptions.ExchangeSecurityException("401 Unauthorized (injected)");
        });
        loop.signal(1, "0.5", "100.00");
        loop.run(200);

        // two retries allowed (auth-retries = 2): the third refusal holds every book and the adapter stops calling
        assertThat(calls.get()).isEqualTo(3);
        assertThat(loop.adapter.authenticationFailed()).isTrue();
        assertThat(loop.logic.orders().isHeld(0)).isTrue();
        loop.signal(1, "0.1", "100.00");
        loop.run(5);
        assertThat(calls.get()).isEqualTo(3);
        assertThat(loop.logic.risk().rejections(io.ringtrade.engine.order.OrderReason.VENUE_HOLD)).isEqualTo(1);
    }

    private static OrderEffect order(final int side, final int type, final String quantity, final String price) {
        final OrderEffect order = new OrderEffect();
        order.side = side;
        order.orderType = type;
        order.quantity = fp(quantity);
        order.price = fp(price);
        return order;
    }

    @Test
    void shouldReplaceByCancellingThenPlacingUnderANewClientOrderId() throws Exception {
        final VenueClient client = XChangeVenues.open(VENUE, market, VenueOrderHistory.NONE);
        // a buy of 0.5 at 99.50 rests (the best ask is 100.00); replaced by 1.5 at 100.00 it takes the 100.00 ask
        final String first = client.submit(order(1, LIMIT, "0.5", "99.50"),
            "BTC/USD", "7001");
        final String second = client.replace(first, "7001", "BTC/USD", fp("1.5"), fp("100.00"));

        assertThat(second).isNotEqualTo(first);
        // one live order for the intent: the first is gone, the replacement rests with 0.5 left after 1 filled
        final List<LimitOrder> open = engineOpenOrders();
        assertThat(open).hasSize(1);
        assertThat(open.getFirst().getId()).isEqualTo(second);
        assertThat(open.getFirst().getLimitPrice()).isEqualByComparingTo("100.00");
        // (the simulated exchange keeps no client order ids; the replacement is sent as "7001-<first id>")
        final VenueOrder record = client.query(new OrderRef(7001, second, "BTC/USD", 0, 1, fp("1.5"), 0));
        assertThat(record).isEqualTo(new VenueOrder(7001, second, 0, 1, fp("1.5"), fp("1"), fp("100.00"),
            VenueOrderStatus.OPEN));
        assertThat(client.fills(second, "BTC/USD")).hasSize(1);

        // the maker's 101.00 ask fills the rest; then a replace of the filled order is refused and places nothing
        quote(OrderType.ASK, "1", "100.00");
        assertThat(engineOpenOrders()).isEmpty();
        assertThat(client.query(new OrderRef(7001, second, "BTC/USD", 0, 1, fp("1.5"), 0)).status())
            .isEqualTo(VenueOrderStatus.FILLED);
        try {
            client.replace(second, "7001", "BTC/USD", fp("2"), fp("100.00"));
            throw new AssertionError("expected a refusal");
        } catch (final VenueException e) {
            assertThat(e.kind()).isEqualTo(VenueException.Kind.REFUSED);
            assertThat(e.reason()).isEqualTo(VenueReason.TOO_LATE);
            assertThat(e.getMessage()).isEqualTo("order " + second + " is no longer open at xchange:SimulatedExchange:"
                + " not replaced");
        }
        assertThat(engineOpenOrders()).isEmpty();
        assertThat(engineTrades()).isEqualTo(2);
    }

    /**
     * The chain of a replace survives a restart through the adapter's ledger: a buy of 1.5 at 100.00 takes the 1 ask
     * there and rests 0.5; replaced by 1.5 at 99.90 (the 1 filled counts: 0.5 is placed); a restarted process reads the
     * ledger back and reports the intent as 1.5 ordered, 1 filled at 100.00, with the first order's fill — what the
     * engine recorded — instead of the replacement alone (0.5 ordered, nothing filled: a difference).
     */
    @Test
    void shouldReportAReplacedOrdersFillsAfterARestartThroughTheLedger() throws Exception {
        final Path file = dir.resolve("venue-ledger.log");
        final String first;
        final String second;
        try (OrderLedger ledger = OrderLedger.open(file)) {
            final VenueClient client = XChangeVenues.open(VENUE, market, ledger);
            ledger.sending(7001);
            first = client.submit(order(1, LIMIT, "1.5", "100.00"), "BTC/USD", "7001");
            ledger.taken(7001, first);
            second = client.replace(first, "7001", "BTC/USD", fp("1.5"), fp("99.90"));
            ledger.taken(7001, second); // what the adapter records when a replace gives the order a new id
        }
        final OrderRef ref = new OrderRef(7001, second, "BTC/USD", 0, 1, fp("1.5"), 0);
        final VenueOrder whole = new VenueOrder(7001, second, 0, 1, fp("1.5"), fp("1"), fp("100.00"),
            VenueOrderStatus.OPEN);

        try (OrderLedger reread = OrderLedger.open(file)) {
            assertThat(reread.replaced(second)).isEqualTo(first);
            assertThat(reread.replaced(first)).isNull();
            final VenueClient restarted = XChangeVenues.open(VENUE, market, reread);
            assertThat(restarted.query(ref)).isEqualTo(whole);
            assertThat(restarted.fills(second, "BTC/USD")).extracting(VenueFill::quantity).containsExactly(fp("1"));
        }
        // what a restart reported before the ledger kept the chain
        final VenueClient forgetful = XChangeVenues.open(VENUE, market, VenueOrderHistory.NONE);
        assertThat(forgetful.query(ref)).isEqualTo(new VenueOrder(7001, second, 0, 1, fp("0.5"), 0, 0,
            VenueOrderStatus.OPEN));
        assertThat(forgetful.fills(second, "BTC/USD")).isEmpty();
    }

    @Test
    void shouldRefuseAStopOrderTheExchangeDoesNotTakeWithTheReason() {
        final VenueClient client = XChangeVenues.open(VENUE, market, VenueOrderHistory.NONE);
        try {
            client.submit(order(-1, STOP, "0.5", "95.00"), "BTC/USD", "7002");
            throw new AssertionError("expected a refusal");
        } catch (final VenueException e) {
            assertThat(e.kind()).isEqualTo(VenueException.Kind.REFUSED);
            assertThat(e.getMessage()).startsWith("xchange:SimulatedExchange takes no stop orders through XChange (")
                .endsWith("): not sent");
        }
    }
}
