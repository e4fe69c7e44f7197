package io.ringtrade.engine.indicator;

import io.ringtrade.engine.api.money.FixedPoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One of the reference files in {@code src/test/resources/ta-reference} (see the README there): input bars and the
 * output of the real {@code ta} 0.11.0 {@code add_all_ta_features} for them, column by column. Empty cells are NaN.
 */
final class TaReference {
    final String name;
    final List<String> dates = new ArrayList<>();
    final long[] open;
    final long[] high;
    final long[] low;
    final long[] close;
    final long[] volume;
    final Map<String, double[]> columns = new LinkedHashMap<>();

    private TaReference(final String name, final int rows) {
        this.name = name;
        open = new long[rows];
        high = new long[rows];
        low = new long[rows];
        close = new long[rows];
        volume = new long[rows];
    }

    int size() {
        return open.length;
    }

    static TaReference load(final String name) {
        final String resource = "/ta-reference/" + name + ".csv.gz";
        final List<String[]> lines = new ArrayList<>();
        try (InputStream raw = TaReference.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line.split(",", -1));
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        final String[] header = lines.get(0);
        if (!Arrays.asList(header).subList(0, 6).equals(List.of("Date", "Open", "High", "Low", "Close", "Volume"))) {
            throw new IllegalStateException(resource + ": unexpected header " + String.join(",", header));
        }
        final TaReference reference = new TaReference(name, lines.size() - 1);
        for (int c = 6; c < header.length; c++) {
            reference.columns.put(header[c], new double[lines.size() - 1]);
        }
        for (int r = 1; r < lines.size(); r++) {
            final String[] cells = lines.get(r);
            final int i = r - 1;
            reference.dates.add(cells[0]);
            reference.open[i] = FixedPoint.parse(cells[1]);
            reference.high[i] = FixedPoint.parse(cells[2]);
            reference.low[i] = FixedPoint.parse(cells[3]);
            reference.close[i] = FixedPoint.parse(cells[4]);
            reference.volume[i] = FixedPoint.parse(cells[5]);
            for (int c = 6; c < header.length; c++) {
                reference.columns.get(header[c])[i] = parse(cells[c]);
            }
        }
        return reference;
    }

    private static double parse(final String cell) {
        return switch (cell) {
            case "" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(cell);
        };
    }

    /** Feeds bar {@code i} into {@code bars} (start times are just increasing here; the indicators ignore time). */
    void feed(final InstrumentBars bars, final int i) {
        bars.onBar(i * 60_000_000_000L, open[i], high[i], low[i], close[i], volume[i]);
    }
}
