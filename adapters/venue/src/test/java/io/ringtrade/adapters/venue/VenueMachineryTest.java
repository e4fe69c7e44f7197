package io.ringtrade.adapters.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.MarketHoursRule;
import io.ringtrade.engine.config.ReconciliationConfig;
import io.ringtrade.engine.config.VenueConfig;
import io.ringtrade.engine.config.VenueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The adapter's parts on their own: back-off, the gateway's queue, the ledger, venue ids, symbol mapping. */
final class VenueMachineryTest {
    @TempDir
    Path dir;

    @Test
    void shouldDoubleTheBackOffUpToItsCapAndResetOnSuccess() {
        final Backoff backoff = new Backoff(100, 350);
        assertThat(backoff.fail(1_000)).isEqualTo(100);
        assertThat(backoff.due(1_099)).isFalse();
        assertThat(backoff.due(1_100)).isTrue();
        assertThat(backoff.fail(1_100)).isEqualTo(200);
        assertThat(backoff.fail(1_300)).isEqualTo(350);
        assertThat(backoff.fail(1_650)).isEqualTo(350);
        assertThat(backoff.failures()).isEqualTo(4);
        backoff.succeed();
        assertThat(backoff.due(0)).isTrue();
        assertThat(backoff.fail(2_000)).isEqualTo(100);
    }

    @Test
    void shouldHandEffectsOverInOrderAndRefuseWhenFull() {
        final EffectQueue queue = new EffectQueue(2);
        final OrderEffect effect = new OrderEffect();
        effect.clientOrderId = 1000;
        assertThat(queue.offer(effect)).isTrue();
        effect.clientOrderId = 2000;
        assertThat(queue.offer(effect)).isTrue();
        effect.clientOrderId = 3000;
        assertThat(queue.offer(effect)).isFalse();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.peek().clientOrderId).isEqualTo(1000);
        queue.remove();
        assertThat(queue.offer(effect)).isTrue();
        assertThat(queue.peek().clientOrderId).isEqualTo(2000);
        queue.remove();
        assertThat(queue.peek().clientOrderId).isEqualTo(3000);
        queue.remove();
        assertThat(queue.peek()).isNull();
    }

    @Test
    void shouldFailTheGatewayWithTheReasonWhenTheAdaptersQueueIsFull() {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.register("BTC/USD", "USD", 1, 1);
        final VenueConfig venue = new VenueConfig(VenueType.XCHANGE, "x.Y", "", "", false, "", "", Map.of(), 16,
            Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1), 0, MarketHoursRule.REFUSE,
            Duration.ofSeconds(1), Map.of(), 0);
        final LiveVenueAdapter adapter = new LiveVenueAdapter(nameOnly(), instruments, venue,
            ReconciliationConfig.DEFAULT, OrderLedger.open(dir.resolve("ledger")), null, () -> 0, () -> 0,
            new PrintWriter(new StringWriter()));
        final OrderEffect effect = new OrderEffect();
        for (int i = 0; i < 16; i++) {
            adapter.release(effect, null);
        }
        assertThatThrownBy(() -> adapter.release(effect, null)).isInstanceOf(IllegalStateException.class)
            .hasMessage("the bench adapter's queue is full (16 requests waiting; venue status: starting): failing"
                + " closed rather than waiting");
    }

    /** A client that only has a name: the queue is filled before anything is sent. */
    private static VenueClient nameOnly() {
        return (VenueClient) Proxy.newProxyInstance(
            VenueClient.class.getClassLoader(), new Class<?>[] {VenueClient.class},
            (proxy, method, args) -> method.getName().equals("name") ? "bench" : null);
    }

    @Test
    void shouldReloadTheLedgerAndPassOverATornLastLine() throws IOException {
        final Path file = dir.resolve("venue-ledger.log");
        try (OrderLedger ledger = OrderLedger.open(file)) {
            ledger.sending(1000);
            ledger.taken(1000, "v-1");
            ledger.sending(2000);
        }
        Files.writeString(file, "V 20", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        try (OrderLedger ledger = OrderLedger.open(file)) {
            assertThat(ledger.wasSent(1000)).isTrue();
            assertThat(ledger.venueId(1000)).isEqualTo("v-1");
            assertThat(ledger.clientId("v-1")).isEqualTo(1000);
            assertThat(ledger.wasSent(2000)).isTrue();
            assertThat(ledger.venueId(2000)).isNull();
            assertThat(ledger.wasSent(3000)).isFalse();
        }
        Files.writeString(file, "S 1000\nX junk\nS 2000\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> OrderLedger.open(file)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage(file + ":2: not a ledger line: X junk");
    }

    @Test
    void shouldInternVenueIdsToTheSameKeyInEveryProcess() {
        assertThat(VenueIds.key("123456")).isEqualTo(123_456L);
        final long key = VenueIds.key("ff970ecc-ce57-4cc8-9ed5-5d93b9845e8f");
        assertThat(key).isPositive().isEqualTo(VenueIds.key("ff970ecc-ce57-4cc8-9ed5-5d93b9845e8f"))
            .isNotEqualTo(VenueIds.key("ff970ecc-ce57-4cc8-9ed5-5d93b9845e8e"));
        final VenueIds ids = new VenueIds();
        assertThat(ids.lookup(ids.intern("ord-1"))).isEqualTo("ord-1");
        assertThat(ids.intern(null)).isZero();
    }

    @Test
    void shouldMapOnlyTheListedInstrumentsAndNameThoseTheVenueDoesNotList() {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.register("BTC/USD", "USD", 1, 1);
        instruments.register("ETH/USD", "USD", 1, 1);
        instruments.register("AAPL", "USD", 1, FixedPoint.SCALE);
        final VenueConfig venue = new VenueConfig(VenueType.XCHANGE, "x.Y", "", "", false, "", "",
            Map.of("BTC/USD", "XBT/USD", "ETH/USD", "ETH/USD"), 16, Duration.ofMillis(1), Duration.ofMillis(1),
            Duration.ofMillis(1), 0, MarketHoursRule.REFUSE, Duration.ofSeconds(1), Map.of(), 0);
        final SymbolMap symbols = new SymbolMap(instruments, venue);
        assertThat(symbols.venueSymbols()).containsExactly("XBT/USD", "ETH/USD", null);
        assertThat(symbols.instrument("XBT/USD")).isZero();
        assertThat(symbols.instrument("AAPL")).isEqualTo(-1);
        assertThat(symbols.check(instruments, List.of(new VenueInstrument("XBT/USD", "USD", 1, 1)), "kraken"))
            .containsExactly("ETH/USD -> ETH/USD: not listed by kraken");
    }
}
