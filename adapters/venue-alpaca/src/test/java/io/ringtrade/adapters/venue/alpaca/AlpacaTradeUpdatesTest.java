package io.ringtrade.adapters.venue.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.adapters.venue.LiveLoop;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.MarketHoursRule;
import io.ringtrade.engine.config.ReconciliationConfig;
import io.ringtrade.engine.config.VenueConfig;
import io.ringtrade.engine.config.VenueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Alpaca's trade-updates stream ({@link AlpacaTradeUpdates}) beside the polling path, against the fake REST API
 * ({@link FakeAlpaca}) and the fake websocket ({@link FakeAlpacaStream}) on loopback: fills pushed by the stream are
 * applied without polling, a duplicate delivery adds nothing, a drop falls back to polling (which applies the fill the
 * stream missed, once) and the stream reconnects with back-off, and refused keys end in polling. A limit buy of 2 AAPL
 * at 140 rests (the market is at 150) and the test fills it by hand.
 */
final class AlpacaTradeUpdatesTest {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    @TempDir
    Path dir;

    private final FakeAlpaca fake = new FakeAlpaca();
    private final FakeAlpacaStream fakeStream = new FakeAlpacaStream();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<EngineEvent> journal = new ArrayList<>();
    private final StringWriter streamLog = new StringWriter();
    private AlpacaTradeUpdates stream;

    AlpacaTradeUpdatesTest() throws Exception {
        fake.stream = fakeStream;
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        fakeStream.close();
        fake.close();
    }

    private LiveLoop loop(final String streamKey) {
        final VenueConfig venue = LiveLoop.venueConfig(VenueType.ALPACA, "", "key", fake.url(), MarketHoursRule.REFUSE);
        final LiveLoop loop = new LiveLoop("AAPL", "0.01", "0.00000001", venue,
            ledger -> new AlpacaVenueClient(fake.url(), fake.url(), "key", "secret", Duration.ofSeconds(5)), dir,
            journal, ReconciliationConfig.DEFAULT, nanos);
        stream = new AlpacaTradeUpdates(AlpacaTradeUpdates.streamUri(fakeStream.baseUrl()), streamKey, "secret",
            Duration.ofSeconds(5), venue.reconnectInitial(), venue.reconnectMax(), venue.authRetries(),
            new PrintWriter(streamLog, true));
        loop.adapter.attach(stream);
        return loop;
    }

    /** Runs the loop (10 ms of the adapter's clock a round, a millisecond of real time) until {@code done}. */
    private static void runUntil(final LiveLoop loop, final BooleanSupplier done) {
        final long deadline = System.nanoTime() + WAIT_NANOS;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; adapter: " + loop.adapter.status() + "; log: " + loop.messages);
            }
            loop.run(1);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private static String report(final EngineEvent report) {
        return ReportKind.name(ReportKind.kindOf(report.reportKind))
            + (report.lastQuantity == 0 ? "" : " " + FixedPoint.toString(report.lastQuantity) + " @ "
            + FixedPoint.toString(report.lastPrice));
    }

    private static List<String> reports(final LiveLoop loop) {
        return loop.reports.stream().map(AlpacaTradeUpdatesTest::report).toList();
    }

    /** A resting limit buy of 2 at 140, acknowledged, with the stream live. */
    private LiveLoop restingOrder(final String streamKey) {
        final LiveLoop loop = loop(streamKey);
        loop.trade("150.00");
        runUntil(loop, stream::live);
        loop.signal(1, "2", "140.00");
        // the submit's answer acknowledges; the stream's new event then adds nothing
        runUntil(loop, () -> !loop.reports.isEmpty() && loop.adapter.streamUpdates() >= 1);
        assertThat(reports(loop)).containsExactly("ACK");
        return loop;
    }

    @Test
    void shouldApplyTheStreamsFillsWithoutPolling() {
        final LiveLoop loop = restingOrder("key");
        final int requests = fake.requests.get();

        fake.fill("ord-1", "0.5", "139.90");
        runUntil(loop, () -> loop.reports.size() == 2);
        fake.fill("ord-1", "1.5", "140");
        runUntil(loop, () -> loop.reports.size() == 3);
        loop.run(20);

        assertThat(reports(loop)).containsExactly("ACK", "PARTIAL_FILL 0.5 @ 139.9", "FILL 1.5 @ 140");
        // the stream carried both fills: the REST API was not asked once meanwhile
        assertThat(fake.requests.get()).isEqualTo(requests);
        assertThat(loop.logic.books()[0].position(LiveLoop.BTC)).isEqualTo(fp("2"));
        assertThat(loop.logic.books()[0].cash()).isEqualTo(fp("9720.05"));
        assertThat(loop.logic.orders().openOrders().size()).isZero();
        assertThat(loop.adapter.status()).contains("trade-updates stream live");
    }

    @Test
    void shouldApplyADuplicateDeliveryOnce() {
        final LiveLoop loop = restingOrder("key");
        fake.fill("ord-1", "0.5", "139.90");
        runUntil(loop, () -> loop.reports.size() == 2);
        // the same partial fill delivered again (a redelivery after a reconnect), then an old new event
        fakeStream.push(fakeStream.history.getLast());
        fakeStream.push(fakeStream.history.getFirst());
        final long before = loop.adapter.streamUpdates();
        runUntil(loop, () -> loop.adapter.streamUpdates() >= before + 2);
        loop.run(20);

        assertThat(reports(loop)).containsExactly("ACK", "PARTIAL_FILL 0.5 @ 139.9");
        assertThat(loop.logic.books()[0].position(LiveLoop.BTC)).isEqualTo(fp("0.5"));
    }

    @Test
    void shouldPollWhileTheStreamIsDownAndReconnectWithBackoff() {
        final LiveLoop loop = restingOrder("key");
        fakeStream.drop();
        runUntil(loop, () -> !stream.live());
        // the fill happens while the stream is down: nobody hears its event, polling finds it
        fake.fill("ord-1", "0.5", "139.90");
        runUntil(loop, () -> loop.reports.size() == 2);
        assertThat(streamLog.toString()).contains("trade-updates stream down (closed by Alpaca");
        runUntil(loop, () -> streamLog.toString().contains("live again"));
        assertThat(fakeStream.connections.get()).isEqualTo(2);
        assertThat(streamLog.toString()).contains("trade-updates stream live again");
        // what polling applied arrives again on the new connection: nothing more
        fakeStream.push(fakeStream.history.getLast());
        final long before = loop.adapter.streamUpdates();
        runUntil(loop, () -> loop.adapter.streamUpdates() > before);
        final int requests = fake.requests.get();
        fake.fill("ord-1", "1.5", "140");
        runUntil(loop, () -> loop.reports.size() == 3);
        loop.run(20);

        assertThat(reports(loop)).containsExactly("ACK", "PARTIAL_FILL 0.5 @ 139.9", "FILL 1.5 @ 140");
        assertThat(fake.requests.get()).isEqualTo(requests);
        assertThat(loop.logic.books()[0].position(LiveLoop.BTC)).isEqualTo(fp("2"));
        assertThat(loop.logic.books()[0].cash()).isEqualTo(fp("9720.05"));
    }

    @Test
    void shouldGiveUpTheStreamAfterRefusedKeysAndKeepPolling() {
        final LiveLoop loop = loop("wrong");
        loop.trade("150.00");
        loop.signal(1, "2", "140.00");
        runUntil(loop, () -> streamLog.toString().contains("gave up"));
        fake.fill("ord-1", "2", "140");
        runUntil(loop, () -> loop.reports.size() == 2);

        assertThat(reports(loop)).containsExactly("ACK", "FILL 2 @ 140");
        // the first refusal and two retries (auth-retries = 2), then no more connections
        assertThat(fakeStream.connections.get()).isEqualTo(3);
        assertThat(loop.adapter.status()).contains("gave up after Alpaca refused the keys 3 times; polling");
    }
}
