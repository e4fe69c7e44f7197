package io.ringtrade.adapters.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.audit.AuditLog;
import io.ringtrade.engine.output.OutputSink;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} from a pipeline that traded: checked by Prometheus' own {@code promtool check metrics}
 * (installed by {@code scripts/test} when missing), and by what promtool does not check: every histogram's buckets
 * cumulative in increasing {@code le} order with a {@code +Inf} bucket equal to {@code _count}, and each metric in one
 * uninterrupted group. The counters and gauges carry the values the engine's state view holds.
 */
final class MetricsTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    @TempDir
    Path dir;

    private final OpsServer server = new OpsServer();
    private PipelineEngine engine;
    private AuditLog audit;

    @AfterEach
    void stop() {
        server.close();
        engine.close();
        audit.close();
    }

    private String scrape() throws Exception {
        engine = new PipelineEngine(server.commandListener(), Notifier.NONE, EventJournal.none(), 1024,
            OutputSink.NONE);
        audit = AuditLog.continueFile(dir.resolve(AuditLog.FILE));
        final int port = server.start("127.0.0.1", 0, engine, new OpsSettings("paper", List.of("alpha", "beta"),
            Map.of("alpha", "a", "beta", "b"), Map.of("ACME", 0), AdminToken.none(), audit, Duration.ofSeconds(5),
            Duration.ofSeconds(5), 1024, System::currentTimeMillis, System.nanoTime(), System::nanoTime));
        engine.trade(MINUTE, "100");
        engine.signal(MINUTE + 1, 0, 1, "3", null);
        engine.trade(MINUTE + 2, "101");
        engine.signal(MINUTE + 3, 1, -1, "1", null); // beta holds nothing and may not short: refused
        engine.signal(MINUTE + 4, 1, 1, "500", null); // 50,000 with 10,000 of cash: refused
        engine.awaitEvents(5);
        final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        return response.body();
    }

    @Test
    void shouldPassPromtoolCheckMetrics() throws Exception {
        final Path file = dir.resolve("metrics.txt");
        Files.writeString(file, scrape(), StandardCharsets.UTF_8);
        final Process promtool;
        try {
            promtool = new ProcessBuilder("promtool", "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        } catch (final IOException missing) {
            throw new AssertionError(
                "promtool is not installed: apt-get install prometheus (scripts/test does, as root)", missing);
        }
        final String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as("promtool check metrics said: %s", output).isZero();
        assertThat(output).isBlank();
    }

    @Test
    void shouldCountEventsOrdersFillsAndRejectionsAndShowEquityPositionsAndStates() throws Exception {
        final Map<String, String> samples = samples(scrape());

        assertThat(samples).containsEntry("ringtrade_events_total{type=\"MARKET_DATA\"}", "2.0")
            .containsEntry("ringtrade_events_total{type=\"EXTERNAL_SIGNAL\"}", "3.0")
            .containsEntry("ringtrade_events_total{type=\"COMMAND\"}", "0.0")
            .containsEntry("ringtrade_orders_total", "1.0")
            .containsEntry("ringtrade_fills_total", "1.0")
            .containsEntry("ringtrade_late_bar_inputs_total", "0.0")
            .containsEntry("ringtrade_rejections_total{reason=\"SHORT_NOT_ALLOWED\"}", "1.0")
            .containsEntry("ringtrade_rejections_total{reason=\"INSUFFICIENT_CASH\"}", "1.0")
            .containsEntry("ringtrade_rejections_total{reason=\"MAX_POSITION\"}", "0.0")
            .containsEntry("ringtrade_borrowing_cost_total{book=\"alpha\",kind=\"interest\"}", "0.0")
            .containsEntry("ringtrade_borrowing_cost_total{book=\"beta\",kind=\"short_fee\"}", "0.0")
            .containsEntry("ringtrade_equity{book=\"alpha\"}", "10000.0")
            .containsEntry("ringtrade_equity{book=\"beta\"}", "10000.0")
            .containsEntry("ringtrade_position{book=\"alpha\",symbol=\"ACME\"}", "3.0")
            .containsEntry("ringtrade_trading_state{scope=\"global\"}", "0.0")
            .containsEntry("ringtrade_trading_state{scope=\"beta\"}", "0.0")
            .containsEntry("ringtrade_journal_entries", "5.0");
        assertThat(samples.get("ringtrade_tick_to_order_seconds_count")).isEqualTo("1");
        assertThat(Long.parseLong(samples.get("ringtrade_stage_latency_seconds_count{stage=\"logic\"}")))
            .isPositive();
    }

    @Test
    void shouldWriteCumulativeBucketsInIncreasingOrderEndingAtCountAndEachMetricInOneGroup() throws Exception {
        final String text = scrape();
        final Set<String> finished = new HashSet<>();
        String current = null;
        final Map<String, List<double[]>> buckets = new LinkedHashMap<>();
        final Map<String, Double> counts = new LinkedHashMap<>();
        for (final String line : text.split("\n")) {
            final String family;
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                family = line.split(" ")[2];
            } else {
                final Matcher sample = SAMPLE.matcher(line);
                assertThat(sample.matches()).as("sample line %s", line).isTrue();
                family = familyOf(sample.group(1));
                final String labels = sample.group(2) == null ? "" : sample.group(2);
                final String series = family + labels.replaceAll(",?le=\"[^\"]*\"", "").replace("{}", "");
                if (sample.group(1).endsWith("_bucket")) {
                    final Matcher le = Pattern.compile("le=\"([^\"]*)\"").matcher(labels);
                    assertThat(le.find()).isTrue();
                    final double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY
                        : Double.parseDouble(le.group(1));
                    buckets.computeIfAbsent(series, s -> new ArrayList<>())
                        .add(new double[] {bound, Double.parseDouble(sample.group(3))});
                } else if (sample.group(1).endsWith("_count")) {
                    counts.put(series, Double.parseDouble(sample.group(3)));
                }
            }
            if (!family.equals(current)) {
                assertThat(finished).as("metric %s appears in two groups", family).doesNotContain(family);
                if (current != null) {
                    finished.add(current);
                }
                current = family;
            }
        }
        assertThat(buckets).containsOnlyKeys("ringtrade_tick_to_order_seconds",
            "ringtrade_stage_latency_seconds{stage=\"journal\"}", "ringtrade_stage_latency_seconds{stage=\"logic\"}",
            "ringtrade_stage_latency_seconds{stage=\"gateway\"}");
        for (final Map.Entry<String, List<double[]>> series : buckets.entrySet()) {
            final List<double[]> points = series.getValue();
            assertThat(points).hasSize(OpsMetrics.BOUNDS.length + 1);
            for (int i = 1; i < points.size(); i++) {
                assertThat(points.get(i)[0]).as("le order of %s", series.getKey()).isGreaterThan(points.get(i - 1)[0]);
                assertThat(points.get(i)[1]).as("cumulative counts of %s", series.getKey())
                    .isGreaterThanOrEqualTo(points.get(i - 1)[1]);
            }
            assertThat(points.getLast()[0]).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(points.getLast()[1]).as("+Inf bucket of %s", series.getKey())
                .isEqualTo(counts.get(series.getKey()));
        }
    }

    private static String familyOf(final String name) {
        for (final String suffix : new String[] {"_bucket", "_count", "_sum", "_total", "_created"}) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static Map<String, String> samples(final String text) throws IOException {
        final Map<String, String> samples = new LinkedHashMap<>();
        for (final String line : text.split("\n")) {
            final Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)), sample.group(3));
            }
        }
        return samples;
    }
}
