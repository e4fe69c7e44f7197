package io.ringtrade.adapters.venue.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringtrade.adapters.venue.LiveLoop;
import io.ringtrade.adapters.venue.Quote;
import io.ringtrade.adapters.venue.VenueException;
import io.ringtrade.adapters.venue.VenueInstrument;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.MarketHoursRule;
import io.ringtrade.engine.config.ReconciliationConfig;
import io.ringtrade.engine.config.VenueConfig;
import io.ringtrade.engine.config.VenueType;
import io.ringtrade.engine.order.OrderReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Alpaca venue against a fake of Alpaca's API on loopback ({@link FakeAlpaca}): orders with client order ids,
 * fills by polling, a market-closed refusal (and queueing), a storm of 401s, missing quote fields, and reconciliation
 * after a restart finding an order by its client order id. AAPL at 150.00, fractional lots of 1e-8.
 */
final class AlpacaVenueTest {
    @TempDir
    Path dir;

    private final FakeAlpaca fake = new FakeAlpaca();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<EngineEvent> journal = new ArrayList<>();

    AlpacaVenueTest() throws IOException {
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private AlpacaVenueClient client(final String key) {
        return new AlpacaVenueClient(fake.url(), fake.url(), key, "secret", Duration.ofSeconds(5));
    }

    private LiveLoop loop(final MarketHoursRule hours) {
        final VenueConfig venue = LiveLoop.venueConfig(VenueType.ALPACA, "", "key", fake.url(), hours);
        return new LiveLoop("AAPL", "0.01", "0.00000001", venue, ledger -> client("key"), dir, journal,
            ReconciliationConfig.DEFAULT, nanos);
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private static List<String> kinds(final List<EngineEvent> reports) {
        final List<String> kinds = new ArrayList<>();
        for (final EngineEvent report : reports) {
            final int reason = ReportKind.reasonOf(report.reportKind);
            kinds.add(ReportKind.name(ReportKind.kindOf(report.reportKind))
                + (reason == 0 ? "" : "/" + VenueReason.name(reason)));
        }
        return kinds;
    }

    @Test
    void shouldSendTheClientOrderIdAndSettleTheFill() {
        final LiveLoop loop = loop(MarketHoursRule.REFUSE);
        loop.trade("150.00");
        loop.signal(1, "2", null);
        loop.run(3);

        assertThat(kinds(loop.reports)).containsExactly("ACK", "FILL");
        final long id = loop.reports.getFirst().clientOrderId;
        assertThat(fake.orders.get("ord-1").get("client_order_id").asText()).isEqualTo(Long.toString(id));
        assertThat(loop.reports.get(1).lastQuantity).isEqualTo(fp("2"));
        assertThat(loop.reports.get(1).lastPrice).isEqualTo(fp("150.00"));
        assertThat(loop.logic.books()[0].position(LiveLoop.BTC)).isEqualTo(fp("2"));
        assertThat(loop.logic.books()[0].cash()).isEqualTo(fp("9700"));
    }

    @Test
    void shouldRefuseAnOrderWhileTheMarketIsClosed() {
        fake.open = false;
        final LiveLoop loop = loop(MarketHoursRule.REFUSE);
        loop.trade("150.00");
        loop.signal(1, "2", null);
        loop.run(3);

        assertThat(kinds(loop.reports)).containsExactly("REJECT/MARKET_CLOSED");
        assertThat(fake.orderPosts.get()).isZero();
        assertThat(loop.logic.orders().openOrders().size()).isZero();
    }

    @Test
    void shouldMapTheVenuesOwnMarketClosedRefusal() throws VenueException {
        fake.open = false;
        // the adapter did not look at the clock (a stale clock said open): the venue refuses with 403
        final LiveLoop loop = loop(MarketHoursRule.REFUSE);
        final OrderEffect order = new OrderEffect();
        order.side = 1;
        order.orderType = OrderType.MARKET;
        order.quantity = fp("1");
        try {
            loop.client.submit(order, "AAPL", "7000");
        } catch (final VenueException e) {
            assertThat(e.kind()).isEqualTo(VenueException.Kind.REFUSED);
            assertThat(e.reason()).isEqualTo(VenueReason.MARKET_CLOSED);
            assertThat(e.getMessage()).isEqualTo("HTTP 403 market is closed");
            return;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void shouldQueueAnOrderUntilTheMarketOpensWhenConfiguredTo() {
        fake.open = false;
        final LiveLoop loop = loop(MarketHoursRule.QUEUE);
        loop.trade("150.00");
        loop.signal(1, "2", null);
        loop.run(3);
        assertThat(loop.reports).isEmpty();
        fake.open = true;
        // the adapter looks at the clock again a minute later
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        loop.run(3);
        assertThat(kinds(loop.reports)).containsExactly("ACK", "FILL");
    }

    @Test
    void shouldStopCallingAfterA401StormAndHoldTheBooks() {
        final LiveLoop loop = loop(MarketHoursRule.REFUSE);
        loop.trade("150.00");
        fake.unauthorized = true;
        final int before = fake.requests.get();
        loop.signal(1, "2", null);
        loop.run(300);

        // the first refusal and two retries (auth-retries = 2), then never again
        assertThat(fake.requests.get() - before).isEqualTo(3);
        assertThat(loop.adapter.authenticationFailed()).isTrue();
        assertThat(loop.adapter.status()).contains("refused the credentials 3 times");
        assertThat(loop.logic.orders().isHeld(0)).isTrue();
        loop.signal(1, "1", null);
        loop.run(10);
        assertThat(fake.requests.get() - before).isEqualTo(3);
        assertThat(loop.logic.risk().rejections(OrderReason.VENUE_HOLD)).isEqualTo(1);
        // the order the storm caught was never sent, and says so
        assertThat(kinds(loop.reports)).containsExactly("REJECT/NOT_SENT");
    }

    @Test
    void shouldMarkAQuoteWithoutABidUnusable() throws VenueException {
        fake.quoteJson = "{\"symbol\":\"AAPL\",\"quote\":{\"t\":\"2024-01-02T15:00:00Z\",\"ap\":150.02,\"as\":3}}";
        final Quote quote = client("key").quote("AAPL");
        assertThat(quote.bid()).isZero();
        assertThat(quote.ask()).isEqualTo(fp("150.02"));
        assertThat(quote.last()).isEqualTo(fp("150.00"));
        assertThat(quote.usable()).isFalse();
    }

    @Test
    void shouldListInstrumentsWithTickAndLot() throws VenueException {
        final List<VenueInstrument> listed = client("key").instruments();
        assertThat(listed).containsExactly(new VenueInstrument("AAPL", "USD", fp("0.01"), 1),
            new VenueInstrument("MSFT", "USD", fp("0.01"), fp("1")));
    }

    @Test
    void shouldFindAnOrderByItsClientOrderIdAfterARestartAndNotSendItAgain() {
        final LiveLoop first = loop(MarketHoursRule.REFUSE);
        first.signal(1, "2", "140.00");
        first.settle();
        first.adapter.doWork();
        // the process died after the venue took the order, before its answer was journaled or written to the ledger
        journal.removeIf(input -> input.type == EventType.EXECUTION_REPORT);
        first.ledger.close();
        try {
            Files.writeString(dir.resolve("venue-ledger.log"), "S "
                + first.logic.orders().openOrders().first().id + "\n");
        } catch (final IOException e) {
            throw new AssertionError(e);
        }
        final int journaled = journal.size();

        final LiveLoop second = loop(MarketHoursRule.REFUSE);
        second.settle();
        assertThat(kinds(journal.subList(journaled, journal.size()))).containsExactly("ACK");
        assertThat(fake.orderPosts.get()).isEqualTo(1);
    }

    @Test
    void shouldTakeQuantitiesTowardZeroAndPricesHalfUp() {
        // Alpaca's notional orders get 9-decimal quantities; the books must never hold more than the account
        final ObjectNode fill = new ObjectMapper().createObjectNode().put("qty", "0.123456789")
            .put("price", "150.000000005").put("short", "-0.123456789");
        assertThat(AlpacaVenueClient.quantity(fill, "qty")).isEqualTo(12_345_678L);
        assertThat(AlpacaVenueClient.quantity(fill, "short")).isEqualTo(-12_345_678L);
        assertThat(AlpacaVenueClient.fixed(fill, "price")).isEqualTo(fp("150.00000001"));
    }
}
