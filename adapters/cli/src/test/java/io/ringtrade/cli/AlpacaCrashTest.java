package io.ringtrade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringtrade.adapters.venue.alpaca.FakeAlpaca;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.journal.JournalException;
import io.ringtrade.journal.JournalReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of the journal issue with a live venue in place of the paper venue, the venue in another process than
 * the engine: {@code ringtrade run --live} in a child JVM trades against a fake of Alpaca's API ({@link FakeAlpaca}, on
 * loopback in this JVM), is killed with SIGKILL and restarted on the same journal, and reconciles with the venue (which
 * lived on) by client order id each time.
 *
 * <p>Inputs: the first {@value #TRADES} real Bitstamp BTC/USD trades of 25 November 2013 replayed at a pace that makes
 * one run a few seconds, and two books quick to trade on one-minute bars. The fake fills market orders at once at the
 * last trade price the market has printed, which this test follows from the engine's journal (the feed's trades are
 * the market's). The engine is killed in the two windows that matter, taking turns: right after the venue took and
 * filled an order whose answer it holds back (the ledger has the order's {@code S} line, the journal nothing from the
 * venue: reconciliation must find the order by its client id, apply its fill, and not send it again), and at journal
 * sizes a fixed seed picks (wherever the engine is: orders decided and not yet sent, sent and answered, reports
 * journaled or not). Wall time only decides when to kill; every wait has a deadline and nothing asserts on time.
 *
 * <p>At the end the venue's own record holds no client order id twice, every fill it made is in the books' trades
 * (same order, quantity and price) and no other, and the journal's fills add up to the venue's position less under
 * 1e-8 per buy (the fake gives notional buys 9 decimals, as Alpaca does; the engine takes quantities toward zero).
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
final class AlpacaCrashTest {
    private static final int TRADES = 800;
    private static final int KILLS = 4;
    private static final long SEED = 20_131_125L;
    /** Wall seconds one uninterrupted run of the paced feed lasts. */
    private static final double RUN_SECONDS = 6;
    private static final long DEADLINE_SECONDS = 60;

    @TempDir
    Path tmp;

    private final List<Process> children = new ArrayList<>();
    private final FakeAlpaca fake = new FakeAlpaca();
    private Path config;
    private double speed;

    AlpacaCrashTest() throws IOException {
    }

    @AfterEach
    void stop() throws InterruptedException {
        fake.answerHeldOrders();
        for (final Process child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
        fake.close();
    }

    @Test
    void shouldNeverSendAClientOrderIdTwiceAndBookEveryVenueFillAcrossKills() throws Exception {
        prepare();
        final Path journal = tmp.resolve("journal");
        final Path out = tmp.resolve("out");
        final Random random = new Random(SEED);
        final List<String> kills = new ArrayList<>();
        try (JournalTail tail = new JournalTail(journal)) {
            for (int k = 0; k < KILLS; k++) {
                final String name = "run-" + k;
                final Process engine = start(name, journal, out, false);
                if (k % 2 == 0) {
                    // the venue takes the next order and fills it, and its answer never reaches the engine
                    final int held = fake.heldAnswers.get();
                    fake.holdOrderAnswers();
                    awaitWhileFollowing(tail, engine, name, () -> fake.heldAnswers.get() > held,
                        "the venue to take an order");
                    kill(engine);
                    fake.answerHeldOrders();
                    kills.add("after the venue took order " + lastClientOrderId() + " unanswered");
                } else {
                    final long at = tail.entries() + 50 + random.nextInt(TRADES / 4);
                    awaitWhileFollowing(tail, engine, name, () -> tail.entries() >= at, at + " journal entries");
                    kill(engine);
                    kills.add("at journal entry " + tail.entries());
                }
            }
            final Process last = start("final", journal, out, true);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
            while (last.isAlive()) {
                tail.follow(fake);
                if (System.nanoTime() > deadline) {
                    fail("the last run did not finish within " + DEADLINE_SECONDS + " s; stdout:%n%s",
                        output("final"));
                }
                Thread.sleep(2);
            }
            assertThat(last.exitValue()).as("final exit code; stderr:%n%s", errors("final")).isZero();
            assertThat(output("final")).contains("stopped cleanly");
        }

        // The venue's own record: no client order id twice, and every request it took became one order there.
        final List<ObjectNode> orders = fake.ordersTaken();
        final Map<String, ObjectNode> byClientId = new HashMap<>();
        for (final ObjectNode order : orders) {
            assertThat(byClientId.put(order.get("client_order_id").asText(), order))
                .as("client order id %s sent twice", order.get("client_order_id").asText()).isNull();
        }
        assertThat(fake.orderPosts.get()).isEqualTo(orders.size());
        assertThat(orders).hasSizeGreaterThan(10);

        // Every fill the venue made is in the books' trades, and the books hold no fill the venue did not make.
        final List<String> venueFills = new ArrayList<>();
        final Map<String, String> clientIdOfVenueId = new HashMap<>();
        orders.forEach(order -> clientIdOfVenueId.put(order.get("id").asText(), order.get("client_order_id").asText()));
        for (final JsonNode fill : fake.fillActivities()) {
            venueFills.add(clientIdOfVenueId.get(fill.get("order_id").asText()) + "," + fill.get("side").asText() + ","
                + quantity(fill.get("qty").asText()) + "," + fixed(fill.get("price").asText()));
        }
        final List<String> bookedFills = new ArrayList<>();
        final List<String> trades = Files.readAllLines(out.resolve("trades.csv"), StandardCharsets.UTF_8);
        assertThat(trades.getFirst()).isEqualTo("time,symbol,side,quantity,price,fee,strategy,order_id,realized_pnl,reason");
        for (final String row : trades.subList(1, trades.size())) {
            final String[] f = row.split(",", -1);
            bookedFills.add(f[7] + "," + f[2].toLowerCase(Locale.ROOT) + "," + FixedPoint.parse(f[3]) + ","
                + FixedPoint.parse(f[4]));
        }
        assertThat(bookedFills).containsExactlyInAnyOrderElementsOf(venueFills);

        // The journal's fills add up to the venue's position.
        long journaled = 0;
        try (JournalReader reader = JournalReader.open(journal)) {
            final EngineEvent slot = new EngineEvent();
            while (reader.next(slot)) {
                final int kind = ReportKind.kindOf(slot.reportKind);
                if (slot.type == EventType.EXECUTION_REPORT && (kind == ReportKind.FILL || kind == ReportKind.PARTIAL_FILL)) {
                    final String side = byClientId.get(Long.toString(slot.clientOrderId)).get("side").asText();
                    journaled += side.equals("buy") ? slot.lastQuantity : -slot.lastQuantity;
                }
            }
        }
        // Alpaca gives notional buys 9 decimals, the engine holds 8 and takes each fill's quantity toward zero: the
        // books hold at most what the venue holds, less by under 1e-8 per buy
        final BigDecimal venuePosition = fake.positionsNow().getOrDefault("BTC/USD", BigDecimal.ZERO);
        final BigDecimal dust = venuePosition.subtract(BigDecimal.valueOf(journaled, FixedPoint.SCALE_DIGITS));
        final long buys = fake.fillActivities().stream().filter(fill -> fill.get("side").asText().equals("buy")).count();
        assertThat(dust).as("venue position %s, journaled %s", venuePosition, journaled)
            .isGreaterThanOrEqualTo(BigDecimal.ZERO).isLessThan(BigDecimal.valueOf(buys, FixedPoint.SCALE_DIGITS));

        // Both windows were hit, and reconciliation settled everything it found.
        final String audit = Files.readString(journal.resolve(LiveVenues.RECONCILIATION_LOG), StandardCharsets.UTF_8);
        assertThat(audit).contains("before the stop: acknowledged, not sent again").doesNotContain("UNRESOLVED");
        System.out.printf(Locale.ROOT, "alpaca crash test: kills %s; the venue took %d orders (%d fills), no client"
            + " order id twice%n", kills, orders.size(), venueFills.size());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void prepare() throws IOException {
        final List<String> lines;
        try (var all = Files.lines(RealData.bitstamp(), StandardCharsets.UTF_8)) {
            lines = all.limit(TRADES + 1L).toList();
        }
        final Path trades = Files.write(tmp.resolve("trades.csv"), lines, StandardCharsets.UTF_8);
        final long firstSecond = Long.parseLong(lines.get(1).split(",", 2)[0]);
        final long lastSecond = Long.parseLong(lines.getLast().split(",", 2)[0]);
        speed = (lastSecond - firstSecond) / RUN_SECONDS;
        fake.price = new BigDecimal(lines.get(1).split(",")[1]).stripTrailingZeros();
        config = Files.writeString(tmp.resolve("alpaca.conf"), """
            ringtrade {
              mode = live
              status-interval = 0
              instruments = [
                { symbol = "BTC/USD", currency = USD, tick-size = 0.01, lot-size = 0.00000001 }
              ]
              pipeline { ring-size = 4096, wait-strategy = auto }
              journal { durability = os-cache, snapshot-interval = 0 }
              feed { type = trades-replay, file = "%s", symbol = "BTC/USD", speed = 0 }
              venue {
                type = alpaca, api-key = "key", secret-key = "secret", base-url = "%s", data-url = "%s"
                symbols { "BTC/USD" = "BTC/USD" }
                poll-interval = 20ms
              }
              books = [
                {
                  name = "btc-sma", strategy = sma_crossover, params { fast = 2, slow = 5 }
                  symbols = ["BTC/USD"], interval = 1m, cash = 10000, min-notional = 10
                }
                {
                  name = "btc-rsi", strategy = rsi_threshold, params { period = 5, buy_below = 40, sell_above = 60 }
                  symbols = ["BTC/USD"], interval = 1m, cash = 10000, min-notional = 10
                }
              ]
            }
            """.formatted(trades.toString().replace("\\", "/"), fake.url(), fake.url()), StandardCharsets.UTF_8);
    }

    private Process start(final String name, final Path journal, final Path out, final boolean exitAtEnd)
        throws IOException {
        final List<String> command = ChildJvm.ringtrade("256m");
        command.addAll(List.of("run", "--config", config.toString(), "--live", "--journal", journal.toString(),
            "--out", out.toString(), "--effects-log", tmp.resolve("effects.log").toString(),
            "--speed", Double.toString(speed)));
        if (exitAtEnd) {
            command.add("--exit-at-end");
        }
        final Process process = new ProcessBuilder(command).directory(tmp.toFile())
            .redirectOutput(tmp.resolve(name + ".out").toFile())
            .redirectError(tmp.resolve(name + ".err").toFile())
            .start();
        children.add(process);
        return process;
    }

    /** Follows the market from the journal until {@code condition} holds; fails if the engine dies or time runs out. */
    private void awaitWhileFollowing(final JournalTail tail, final Process engine, final String name,
                                     final BooleanSupplier condition, final String what) throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (true) {
            tail.follow(fake);
            if (condition.getAsBoolean()) {
                return;
            }
            if (!engine.isAlive()) {
                fail("%s exited with %d before %s; stdout:%n%s%nstderr:%n%s", name, engine.exitValue(), what,
                    output(name), errors(name));
            }
            if (System.nanoTime() > deadline) {
                fail("%s: no %s within %d s; stdout:%n%s", name, what, DEADLINE_SECONDS, output(name));
            }
            Thread.sleep(2);
        }
    }

    private static void kill(final Process engine) throws InterruptedException {
        engine.destroyForcibly();
        assertThat(engine.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    private String lastClientOrderId() {
        final List<ObjectNode> orders = fake.ordersTaken();
        return orders.isEmpty() ? "?" : orders.getLast().get("client_order_id").asText();
    }

    private String output(final String name) throws IOException {
        return Files.readString(tmp.resolve(name + ".out"), StandardCharsets.UTF_8);
    }

    private String errors(final String name) throws IOException {
        return Files.readString(tmp.resolve(name + ".err"), StandardCharsets.UTF_8);
    }

    private static long fixed(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    /** A venue quantity as the engine takes it: toward zero to 8 decimals. */
    private static long quantity(final String decimal) {
        return new BigDecimal(decimal).setScale(FixedPoint.SCALE_DIGITS, RoundingMode.DOWN).unscaledValue()
            .longValueExact();
    }

    /**
     * Reads the journal another process appends to: counts its entries and moves the fake's price to the last trade
     * journaled. An append in progress looks like a torn entry to the reader, which then stops for good; the tail
     * reopens and reads again from the start.
     */
    private static final class JournalTail implements AutoCloseable {
        private final Path dir;
        private final EngineEvent slot = new EngineEvent();
        private JournalReader reader;
        private long entries;

        JournalTail(final Path dir) {
            this.dir = dir;
        }

        long entries() {
            return entries;
        }

        void follow(final FakeAlpaca market) {
            try {
                if (reader == null) {
                    if (!Files.isDirectory(dir)) {
                        return;
                    }
                    reader = JournalReader.open(dir);
                }
                long lastPrice = 0;
                while (reader.next(slot)) {
                    if (slot.type == EventType.MARKET_DATA && slot.marketDataKind == MarketDataKind.TRADE) {
                        lastPrice = slot.price;
                    }
                }
                entries = Math.max(entries, reader.nextEntry());
                if (lastPrice > 0) {
                    market.price = new BigDecimal(FixedPoint.toString(lastPrice));
                }
            } catch (final JournalException e) {
                // not created yet, or an append in progress: read again from the start next time
                close();
            }
        }

        @Override
        public void close() {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }
    }
}
