package io.ringtrade.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The whole benchmark suite in one command ({@code scripts/bench}): runs each section, writes every number with its
 * conditions to {@code bench/results/<date>-<host>.json}, and regenerates the marked tables of BENCHMARKS.md from that
 * file ({@link BenchmarksDoc}). Sections, in the order they run:
 * <pre>
 *   append      JournalAppendLatency    per-append latency: ours with/without the pretoucher, raw Chronicle (harness)
 *   latency     TickToOrderLatency      tick-to-order at 10k/100k/500k per s, journal on/off, ring vs queues, raw hop
 *                                       and raw append baselines, the wait strategies (harness, CO-corrected)
 *   throughput  PipelineThroughput      max inputs/s: pipeline with/without journal, queues, raw hop, raw append
 *   backtest    BacktestThroughputBenchmark   bars/s, ours direct and through the ring vs ta4j's BarSeriesManager (JMH)
 *   allocation  TickPathAllocationBenchmark   ns and bytes per tick and per bar close (JMH -prof gc)
 *   replay      ReplayThroughputBenchmark     journal replay events/s vs memory vs read-only (JMH)
 *   recovery    RecoveryTime            recovery of an N-entry journal with and without a snapshot (harness)
 *   profile     BacktestProfile         JFR of the backtest; the .jfr is written beside the results file
 * </pre>
 * Harnesses run in their own JVMs (the Chronicle flags, their own heap); JMH forks its own. Three sizes: the full
 * suite (about 20 minutes on 2 cores), {@code --quick} (under 5 minutes) and {@code --tiny} (seconds; what the smoke
 * test runs: every section end to end, numbers meaningless).
 *
 * <p>Arguments: {@code [--quick | --tiny] [--only SECTION,...] [--results DIR] [--name BASE] [--doc FILE | --no-doc]
 * [--render RESULTS.json]}; {@code --render} only regenerates the document from an existing results file. A run of
 * some sections ({@code --only}) replaces those sections in the day's results file and keeps the others; every section
 * records when, at which size and on which commit it was measured. Runs on the
 * main thread; start it from the repository root (the data files and {@code config/default.conf} are found from
 * there).
 */
public final class BenchSuite {
    /** Every section, in run order. */
    static final List<String> SECTIONS = List.of("append", "latency", "throughput", "backtest", "allocation", "replay",
        "recovery", "profile");
    private static final List<String> CHRONICLE_FLAGS = List.of(
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
        "--enable-native-access=ALL-UNNAMED", "-Dchronicle.analytics.disable=true");

    /** How long each section runs. */
    enum Size { FULL, QUICK, TINY }

    private final Size size;
    private final Path results;
    private final Path parts;

    private BenchSuite(final Size size, final Path results) {
        this.size = size;
        this.results = results;
        this.parts = Path.of("bench", "target", "bench-parts");
    }

    /** Runs the suite (or renders the document) as the arguments say; exits 2 on a bad argument. */
    public static void main(final String[] args) throws Exception {
        Size size = Size.FULL;
        Set<String> only = new LinkedHashSet<>(SECTIONS);
        Path resultsDir = Path.of("bench", "results");
        String name = null;
        Path doc = Path.of("BENCHMARKS.md");
        Path render = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> size = Size.QUICK;
                case "--tiny" -> size = Size.TINY;
                case "--only" -> only = parseSections(args[++i]);
                case "--results" -> resultsDir = Path.of(args[++i]);
                case "--name" -> name = args[++i];
                case "--doc" -> doc = Path.of(args[++i]);
                case "--no-doc" -> doc = null;
                case "--render" -> render = Path.of(args[++i]);
                default -> {
                    System.err.println("bench: unknown argument '" + args[i] + "'; usage: scripts/bench [--quick | --tiny]"
                        + " [--only " + String.join(",", SECTIONS) + "] [--results DIR] [--name BASE] [--no-doc]"
                        + " [--render FILE.json]");
                    System.exit(2);
                    return;
                }
            }
        }
        if (render != null) {
            BenchmarksDoc.render(ResultFile.read(render), render, doc == null ? Path.of("BENCHMARKS.md") : doc);
            return;
        }
        final Path file = run(size, only, resultsDir, name);
        if (doc != null) {
            BenchmarksDoc.render(ResultFile.read(file), file, doc);
        }
    }

    private static Set<String> parseSections(final String list) {
        final Set<String> out = new LinkedHashSet<>();
        for (final String section : list.split(",")) {
            if (!SECTIONS.contains(section.strip())) {
                throw new IllegalArgumentException("unknown section '" + section + "'; sections: " + SECTIONS);
            }
            out.add(section.strip());
        }
        return out;
    }

    /** Runs the {@code only} sections at {@code size} and writes the results file; returns its path. */
    static Path run(final Size size, final Set<String> only, final Path resultsDir, final String name)
        throws IOException, InterruptedException, RunnerException {
        final String base = name != null ? name : LocalDate.now(ZoneOffset.UTC) + "-" + host();
        final Path file = resultsDir.resolve(base + ".json");
        final BenchSuite suite = new BenchSuite(size, resultsDir.resolve(base));
        Files.createDirectories(suite.parts);
        final JsonObject out = new JsonObject();
        out.addProperty("schema", 1);
        out.addProperty("started", Instant.now().toString());
        out.addProperty("size", size.name().toLowerCase(Locale.ROOT));
        out.addProperty("host", host());
        final JsonObject machine = RunConditions.json();
        machine.remove("flags");
        machine.remove("heapMiB");
        machine.addProperty("ramGiB", ramGiB());
        out.add("machine", machine);
        final String commit = git("rev-parse", "--short", "HEAD");
        final boolean uncommitted = !git("status", "--porcelain", "--untracked-files=no").isEmpty();
        // A run of some sections updates those in the day's file and keeps the others, each with its own time and
        // commit, so that the file always holds the latest measurement of every section.
        final JsonObject sections = new JsonObject();
        if (!only.containsAll(SECTIONS) && Files.exists(file)) {
            final JsonObject earlier = ResultFile.read(file);
            if (earlier.has("sections")) {
                earlier.getAsJsonObject("sections").entrySet().forEach(e -> sections.add(e.getKey(), e.getValue()));
                System.out.println("bench: keeping the other sections of " + file);
            }
        }
        out.add("sections", sections);
        for (final String section : SECTIONS) {
            if (!only.contains(section)) {
                continue;
            }
            System.out.println("\n######## bench section " + section + " (" + size.name().toLowerCase(Locale.ROOT)
                + "), load " + RunConditions.loadAverage());
            final long t0 = System.nanoTime();
            final String loadBefore = RunConditions.loadAverage();
            final JsonObject result = suite.runSection(section);
            result.addProperty("loadBefore", loadBefore);
            result.addProperty("seconds", Math.round((System.nanoTime() - t0) / 1e9));
            result.addProperty("started", Instant.now().minusNanos(System.nanoTime() - t0).toString());
            result.addProperty("size", size.name().toLowerCase(Locale.ROOT));
            result.addProperty("commit", commit + (uncommitted ? " with uncommitted changes" : ""));
            sections.add(section, result);
            out.addProperty("finished", Instant.now().toString());
            ResultFile.write(file, ordered(out));
        }
        ResultFile.write(file, ordered(out));
        System.out.println("\nbench: results in " + file);
        return file;
    }

    /** A copy of {@code results} with its sections in {@link #SECTIONS} order (merged runs add them in any order). */
    private static JsonObject ordered(final JsonObject results) {
        final JsonObject copy = results.deepCopy();
        final JsonObject sections = results.getAsJsonObject("sections");
        final JsonObject sorted = new JsonObject();
        for (final String name : SECTIONS) {
            if (sections.has(name)) {
                sorted.add(name, sections.get(name).deepCopy());
            }
        }
        copy.add("sections", sorted);
        return copy;
    }

    private JsonObject runSection(final String section) throws IOException, InterruptedException, RunnerException {
        return switch (section) {
            case "append" -> harness("append", "1g", JournalAppendLatency.class, switch (size) {
                case FULL -> List.of("--entries", "5000000", "--warmup", "2000000", "--sync-entries", "50000");
                case QUICK -> List.of("--entries", "1000000", "--warmup", "500000", "--sync-entries", "10000");
                case TINY -> List.of("--entries", "20000", "--warmup", "10000", "--sync-entries", "500");
            });
            case "latency" -> harness("latency", "1g", TickToOrderLatency.class, latencyArguments());
            case "throughput" -> harness("throughput", "1g", PipelineThroughput.class, throughputArguments());
            case "backtest" -> backtest();
            case "allocation" -> allocation();
            case "replay" -> replay();
            case "recovery" -> harness("recovery", size == Size.FULL ? "4g" : "2g", RecoveryTime.class, switch (size) {
                case FULL -> List.of("--entries", "10000000", "--passes", "3", "--cold-disk");
                case QUICK -> List.of("--entries", "1000000", "--passes", "2");
                case TINY -> List.of("--entries", "20000", "--passes", "1");
            });
            case "profile" -> {
                Files.createDirectories(results.toAbsolutePath().getParent());
                final Path jfr = Path.of(results + "-backtest.jfr");
                yield harness("profile", "2g", BacktestProfile.class, switch (size) {
                    case FULL -> List.of("--jfr", jfr.toString(), "--warmup-s", "10", "--record-s", "20");
                    case QUICK -> List.of("--jfr", jfr.toString(), "--warmup-s", "5", "--record-s", "8");
                    case TINY -> List.of("--jfr", jfr.toString(), "--bars", "5000", "--warmup-s", "1", "--record-s",
                        "1");
                });
            }
            default -> throw new IllegalArgumentException(section);
        };
    }

    /**
     * The latency cases: at each rate, the pipeline with and without the journal in both layouts (yielding, what the
     * targets are read against), the queue twin with and without it, and the raw hop and raw append; at 100k also the
     * journal without its pretoucher, and the fused layout and the raw hop with a producer that sleeps between inputs
     * ({@link ProducerPacing}); at 100k and 500k the fused layout with a pretoucher that only advises; at 10k and
     * 100k the other wait strategies with and without the journal (the fused layout with phased-backoff too:
     * {@code auto}'s choice for both on 2 cores).
     */
    private List<String> latencyArguments() {
        final List<String> args = new ArrayList<>();
        final List<Integer> rates = size == Size.TINY ? List.of(10_000) : List.of(10_000, 100_000, 500_000);
        for (final int rate : rates) {
            cases(args, rate, "ring:chronicle:yielding", "ring:none:yielding", "fused:chronicle:yielding",
                "fused:none:yielding", "queue:chronicle:-", "queue:none:-", "hop:-:yielding", "append:-:-");
            if (size == Size.TINY) {
                cases(args, rate, "ring:chronicle-nopretouch:yielding", "ring:chronicle:phased-backoff");
                continue;
            }
            if (rate == 100_000) {
                cases(args, rate, "ring:chronicle-nopretouch:yielding");
            }
            if (rate >= 100_000) {
                cases(args, rate, "fused:chronicle-advising:yielding");
            }
            if (rate == 100_000) {
                // an input thread that sleeps between inputs, as one reading a socket does
                cases(args, rate, ProducerPacing.SLEEPING, "fused:chronicle:yielding", "fused:none:yielding",
                    "hop:-:yielding");
            }
            if (rate <= 100_000) {
                for (final String wait : List.of("blocking", "sleeping", "phased-backoff")) {
                    cases(args, rate, "ring:chronicle:" + wait, "ring:none:" + wait);
                }
                cases(args, rate, "fused:chronicle:phased-backoff", "fused:none:phased-backoff");
            }
        }
        args.addAll(switch (size) {
            // three interleaved rounds, each case's merged: one 10-second run per case left the with/without-journal
            // ratio to whichever case met the host's noisy spell (BENCHMARKS.md, section 1)
            case FULL -> List.of("--rounds", "3", "--warmup-ms", "1000", "--measure-ms", "4000");
            case QUICK -> List.of("--warmup-ms", "500", "--measure-ms", "1500");
            case TINY -> List.of("--warmup-ms", "100", "--measure-ms", "200");
        });
        return args;
    }

    /**
     * Throughput: the pipeline with and without the journal in both layouts, the queue twin, the raw hop and the raw
     * append, all yielding; then the pipeline with the journal under the other wait strategies.
     */
    private List<String> throughputArguments() {
        final List<String> args = new ArrayList<>(List.of("--wait", "yielding"));
        for (final String name : List.of("ring", "ring-none", "fused", "fused-none", "queue", "hop", "append",
            "ring:phased-backoff", "fused:phased-backoff", "ring:blocking")) {
            args.add("--case");
            args.add(name);
        }
        args.addAll(switch (size) {
            case FULL -> List.of("--warmup-ms", "2000", "--measure-ms", "5000");
            case QUICK -> List.of("--warmup-ms", "1000", "--measure-ms", "2000");
            case TINY -> List.of("--warmup-ms", "100", "--measure-ms", "200");
        });
        return args;
    }

    private static void cases(final List<String> args, final int rate, final String... specs) {
        cases(args, rate, ProducerPacing.YIELDING, specs);
    }

    private static void cases(final List<String> args, final int rate, final ProducerPacing pacing,
                              final String... specs) {
        for (final String spec : specs) {
            args.add("--case");
            args.add(spec + ":" + rate + (pacing == ProducerPacing.YIELDING ? "" : ":" + pacing.label()));
        }
    }

    /** Runs {@code main} of {@code harness} in a new JVM and returns the JSON it wrote. */
    private JsonObject harness(final String section, final String heap, final Class<?> harness,
                               final List<String> arguments) throws IOException, InterruptedException {
        final Path part = parts.resolve(section + ".json");
        Files.deleteIfExists(part);
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CHRONICLE_FLAGS);
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        for (final String property : List.of("ringtrade.data.dir", "ringtrade.config", "ringtrade.bench.dir")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(harness.getName());
        command.add("--json");
        command.add(part.toString());
        command.addAll(arguments);
        final Process process = new ProcessBuilder(command).inheritIO().start();
        final int exit = process.waitFor();
        if (exit != 0 || !Files.exists(part)) {
            throw new IllegalStateException("bench section " + section + ": " + harness.getSimpleName() + " exited with "
                + exit + (Files.exists(part) ? "" : " and wrote no results"));
        }
        final JsonObject result = ResultFile.read(part);
        result.addProperty("harness", harness.getSimpleName());
        result.addProperty("command", "java <chronicle flags> -Xms" + heap + " -Xmx" + heap + " -cp "
            + "bench/target/benchmarks.jar " + harness.getName() + " " + String.join(" ", arguments));
        return result;
    }

    /** JMH settings of one section at this size. */
    private ChainedOptionsBuilder jmh(final Class<?> benchmark, final int warmupIterations, final int iterations,
                                      final int warmupMillis, final int iterationMillis) {
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include("\\." + benchmark.getSimpleName() + "\\.")
            .shouldFailOnError(true);
        return switch (size) {
            case FULL -> options.warmupIterations(warmupIterations).measurementIterations(iterations)
                .warmupTime(TimeValue.milliseconds(warmupMillis)).measurementTime(TimeValue.milliseconds(iterationMillis));
            case QUICK -> options.warmupIterations(1).measurementIterations(2)
                .warmupTime(TimeValue.milliseconds(Math.min(warmupMillis, 1_000)))
                .measurementTime(TimeValue.milliseconds(Math.min(iterationMillis, 1_000)));
            // In-process and one short iteration: the smoke test checks the plumbing, not the numbers.
            case TINY -> options.forks(0).warmupIterations(0).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100));
        };
    }

    private JsonObject backtest() throws RunnerException {
        final int bars = size == Size.TINY ? 5_000 : 1_000_000;
        final ChainedOptionsBuilder options = jmh(BacktestThroughputBenchmark.class, 3, 5, 2_000, 3_000)
            .param("bars", Integer.toString(bars));
        final JsonObject out = jmhSection(new Runner(options.build()).run(), bars, "barsPerSecond");
        out.addProperty("bars", bars);
        return out;
    }

    private JsonObject allocation() throws RunnerException {
        final ChainedOptionsBuilder options = jmh(TickPathAllocationBenchmark.class, 2, 3, 2_000, 3_000)
            .addProfiler(GCProfiler.class);
        return jmhSection(new Runner(options.build()).run(), 0, null);
    }

    private JsonObject replay() throws RunnerException {
        final int events = switch (size) {
            case FULL -> 1_000_000;
            case QUICK -> 300_000;
            case TINY -> 5_000;
        };
        final ChainedOptionsBuilder options = jmh(ReplayThroughputBenchmark.class, 2, 3, 2_000, 3_000)
            .param("events", Integer.toString(events));
        final JsonObject out = jmhSection(new Runner(options.build()).run(), events, "eventsPerSecond");
        out.addProperty("events", events);
        return out;
    }

    /**
     * One row per JMH result: benchmark, params, score and error (and {@code scaledName} = score × {@code scale} when
     * a scale is given, JMH's invocations per second turned into bars or events per second), the per-iteration scores,
     * and {@code gc.alloc.rate.norm} when profiled.
     */
    private static JsonObject jmhSection(final Collection<RunResult> runs, final int scale, final String scaledName) {
        final JsonObject out = new JsonObject();
        final JsonArray rows = new JsonArray();
        BenchmarkParams any = null;
        for (final RunResult run : runs) {
            final BenchmarkParams params = run.getParams();
            any = params;
            final JsonObject row = new JsonObject();
            final String benchmark = params.getBenchmark();
            row.addProperty("benchmark", benchmark.substring(benchmark.lastIndexOf('.') + 1));
            final JsonObject values = new JsonObject();
            for (final String key : params.getParamsKeys()) {
                values.addProperty(key, params.getParam(key));
            }
            row.add("params", values);
            final Result<?> primary = run.getPrimaryResult();
            row.addProperty("score", primary.getScore());
            addFinite(row, "error", primary.getScoreError());
            row.addProperty("unit", primary.getScoreUnit());
            if (scaledName != null) {
                row.addProperty(scaledName, Math.round(primary.getScore() * scale));
                addFinite(row, scaledName + "Error", primary.getScoreError() * scale);
            }
            final JsonArray iterations = new JsonArray();
            for (final BenchmarkResult result : run.getBenchmarkResults()) {
                for (final IterationResult iteration : result.getIterationResults()) {
                    iterations.add(LatencyReport.round(iteration.getPrimaryResult().getScore()));
                }
            }
            row.add("iterations", iterations);
            final Map<String, Result> secondary = run.getSecondaryResults();
            final Result<?> norm = secondary.get("gc.alloc.rate.norm");
            if (norm != null) {
                row.addProperty("allocBytesPerOp", LatencyReport.round(norm.getScore()));
                addFinite(row, "allocBytesPerOpError", norm.getScoreError());
            }
            rows.add(row);
        }
        out.add("results", rows);
        if (any != null) {
            out.addProperty("jdk", any.getVmName() + " " + any.getJdkVersion() + " (" + any.getVmVersion() + ")");
            out.addProperty("jvmArgs", String.join(" ", any.getJvmArgs()));
            out.addProperty("forks", any.getForks());
            out.addProperty("warmup", any.getWarmup().getCount() + " x " + any.getWarmup().getTime());
            out.addProperty("measurement", any.getMeasurement().getCount() + " x " + any.getMeasurement().getTime());
            out.addProperty("heap", heapOf(any.getJvmArgs()));
        }
        out.add("conditions", RunConditions.json());
        return out;
    }

    private static String heapOf(final Collection<String> jvmArgs) {
        // JMH forks with this JVM's flags followed by the benchmark's own: the last -Xmx wins.
        return jvmArgs.stream().filter(a -> a.startsWith("-Xmx")).reduce((first, second) -> second)
            .map(a -> a.substring(4)).orElse("JVM default");
    }

    private static void addFinite(final JsonObject row, final String key, final double value) {
        if (Double.isFinite(value)) {
            row.addProperty(key, LatencyReport.round(value));
        }
    }

    private static String host() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (final IOException e) {
                name = "unknown-host";
            }
        }
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static long ramGiB() {
        try {
            for (final String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    final String[] fields = line.split("\\s+");
                    return Math.round(Long.parseLong(fields[1]) / 1024.0 / 1024.0);
                }
            }
        } catch (final IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** The output of {@code git ARGS} in the working directory, or "unknown" when git is not there. */
    private static String git(final String... args) {
        final List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(Arrays.asList(args));
        try {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "unknown";
            }
            return text;
        } catch (final IOException e) {
            return "unknown";
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
