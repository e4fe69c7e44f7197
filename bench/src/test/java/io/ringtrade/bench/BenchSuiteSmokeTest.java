package io.ringtrade.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark suite end to end on its tiny size: every section runs (harnesses in their own JVMs, JMH in process),
 * the results file holds each section's rows, and the document's marked regions are regenerated while the text
 * around them survives. No number is checked against a time: only that it was measured and written.
 */
class BenchSuiteSmokeTest {
    @TempDir
    static Path tmp;
    private static Path resultsFile;
    private static JsonObject results;

    @BeforeAll
    static void runTinySuite() throws Exception {
        // The harness JVMs start in this module's folder: point them at the shipped configuration.
        System.setProperty("ringtrade.config", Path.of("..", "config", "default.conf").toAbsolutePath().toString());
        System.setProperty("ringtrade.bench.dir", Files.createDirectories(tmp.resolve("journals")).toString());
        resultsFile = BenchSuite.run(BenchSuite.Size.TINY, new LinkedHashSet<>(BenchSuite.SECTIONS),
            tmp.resolve("results"), "smoke");
        results = ResultFile.read(resultsFile);
    }

    @AfterAll
    static void clearProperties() {
        System.clearProperty("ringtrade.config");
        System.clearProperty("ringtrade.bench.dir");
    }

    @Test
    void shouldWriteEverySectionWithItsConditions() {
        assertThat(resultsFile).isEqualTo(tmp.resolve("results").resolve("smoke.json"));
        assertThat(results.get("size").getAsString()).isEqualTo("tiny");
        assertThat(results.getAsJsonObject("machine").get("cores").getAsInt()).isPositive();
        final JsonObject sections = results.getAsJsonObject("sections");
        assertThat(sections.keySet()).containsExactlyElementsOf(BenchSuite.SECTIONS);
        for (final String name : BenchSuite.SECTIONS) {
            final JsonObject section = sections.getAsJsonObject(name);
            assertThat(section.getAsJsonObject("conditions").get("jdk").getAsString()).as(name).contains("25");
            assertThat(section.has("loadBefore")).as(name).isTrue();
        }
    }

    @Test
    void shouldMeasureEveryLatencyCaseAndBaseline() {
        final JsonObject latency = results.getAsJsonObject("sections").getAsJsonObject("latency");
        final List<String> names = new ArrayList<>();
        for (final JsonElement element : latency.getAsJsonArray("cases")) {
            final JsonObject c = element.getAsJsonObject();
            names.add(c.get("name").getAsString());
            assertThat(c.getAsJsonObject("latency").get("count").getAsLong()).as(c.get("name").getAsString())
                .isPositive();
        }
        assertThat(names).containsExactly(
            "ring, journal chronicle, yielding, 10,000/s",
            "ring, journal none, yielding, 10,000/s",
            "ring fused, journal chronicle, yielding, 10,000/s",
            "ring fused, journal none, yielding, 10,000/s",
            "BASELINE queues, journal chronicle, 10,000/s",
            "BASELINE queues, journal none, 10,000/s",
            "BASELINE raw Disruptor hop, yielding, 10,000/s",
            "BASELINE raw Chronicle append, 10,000/s",
            "ring, journal chronicle-nopretouch, yielding, 10,000/s",
            "ring, journal chronicle, phased-backoff, 10,000/s");
        final List<String> throughput = new ArrayList<>();
        for (final JsonElement element : results.getAsJsonObject("sections").getAsJsonObject("throughput")
            .getAsJsonArray("cases")) {
            throughput.add(element.getAsJsonObject().get("case").getAsString());
            assertThat(element.getAsJsonObject().get("perSecond").getAsLong()).isPositive();
        }
        assertThat(throughput).containsExactly("ring", "ring-none", "fused", "fused-none", "queue", "hop", "append",
            "ring:phased-backoff", "fused:phased-backoff", "ring:blocking");
    }

    @Test
    void shouldReportJmhScoresAllocationAndRecovery() {
        final JsonObject sections = results.getAsJsonObject("sections");
        assertThat(benchmarks(sections.getAsJsonObject("backtest")))
            .containsExactlyInAnyOrder("ringtradeDirect", "ringtradeRing", "ta4jBarSeriesManager");
        for (final JsonElement row : sections.getAsJsonObject("backtest").getAsJsonArray("results")) {
            assertThat(row.getAsJsonObject().get("barsPerSecond").getAsLong()).isPositive();
        }
        final JsonObject allocation = sections.getAsJsonObject("allocation");
        assertThat(benchmarks(allocation)).containsExactlyInAnyOrder("ringtradeTick", "ringtradeBarClose",
            "baselineSlotOnly", "allocatingEventPerTick");
        for (final JsonElement row : allocation.getAsJsonArray("results")) {
            assertThat(row.getAsJsonObject().has("allocBytesPerOp")).isTrue();
        }
        assertThat(sections.getAsJsonObject("replay").getAsJsonArray("results")).hasSize(6);
        final JsonObject recovery = sections.getAsJsonObject("recovery");
        assertThat(recovery.get("entries").getAsLong()).isEqualTo(20_000);
        assertThat(recovery.get("sameState").getAsBoolean()).isTrue();
        final JsonObject profile = sections.getAsJsonObject("profile");
        assertThat(tmp.resolve("results").resolve(profile.get("jfrFile").getAsString())).exists();
        assertThat(profile.get("jfrFile").getAsString()).isEqualTo("smoke-backtest.jfr");
    }

    @Test
    void shouldRegenerateOnlyTheMarkedRegionsOfTheDocument() throws Exception {
        final StringBuilder doc = new StringBuilder("# Benchmarks\n\nHand-written introduction.\n\n");
        for (final String region : BenchmarksDoc.regions(results, "x.json").keySet()) {
            doc.append("## ").append(region).append("\n\nreading of ").append(region).append(" before\n\n")
                .append("<!-- bench:").append(region).append(" -->\nold table\n<!-- /bench:").append(region)
                .append(" -->\n\nreading of ").append(region).append(" after\n\n");
        }
        doc.append("<!-- bench:elsewhere -->\nkept\n<!-- /bench:elsewhere -->\n");
        final Path file = tmp.resolve("BENCHMARKS.md");
        Files.writeString(file, doc, StandardCharsets.UTF_8);

        BenchmarksDoc.render(results, resultsFile, file);

        final String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("# Benchmarks\n\nHand-written introduction.\n\n").doesNotContain("old table")
            .contains("<!-- bench:elsewhere -->\nkept\n<!-- /bench:elsewhere -->")
            .contains("[`results/smoke.json`](results/smoke.json)")
            .contains("| ring, journal chronicle, yielding |")
            .contains("| ring fused, journal chronicle, yielding |")
            .contains("| pipeline throughput with the journal (fused layout) ≥ 50 % of raw Chronicle append |")
            .contains("| BASELINE raw Chronicle append |")
            .contains("| ringtradeTick |")
            .contains("| backtest ≥ 5× ta4j's BarSeriesManager, same JVM |");
        for (final String region : List.of("conditions", "targets", "append", "latency", "waits", "throughput",
            "backtest", "allocation", "replay", "recovery", "profile")) {
            assertThat(text).contains("reading of " + region + " before\n\n<!-- bench:" + region + " -->\n_Generated by")
                .contains("<!-- /bench:" + region + " -->\n\nreading of " + region + " after");
        }
    }

    @Test
    void shouldKeepTheOtherSectionsWhenSomeRunAgain() throws Exception {
        final Path dir = Files.createDirectories(tmp.resolve("again"));
        Files.copy(resultsFile, dir.resolve("again.json"));

        final Path file = BenchSuite.run(BenchSuite.Size.TINY, new LinkedHashSet<>(List.of("recovery")), dir, "again");

        final JsonObject sections = ResultFile.read(file).getAsJsonObject("sections");
        assertThat(sections.keySet()).containsExactlyElementsOf(BenchSuite.SECTIONS);
        final JsonObject before = results.getAsJsonObject("sections");
        assertThat(sections.getAsJsonObject("latency")).isEqualTo(before.getAsJsonObject("latency"));
        assertThat(sections.getAsJsonObject("recovery").get("started"))
            .isNotEqualTo(before.getAsJsonObject("recovery").get("started"));
    }

    @Test
    void shouldLeaveATextWithoutBothMarkersAlone() {
        assertThat(BenchmarksDoc.replaceRegion("a <!-- bench:x --> b", "x", "new")).isNull();
        assertThat(BenchmarksDoc.replaceRegion("<!-- /bench:x --> <!-- bench:x -->", "x", "new")).isNull();
        assertThat(BenchmarksDoc.replaceRegion("a<!-- bench:x -->old<!-- /bench:x -->b", "x", "new\n"))
            .isEqualTo("a<!-- bench:x -->\nnew\n<!-- /bench:x -->b");
    }

    private static List<String> benchmarks(final JsonObject section) {
        final List<String> out = new ArrayList<>();
        for (final JsonElement row : section.getAsJsonArray("results")) {
            out.add(row.getAsJsonObject().get("benchmark").getAsString());
        }
        return out;
    }
}
