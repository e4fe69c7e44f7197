package io.ringtrade.research.optimizer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.report.PerformanceSummary;
import org.apache.commons.csv.CSVFormat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.stream.IntStream;

/**
 * The optimizer's own files, in the formats of the run files (ISO-8601 UTC times, plain decimals, {@code \n} line
 * ends, no quoting needed): {@code results.csv}, {@code prices.csv}, {@code walk_forward.csv},
 * {@code walk_forward_equity.csv}, and the metric texts of summary.json that results.csv repeats. Deterministic:
 * the same rows give the same bytes. Main thread.
 */
public final class OptimizerFiles {
    /** Comma-separated, quotes only where a field needs them. */
    private static final CSVFormat CSV = CSVFormat.DEFAULT;

    private OptimizerFiles() {
    }

    /**
     * summary.json's top-level metrics of {@code summary}, key → text exactly as summary.json writes them ({@code
     * null} becomes an empty field), so results.csv has whatever summary.json has.
     */
    public static SequencedMap<String, String> metricTexts(final PerformanceSummary summary) {
        final JsonObject json = JsonParser.parseString(summary.toJson()).getAsJsonObject();
        final SequencedMap<String, String> out = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonElement> entry : json.entrySet()) {
            final JsonElement value = entry.getValue();
            if (value.isJsonNull()) {
                out.put(entry.getKey(), "");
            } else if (value.isJsonPrimitive()) {
                out.put(entry.getKey(), value.getAsString());
            }
        }
        return out;
    }

    /**
     * results.csv: {@code [fold,]} the parameters, the metrics, {@code rank}; one row per finished combination in
     * the order given (grid order, fold by fold).
     */
    public static void writeResults(final Path file, final List<String> parameters, final List<String> metricKeys,
                                    final List<ResultRow> rows, final int[] ranks, final boolean withFold) {
        final List<String> header = new ArrayList<>();
        if (withFold) {
            header.add("fold");
        }
        header.addAll(parameters);
        header.addAll(metricKeys);
        header.add("rank");
        final List<List<String>> lines = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            final ResultRow row = rows.get(i);
            final List<String> fields = new ArrayList<>(header.size());
            if (withFold) {
                fields.add(Integer.toString(row.fold()));
            }
            fields.addAll(row.parameters().values());
            for (final String key : metricKeys) {
                fields.add(row.metrics().getOrDefault(key, ""));
            }
            fields.add(Integer.toString(ranks[i]));
            lines.add(fields);
        }
        writeCsv(file, header, lines);
    }

    /**
     * prices.csv ({@code time,symbol,close}) of timeline bars {@code from} … {@code to − 1}, by time then instrument
     * id (as a backtest writes it).
     */
    public static void writePrices(final Path file, final Timeline timeline, final InstrumentRegistry instruments,
                                   final int from, final int to) {
        final List<List<String>> lines = new ArrayList<>();
        final int[] next = new int[timeline.instruments()];
        for (int i = 0; i < next.length; i++) {
            next[i] = Timeline.firstAtOrAfter(timeline.series(i), timeline.time(from));
        }
        final int[] ids = timeline.instrumentIds();
        final int[] byId = IntStream.range(0, ids.length).boxed().sorted(Comparator.comparingInt(i -> ids[i]))
            .mapToInt(Integer::intValue).toArray();
        for (int position = from; position < to; position++) {
            final long time = timeline.time(position);
            for (final int i : byId) {
                final BarSeriesData bars = timeline.series(i);
                if (next[i] < bars.size() && bars.timeNanos(next[i]) == time) {
                    lines.add(List.of(isoTime(time), instruments.get(ids[i]).symbol(),
                        FixedPoint.toString(bars.close(next[i]))));
                    next[i]++;
                }
            }
        }
        writeCsv(file, List.of("time", "symbol", "close"), lines);
    }

    /**
     * A CSV file: a header, then rows, comma-separated, {@code \n} line ends; a field is quoted only when it holds a
     * comma, a quote or a line end (RFC 4180), as a text parameter like {@code weights = "QQQ=0.6,GLD=0.4"} does.
     */
    public static void writeCsv(final Path file, final List<String> header, final List<List<String>> rows) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CSV.format(header.toArray()));
            out.write('\n');
            for (final List<String> row : rows) {
                out.write(CSV.format(row.toArray()));
                out.write('\n');
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} to {@code file}. */
    public static void writeText(final Path file, final String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** ISO-8601 UTC, as the run files write times ({@code 2013-01-02T00:00:00Z}). */
    public static String isoTime(final long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
            Math.floorMod(epochNanos, 1_000_000_000L)).toString();
    }
}
