package io.ringtrade.adapters.venue.xchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.adapters.venue.VenueIds;
import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.adapters.venue.LiveLoop;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.MarketHoursRule;
import io.ringtrade.engine.config.ReconciliationConfig;
import io.ringtrade.engine.config.VenueConfig;
import io.ringtrade.engine.config.VenueType;
import io.ringtrade.engine.config.UnreleasedRule;
import io.ringtrade.engine.order.Order;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order.OrderType;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.knowm.xchange.service.trade.params.orders.DefaultOpenOrdersParamCurrencyPair;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reconciliation after a restart against XChange's simulated exchange, which outlives the engine here as an exchange
 * outlives a crashed process: the journal (the inputs the first run journaled) is replayed into new business logic,
 * then the new adapter asks the venue. The engine's resting bid is 0.5 BTC at 98.00, below the maker's bid at 99.00.
 */
final class XChangeReconciliationTest {
    private static final CurrencyPair PAIR = CurrencyPair.BTC_USD;
    private static final VenueConfig VENUE = LiveLoop.venueConfig(VenueType.XCHANGE, VenueConfig.SIMULATED_EXCHANGE,
        "ringtrade", "", MarketHoursRule.REFUSE);

    @TempDir
    Path dir;

    private final SimulatedMarket market = new SimulatedMarket();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<EngineEvent> journal = new ArrayList<>();
    private Exchange maker;

    @BeforeEach
    void book() throws IOException {
        market.deposit("ringtrade", "USD", new BigDecimal("10000"));
        market.deposit("maker", "BTC", new BigDecimal("10"));
        market.deposit("maker", "USD", new BigDecimal("1000000"));
        maker = market.exchange("maker");
        maker.getTradeService().placeLimitOrder(new LimitOrder.Builder(OrderType.ASK, PAIR)
            .originalAmount(BigDecimal.ONE).limitPrice(new BigDecimal("100.00")).build());
    }

    private LiveLoop loop(final ReconciliationConfig reconciliation) {
        return new LiveLoop("BTC/USD", "0.01", "0.0001", VENUE, ledger -> XChangeVenues.open(VENUE, market, ledger),
            dir,
            journal, reconciliation, nanos);
    }

    private LiveLoop loop() {
        return loop(ReconciliationConfig.DEFAULT);
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private List<LimitOrder> ourOpenOrders() throws IOException {
        return market.exchange("ringtrade").getTradeService().getOpenOrders(new DefaultOpenOrdersParamCurrencyPair(PAIR))
            .getOpenOrders();
    }

    private static List<String> kinds(final List<EngineEvent> inputs) {
        final List<String> kinds = new ArrayList<>();
        for (final EngineEvent input : inputs) {
            kinds.add(input.type == EventType.EXECUTION_REPORT ? ReportKind.name(ReportKind.kindOf(input.reportKind))
                + (ReportKind.reasonOf(input.reportKind) == 0 ? "" : "/" + VenueReason.name(ReportKind.reasonOf(input.reportKind)))
                : CommandCode.name(input.commandCode));
        }
        return kinds;
    }

    /** The inputs the restart's reconciliation published (after the replayed journal). */
    private List<EngineEvent> since(final int journaled) {
        return journal.subList(journaled, journal.size());
    }

    private void sell(final String amount, final String price) throws IOException {
        maker.getTradeService().placeLimitOrder(new LimitOrder.Builder(OrderType.ASK, PAIR)
            .originalAmount(new BigDecimal(amount)).limitPrice(new BigDecimal(price)).build());
    }

    @Test
    void shouldFindAnOrderSentJustBeforeACrashByItsClientIdAndNeverSendItAgain() throws IOException {
        final LiveLoop first = loop();
        first.signal(1, "0.5", "98.00");
        first.settle();
        // the adapter sends the order; the process dies before the venue's answer is journaled or even written to the
        // ledger: the journal ends at the signal, the ledger holds only "S <id>"
        first.adapter.doWork();
        final long id = first.logic.orders().openOrders().first().id;
        assertThat(ourOpenOrders()).hasSize(1);
        journal.removeIf(input -> input.type == EventType.EXECUTION_REPORT);
        final Path ledger = dir.resolve("venue-ledger.log");
        Files.writeString(ledger, "S " + id + "\n", StandardCharsets.US_ASCII);
        final int journaled = journal.size();

        final LiveLoop second = loop();
        second.settle();

        assertThat(kinds(since(journaled))).containsExactly("ACK");
        final String venueId = ourOpenOrders().getFirst().getId();
        assertThat(since(journaled).getFirst().venueOrderId).isEqualTo(VenueIds.key(venueId));
        assertThat(second.logic.orders().openOrder(id).state).isEqualTo(OrderState.ACCEPTED);
        assertThat(ourOpenOrders()).hasSize(1);
        assertThat(Files.readString(ledger)).contains("V " + id + " " + venueId);
        assertThat(Files.readString(dir.resolve("reconciliation.log")))
            .contains("order " + id + " reached xchange:SimulatedExchange (venue id " + venueId
                + ") before the stop: acknowledged, not sent again");

        // and it keeps working: the maker sells into it, the new adapter's polling reports the fill
        sell("0.5", "98.00");
        second.run(2);
        assertThat(kinds(since(journaled))).containsExactly("ACK", "FILL");
        assertThat(ourOpenOrders()).isEmpty();
        assertThat(second.logic.books()[0].position(LiveLoop.BTC)).isEqualTo(fp("0.5"));
    }

    @Test
    void shouldApplyFillsThatHappenedWhileTheEngineWasDown() throws IOException {
        final LiveLoop first = loop();
        first.signal(1, "0.5", "98.00");
        first.run(2);
        assertThat(kinds(first.reports)).containsExactly("ACK");
        // the engine is down; the maker sells 1 BTC down to 97.50: 0.5 fills the engine's bid at 98.00
        sell("1", "97.50");
        final int journaled = journal.size();

        final LiveLoop second = loop();
        second.settle();

        assertThat(kinds(since(journaled))).containsExactly("FILL");
        final EngineEvent fill = since(journaled).getFirst();
        assertThat(fill.lastQuantity).isEqualTo(fp("0.5"));
        assertThat(fill.lastPrice).isEqualTo(fp("98.00"));
        // the engine's order made the market: 0.1 % of 0.5 BTC = 0.0005 BTC at 98.00 = 0.049 USD
        assertThat(fill.lastFee).isEqualTo(fp("0.049"));
        assertThat(second.logic.books()[0].position(LiveLoop.BTC)).isEqualTo(fp("0.5"));
        assertThat(second.logic.books()[0].cash()).isEqualTo(fp("9950.951"));
        assertThat(second.logic.orders().openOrders().size()).isZero();
        assertThat(second.logic.orders().isHeld(0)).isFalse();
    }

    @Test
    void shouldMarkAnOrderLostWhenItLeftButTheVenueNeverGotIt() throws IOException {
        final LiveLoop first = loop();
        market.failures(() -> {
            throw new IOException("connection refused (injected)");
        });
        first.signal(1, "0.5", "98.00");
        first.run(1);
        final long id = first.logic.orders().openOrders().first().id;
        // the request left (the ledger says so) but never arrived; the engine dies
        market.failures(null);
        final int journaled = journal.size();

        final LiveLoop second = loop();
        second.settle();

        assertThat(kinds(since(journaled))).containsExactly("REJECT/LOST");
        assertThat(second.logic.orders().openOrders().size()).isZero();
        assertThat(ourOpenOrders()).isEmpty();
        assertThat(Files.readString(dir.resolve("reconciliation.log")))
            .contains("order " + id + " was sent but xchange:SimulatedExchange does not know it: marked LOST");
    }

    @Test
    void shouldDropAnOrderDecidedButNeverReleasedByDefault() throws IOException {
        final LiveLoop first = loop();
        first.signal(1, "0.5", "98.00");
        first.settle();
        // journaled and decided, but the process died before the adapter took it off its queue
        final int journaled = journal.size();

        final LiveLoop second = loop();
        second.run(2);

        assertThat(kinds(since(journaled))).containsExactly("REJECT/NOT_SENT");
        assertThat(ourOpenOrders()).isEmpty();
        assertThat(second.logic.orders().openOrders().size()).isZero();
    }

    @Test
    void shouldSendAnOrderDecidedButNeverReleasedWhenConfiguredTo() throws IOException {
        final LiveLoop first = loop();
        first.signal(1, "0.5", "98.00");
        first.settle();
        final int journaled = journal.size();

        final LiveLoop second = loop(new ReconciliationConfig(true, UnreleasedRule.SEND, Duration.ofSeconds(30)));
        second.run(2);

        assertThat(kinds(since(journaled))).containsExactly("ACK");
        assertThat(ourOpenOrders()).hasSize(1);
    }

    @Test
    void shouldHoldTheBooksUntilAnUnresolvedDifferenceIsGoneWhenFailingClosed() throws IOException {
        // an order of ours is open at the venue, but the journal (a new one) knows nothing of it
        final String venueId = market.exchange("ringtrade").getTradeService().placeLimitOrder(
            new LimitOrder.Builder(OrderType.BID, PAIR).originalAmount(new BigDecimal("0.1"))
                .limitPrice(new BigDecimal("97.00")).build());
        Files.writeString(dir.resolve("venue-ledger.log"), "S 42000\nV 42000 " + venueId + "\n");

        final LiveLoop loop = loop(new ReconciliationConfig(true, UnreleasedRule.DROP, Duration.ofSeconds(1)));
        loop.settle();
        assertThat(kinds(journal)).containsExactly("VENUE_HOLD");
        assertThat(journal.getFirst().commandArgument).isEqualTo(CommandCode.HOLD_UNRECONCILED);
        assertThat(loop.logic.orders().isHeld(0)).isTrue();
        loop.trade("100.00");
        loop.signal(1, "0.1", null);
        loop.run(1);
        assertThat(loop.logic.risk().rejections(OrderReason.VENUE_HOLD)).isEqualTo(1);
        assertThat(loop.adapter.status()).startsWith("HELD: reconciliation NOT clean");

        // the operator cancels it at the venue; the next try, a retry interval later, is clean
        market.exchange("ringtrade").getTradeService().cancelOrder(venueId);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        loop.run(1);
        assertThat(kinds(journal)).endsWith("VENUE_RELEASE");
        assertThat(loop.logic.orders().isHeld(0)).isFalse();
        loop.signal(1, "0.1", null);
        loop.run(2);
        final Order none = loop.logic.orders().openOrders().first();
        assertThat(none).isNull();
        assertThat(loop.logic.books()[0].position(LiveLoop.BTC)).isEqualTo(fp("0.1"));
    }
}
