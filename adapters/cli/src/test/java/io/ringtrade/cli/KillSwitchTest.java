package io.ringtrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's kill switches against a real engine: {@code ringtrade run --http-port 0} in a child JVM (the way
 * operators run it) on real Bitstamp trades, with two signals resting as limit buys far below the market. The real
 * {@code scripts/kill-switch} (curl) engages the kill switch, which cancels both open orders and reports HALTED, then
 * releases it; the offline kill switch ({@code ringtrade kill-switch --offline}) engages it through the command queue
 * beside the journal while the engine runs, and queues one for the next start when none does. The audit log beside
 * the journal records it all, and a replay of the journal writes its engine lines again byte for byte. Loopback only;
 * every child is stopped (SIGTERM, then killed) by the end.
 */
final class KillSwitchTest {
    private static final String TOKEN = "kill-switch-test-token-42";
    private static final Path SCRIPT = Path.of("../../scripts/kill-switch").toAbsolutePath().normalize();
    private static final Pattern BANNER = Pattern.compile("ops API on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> children = new ArrayList<>();
    private Path journal;

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (final Process child : children) {
            child.destroy();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private record Running(Process process, String url, String name) {
    }

    private Running startEngine(final String name) throws Exception {
        final Path trades = JournalFixtures.bitstampHead(tmp.resolve("btc.csv"), 300);
        final Path config = JournalFixtures.runConfig(tmp.resolve("run.conf"), trades,
            JournalFixtures.smaBook("btc-sma", 5, 20),
            // an RSI book that never trades on these 40 minutes, so its cash is there for alert-2's limit buy
            "    { name = \"btc-rsi\", strategy = rsi_threshold, params { period = 14, buy_below = 5, sell_above = 95 },"
                + " symbols = [\"BTC/USD\"], interval = 1m, cash = 10000, slippage-bps = 5, commission-bps = 10 }");
        final Path signals = tmp.resolve("signals.csv");
        Files.writeString(signals, "time,key,book,symbol,action,size_kind,size,price\n"
            + "2013-11-25T00:30:00Z,alert-1,btc-sma,BTC/USD,buy,quantity,1,100\n"
            + "2013-11-25T00:31:00Z,alert-2,btc-rsi,BTC/USD,buy,quantity,1,100\n");
        journal = tmp.resolve("journal");
        final List<String> command = ChildJvm.ringtrade("256m");
        command.addAll(List.of("run", "--config", config.toString(), "--journal", journal.toString(), "--out",
            tmp.resolve("out").toString(), "--signals", signals.toString(), "--speed", "0", "--http-port", "0"));
        final ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
            .redirectOutput(tmp.resolve(name + ".out").toFile()).redirectError(tmp.resolve(name + ".err").toFile());
        builder.environment().put("RINGTRADE_ADMIN_TOKEN", TOKEN);
        final Process process = builder.start();
        children.add(process);
        // should this test JVM die before @AfterEach (an OutOfMemoryError, a kill), the engine must not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            final Matcher banner = BANNER.matcher(Files.readString(tmp.resolve(name + ".out")));
            if (banner.find()) {
                return new Running(process, "http://127.0.0.1:" + banner.group(1), name);
            }
            assertThat(process.isAlive()).as("the engine exited: %s", Files.readString(tmp.resolve(name + ".err")))
                .isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("no ops API banner: " + Files.readString(tmp.resolve(name + ".out")));
    }

    private void stop(final Running engine) throws Exception {
        engine.process().destroy();
        assertThat(engine.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(engine.process().exitValue()).as(Files.readString(tmp.resolve(engine.name() + ".err"))).isZero();
        children.remove(engine.process());
    }

    private String get(final Running engine, final String path) throws IOException, InterruptedException {
        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(engine.url() + path))
            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** Waits until the engine has processed the whole feed (300 trades, 2 signals) and both limit buys rest. */
    private void awaitFeed(final Running engine) throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            final String status = get(engine, "/status");
            if (status.contains("\"MARKET_DATA\":300,") && status.contains("\"open_orders\":2,")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the feed did not finish: " + get(engine, "/status"));
    }

    /**
     * {@code GET path} once its answer passes {@code done}, or the last answer after 10 s: what an offline command
     * changed, which the view the API reads shows a moment after the audit line the command waited for.
     */
    private String await(final Running engine, final String path, final java.util.function.Predicate<String> done)
        throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String answer = get(engine, path);
        while (!done.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            answer = get(engine, path);
        }
        return answer;
    }

    private static String bookPart(final String books, final String book) {
        final int from = Math.max(0, books.indexOf("\"name\":\"" + book + "\""));
        final int to = books.indexOf("\"name\":", from + 1);
        return books.substring(from, to < 0 ? books.length() : to);
    }

    private record Script(int exitCode, String out, String err) {
    }

    private Script script(final Map<String, String> env, final String... args) throws Exception {
        final List<String> command = new ArrayList<>();
        command.add(SCRIPT.toString());
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(tmp.resolve("script.out").toFile())
            .redirectError(tmp.resolve("script.err").toFile());
        builder.environment().remove("RINGTRADE_ADMIN_TOKEN");
        builder.environment().remove("RINGTRADE_URL");
        builder.environment().putAll(env);
        final Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Script(process.exitValue(), Files.readString(tmp.resolve("script.out")),
            Files.readString(tmp.resolve("script.err")));
    }

    private static String head(final Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4000), StandardCharsets.UTF_8);
        }
    }

    private List<String> audit() throws IOException {
        return Files.readAllLines(journal.resolve("audit.log"), StandardCharsets.UTF_8);
    }

    @Test
    void shouldEngageAndReleaseWithTheScriptCancellingEveryOpenOrder() throws Exception {
        final Running engine = startEngine("engine");
        awaitFeed(engine);

        final Script engaged = script(Map.of("RINGTRADE_ADMIN_TOKEN", TOKEN), "engage", "--reason", "test \"drill\"",
            "--url", engine.url());
        assertThat(engaged.exitCode()).as(engaged.err()).isZero();
        assertThat(engaged.out()).startsWith("trading state: HALTED, open orders: 0, journal entry 302");
        assertThat(get(engine, "/orders?status=open")).isEqualTo("{\"orders\":[]}");
        assertThat(script(Map.of(), "status", "--url", engine.url()).out()).isEqualTo("trading state: HALTED\n");
        final CommandRunner.Result status = CommandRunner.run("status", "--url", engine.url(), "--fills", "3");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).startsWith("engine " + engine.url() + ": paper, pipeline running, up ")
            .contains(", trading HALTED (operator)\n", "events 303, journal entries 303, ring lag 0,",
                "\nbooks\n  book     strategy       state   effective  paused", "\n  btc-rsi  rsi_threshold  ACTIVE  HALTED",
                "\nopen orders: none\n", "\nlatency (ingress to stage done)\n  stage          samples");
        assertThat(CommandRunner.run("status", "--url", "http://127.0.0.1:1").err())
            .startsWith("ringtrade: cannot reach the engine at http://127.0.0.1:1");

        final Path tokenFile = tmp.resolve("token");
        Files.writeString(tokenFile, TOKEN + "\n");
        final Script released = script(Map.of("RINGTRADE_ADMIN_TOKEN_FILE", tokenFile.toString(), "RINGTRADE_URL",
            engine.url()), "release");
        assertThat(released.exitCode()).as(released.err()).isZero();
        assertThat(released.out()).startsWith("trading state: ACTIVE, open orders: 0, journal entry 303");

        final Script wrong = script(Map.of("RINGTRADE_ADMIN_TOKEN", "not-the-token-at-all"), "engage", "--url",
            engine.url());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("answered 401");
        assertThat(script(Map.of(), "engage", "--url", engine.url()).exitCode()).isEqualTo(2);
        assertThat(script(Map.of(), "engage", "--token", TOKEN).exitCode()).isEqualTo(2);

        stop(engine);
        final List<String> lines = audit();
        assertThat(lines.getFirst()).contains("\"by\":\"edge\",\"event\":\"start\"", "\"admin_token\":\"configured\"");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"event\":\"request\"", "\"token\":\"valid\"",
            "\"entry\":302", "\"reason\":\"test \\\"drill\\\"\""));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"by\":\"engine\",\"entry\":302",
            "\"event\":\"trading_state\",\"scope\":\"global\",\"from\":\"ACTIVE\",\"to\":\"HALTED\"",
            "\"orders_cancelled\":2"));
        assertThat(String.join("\n", lines)).doesNotContain(TOKEN);
        assertThat(Files.readString(tmp.resolve("engine.out"))).contains("ringtrade: NOTICE engine is now HALTED");
        // the two resting buys ended CANCELLED by the kill switch
        assertThat(Files.readAllLines(tmp.resolve("out").resolve("orders.csv"))).filteredOn(l -> l.contains(",100,"))
            .hasSize(2).allSatisfy(l -> assertThat(l).contains(",CANCELLED,KILL_SWITCH,"));

        // replay writes business logic's audit lines again, byte for byte
        final Path replayed = tmp.resolve("replay");
        JournalFixtures.succeeded(CommandRunner.run("replay", "--journal", journal.toString(), "--out",
            replayed.toString()));
        final List<String> engineLines = lines.stream().filter(l -> l.contains("\"by\":\"engine\"")).toList();
        assertThat(engineLines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Files.readAllLines(replayed.resolve("audit.log"))).isEqualTo(engineLines);
    }

    /**
     * An operator's limit change over HTTP is a journaled input: the running engine shows it, replay writes its audit
     * line again, and a restart on the same journal (the configuration file unchanged) has the changed limit.
     */
    @Test
    void shouldChangeALimitOverHttpAndKeepItThroughReplayAndARestart() throws Exception {
        final Running engine = startEngine("engine");
        awaitFeed(engine);
        // ringtrade limits in its own JVM, as an operator runs it: the token from the environment
        final List<String> command = ChildJvm.ringtrade("128m");
        command.addAll(List.of("limits", "--url", engine.url(), "--book", "btc-sma", "--set", "max_position_pct=20",
            "--reason", "drill"));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(tmp.resolve("limits.out").toFile())
            .redirectError(tmp.resolve("limits.err").toFile());
        builder.environment().put("RINGTRADE_ADMIN_TOKEN", TOKEN);
        final Process limits = builder.start();
        children.add(limits);
        assertThat(limits.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(limits.exitValue()).as(Files.readString(tmp.resolve("limits.err"))).isZero();
        assertThat(Files.readString(tmp.resolve("limits.out")))
            .isEqualTo("book btc-sma: max_position_pct 20 in force, journal entry 302\n");
        assertThat(CommandRunner.run("limits", "--url", engine.url()).out()).isEqualTo(
            "engine-wide caps: max_order_notional 0, max_position_pct 0, max_daily_loss 0, price_band_pct 0, "
                + "max_orders_per_second 0, max_leverage 0, allow_short true\n"
                + "btc-sma: max_order_notional 0, max_position_pct 20, max_daily_loss 0, price_band_pct 0, "
                + "max_orders_per_second 0, maintenance_margin_pct 0, borrow_rate_pct 0, short_fee_pct 0, "
                + "max_leverage 1, allow_short false, min_notional 10, max_short_notional 0\n"
                + "btc-rsi: max_order_notional 0, max_position_pct 0, max_daily_loss 0, price_band_pct 0, "
                + "max_orders_per_second 0, maintenance_margin_pct 0, borrow_rate_pct 0, short_fee_pct 0, "
                + "max_leverage 1, allow_short false, min_notional 10, max_short_notional 0\n");
        assertThat(CommandRunner.run("status", "--url", engine.url()).out()).contains(
            "limits in force (0 = none; change one with `ringtrade limits`)\n  book     max order notional",
            "\n  btc-sma  0                   20");
        // mistakes are one line and exit code 2, before or after asking the engine
        final CommandRunner.Result unknown = CommandRunner.run("limits", "--url", engine.url(), "--book", "btc-sma",
            "--set", "leverage=2");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(CommandRunner.run("limits", "--url", engine.url(), "--set", "max_daily_loss=5").err()).isEqualTo(
            "ringtrade: --set needs one of --book NAME (a book's limit) or --engine (the engine-wide cap)\n");
        assertThat(unknown.err()).isEqualTo("ringtrade: --set must be LIMIT=VALUE with LIMIT one of max_order_notional, "
            + "max_position_pct, max_daily_loss, price_band_pct, max_orders_per_second, maintenance_margin_pct, "
            + "borrow_rate_pct, short_fee_pct, max_leverage, allow_short, min_notional, max_short_notional, got "
            + "leverage=2\n");
        assertThat(CommandRunner.run("limits", "--url", engine.url(), "--engine", "--set", "borrow_rate_pct=5").err())
            .isEqualTo("ringtrade: borrow_rate_pct is a book's own limit, with no engine-wide cap: set it with --book"
                + " NAME\n");
        if (System.getenv("RINGTRADE_ADMIN_TOKEN") == null && System.getenv("RINGTRADE_ADMIN_TOKEN_FILE") == null) {
            assertThat(CommandRunner.run("limits", "--url", engine.url(), "--book", "btc-sma", "--set",
                "max_position_pct=5").err()).isEqualTo("ringtrade: no admin token: set RINGTRADE_ADMIN_TOKEN or "
                + "RINGTRADE_ADMIN_TOKEN_FILE\n");
        }
        assertThat(get(engine, "/books")).contains("\"name\":\"btc-sma\"", "\"max_position_pct\":\"20\"");
        stop(engine);
        assertThat(audit()).anySatisfy(line -> assertThat(line).contains("\"by\":\"engine\",\"entry\":302",
            "\"event\":\"limit_changed\",\"scope\":\"book\",\"book\":\"btc-sma\",\"limit\":\"max_position_pct\",\"from\":\"0\","
                + "\"to\":\"20\",\"asked\":\"20\""));

        final Path replayed = tmp.resolve("replay");
        JournalFixtures.succeeded(CommandRunner.run("replay", "--journal", journal.toString(), "--out",
            replayed.toString()));
        assertThat(Files.readAllLines(replayed.resolve("audit.log")))
            .isEqualTo(audit().stream().filter(l -> l.contains("\"by\":\"engine\"")).toList());

        // the restart recovers the 304 entries (the stop cancelled the resting buys) and gets no new input: what the
        // API shows is what recovery restored
        final Running restarted = startEngine("restarted");
        assertThat(get(restarted, "/status")).contains("\"journal\":{\"entries\":304,\"last_applied\":303}",
            "\"processed\":304,");
        final String books = get(restarted, "/books");
        assertThat(books.substring(books.indexOf("\"name\":\"btc-sma\""), books.indexOf("\"name\":\"btc-rsi\"")))
            .contains("\"max_position_pct\":\"20\"");
        assertThat(books.substring(books.indexOf("\"name\":\"btc-rsi\""))).contains("\"max_position_pct\":\"0\"");
        stop(restarted);
    }

    @Test
    void shouldEngageOfflineThroughTheCommandQueueBesideTheJournal() throws Exception {
        final Running engine = startEngine("first");
        awaitFeed(engine);

        final CommandRunner.Result offline = CommandRunner.run("kill-switch", "--offline", "--journal",
            journal.toString(), "engage", "--reason", "http is down");
        assertThat(offline.exitCode()).as("%s%n%s", offline.err(), head(tmp.resolve("first.out"))).isZero();
        assertThat(offline.out()).contains("queued offline command #1 (engage)",
            "the engine published it as journal entry 302");
        assertThat(await(engine, "/status", status -> status.contains("\"global\":\"HALTED\"")))
            .contains("\"global\":\"HALTED\"");
        assertThat(await(engine, "/orders?status=open", orders -> orders.equals("{\"orders\":[]}")))
            .isEqualTo("{\"orders\":[]}");
        // a limit change the same way: the next number in the same queue
        final CommandRunner.Result limit = CommandRunner.run("limits", "--offline", "--journal", journal.toString(),
            "--book", "btc-sma", "--set", "max_position_pct=15", "--reason", "http is down");
        assertThat(limit.exitCode()).as(limit.err()).isZero();
        assertThat(limit.out()).contains("queued offline command #2 (max_position_pct 15 for book btc-sma)",
            "the engine published it as journal entry 303; max_position_pct 15 requested");
        assertThat(bookPart(await(engine, "/books", books -> bookPart(books, "btc-sma")
            .contains("\"max_position_pct\":\"15\"")), "btc-sma")).contains("\"max_position_pct\":\"15\"");
        final CommandRunner.Result badValue = CommandRunner.run("limits", "--offline", "--journal", journal.toString(),
            "--book", "btc-sma", "--set", "max_orders_per_second=2.5");
        assertThat(badValue.exitCode()).isEqualTo(2);
        assertThat(badValue.err()).isEqualTo("ringtrade: max_orders_per_second must be a whole number 0 to 100000 "
            + "(0 = none), got 2.5\n");
        final CommandRunner.Result badLeverage = CommandRunner.run("limits", "--offline", "--journal",
            journal.toString(), "--book", "btc-sma", "--set", "max_leverage=0.5");
        assertThat(badLeverage.exitCode()).isEqualTo(2);
        assertThat(badLeverage.err()).isEqualTo("ringtrade: max_leverage must be 0 or a decimal 1 to 100 (a book's 0 "
            + "is a cash account, the engine-wide cap's 0 is none), got 0.5\n");
        stop(engine);
        assertThat(audit()).anySatisfy(line -> assertThat(line).contains("\"event\":\"offline_command\"",
            "\"number\":1,", "\"entry\":302", "\"reason\":\"http is down\""));
        assertThat(audit()).anySatisfy(line -> assertThat(line).contains("\"by\":\"engine\",\"entry\":302",
            "\"to\":\"HALTED\"", "\"source\":\"offline\""));
        assertThat(audit()).anySatisfy(line -> assertThat(line).contains("\"by\":\"engine\",\"entry\":303",
            "\"event\":\"limit_changed\"", "\"limit\":\"max_position_pct\",\"from\":\"0\",\"to\":\"15\"",
            "\"source\":\"offline\""));

        // no engine: refused, unless explicitly for the next start
        final CommandRunner.Result refused = CommandRunner.run("kill-switch", "--offline", "--journal",
            journal.toString(), "release");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("ringtrade: no engine is running on journal " + journal + ": the command"
            + " would only act when the engine next starts; add --at-next-start to queue it for then\n");
        final CommandRunner.Result queued = CommandRunner.run("kill-switch", "--offline", "--journal",
            journal.toString(), "release", "--at-next-start", "--reason", "all clear");
        assertThat(queued.exitCode()).as(queued.err()).isZero();
        assertThat(queued.out()).contains("queued offline command #3 (release)", "acts when the engine next starts");

        // the restart recovers HALTED (and the limit) from the journal, then applies the queued release before any new
        // input; the offline commands already applied (#1, #2) are not applied again
        final Running second = startEngine("second");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!get(second, "/status").contains("\"global\":\"ACTIVE\"") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(get(second, "/status")).contains("\"global\":\"ACTIVE\"", "\"COMMAND\":4,");
        assertThat(get(second, "/books")).contains("\"max_position_pct\":\"15\"");
        stop(second);
        assertThat(Files.readString(tmp.resolve("second.out"))).contains("published 1 offline command(s)");
    }
}
