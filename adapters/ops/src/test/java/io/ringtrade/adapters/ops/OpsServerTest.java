package io.ringtrade.adapters.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.audit.AuditLog;
import io.ringtrade.engine.output.CsvOutputWriter;
import io.ringtrade.engine.output.OutputRows;
import io.ringtrade.engine.pipeline.Notifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ops API against a real pipeline on loopback (an ephemeral port): every read endpoint's JSON shape, control with
 * and without the admin token, the kill switch and a book's state answered with the state after business logic applied
 * them, malformed requests, a full ring, and the audit lines requests leave. Each test's server and pipeline stop at
 * its end.
 */
final class OpsServerTest {
    static final String TOKEN = "test-admin-token-0123456789";
    private static final long MINUTE = 60_000_000_000L;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final OpsServer server = new OpsServer();
    private PipelineEngine engine;
    private AuditLog audit;
    private CsvOutputWriter outputs;
    private int port;

    @AfterEach
    void stop() {
        server.close();
        if (engine != null) {
            engine.close();
        }
        if (outputs != null) {
            outputs.close();
        }
        if (audit != null) {
            audit.close();
        }
    }

    private void start(final AdminToken token) {
        start(token, EventJournal.none(), 1024);
    }

    private void start(final AdminToken token, final EventJournal journal, final int ringSize) {
        audit = AuditLog.continueFile(dir.resolve(AuditLog.FILE));
        outputs = CsvOutputWriter.open(dir.resolve("out"), OutputRows.NONE, new String[] {"ACME", "ZED/USD"},
            new String[] {"USD", "USD"}, new String[] {"alpha", "beta"}, audit);
        engine = new PipelineEngine(server.commandListener(), Notifier.NONE, journal, ringSize, outputs);
        final OpsSettings settings = new OpsSettings("paper", List.of("alpha", "beta"),
            Map.of("alpha", "sma_crossover", "beta", "rsi_threshold"), Map.of("ACME", 0, "ZED/USD", 1), token, audit,
            Duration.ofSeconds(5), Duration.ofSeconds(5), 1024, () -> 1_700_000_000_000L, System.nanoTime(),
            System::nanoTime);
        port = server.start("127.0.0.1", 0, engine, settings);
    }

    /** Two trades, a filled buy for alpha, a resting limit buy for beta: 5 inputs. */
    private void trade() throws InterruptedException {
        engine.trade(MINUTE, "100");
        engine.signal(MINUTE + 1, 0, 1, "3", null);
        engine.trade(MINUTE + 2, "101");
        engine.signal(MINUTE + 3, 1, 1, "2", "90");
        engine.trade(MINUTE + 4, "102");
        engine.awaitEvents(5);
    }

    static Config json(final String body) {
        return ConfigFactory.parseString(body, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
    }

    private HttpResponse<String> get(final String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(final String path, final String body, final String token)
        throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> auditLines() throws IOException {
        return Files.readAllLines(dir.resolve(AuditLog.FILE), StandardCharsets.UTF_8);
    }

    // ---- reads ------------------------------------------------------------------------------------------------------

    @Test
    void shouldAnswerHealthAndStatusWithTheirDocumentedShape() throws Exception {
        start(AdminToken.of(TOKEN));
        trade();

        final HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        final Config h = json(health.body());
        assertThat(h.getString("status")).isEqualTo("ok");
        assertThat(h.getString("pipeline")).isEqualTo("running");
        assertThat(h.getString("trading_state")).isEqualTo("ACTIVE");
        assertThat(h.getLong("uptime_seconds")).isNotNegative();

        final Config s = json(get("/status").body());
        assertThat(s.getString("mode")).isEqualTo("paper");
        assertThat(s.getString("trading_state.global")).isEqualTo("ACTIVE");
        assertThat(s.getString("trading_state.books.alpha.state")).isEqualTo("ACTIVE");
        assertThat(s.getString("trading_state.books.beta.effective")).isEqualTo("ACTIVE");
        assertThat(s.getBoolean("trading_state.books.beta.paused")).isFalse();
        assertThat(s.getLong("journal.entries")).isEqualTo(5);
        assertThat(s.getLong("journal.last_applied")).isEqualTo(4);
        assertThat(s.getLong("events.processed")).isEqualTo(5);
        assertThat(s.getLong("events.by_type.MARKET_DATA")).isEqualTo(3);
        assertThat(s.getLong("events.by_type.EXTERNAL_SIGNAL")).isEqualTo(2);
        assertThat(s.getLong("events.by_type.COMMAND")).isZero();
        assertThat(s.getLong("events.late_bar_inputs")).isZero();
        assertThat(s.getLong("ring_lag")).isNotNegative();
        assertThat(s.getString("data_time")).isEqualTo("1970-01-01T00:01:00.000000004Z");
        assertThat(s.getLong("orders")).isEqualTo(2);
        assertThat(s.getLong("fills")).isEqualTo(1);
        assertThat(s.getLong("open_orders")).isEqualTo(1);
        assertThat(s.getLong("rejections.total")).isZero();
        assertThat(s.getLong("rejections.by_reason.MAX_POSITION")).isZero();
        // alpha bought 3 at 101 and is marked at 102: 10,000 - 303 + 306
        assertThat(s.getString("equity.alpha")).isEqualTo("10003");
        assertThat(s.getString("equity.beta")).isEqualTo("10000");
    }

    @Test
    void shouldAnswerBooksPositionsOrdersTradesAndStrategiesWithTheirDocumentedShape() throws Exception {
        start(AdminToken.of(TOKEN));
        trade();

        final Config alpha = json(get("/books").body()).getConfigList("books").getFirst();
        assertThat(alpha.getString("name")).isEqualTo("alpha");
        assertThat(alpha.getString("strategy")).isEqualTo("sma_crossover");
        assertThat(alpha.getString("state")).isEqualTo("ACTIVE");
        assertThat(alpha.getString("effective_state")).isEqualTo("ACTIVE");
        assertThat(alpha.getString("cause")).isEqualTo("none");
        assertThat(alpha.getString("initial_cash")).isEqualTo("10000");
        assertThat(alpha.getString("cash")).isEqualTo("9697");
        assertThat(alpha.getString("equity")).isEqualTo("10003");
        assertThat(alpha.getString("realized_pnl")).isEqualTo("0");
        assertThat(alpha.getString("unrealized_pnl")).isEqualTo("3");
        assertThat(alpha.getString("fees")).isEqualTo("0");
        assertThat(alpha.getString("daily_loss")).isEqualTo("-3"); // a gain since the day's first input
        assertThat(alpha.getString("daily_loss_limit")).isEqualTo("0");
        assertThat(alpha.getString("maintenance_margin_pct")).isEqualTo("0");
        assertThat(alpha.getString("gross_exposure")).isEqualTo("306"); // 3 @ 102
        assertThat(alpha.getString("borrow_rate_pct")).isEqualTo("0");
        assertThat(alpha.getString("interest_paid")).isEqualTo("0");
        assertThat(alpha.getString("short_fee_pct")).isEqualTo("0");
        assertThat(alpha.getString("short_fees_paid")).isEqualTo("0");

        final List<? extends Config> positions = json(get("/positions").body()).getConfigList("positions");
        assertThat(positions).hasSize(1);
        assertThat(positions.getFirst().getString("book")).isEqualTo("alpha");
        assertThat(positions.getFirst().getString("symbol")).isEqualTo("ACME");
        assertThat(positions.getFirst().getString("quantity")).isEqualTo("3");
        assertThat(positions.getFirst().getString("average_price")).isEqualTo("101");
        assertThat(positions.getFirst().getString("last_price")).isEqualTo("102");
        assertThat(positions.getFirst().getString("unrealized_pnl")).isEqualTo("3");
        assertThat(positions.getFirst().getString("value")).isEqualTo("306");
        assertThat(positions.getFirst().getString("currency")).isEqualTo("USD");

        final List<? extends Config> orders = json(get("/orders?status=open").body()).getConfigList("orders");
        assertThat(orders).hasSize(1);
        final Config order = orders.getFirst();
        assertThat(order.getLong("order_id")).isEqualTo(3000);
        assertThat(order.getString("book")).isEqualTo("beta");
        assertThat(order.getString("side")).isEqualTo("BUY");
        assertThat(order.getString("type")).isEqualTo("LIMIT");
        assertThat(order.getString("quantity")).isEqualTo("2");
        assertThat(order.getString("price")).isEqualTo("90");
        assertThat(order.getString("state")).isEqualTo("ACCEPTED");
        assertThat(order.getString("filled_quantity")).isEqualTo("0");
        assertThat(order.getString("decided")).isEqualTo("1970-01-01T00:01:00.000000003Z");
        assertThat(order.getString("origin")).isEqualTo("signal");
        assertThat(get("/orders?status=filled").statusCode()).isEqualTo(400);

        final List<? extends Config> trades = json(get("/trades?limit=5").body()).getConfigList("trades");
        assertThat(trades).hasSize(1);
        assertThat(trades.getFirst().getString("time")).isEqualTo("1970-01-01T00:01:00.000000002Z");
        assertThat(trades.getFirst().getString("book")).isEqualTo("alpha");
        assertThat(trades.getFirst().getString("side")).isEqualTo("BUY");
        assertThat(trades.getFirst().getString("quantity")).isEqualTo("3");
        assertThat(trades.getFirst().getString("price")).isEqualTo("101");
        assertThat(trades.getFirst().getString("fee")).isEqualTo("0");
        assertThat(trades.getFirst().getLong("order_id")).isEqualTo(1000);
        assertThat(trades.getFirst().getString("realized_pnl")).isEqualTo("0");
        assertThat(get("/trades?limit=0").statusCode()).isEqualTo(400);

        final Config strategy = json(get("/strategies").body()).getConfigList("strategies").getFirst();
        assertThat(strategy.getString("book")).isEqualTo("alpha");
        assertThat(strategy.getString("strategy")).isEqualTo("sma_crossover");
        assertThat(strategy.getBoolean("paused")).isFalse();
        assertThat(strategy.getString("state")).isEqualTo("ACTIVE");
        assertThat(strategy.getString("cash")).isEqualTo("9697");
        assertThat(strategy.getConfigList("positions").getFirst().getString("last_price")).isEqualTo("102");
        assertThat(strategy.getString("unrealized_pnl")).isEqualTo("3");
        assertThat(strategy.getString("realized_pnl")).isEqualTo("0");
        assertThat(strategy.getString("total_value")).isEqualTo("10003");
        assertThat(strategy.getInt("trades")).isZero();
        assertThat(strategy.getInt("wins")).isZero();
        assertThat(strategy.getInt("losses")).isZero();
        assertThat(strategy.getDouble("win_rate")).isZero();
        assertThat(strategy.getDouble("sharpe")).isZero();
        assertThat(strategy.getDouble("max_drawdown")).isZero();
        assertThat(strategy.getDouble("current_drawdown")).isZero();

        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldShowTheAuditLogNewestLast() throws Exception {
        start(AdminToken.of(TOKEN));
        audit.edge("{\"by\":\"edge\",\"event\":\"start\"}\n");
        post("/kill-switch", "{\"action\":\"engage\",\"reason\":\"test \\\"quoted\\\"\"}", TOKEN);

        // the engine's line comes from the output writer's thread, the request's from the HTTP thread: either first
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (audit.recent(10).size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        final List<? extends Config> lines = json(get("/audit?limit=3").body()).getConfigList("lines");
        assertThat(lines.getFirst().getString("event")).isEqualTo("start");
        assertThat(lines).extracting(c -> c.getString("event")).containsExactlyInAnyOrder("start", "trading_state",
            "request");
        assertThat(lines).filteredOn(c -> c.getString("event").equals("request")).singleElement()
            .satisfies(c -> assertThat(c.getString("reason")).isEqualTo("test \"quoted\""));
        assertThat(lines).filteredOn(c -> c.getString("event").equals("trading_state")).singleElement()
            .satisfies(c -> {
                assertThat(c.getString("by")).isEqualTo("engine");
                assertThat(c.getString("scope")).isEqualTo("global");
                assertThat(c.getString("to")).isEqualTo("HALTED");
                assertThat(c.getString("source")).isEqualTo("http");
            });
        assertThat(json(get("/audit?limit=1").body()).getConfigList("lines")).hasSize(1);
    }

    // ---- control ----------------------------------------------------------------------------------------------------

    @Test
    void shouldEngageAndReleaseTheKillSwitchAnsweringWithTheStateAfterIt() throws Exception {
        start(AdminToken.of(TOKEN));
        trade();

        final HttpResponse<String> engaged = post("/kill-switch",
            "{\"action\":\"engage\",\"reason\":\"fat finger\",\"flatten\":false}", TOKEN);
        assertThat(engaged.statusCode()).isEqualTo(200);
        final Config result = json(engaged.body());
        assertThat(result.getLong("entry")).isEqualTo(5);
        assertThat(result.getString("action")).isEqualTo("engage");
        assertThat(result.getBoolean("applied")).isTrue();
        assertThat(result.getString("trading_state.global")).isEqualTo("HALTED");
        assertThat(result.getString("trading_state.books.beta.effective")).isEqualTo("HALTED");
        assertThat(result.getString("trading_state.books.beta.state")).isEqualTo("ACTIVE");
        assertThat(result.getLong("open_orders")).isZero(); // beta's resting buy was cancelled

        final Config released = json(post("/kill-switch", "{\"action\":\"release\"}", TOKEN).body());
        assertThat(released.getString("trading_state.global")).isEqualTo("ACTIVE");
        assertThat(released.getLong("entry")).isEqualTo(6);

        final List<String> lines = auditLines();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"by\":\"edge\"", "\"event\":\"request\"",
            "\"from\":\"127.0.0.1\"", "\"path\":\"/kill-switch\"", "\"token\":\"valid\"", "\"status\":200",
            "\"entry\":5", "\"action\":\"engage\"", "\"reason\":\"fat finger\""));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains(TOKEN));
    }

    @Test
    void shouldSetABooksStatePauseItsStrategyAndCloseAPosition() throws Exception {
        start(AdminToken.of(TOKEN));
        trade();

        final Config reduce = json(post("/books/alpha/state", "{\"action\":\"reduce_only\"}", TOKEN).body());
        assertThat(reduce.getString("trading_state.books.alpha.state")).isEqualTo("REDUCE_ONLY");
        assertThat(reduce.getString("trading_state.global")).isEqualTo("ACTIVE");

        final Config paused = json(post("/strategies/beta/pause", "", TOKEN).body());
        assertThat(paused.getBoolean("trading_state.books.beta.paused")).isTrue();
        assertThat(json(post("/strategies/beta/resume", "", TOKEN).body())
            .getBoolean("trading_state.books.beta.paused")).isFalse();

        final HttpResponse<String> close = post("/positions/alpha/ACME/close", "", TOKEN);
        assertThat(close.statusCode()).isEqualTo(200);
        assertThat(json(close.body()).getLong("open_orders")).isEqualTo(2); // beta's limit buy and alpha's closing sell
        engine.trade(MINUTE + 10, "103");
        engine.awaitEvents(10);
        assertThat(json(get("/positions").body()).getConfigList("positions")).isEmpty();
        // a symbol with a slash is one path segment when encoded
        assertThat(post("/positions/alpha/ZED%2FUSD/close", "", TOKEN).statusCode()).isEqualTo(200);
        assertThat(post("/positions/gamma/ACME/close", "", TOKEN).statusCode()).isEqualTo(404);
        assertThat(post("/positions/alpha/NOPE/close", "", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldChangeABooksLimitWhileRunningAndRefuseABadOne() throws Exception {
        start(AdminToken.of(TOKEN));
        trade();

        final HttpResponse<String> set = post("/books/alpha/limits", "{\"max_position_pct\":\"2.5\",\"reason\":\"tighten\"}",
            TOKEN);
        assertThat(set.statusCode()).isEqualTo(200);
        final Config answer = json(set.body());
        assertThat(answer.getString("action")).isEqualTo("set max_position_pct");
        assertThat(answer.getBoolean("applied")).isTrue();
        assertThat(answer.getString("limits.book")).isEqualTo("alpha");
        assertThat(answer.getString("limits.max_position_pct")).isEqualTo("2.5");
        assertThat(answer.getString("limits.max_order_notional")).isEqualTo("0");
        assertThat(json(post("/books/beta/limits", "{\"max_daily_loss\":250}", TOKEN).body())
            .getString("limits.max_daily_loss")).isEqualTo("250");
        final List<? extends Config> books = json(get("/books").body()).getConfigList("books");
        assertThat(books.get(0).getString("max_position_pct")).isEqualTo("2.5");
        assertThat(books.get(1).getString("daily_loss_limit")).isEqualTo("250");
        assertThat(books.get(1).getInt("max_orders_per_second")).isZero();
        // alpha holds 3 @ 102 = 306 of 10,003: a buy of 1 more is past 2.5 % (250)
        engine.signal(MINUTE + 20, 0, 1, "1", null);
        engine.awaitEvents(8); // 5 inputs, the two limits, the signal
        assertThat(json(get("/status").body()).getLong("rejections.by_reason.MAX_POSITION")).isEqualTo(1);
        assertThat(Files.readString(dir.resolve(AuditLog.FILE))).contains("\"event\":\"limit_changed\",\"scope\":\"book\",\"book\":\"alpha\","
            + "\"limit\":\"max_position_pct\",\"from\":\"0\",\"to\":\"2.5\",\"asked\":\"2.5\",\"source\":\"http\"}");

        assertThat(json(post("/books/alpha/limits", "{\"max_position_pct\":\"10001\"}", TOKEN).body())
            .getString("error")).isEqualTo("\"max_position_pct\" must be a decimal 0 to 10000 (0 = none), got \"10001\"");
        assertThat(json(post("/books/alpha/limits", "{\"max_order_notional\":\"-5\"}", TOKEN).body())
            .getString("error")).isEqualTo("\"max_order_notional\" must be a decimal 0 or more (0 = none), got \"-5\"");
        assertThat(json(post("/books/alpha/limits", "{\"price_band_pct\":\"lots\"}", TOKEN).body())
            .getString("error")).isEqualTo("\"price_band_pct\" must be a decimal 0 to 100 (0 = none), got \"lots\"");
        assertThat(json(post("/books/alpha/limits", "{\"max_orders_per_second\":\"2.5\"}", TOKEN).body())
            .getString("error")).isEqualTo("\"max_orders_per_second\" must be a whole number 0 to 100000 (0 = none), "
                + "got \"2.5\"");
        assertThat(json(post("/books/alpha/limits", "{\"leverage\":\"2\"}", TOKEN).body()).getString("error"))
            .isEqualTo("unknown field \"leverage\" (expected one of max_order_notional, max_position_pct, "
                + "max_daily_loss, price_band_pct, max_orders_per_second, maintenance_margin_pct, borrow_rate_pct, "
                + "short_fee_pct, max_leverage, allow_short, min_notional, max_short_notional, and reason)");
        assertThat(json(post("/books/alpha/limits", "{\"max_daily_loss\":\"1\",\"price_band_pct\":\"1\"}", TOKEN)
            .body()).getString("error")).isEqualTo("one limit per request, got \"max_daily_loss\" and \"price_band_pct\"");
        assertThat(json(post("/books/alpha/limits", "{\"reason\":\"x\"}", TOKEN).body()).getString("error"))
            .isEqualTo("missing the limit to set (one of max_order_notional, max_position_pct, max_daily_loss, "
                + "price_band_pct, max_orders_per_second, maintenance_margin_pct, borrow_rate_pct, short_fee_pct, "
                + "max_leverage, allow_short, min_notional, max_short_notional)");
        assertThat(post("/books/gamma/limits", "{\"max_daily_loss\":\"1\"}", TOKEN).statusCode()).isEqualTo(404);
        // the engine-wide cap over every book's limit
        final Config cap = json(post("/limits", "{\"max_order_notional\":\"5000\"}", TOKEN).body());
        assertThat(cap.getString("limits.scope")).isEqualTo("global");
        assertThat(cap.getString("limits.max_order_notional")).isEqualTo("5000");
        assertThat(json(get("/status").body()).getString("risk_caps.max_order_notional")).isEqualTo("5000");
        assertThat(json(get("/books").body()).getConfigList("books").get(1).getString("max_order_notional"))
            .isEqualTo("5000");
        // the order rate, a whole number: the cap over every book, and the answer shows it in force
        final Config rate = json(post("/limits", "{\"max_orders_per_second\":50}", TOKEN).body());
        assertThat(rate.getInt("limits.max_orders_per_second")).isEqualTo(50);
        assertThat(json(get("/status").body()).getInt("risk_caps.max_orders_per_second")).isEqualTo(50);
        assertThat(json(get("/books").body()).getConfigList("books").get(0).getInt("max_orders_per_second"))
            .isEqualTo(50);
        // a book's leverage terms: its own only, shown in the answer and in /books
        final Config margin = json(post("/books/alpha/limits", "{\"maintenance_margin_pct\":\"25\"}", TOKEN).body());
        assertThat(margin.getString("limits.maintenance_margin_pct")).isEqualTo("25");
        assertThat(margin.getString("limits.borrow_rate_pct")).isEqualTo("0");
        assertThat(margin.getString("limits.short_fee_pct")).isEqualTo("0");
        assertThat(json(post("/books/beta/limits", "{\"borrow_rate_pct\":\"6.5\"}", TOKEN).body())
            .getString("limits.borrow_rate_pct")).isEqualTo("6.5");
        assertThat(json(get("/books").body()).getConfigList("books").get(1).getString("borrow_rate_pct"))
            .isEqualTo("6.5");
        final HttpResponse<String> engineWide = post("/limits", "{\"borrow_rate_pct\":\"5\"}", TOKEN);
        assertThat(engineWide.statusCode()).isEqualTo(400);
        assertThat(json(engineWide.body()).getString("error")).isEqualTo("\"borrow_rate_pct\" is a book's own limit,"
            + " with no engine-wide cap: set it with POST /books/{name}/limits");
        assertThat(json(post("/books/alpha/limits", "{\"borrow_rate_pct\":\"101\"}", TOKEN).body())
            .getString("error")).isEqualTo("\"borrow_rate_pct\" must be a decimal 0 to 100 (0 = none), got \"101\"");
        // the leverage: a book's (1, a cash account, unless its configuration says more), and the cap over every book's
        assertThat(json(post("/books/alpha/limits", "{\"max_leverage\":\"2\"}", TOKEN).body())
            .getString("limits.max_leverage")).isEqualTo("2");
        assertThat(json(post("/limits", "{\"max_leverage\":\"1.5\"}", TOKEN).body()).getString("limits.max_leverage"))
            .isEqualTo("1.5");
        assertThat(json(get("/status").body()).getString("risk_caps.max_leverage")).isEqualTo("1.5");
        assertThat(json(get("/books").body()).getConfigList("books")).extracting(b -> b.getString("max_leverage"))
            .containsExactly("1.5", "1");
        assertThat(json(post("/books/alpha/limits", "{\"max_leverage\":\"0.5\"}", TOKEN).body()).getString("error"))
            .isEqualTo("\"max_leverage\" must be 0 or a decimal 1 to 100 (a book's 0 is a cash account, the engine-wide"
                + " cap's 0 is none), got \"0.5\"");
        // shorting, the minimum notional and the short cap: a book's own, true or false for shorting
        assertThat(json(post("/books/beta/limits", "{\"allow_short\":false}", TOKEN).body())
            .getBoolean("limits.allow_short")).isFalse();
        assertThat(json(post("/books/beta/limits", "{\"allow_short\":\"1\"}", TOKEN).body())
            .getBoolean("limits.allow_short")).isTrue();
        assertThat(json(post("/books/alpha/limits", "{\"min_notional\":\"25\"}", TOKEN).body())
            .getString("limits.min_notional")).isEqualTo("25");
        assertThat(json(post("/books/alpha/limits", "{\"max_short_notional\":\"750\"}", TOKEN).body())
            .getString("limits.max_short_notional")).isEqualTo("750");
        assertThat(json(get("/books").body()).getConfigList("books").get(0).getString("min_notional"))
            .isEqualTo("25");
        assertThat(json(post("/books/alpha/limits", "{\"allow_short\":\"maybe\"}", TOKEN).body()).getString("error"))
            .isEqualTo("\"allow_short\" must be 1 or true (shorts allowed), 0 or false (no new shorts), got "
                + "\"maybe\"");
        // engine-wide, false stops every book's shorts; true leaves each to its own again
        assertThat(json(post("/limits", "{\"allow_short\":false}", TOKEN).body()).getBoolean("limits.allow_short"))
            .isFalse();
        assertThat(json(get("/status").body()).getBoolean("risk_caps.allow_short")).isFalse();
        assertThat(json(get("/books").body()).getConfigList("books")).extracting(b -> b.getBoolean("allow_short"))
            .containsExactly(false, false);
        assertThat(json(post("/limits", "{\"allow_short\":true}", TOKEN).body()).getBoolean("limits.allow_short"))
            .isTrue();
        assertThat(json(get("/books").body()).getConfigList("books").get(1).getBoolean("allow_short")).isTrue();
        assertThat(post("/books/alpha/limits", "{\"max_daily_loss\":\"1\"}", null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseControlWithoutTheTokenWithAWrongOneAndWithOneInTheQueryString() throws Exception {
        start(AdminToken.of(TOKEN));
        final String engage = "{\"action\":\"engage\"}";

        final HttpResponse<String> missing = post("/kill-switch", engage, null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{}");
        assertThat(missing.headers().firstValue("www-authenticate")).hasValue("Bearer");
        assertThat(post("/kill-switch", engage, "wrong-token-0123456789").statusCode()).isEqualTo(401);
        final HttpResponse<String> query = post("/kill-switch?token=" + TOKEN, engage, null);
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(json(query.body()).getString("error")).contains("only in the Authorization header");
        // even with the right header, a token in the query string is refused
        assertThat(post("/kill-switch?access_token=" + TOKEN, engage, TOKEN).statusCode()).isEqualTo(400);

        assertThat(json(get("/status").body()).getString("trading_state.global")).isEqualTo("ACTIVE");
        assertThat(engine.status().view().events(3)).isZero(); // no command reached the ring
        final List<String> lines = auditLines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("\"token\":\"missing\"", "\"status\":401");
        assertThat(lines.get(1)).contains("\"token\":\"invalid\"", "\"status\":401");
        assertThat(lines.get(2)).contains("\"token\":\"in_query_string\"", "\"status\":400",
            "\"path\":\"/kill-switch\"");
        assertThat(String.join("\n", lines)).doesNotContain(TOKEN);
    }

    @Test
    void shouldLockOutAnAddressAfterRepeatedFailures() throws Exception {
        start(AdminToken.of(TOKEN));
        for (int i = 0; i < AdminToken.MAX_FAILURES; i++) {
            assertThat(post("/kill-switch", "{\"action\":\"engage\"}", "wrong-token-0123456789").statusCode())
                .isEqualTo(401);
        }
        final HttpResponse<String> locked = post("/kill-switch", "{\"action\":\"engage\"}", TOKEN);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("retry-after")).hasValue("60");
    }

    @Test
    void shouldTurnControlOffWithoutAConfiguredToken() throws Exception {
        start(AdminToken.none());
        assertThat(post("/kill-switch", "{\"action\":\"engage\"}", TOKEN).statusCode()).isEqualTo(403);
        assertThat(get("/health").statusCode()).isEqualTo(200); // reads stay on
    }

    @Test
    void shouldAnswerAMalformedRequestWith400NamingTheProblem() throws Exception {
        start(AdminToken.of(TOKEN));
        assertThat(json(post("/kill-switch", "{\"action\":", TOKEN).body()).getString("error"))
            .startsWith("the body is not a JSON object");
        assertThat(json(post("/kill-switch", "{\"action\":\"explode\"}", TOKEN).body()).getString("error"))
            .isEqualTo("\"action\" must be engage, release or reduce_only, got \"explode\"");
        assertThat(json(post("/kill-switch", "{\"reason\":\"x\"}", TOKEN).body()).getString("error"))
            .startsWith("missing \"action\"");
        assertThat(json(post("/kill-switch", "{\"action\":\"engage\",\"flatten\":\"yes\"}", TOKEN).body())
            .getString("error")).isEqualTo("\"flatten\" must be true or false");
        assertThat(json(post("/kill-switch", "{\"action\":\"engage\",\"force\":true}", TOKEN).body())
            .getString("error")).startsWith("unknown field \"force\"");
        assertThat(post("/books/gamma/state", "{\"action\":\"engage\"}", TOKEN).statusCode()).isEqualTo(404);
        assertThat(post("/kill-switch", "{\"action\":\"engage\",\"reason\":\"" + "x".repeat(2000) + "\"}", TOKEN)
            .statusCode()).isEqualTo(413);
        assertThat(engine.status().view().events(3)).isZero();
    }

    @Test
    void shouldAnswer503AtOnceWhenTheRingIsFull() throws Exception {
        final CountDownLatch journalHeld = new CountDownLatch(1);
        final AtomicLong appended = new AtomicLong();
        final EventJournal stuck = new EventJournal() {
            @Override
            public void append(final EngineEvent event) {
                try {
                    journalHeld.await(20, TimeUnit.SECONDS);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                appended.incrementAndGet();
            }

            @Override
            public void flush() {
            }

            @Override
            public long entryCount() {
                return appended.get();
            }

            @Override
            public void close() {
            }
        };
        start(AdminToken.of(TOKEN), stuck, 4);
        for (int i = 0; i < 4; i++) {
            // the journal holds the first; the ring's four slots fill
            assertThat(engine.offer(new EngineEvent().setTrade(0, MINUTE + i, 100_00000000L, 1))).isEqualTo(i);
        }
        final HttpResponse<String> full = post("/kill-switch", "{\"action\":\"engage\"}", TOKEN);

        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(json(full.body()).getString("error")).isEqualTo("the engine's ring is full; try again");
        journalHeld.countDown();
        engine.awaitEvents(4);
        assertThat(post("/kill-switch", "{\"action\":\"engage\"}", TOKEN).statusCode()).isEqualTo(200);
    }
}
