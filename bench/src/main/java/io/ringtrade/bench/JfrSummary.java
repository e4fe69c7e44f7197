package io.ringtrade.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Flight Recorder file and says where the time and the allocations went: execution samples counted by the
 * method on top of the stack (self time) and by every method on the stack (total time), and sampled allocation
 * weight by class and by allocating frame. Uses the JDK's own {@code jdk.jfr.consumer} reader. Main thread.
 */
final class JfrSummary {
    private static final int TOP = 15;

    private JfrSummary() {
    }

    /**
     * The summary of {@code file} as JSON: samples, hotSelf, hotLines (self, by source line), hotTotal,
     * allocationByClass, allocationBySite, gcCount.
     */
    static JsonObject summarize(final Path file) throws IOException {
        final Map<String, Long> self = new HashMap<>();
        final Map<String, Long> lines = new HashMap<>();
        final Map<String, Long> total = new HashMap<>();
        final Map<String, Long> byClass = new HashMap<>();
        final Map<String, Long> bySite = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        long collections = 0;
        for (final RecordedEvent event : RecordingFile.readAllEvents(file)) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    final RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    final List<RecordedFrame> frames = stack.getFrames();
                    self.merge(method(frames.getFirst()), 1L, Long::sum);
                    lines.merge(method(frames.getFirst()) + ":" + frames.getFirst().getLineNumber(), 1L, Long::sum);
                    final Set<String> seen = new HashSet<>();
                    for (final RecordedFrame frame : frames) {
                        // The harness's own frames are on every stack: they would fill the top of the table.
                        if (!method(frame).startsWith("bench.") && seen.add(method(frame))) {
                            total.merge(method(frame), 1L, Long::sum);
                        }
                    }
                }
                case "jdk.ObjectAllocationSample" -> {
                    final long weight = event.getLong("weight");
                    allocated += weight;
                    byClass.merge(event.getClass("objectClass").getName(), weight, Long::sum);
                    final RecordedStackTrace stack = event.getStackTrace();
                    final String site = stack == null || stack.getFrames().isEmpty() ? "(no stack)"
                        : site(stack.getFrames());
                    bySite.merge(site, weight, Long::sum);
                }
                case "jdk.GarbageCollection" -> collections++;
                default -> {
                    // not summarised
                }
            }
        }
        final JsonObject out = new JsonObject();
        out.addProperty("samples", samples);
        out.add("hotSelf", top(self, samples, "method"));
        out.add("hotTotal", top(total, samples, "method"));
        out.add("hotLines", top(lines, samples, "line"));
        out.addProperty("allocationSampledBytes", allocated);
        out.add("allocationByClass", top(byClass, allocated, "class"));
        out.add("allocationBySite", top(bySite, allocated, "site"));
        out.addProperty("gcCount", collections);
        return out;
    }

    /** A readable rendering of {@link #summarize}'s result, for the console. */
    static String describe(final JsonObject summary) {
        final StringBuilder out = new StringBuilder();
        out.append(summary.get("samples").getAsLong()).append(" execution samples; hottest (self):\n");
        append(out, summary.getAsJsonArray("hotSelf"), "method");
        out.append("hottest lines (self):\n");
        append(out, summary.getAsJsonArray("hotLines"), "line");
        out.append("hottest (total, incl. callees):\n");
        append(out, summary.getAsJsonArray("hotTotal"), "method");
        out.append("allocation by class (sampled weight):\n");
        append(out, summary.getAsJsonArray("allocationByClass"), "class");
        out.append("allocation by site:\n");
        append(out, summary.getAsJsonArray("allocationBySite"), "site");
        return out.toString();
    }

    private static void append(final StringBuilder out, final JsonArray rows, final String key) {
        for (final JsonElement element : rows) {
            final JsonObject row = element.getAsJsonObject();
            out.append(String.format(Locale.ROOT, "  %6.2f %%  %s%n", row.get("percent").getAsDouble(),
                row.get(key).getAsString()));
        }
    }

    private static JsonArray top(final Map<String, Long> counts, final long all, final String key) {
        final JsonArray out = new JsonArray();
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(TOP)
            .forEach(entry -> {
                final JsonObject row = new JsonObject();
                row.addProperty(key, entry.getKey());
                row.addProperty("percent", all == 0 ? 0 : Math.round(entry.getValue() * 10_000.0 / all) / 100.0);
                out.add(row);
            });
        return out;
    }

    /** The first frame of the stack outside the JDK (where our or ta4j's code allocated), with its line. */
    private static String site(final List<RecordedFrame> frames) {
        for (final RecordedFrame frame : frames) {
            final String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return method(frame) + ":" + frame.getLineNumber();
            }
        }
        return method(frames.getFirst()) + ":" + frames.getFirst().getLineNumber();
    }

    private static String method(final RecordedFrame frame) {
        final RecordedMethod method = frame.getMethod();
        return method.getType().getName().replace("io.ringtrade.", "") + "." + method.getName();
    }
}
