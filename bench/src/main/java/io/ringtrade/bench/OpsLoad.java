package io.ringtrade.bench;

import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.TradeSeriesData;
import io.ringtrade.adapters.ops.AdminToken;
import io.ringtrade.adapters.ops.OpsEngine;
import io.ringtrade.adapters.ops.OpsServer;
import io.ringtrade.adapters.ops.OpsSettings;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.SignalSizeKind;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.audit.AuditLog;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.FillModel;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.pipeline.EnginePipeline;
import io.ringtrade.engine.pipeline.GatewayHooks;
import io.ringtrade.engine.pipeline.Notifier;
import io.ringtrade.engine.pipeline.PipelineFailure;
import io.ringtrade.engine.pipeline.StatusBoard;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The ops API under load, beside the engine it serves (BENCHMARKS.md §7). One JVM runs the engine: the shipped
 * configuration's three books with its risk settings (5 % position limit, ...) on the real Bitstamp trades, plus a
 * fourth book whose strategy never trades (for section 3's resting orders), through the real pipeline (journal stage without a file,
 * {@link EventJournal#none()}, so the numbers are the ring's and the HTTP layer's), the state view published at most
 * every 10 ms, and the {@link OpsServer} on loopback. The load comes from {@link OpsLoadClient} in a second JVM.
 * <pre>
 *   feeder thread ──publish──► RingBuffer ──► J (none) ∥ B (BusinessLogic, 3 books) ──► G gateway ──► OpsServer
 *                                                                  │ state view (volatile)        ▲ commands
 *   child JVM: OpsLoadClient ── GET /status, POST /kill-switch (loopback, keep-alive) ──► Netty event loop
 *   child process: scripts/kill-switch engage (bash + curl), timed from spawn to exit
 * </pre>
 * Sections, each printed with its numbers:
 * <ol>
 *   <li>{@code GET /status}: requests per second and p50/p99 with {@code threads} closed-loop clients, while the feeder
 *       publishes 20,000 trades per second;</li>
 *   <li>a control round trip ({@code POST /kill-switch} engage/release alternately, one client): from the request to
 *       the answer sent after business logic applied the command;</li>
 *   <li>{@code scripts/kill-switch engage}, {@code tries} times: two limit buys 4 % below the market are placed first
 *       (they rest), the time is
 *       from spawning the script to its exit, which it reaches only after the engine answered HALTED with no open
 *       order; then released;</li>
 *   <li>ring and business-logic throughput: {@code events} trades published as fast as possible, timed until
 *       business logic processed the last; in pairs, without HTTP load (BASELINE) and with a GET /status load, the
 *       pair's order alternating from round to round (so a drift of the machine does not favour either), one warm
 *       client JVM per load switched on and off between the runs;</li>
 *   <li>the same comparison inside one long run ({@link #switchback}): the ring kept full throughout while the client
 *       is switched on and off in short windows, so that both states see the same pipeline in the same moment.</li>
 * </ol>
 * Arguments: {@code [seconds per load run, default 10] [client threads, default 4] [kill-switch tries, default 100]
 * [throughput events, default 2000000] [throughput rounds, default 3] [GET /status rates for sections 4 and 5,
 * requests per second, 0 = closed loop, default 100,1000,0] [section 5's seconds per rate, default 60, 0 = none]
 * [section 5's window, milliseconds, default 250]}. Run from the repository root (it calls
 * {@code scripts/kill-switch}).
 */
public final class OpsLoad {
    private static final String TOKEN = "bench-admin-token-0123456789";
    /** The ops server's event-loop thread ({@code OpsServer}). */
    private static final String HTTP_THREAD = "ringtrade-http";
    private static final long TICK_SPACING_NANOS = 1_000_000_000L;
    private static final BookConfig QUIET_BOOK = new BookConfig("ops-bench", "rsi_threshold",
        Map.of("period", "14", "buy_below", "0", "sell_above", "100"), List.of(MinuteBars.SYMBOL), Interval.M1,
        FixedPoint.of(10_000), FixedPoint.of(5), FixedPoint.of(10), false, FixedPoint.of(10), FillModel.NEXT_OPEN);

    private final TradeSeriesData trades;
    private final EnginePipeline pipeline;
    private final OpsServer server = new OpsServer();
    private final String url;
    private long nextTrade;
    private long time = 1_385_337_600_000_000_000L;
    private long signalKey;
    private volatile boolean feeding;
    private final int quietBook;

    private OpsLoad(final Path auditDir) {
        final DefaultBooks books = DefaultBooks.load();
        final var instruments = books.instruments();
        // a fourth book whose strategy never trades (an RSI below 0 or above 100 never happens): the kill-switch
        // section's resting orders go there, whatever the configured books hold against their position limit
        final BusinessLogic logic = books.newLogicWithRisk(instruments, List.of(QUIET_BOOK));
        trades = MarketDataFiles.loadTrades(MinuteBars.tradeFile(), MinuteBars.SYMBOL);
        pipeline = new EnginePipeline(logic, EventJournal.none(), EffectSink.NONE, 65_536,
            books.config().pipeline().waitStrategy(), 0, 0, (entries, state) -> {
            }, System::nanoTime, new GatewayHooks(Notifier.NONE, server.commandListener(), 10_000_000L),
            books.config().pipeline().layout());
        final List<String> names = new ArrayList<>();
        final Map<String, String> strategies = new LinkedHashMap<>();
        final List<BookConfig> all = new ArrayList<>(books.config().books());
        all.add(QUIET_BOOK);
        quietBook = all.size() - 1;
        for (final BookConfig book : all) {
            names.add(book.name());
            strategies.put(book.name(), book.strategy());
        }
        final AuditLog audit = AuditLog.create(auditDir.resolve(AuditLog.FILE));
        final OpsEngine engine = new OpsEngine() {
            @Override
            public long offer(final EngineEvent input) {
                return pipeline.offer(input);
            }

            @Override
            public StatusBoard status() {
                return pipeline.status();
            }

            @Override
            public long dataTimeNanos() {
                return time;
            }

            @Override
            public long backlog() {
                return pipeline.backlog();
            }

            @Override
            public long journaled() {
                return pipeline.status().journaled();
            }

            @Override
            public PipelineFailure failure() {
                return pipeline.failure();
            }
        };
        final int port = server.start("127.0.0.1", 0, engine, new OpsSettings("paper", names, strategies,
            Map.of(MinuteBars.SYMBOL, 0), AdminToken.of(TOKEN), audit, Duration.ofSeconds(5), Duration.ofSeconds(10),
            OpsSettings.MAX_BODY_DEFAULT, System::currentTimeMillis, System.nanoTime(), System::nanoTime));
        url = "http://127.0.0.1:" + port;
    }

    /** Publishes the next real trade (the file replayed again and again, one second apart). Blocks when full. */
    private void publishTrade(final EngineEvent slot) {
        final int i = (int) (nextTrade++ % trades.size());
        time += TICK_SPACING_NANOS;
        pipeline.publish(slot.setTrade(0, time, trades.price(i), trades.quantity(i)));
    }

    /** The price of the last trade published. */
    private long lastPrice() {
        return trades.price((int) ((nextTrade - 1) % trades.size()));
    }

    private Thread startFeeder(final int perSecond) {
        feeding = true;
        final Thread feeder = new Thread(() -> {
            final EngineEvent slot = new EngineEvent();
            final long spacing = 1_000_000_000L / perSecond;
            long due = System.nanoTime();
            while (feeding) {
                while (System.nanoTime() >= due) {
                    publishTrade(slot);
                    due += spacing;
                }
                LockSupport.parkNanos(50_000);
            }
        }, "feeder");
        feeder.start();
        return feeder;
    }

    private static Process client(final String method, final String target, final int seconds, final int threads)
        throws IOException {
        return client(method, target, seconds, threads, 0, false);
    }

    /**
     * A load client of sections 4 and 5 that one switches on and off through its standard input: started with its load
     * on for three seconds (past the client JVM's start and its first compilations), then off. Closing it ends its
     * input, which stops it. Main thread.
     */
    private static final class ToggledClient implements AutoCloseable {
        private final Process process;
        private final Writer switches;

        ToggledClient(final String url, final int threads, final long rate) throws IOException, InterruptedException {
            process = client("GET", url + "/status", 24 * 3600, threads, rate, true);
            switches = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            set(true);
            Thread.sleep(3_000);
            set(false);
        }

        /** Switches the load on or off. */
        void set(final boolean on) throws IOException {
            switches.write(on ? "on\n" : "off\n");
            switches.flush();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            switches.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        }
    }

    /**
     * The load client in its own JVM; {@code rate} > 0 paces it to that many requests per second in all. The client
     * JVM runs with the serial collector and the first JIT tier only: its own compiler and collector threads would
     * otherwise take cores from the pipeline being measured.
     */
    private static Process client(final String method, final String target, final int seconds, final int threads,
                                  final long rate, final boolean toggled) throws IOException {
        final ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
            System.getProperty("java.class.path"), OpsLoadClient.class.getName(),
            method, target, String.valueOf(seconds), String.valueOf(threads), String.valueOf(rate),
            toggled ? "toggled" : "free")
            .redirectErrorStream(true);
        builder.environment().put("RINGTRADE_ADMIN_TOKEN", TOKEN);
        return builder.start();
    }

    private static String finish(final Process client) throws Exception {
        final String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        client.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** CPU time a child process has used so far (all its threads), or 0 when the platform does not say. */
    private static long processCpuNanos(final Process process) {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** CPU time of this JVM's thread {@code id} (from {@link #threadId}), or 0 when there is none. */
    private static long threadCpuNanos(final long id) {
        return id < 0 ? 0 : Math.max(0, ManagementFactory.getThreadMXBean().getThreadCpuTime(id));
    }

    /**
     * The id of this JVM's live thread named {@code name}, or -1 when there is none. Looked up once, before the runs
     * it serves: listing the threads stops them all at a safepoint.
     */
    private static long threadId(final String name) {
        for (final Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                return thread.threadId();
            }
        }
        return -1;
    }

    /** Runs a process to its end; returns the nanoseconds from spawn to exit. */
    private static long timedRun(final ProcessBuilder builder) throws IOException, InterruptedException {
        builder.redirectErrorStream(true);
        final long start = System.nanoTime();
        final Process process = builder.start();
        process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(builder.command() + " failed with " + process.exitValue());
        }
        return System.nanoTime() - start;
    }

    private static String loadName(final long rate, final int threads) {
        return rate > 0 ? String.format("paced to %,d req/s", rate) : "closed loop (" + threads + " clients)";
    }

    /** Blocks until business logic has processed every input published so far. */
    private void awaitProcessed(final long published) {
        while (pipeline.status().events() < published) {
            Thread.onSpinWait();
        }
    }

    private long throughput(final long events) {
        final EngineEvent slot = new EngineEvent();
        final long target = pipeline.status().events() + events;
        final long start = System.nanoTime();
        for (long n = 0; n < events; n++) {
            publishTrade(slot);
        }
        awaitProcessed(target);
        return Math.round(events / ((System.nanoTime() - start) / 1e9));
    }

    private void release(final HttpClient http) throws Exception {
        final HttpResponse<String> released = http.send(HttpRequest.newBuilder(URI.create(url + "/kill-switch"))
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"release\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (released.statusCode() != 200) {
            throw new IllegalStateException("release failed: " + released.body());
        }
    }

    private int openOrders(final HttpClient http) throws Exception {
        final String body = http.send(HttpRequest.newBuilder(URI.create(url + "/status")).GET().build(),
            HttpResponse.BodyHandlers.ofString()).body();
        final int at = body.indexOf("\"open_orders\":");
        return Integer.parseInt(body.substring(at + 14, body.indexOf(',', at)));
    }

    /**
     * Section 5: a load's cost to throughput measured inside one long run. A publisher thread keeps the ring full
     * throughout while the client is switched on and off in windows of {@code windowMillis}, in blocks of four whose
     * order mirrors from block to block (on, off, off, on; then off, on, on, off), so that a drift of the machine within
     * a block cancels out. A window's throughput is the events business logic processed in it; a block's change is its
     * two loaded windows against its two unloaded ones. Unlike section 4's separate runs, both states see the same
     * pipeline in the same scheduling moment, whose throughput on two oversubscribed cores moves by half from one run
     * to the next. Prints the median change over blocks with a bootstrap interval, the change of the totals, and the
     * load's CPU during the loaded windows.
     */
    private void switchback(final ToggledClient load, final long seconds, final long windowMillis, final String name)
        throws Exception {
        final long httpThread = threadId(HTTP_THREAD);
        final AtomicBoolean publishing = new AtomicBoolean(true);
        final Thread publisher = new Thread(() -> {
            final EngineEvent slot = new EngineEvent();
            while (publishing.get()) {
                publishTrade(slot);
            }
        }, "publisher");
        publisher.start();
        Thread.sleep(1_000); // the ring full, the stages busy
        final int blocks = (int) Math.max(1, seconds * 1_000 / (4 * windowMillis));
        final double[] loaded = new double[blocks];
        final double[] quiet = new double[blocks];
        long clientNanos = 0;
        long serverNanos = 0;
        long loadedNanos = 0;
        for (int block = 0; block < blocks; block++) {
            for (int window = 0; window < 4; window++) {
                final boolean on = (window == 0 || window == 3) == (block % 2 == 0);
                load.set(on);
                final long client0 = on ? processCpuNanos(load.process) : 0;
                final long server0 = on ? threadCpuNanos(httpThread) : 0;
                final long events0 = pipeline.status().events();
                final long start = System.nanoTime();
                Thread.sleep(windowMillis);
                final long events1 = pipeline.status().events();
                final long elapsed = System.nanoTime() - start;
                final double rate = (events1 - events0) / (elapsed / 1e9);
                if (on) {
                    loaded[block] += rate / 2;
                    clientNanos += processCpuNanos(load.process) - client0;
                    serverNanos += threadCpuNanos(httpThread) - server0;
                    loadedNanos += elapsed;
                } else {
                    quiet[block] += rate / 2;
                }
            }
        }
        load.set(false);
        publishing.set(false);
        publisher.join();
        final double[] changes = new double[blocks];
        double loadedSum = 0;
        double quietSum = 0;
        for (int block = 0; block < blocks; block++) {
            changes[block] = 100.0 * (loaded[block] / quiet[block] - 1);
            loadedSum += loaded[block];
            quietSum += quiet[block];
        }
        final double[] interval = BootstrapMedian.interval(changes, 0.95, 10_000, 1L);
        final double machine = loadedNanos * (double) RunConditions.cores();
        System.out.printf(Locale.ROOT, "GET /status %s: %d blocks of 4 x %d ms; median change %+.1f %% (bootstrap 95 %%"
                + " interval %+.1f to %+.1f %%), quartiles %+.1f / %+.1f %%; totals: unloaded %,.0f events/s, loaded"
                + " %,.0f (%+.1f %%); the load's CPU in the loaded windows: client %.2f %%, server's HTTP thread %.2f %%"
                + " of the machine%n", name, blocks, windowMillis, BootstrapMedian.median(changes), interval[0],
            interval[1], BootstrapMedian.quantile(changes, 0.25), BootstrapMedian.quantile(changes, 0.75),
            quietSum / blocks, loadedSum / blocks, 100.0 * (loadedSum / quietSum - 1), 100.0 * clientNanos / machine,
            100.0 * serverNanos / machine);
    }

    /** Runs the five sections. */
    public static void main(final String[] args) throws Exception {
        final int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        final int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        final int tries = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        final long events = args.length > 3 ? Long.parseLong(args[3]) : 2_000_000L;
        final int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        final long[] rates = args.length > 5
            ? Arrays.stream(args[5].split(",")).mapToLong(Long::parseLong).toArray() : new long[] {100, 1_000, 0};
        final long switchbackSeconds = args.length > 6 ? Long.parseLong(args[6]) : 60;
        final long windowMillis = args.length > 7 ? Long.parseLong(args[7]) : 250;
        final Path dir = JournalFixtures.newDirectory("ops-load");
        final OpsLoad bench = new OpsLoad(dir);
        RunConditions.print("OpsLoad", "engine: " + DefaultBooks.load().describe() + "; ops-bench (never trades); shipped risk settings; journal none; ring 65536, wait "
                + bench.pipeline.waitStrategy() + "; state view at most every 10 ms",
            "ops API: " + bench.url + " (Netty, 1 event loop); load client: a separate JVM (serial GC, C1 only), plain"
                + " sockets, HTTP/1.1 keep-alive, closed loop or paced",
            "load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim());
        try {
            // warm-up: the engine, the HTTP server and a client
            final Thread warm = bench.startFeeder(20_000);
            System.out.println(finish(client("GET", bench.url + "/status", 3, threads)) + "  (warm-up)");
            System.out.println("\n## 1. GET /status while the feeder publishes 20,000 trades/s");
            System.out.println(finish(client("GET", bench.url + "/status", seconds, threads)));
            System.out.println("\n## 2. control round trip: POST /kill-switch engage/release, one client");
            System.out.println(finish(client("POST", bench.url + "/kill-switch", seconds, 1)));
            bench.feeding = false;
            warm.join();
            bench.release(HttpClient.newHttpClient()); // section 2 may have ended on an engage

            System.out.println("\n## 3. scripts/kill-switch engage: spawn to exit, HALTED with every order cancelled");
            final HttpClient http = HttpClient.newHttpClient();
            final Histogram script = LatencyReport.newHistogram();
            final Path killSwitch = Path.of("scripts/kill-switch").toAbsolutePath();
            final EngineEvent slot = new EngineEvent();
            for (int i = 0; i < tries; i++) {
                // a trade moves event time on a second (the order-rate limit counts by event time), then two limit buys
                // 4 % below the market (inside the 5 % price band) rest at the simulated venue
                bench.publishTrade(slot);
                final long below = FixedPoint.roundDownToStep(bench.lastPrice() / 100 * 96, FixedPoint.parse("0.01"));
                bench.pipeline.publish(slot.setSignal(bench.time, ++bench.signalKey, bench.quietBook, 0, 1,
                    SignalSizeKind.QUANTITY, FixedPoint.parse("0.1"), below));
                bench.pipeline.publish(slot.setSignal(bench.time, ++bench.signalKey, bench.quietBook, 0, 1,
                    SignalSizeKind.QUANTITY, FixedPoint.parse("0.1"), below));
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (bench.openOrders(http) < 2) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the limit orders did not rest: "
                            + http.send(HttpRequest.newBuilder(URI.create(bench.url + "/status")).GET().build(),
                                HttpResponse.BodyHandlers.ofString()).body());
                    }
                    Thread.sleep(1);
                }
                final ProcessBuilder builder = new ProcessBuilder(killSwitch.toString(), "engage", "--url", bench.url,
                    "--reason", "bench").redirectErrorStream(true);
                builder.environment().put("RINGTRADE_ADMIN_TOKEN", TOKEN);
                final long start = System.nanoTime();
                final Process process = builder.start();
                final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor();
                script.recordValue(System.nanoTime() - start);
                if (process.exitValue() != 0 || !out.startsWith("trading state: HALTED, open orders: 0")) {
                    throw new IllegalStateException("kill-switch try " + i + " failed: " + out);
                }
                bench.release(http);
            }
            // the floors under that number, timed the same way: starting any process from this JVM, and curl alone
            final Histogram spawn = LatencyReport.newHistogram();
            final Histogram curl = LatencyReport.newHistogram();
            for (int i = 0; i < tries; i++) {
                spawn.recordValue(timedRun(new ProcessBuilder("/bin/true")));
                curl.recordValue(timedRun(new ProcessBuilder("curl", "-sS", "-o", "/dev/null", bench.url + "/health")));
            }
            System.out.println(LatencyReport.header());
            System.out.println(LatencyReport.line("scripts/kill-switch engage", script));
            System.out.println(LatencyReport.line("BASELINE spawn /bin/true", spawn));
            System.out.println(LatencyReport.line("BASELINE curl GET /health", curl));

            System.out.println("\n## 4. ring + business logic throughput, " + events + " trades as fast as possible");
            // each loaded run right after its own unloaded baseline; the load: GET /status paced to 100 and 1,000
            // requests per second (dashboards and scrapers), and closed-loop clients sending as fast as answers come
            final Map<Long, List<Double>> changes = new LinkedHashMap<>();
            final long httpThread = threadId(HTTP_THREAD);
            for (final long rate : rates) {
                try (ToggledClient client = new ToggledClient(bench.url, threads, rate)) {
                    for (int round = 1; round <= rounds; round++) {
                        final boolean quietFirst = round % 2 == 1;
                        final long quietBefore = quietFirst ? bench.throughput(events) : 0;
                        client.set(true);
                        Thread.sleep(50); // the paced requests under way
                        // what the load itself took of the machine while the loaded run ran: the client JVM's CPU
                        // time and the server's event-loop thread's, as shares of all cores' time (no noise from the
                        // baseline)
                        final long client0 = processCpuNanos(client.process);
                        final long server0 = threadCpuNanos(httpThread);
                        final long wall0 = System.nanoTime();
                        final long loaded = bench.throughput(events);
                        final double machineNanos = (System.nanoTime() - wall0) * (double) RunConditions.cores();
                        final double clientShare = 100.0 * (processCpuNanos(client.process) - client0) / machineNanos;
                        final double serverShare = 100.0 * (threadCpuNanos(httpThread) - server0) / machineNanos;
                        client.set(false);
                        final long quiet = quietFirst ? quietBefore : bench.throughput(events);
                        final double change = 100.0 * (loaded - quiet) / quiet;
                        changes.computeIfAbsent(rate, r -> new ArrayList<>()).add(change);
                        System.out.printf("round %d (%s first): BASELINE no HTTP load %,d events/s; with GET"
                            + " /status %s %,d events/s (%+.1f %%); the load's CPU: client %.2f %%, server's HTTP"
                            + " thread %.2f %% of the machine%n", round, quietFirst ? "baseline" : "loaded", quiet,
                            loadName(rate, threads), loaded, change, clientShare, serverShare);
                    }
                }
            }
            for (final Map.Entry<Long, List<Double>> entry : changes.entrySet()) {
                final List<Double> sorted = entry.getValue().stream().sorted().toList();
                System.out.printf("median change with GET /status %s: %+.1f %% (rounds: %s)%n",
                    loadName(entry.getKey(), threads), sorted.get(sorted.size() / 2), entry.getValue().stream()
                        .map(change -> String.format(Locale.ROOT, "%+.1f %%", change)).toList());
            }
            if (switchbackSeconds > 0) {
                System.out.println("\n## 5. ring + business logic throughput in one run of " + switchbackSeconds
                    + " s per load, the load switched on and off every " + windowMillis + " ms");
                for (final long rate : rates) {
                    try (ToggledClient client = new ToggledClient(bench.url, threads, rate)) {
                        bench.switchback(client, switchbackSeconds, windowMillis, loadName(rate, threads));
                    }
                }
            }
            System.out.println("load average at end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            bench.server.close();
            bench.pipeline.halt();
            JournalFixtures.delete(dir);
        }
    }
}
