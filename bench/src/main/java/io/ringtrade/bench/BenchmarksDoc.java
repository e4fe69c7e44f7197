package io.ringtrade.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Regenerates the measured tables of BENCHMARKS.md from a results file. Only the text between a marker pair
 * {@code <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->} is replaced, so the hand-written descriptions and
 * readings around them survive; a region whose section is not in the results is left as it was. Regions:
 * {@code conditions}, {@code targets}, {@code append}, {@code latency}, {@code waits}, {@code throughput},
 * {@code backtest}, {@code allocation}, {@code replay}, {@code recovery}, {@code profile}. Main thread.
 */
final class BenchmarksDoc {
    private BenchmarksDoc() {
    }

    /** Rewrites the marked regions of {@code doc} from {@code results} (read from {@code resultsFile}). */
    static void render(final JsonObject results, final Path resultsFile, final Path doc) {
        final String before;
        try {
            before = Files.readString(doc, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + doc, e);
        }
        final Map<String, String> regions = regions(results, link(resultsFile, doc));
        String text = before;
        final List<String> missing = new ArrayList<>();
        for (final Map.Entry<String, String> region : regions.entrySet()) {
            final String replaced = replaceRegion(text, region.getKey(), region.getValue());
            if (replaced == null) {
                missing.add(region.getKey());
            } else {
                text = replaced;
            }
        }
        try {
            Files.writeString(doc, text, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + doc, e);
        }
        System.out.println("bench: regenerated " + (regions.size() - missing.size()) + " regions of " + doc
            + (missing.isEmpty() ? "" : "; no markers for " + missing));
    }

    /** The path of the results file as a link from the document's folder. */
    private static String link(final Path resultsFile, final Path doc) {
        final Path folder = doc.toAbsolutePath().getParent();
        final Path target = resultsFile.toAbsolutePath();
        return folder == null ? target.toString() : folder.relativize(target).toString().replace('\\', '/');
    }

    /**
     * {@code text} with the body of region {@code name} replaced by {@code body}, or null when the markers are not
     * there (or in the wrong order).
     */
    static String replaceRegion(final String text, final String name, final String body) {
        final String open = "<!-- bench:" + name + " -->";
        final String close = "<!-- /bench:" + name + " -->";
        final int start = text.indexOf(open);
        final int end = text.indexOf(close);
        if (start < 0 || end < start) {
            return null;
        }
        return text.substring(0, start + open.length()) + "\n" + body.strip() + "\n" + text.substring(end);
    }

    /** Every region the results can fill, by name. */
    static Map<String, String> regions(final JsonObject results, final String link) {
        final Map<String, String> out = new LinkedHashMap<>();
        final JsonObject sections = results.getAsJsonObject("sections");
        out.put("conditions", source(link, results) + conditions(results));
        out.put("targets", source(link, results) + targets(sections));
        final Map<String, java.util.function.Function<JsonObject, String>> renderers = new LinkedHashMap<>();
        renderers.put("append", BenchmarksDoc::append);
        renderers.put("latency", BenchmarksDoc::latency);
        renderers.put("throughput", BenchmarksDoc::throughput);
        renderers.put("backtest", BenchmarksDoc::backtest);
        renderers.put("allocation", BenchmarksDoc::allocation);
        renderers.put("replay", BenchmarksDoc::replay);
        renderers.put("recovery", BenchmarksDoc::recovery);
        renderers.put("profile", BenchmarksDoc::profile);
        renderers.forEach((name, renderer) -> {
            if (sections.has(name)) {
                final JsonObject section = sections.getAsJsonObject(name);
                out.put(name, source(link, section) + renderer.apply(section));
                if (name.equals("latency")) {
                    out.put("waits", source(link, section) + waits(section));
                }
            }
        });
        return out;
    }

    /** The line that opens a region: which file and which run (of {@code measured}: the file or one section). */
    private static String source(final String link, final JsonObject measured) {
        return "_Generated by `scripts/bench` from [`" + link + "`](" + link + ") (" + measured.get("size").getAsString()
            + " run, " + measured.get("started").getAsString().substring(0, 16).replace('T', ' ')
            + " UTC). Edits between the markers are overwritten._\n\n";
    }

    private static String conditions(final JsonObject results) {
        final JsonObject machine = results.getAsJsonObject("machine");
        final StringBuilder out = new StringBuilder();
        out.append("| | |\n|---|---|\n");
        row(out, "CPU", machine.get("cpu").getAsString() + ", " + machine.get("cores").getAsInt()
            + " available processors, " + machine.get("ramGiB").getAsLong() + " GiB RAM");
        row(out, "JDK", machine.get("jdk").getAsString());
        row(out, "host", results.get("host").getAsString());
        out.append("\n| section | measured (UTC), size, commit | runs in | JVM heap, GC | load before (1/5/15 min) | took |\n"
            + "|---|---|---|---|---|---|\n");
        final JsonObject sections = results.getAsJsonObject("sections");
        for (final String name : sections.keySet()) {
            final JsonObject section = sections.getAsJsonObject(name);
            final JsonObject conditions = section.getAsJsonObject("conditions");
            final String runsIn = section.has("harness")
                ? "harness `" + section.get("harness").getAsString() + "`"
                : "JMH, " + section.get("forks").getAsInt() + " fork, " + section.get("warmup").getAsString()
                + " warm-up, " + section.get("measurement").getAsString();
            final String heap = section.has("heap") && !section.has("harness")
                ? section.get("heap").getAsString() + " (" + conditions.get("gc").getAsString() + ")"
                : conditions.get("heapMiB").getAsLong() + " MiB (" + conditions.get("gc").getAsString() + ")";
            out.append("| ").append(name).append(" | ")
                .append(section.get("started").getAsString().substring(0, 16).replace('T', ' ')).append(", ")
                .append(section.get("size").getAsString()).append(", ").append(section.get("commit").getAsString())
                .append(" | ").append(runsIn).append(" | ").append(heap).append(" | ")
                .append(section.get("loadBefore").getAsString()).append(" | ").append(section.get("seconds").getAsLong())
                .append(" s |\n");
        }
        for (final String name : sections.keySet()) {
            final JsonObject section = sections.getAsJsonObject(name);
            if (section.has("disk")) {
                out.append("\nJournals (").append(name).append("): ").append(section.get("disk").getAsString())
                    .append(".");
                break;
            }
        }
        return out.toString();
    }

    private static void row(final StringBuilder out, final String key, final String value) {
        out.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }

    private static String append(final JsonObject section) {
        final StringBuilder out = new StringBuilder();
        out.append(latencyHeader("case"));
        for (final JsonElement element : section.getAsJsonArray("cases")) {
            final JsonObject c = element.getAsJsonObject();
            out.append(latencyRow(c.get("name").getAsString(), c)).append('\n');
        }
        out.append("\n").append(section.get("entries").getAsLong()).append(" appends per case after ")
            .append(section.get("warmup").getAsLong()).append(" warm-up appends; SYNC_ON_BATCH: ")
            .append(section.get("syncEntries").getAsLong()).append(". Load after: ")
            .append(section.get("loadAfter").getAsString()).append('.');
        return out.toString();
    }

    private static String latencyHeader(final String first) {
        return "| " + first + " | count | p50 µs | p90 µs | p99 µs | p99.9 µs | p99.99 µs | max µs |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|\n";
    }

    private static String latencyRow(final String name, final JsonObject h) {
        return String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s |", name, h.get("count").getAsLong(),
            us(h, "p50"), us(h, "p90"), us(h, "p99"), us(h, "p99_9"), us(h, "p99_99"), us(h, "max"));
    }

    private static String latency(final JsonObject section) {
        final StringBuilder out = new StringBuilder();
        final int rounds = section.has("rounds") ? section.get("rounds").getAsInt() : 1;
        out.append(String.format(Locale.ROOT, "Each case: %,d ms warm-up, then %,d ms measured%s; latency = release time"
            + " − the tick's due time (coordinated-omission corrected). Ring %,d slots; %s.%n",
            section.get("warmupMs").getAsLong(), section.get("measureMs").getAsLong(), rounds == 1 ? ""
                : String.format(Locale.ROOT, ", in %d rounds that run the whole list of cases in turn, each case's"
                    + " rounds merged", rounds),
            section.get("ringSize").getAsInt(), section.get("strategy").getAsString()));
        final List<Integer> rates = new ArrayList<>();
        for (final JsonElement element : section.getAsJsonArray("cases")) {
            final int rate = element.getAsJsonObject().get("rate").getAsInt();
            if (!rates.contains(rate)) {
                rates.add(rate);
            }
        }
        for (final int rate : rates) {
            out.append(String.format(Locale.ROOT, "%n**%,d ticks/s**%n%n", rate));
            out.append("| case | count | p50 µs | p90 µs | p99 µs | p99.9 µs | p99.99 µs | max µs | achieved/s |"
                + " producer max lag |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (final JsonObject c : cases(section, x -> x.get("rate").getAsInt() == rate)) {
                final JsonObject h = c.getAsJsonObject("latency");
                out.append(latencyRow(c.get("name").getAsString().replaceFirst(", [0-9,]+/s$", ""), h))
                    .append(String.format(Locale.ROOT, " %,d | %.1f ms%s |%n", c.get("achievedRate").getAsLong(),
                        c.get("maxLagMs").getAsDouble(), c.get("saturated").getAsBoolean() ? " (saturated)" : ""));
            }
        }
        out.append("\nThread layouts: ");
        final List<String> layouts = new ArrayList<>();
        for (final JsonObject c : cases(section, x -> true)) {
            final String layout = c.get("kind").getAsString() + ": " + c.get("layout").getAsString()
                .replaceFirst(", [a-z-]+(; producer)", "$1").replaceFirst("; the producer yields while early$", "");
            if (!layouts.contains(layout)) {
                layouts.add(layout);
            }
        }
        out.append(String.join("; ", layouts)).append(". Journal: `none` = `EventJournal.none()`, `chronicle` = the"
            + " engine's Chronicle journal (os-cache) with its pretoucher, `chronicle-nopretouch` = the same with"
            + " `-Dringtrade.journal.pretouch=false`, `chronicle-advising` = the same with a pretoucher that only maps"
            + " and advises the chunks ahead (`-Dringtrade.journal.pretouch.pages=false`). The producer yields while a"
            + " tick is early; a \"sleeping producer\" parks instead, leaving its core free between ticks. Load after: ")
            .append(section.get("loadAfter").getAsString()).append('.');
        return out.toString();
    }

    private static String waits(final JsonObject section) {
        final StringBuilder out = new StringBuilder();
        out.append("| rate | wait strategy | layout | journal | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs |\n"
            + "|---:|---|---|---|---:|---:|---:|---:|---:|\n");
        for (final JsonObject c : cases(section, x -> List.of("ring", "fused").contains(x.get("kind").getAsString())
            && yieldingProducer(x)
            && !x.get("journal").getAsString().equals("chronicle-nopretouch") && x.get("rate").getAsInt() <= 100_000)) {
            final JsonObject h = c.getAsJsonObject("latency");
            out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                c.get("rate").getAsInt(), c.get("wait").getAsString(),
                c.get("kind").getAsString().equals("fused") ? "fused" : "parallel", c.get("journal").getAsString(),
                us(h, "p50"),
                us(h, "p90"), us(h, "p99"), us(h, "p99_9"), us(h, "max")));
        }
        return out.toString();
    }

    /** Whether a latency case's producer yields while early (results written before the sleeping one all did). */
    private static boolean yieldingProducer(final JsonObject latencyCase) {
        return !latencyCase.has("producer")
            || latencyCase.get("producer").getAsString().equals(ProducerPacing.YIELDING.label());
    }

    private static List<JsonObject> cases(final JsonObject section, final Predicate<JsonObject> filter) {
        final List<JsonObject> out = new ArrayList<>();
        for (final JsonElement element : section.getAsJsonArray("cases")) {
            if (filter.test(element.getAsJsonObject())) {
                out.add(element.getAsJsonObject());
            }
        }
        return out;
    }

    private static JsonObject latencyCase(final JsonObject latency, final String kind, final String journal,
                                          final String wait, final int rate) {
        for (final JsonObject c : cases(latency, x -> x.get("kind").getAsString().equals(kind)
            && x.get("rate").getAsInt() == rate && yieldingProducer(x)
            && (journal == null || x.get("journal").getAsString().equals(journal))
            && (wait == null || x.get("wait").getAsString().equals(wait)))) {
            return c.getAsJsonObject("latency");
        }
        return null;
    }

    /** The targets table: each target of issue 9 read against {@code sections} (yielding-producer latency cases). */
    static String targets(final JsonObject sections) {
        final StringBuilder out = new StringBuilder();
        out.append("| target | measured | met? |\n|---|---|---|\n");
        if (sections.has("latency")) {
            final JsonObject latency = sections.getAsJsonObject("latency");
            final int rate = 100_000;
            final JsonObject hop = latencyCase(latency, "hop", null, "yielding", rate);
            final JsonObject append = latencyCase(latency, "append", null, null, rate);
            for (final String kind : List.of("ring", "fused")) {
                latencyTargets(out, kind.equals("ring") ? "parallel" : "fused",
                    latencyCase(latency, kind, "chronicle", "yielding", rate),
                    latencyCase(latency, kind, "none", "yielding", rate));
            }
            final JsonObject with = latencyCase(latency, "ring", "chronicle", "yielding", rate);
            if (with != null && hop != null && append != null) {
                final double sum = hop.get("p99").getAsDouble() + append.get("p99").getAsDouble();
                final double ratio = with.get("p99").getAsDouble() / sum;
                target(out, "tick-to-order p99 ≤ 3× (raw Disruptor hop p99 + raw Chronicle append p99), 100,000/s",
                    String.format(Locale.ROOT, "%s µs vs (%s + %s) µs = %.1f×", us(with, "p99"), us(hop, "p99"),
                        us(append, "p99"), ratio), ratio <= 3);
            }
        }
        if (sections.has("throughput")) {
            final Map<String, Long> perSecond = new LinkedHashMap<>();
            for (final JsonElement element : sections.getAsJsonObject("throughput").getAsJsonArray("cases")) {
                final JsonObject c = element.getAsJsonObject();
                perSecond.put(c.get("case").getAsString(), c.get("perSecond").getAsLong());
            }
            for (final String kind : List.of("ring", "fused")) {
                if (perSecond.containsKey(kind) && perSecond.containsKey("append")) {
                    final double share = (double) perSecond.get(kind) / perSecond.get("append");
                    target(out, "pipeline throughput with the journal (" + (kind.equals("ring") ? "parallel" : "fused")
                            + " layout) ≥ 50 % of raw Chronicle append",
                        String.format(Locale.ROOT, "%,d vs %,d inputs/s = %.0f %%", perSecond.get(kind),
                            perSecond.get("append"), share * 100), share >= 0.5);
                }
            }
        }
        if (sections.has("allocation")) {
            for (final JsonObject row : rows(sections.getAsJsonObject("allocation"))) {
                if (row.get("benchmark").getAsString().equals("ringtradeTick") && row.has("allocBytesPerOp")) {
                    final double bytes = row.get("allocBytesPerOp").getAsDouble();
                    target(out, "tick path 0 B/op (`gc.alloc.rate.norm`, ringtradeTick)",
                        String.format(Locale.ROOT, "%.3f B/op", bytes), bytes < 0.5);
                }
            }
        }
        if (sections.has("backtest")) {
            double ours = Double.NaN;
            double ta4j = Double.NaN;
            for (final JsonObject row : rows(sections.getAsJsonObject("backtest"))) {
                switch (row.get("benchmark").getAsString()) {
                    case "ringtradeDirect" -> ours = row.get("barsPerSecond").getAsDouble();
                    case "ta4jBarSeriesManager" -> ta4j = row.get("barsPerSecond").getAsDouble();
                    default -> {
                        // the ring variant is not a target
                    }
                }
            }
            if (Double.isFinite(ours) && Double.isFinite(ta4j)) {
                target(out, "backtest ≥ 5× ta4j's BarSeriesManager, same JVM", String.format(Locale.ROOT,
                    "%,.0f vs %,.0f bars/s = %.1f×", ours, ta4j, ours / ta4j), ours / ta4j >= 5);
            }
        }
        return out.toString();
    }

    /** The three latency targets for one layout at 100,000 ticks/s, yielding. */
    private static void latencyTargets(final StringBuilder out, final String layout, final JsonObject with,
                                       final JsonObject without) {
        final String where = "yielding, " + layout + " layout, 100,000 ticks/s";
        if (with != null && without != null) {
            final double ratio = with.get("p99").getAsDouble() / without.get("p99").getAsDouble();
            target(out, where + ": tick-to-order p99 with the journal ≤ 3× without it",
                String.format(Locale.ROOT, "%s µs vs %s µs = %.1f×", us(with, "p99"), us(without, "p99"), ratio),
                ratio <= 3);
        }
        if (with != null) {
            final double p999 = with.get("p99_9").getAsDouble();
            target(out, where + ", journal on: p99.9 < 1 ms", us(with, "p99_9") + " µs", p999 < 1_000);
            final double max = with.get("max").getAsDouble();
            target(out, where + ", journal on: max < 5 ms", us(with, "max") + " µs", max < 5_000);
        }
    }

    private static void target(final StringBuilder out, final String target, final String measured, final boolean met) {
        out.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**")
            .append(" |\n");
    }

    private static String throughput(final JsonObject section) {
        final StringBuilder out = new StringBuilder();
        long append = 0;
        for (final JsonElement element : section.getAsJsonArray("cases")) {
            if (element.getAsJsonObject().get("case").getAsString().equals("append")) {
                append = element.getAsJsonObject().get("perSecond").getAsLong();
            }
        }
        out.append("| case | inputs/s | vs raw Chronicle append | layout |\n|---|---:|---:|---|\n");
        for (final JsonElement element : section.getAsJsonArray("cases")) {
            final JsonObject c = element.getAsJsonObject();
            final long perSecond = c.get("perSecond").getAsLong();
            out.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s |%n", c.get("name").getAsString(), perSecond,
                append == 0 ? "" : String.format(Locale.ROOT, "%.0f %%", 100.0 * perSecond / append),
                c.get("layout").getAsString()));
        }
        out.append(String.format(Locale.ROOT, "%nWait strategy %s; %,d ms warm-up, %,d ms measured per case. Load after:"
            + " %s.", section.get("wait").getAsString(), section.get("warmupMs").getAsLong(),
            section.get("measureMs").getAsLong(), section.get("loadAfter").getAsString()));
        return out.toString();
    }

    private static List<JsonObject> rows(final JsonObject section) {
        final List<JsonObject> out = new ArrayList<>();
        for (final JsonElement element : section.getAsJsonArray("results")) {
            out.add(element.getAsJsonObject());
        }
        return out;
    }

    private static String backtest(final JsonObject section) {
        double ta4j = Double.NaN;
        for (final JsonObject row : rows(section)) {
            if (row.get("benchmark").getAsString().equals("ta4jBarSeriesManager")) {
                ta4j = row.get("barsPerSecond").getAsDouble();
            }
        }
        final StringBuilder out = new StringBuilder();
        out.append("| benchmark | bars/s | ± (99.9 %) | per iteration (runs/s) | vs ta4j |\n|---|---:|---:|---|---:|\n");
        for (final JsonObject row : rows(section)) {
            final double bars = row.get("barsPerSecond").getAsDouble();
            out.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %.2f× |%n", row.get("benchmark").getAsString(),
                bars, row.has("barsPerSecondError") ? String.format(Locale.ROOT, "%,.0f",
                    row.get("barsPerSecondError").getAsDouble()) : "–", iterations(row), bars / ta4j));
        }
        out.append(String.format(Locale.ROOT, "%n%,d bars per run; %s; heap %s.", section.get("bars").getAsLong(),
            section.get("jdk").getAsString(), section.get("heap").getAsString()));
        return out.toString();
    }

    private static String iterations(final JsonObject row) {
        final List<String> values = new ArrayList<>();
        for (final JsonElement element : row.getAsJsonArray("iterations")) {
            values.add(String.format(Locale.ROOT, "%.3g", element.getAsDouble()));
        }
        return String.join(", ", values);
    }

    private static String allocation(final JsonObject section) {
        final StringBuilder out = new StringBuilder();
        out.append("| benchmark | ns/op | ± | B/op (`gc.alloc.rate.norm`) | ± | per iteration (ns/op) |\n"
            + "|---|---:|---:|---:|---:|---|\n");
        for (final JsonObject row : rows(section)) {
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %s | %s | %s |%n", row.get("benchmark").getAsString(),
                row.get("score").getAsDouble(), optional(row, "error", "%.2f"), optional(row, "allocBytesPerOp", "%.3f"),
                optional(row, "allocBytesPerOpError", "%.3f"), iterations(row)));
        }
        out.append(String.format(Locale.ROOT, "%n%s; heap %s.", section.get("jdk").getAsString(),
            section.get("heap").getAsString()));
        return out.toString();
    }

    private static String optional(final JsonObject row, final String key, final String format) {
        return row.has(key) ? String.format(Locale.ROOT, format, row.get(key).getAsDouble()) : "–";
    }

    private static String replay(final JsonObject section) {
        final Map<String, Double> memory = new LinkedHashMap<>();
        for (final JsonObject row : rows(section)) {
            if (row.get("benchmark").getAsString().equals("memoryReplay")) {
                memory.put(row.getAsJsonObject("params").get("input").getAsString(),
                    row.get("eventsPerSecond").getAsDouble());
            }
        }
        final StringBuilder out = new StringBuilder();
        out.append("| input | benchmark | events/s | ± (99.9 %) | vs memoryReplay |\n|---|---|---:|---:|---:|\n");
        for (final JsonObject row : rows(section)) {
            final String input = row.getAsJsonObject("params").get("input").getAsString();
            final double events = row.get("eventsPerSecond").getAsDouble();
            out.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %s | %.2f× |%n", input,
                row.get("benchmark").getAsString(), events, optional(row, "eventsPerSecondError", "%,.0f"),
                events / memory.getOrDefault(input, Double.NaN)));
        }
        out.append(String.format(Locale.ROOT, "%n%,d events per journal; %s; heap %s.", section.get("events").getAsLong(),
            section.get("jdk").getAsString(), section.get("heap").getAsString()));
        return out.toString();
    }

    private static String recovery(final JsonObject section) {
        final long entries = section.get("entries").getAsLong();
        final StringBuilder out = new StringBuilder();
        out.append("| pass | full replay s | entries/s | snapshot + tail s | memory baseline s |\n"
            + "|---:|---:|---:|---:|---:|\n");
        final JsonArray full = section.getAsJsonArray("fullReplaySeconds");
        final JsonArray snapshot = section.getAsJsonArray("fromSnapshotSeconds");
        final JsonArray memory = section.getAsJsonArray("memoryReplaySeconds");
        for (int i = 0; i < full.size(); i++) {
            final double seconds = full.get(i).getAsDouble();
            out.append(String.format(Locale.ROOT, "| %d%s | %.3f | %,.0f | %.3f | %.3f |%n", i + 1,
                i == 0 ? " (cold JVM)" : "", seconds, entries / seconds, snapshot.get(i).getAsDouble(),
                memory.get(i).getAsDouble()));
        }
        final List<String> take = new ArrayList<>();
        for (final JsonElement element : section.getAsJsonArray("snapshotTakeMs")) {
            take.add(String.format(Locale.ROOT, "%.1f", element.getAsDouble()));
        }
        final List<String> warmTake = new ArrayList<>();
        if (section.has("snapshotTakeWarmMs")) {
            for (final JsonElement element : section.getAsJsonArray("snapshotTakeWarmMs")) {
                warmTake.add(String.format(Locale.ROOT, "%.2f", element.getAsDouble()));
            }
        }
        final String warm = warmTake.isEmpty() ? "" : String.format(Locale.ROOT, ", then %s ms after %d more",
            String.join(", ", warmTake), section.get("warmSnapshots").getAsInt());
        out.append(String.format(Locale.ROOT, "%n%,d entries (%,d bytes on disk, written at %,d entries/s) into %s;"
                + " snapshot at entry %,d: %,d bytes, `BusinessLogic.snapshot()` took %s ms (first .. last)%s,"
                + " `SnapshotStore.write` %.1f ms; snapshot + tail ends in the same state as the full replay: %s.",
            entries, section.get("journalBytes").getAsLong(), section.get("writePerSecond").getAsLong(),
            section.get("books").getAsString(), section.get("snapshotAt").getAsLong(),
            section.get("snapshotBytes").getAsLong(), String.join(", ", take), warm,
            section.get("snapshotWriteMs").getAsDouble(), section.get("sameState").getAsBoolean() ? "yes" : "**no**"));
        return out.toString();
    }

    private static String profile(final JsonObject section) {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Recording `%s` (%,d bytes, beside the results file): %,d execution"
                + " samples over %d s of back-to-back backtests (%d runs of %,d bars, %,d bars/s while recording), %d"
                + " collections.%n%n", section.get("jfrFile").getAsString(), section.get("jfrBytes").getAsLong(),
            section.get("samples").getAsLong(), section.get("recordSeconds").getAsInt(), section.get("runs").getAsLong(),
            section.get("bars").getAsLong(), section.get("barsPerSecond").getAsLong(),
            section.get("gcCount").getAsLong()));
        out.append("| self % | method (top of stack) | | total % | method (anywhere on the stack) |\n"
            + "|---:|---|---|---:|---|\n");
        final JsonArray self = section.getAsJsonArray("hotSelf");
        final JsonArray total = section.getAsJsonArray("hotTotal");
        for (int i = 0; i < Math.max(self.size(), total.size()); i++) {
            out.append(i < self.size() ? cell(self.get(i).getAsJsonObject(), "method") : "| | ").append(" | ")
                .append(i < total.size() ? cell(total.get(i).getAsJsonObject(), "method") : "| | ").append(" |\n");
        }
        if (section.has("hotLines")) {
            out.append("\n| self % | line (top of stack) |\n|---:|---|\n");
            for (final JsonElement element : section.getAsJsonArray("hotLines")) {
                out.append(cell(element.getAsJsonObject(), "line")).append(" |\n");
            }
        }
        if (section.get("allocationSampledBytes").getAsLong() == 0) {
            out.append("\nNo allocation was sampled during the recording.\n");
            return out.toString();
        }
        out.append("\n| allocation % | class | | allocation % | site |\n|---:|---|---|---:|---|\n");
        final JsonArray byClass = section.getAsJsonArray("allocationByClass");
        final JsonArray bySite = section.getAsJsonArray("allocationBySite");
        for (int i = 0; i < Math.min(10, Math.max(byClass.size(), bySite.size())); i++) {
            out.append(i < byClass.size() ? cell(byClass.get(i).getAsJsonObject(), "class") : "| | ").append(" | ")
                .append(i < bySite.size() ? cell(bySite.get(i).getAsJsonObject(), "site") : "| | ").append(" |\n");
        }
        return out.toString();
    }

    private static String cell(final JsonObject row, final String key) {
        return String.format(Locale.ROOT, "| %.1f | `%s`", row.get("percent").getAsDouble(), row.get(key).getAsString());
    }

    /** A latency field in microseconds, with as many decimals as its size deserves. */
    private static String us(final JsonObject h, final String key) {
        final double value = h.get(key).getAsDouble();
        if (value < 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (value < 1_000) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
