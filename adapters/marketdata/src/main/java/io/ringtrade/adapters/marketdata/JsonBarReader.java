package io.ringtrade.adapters.marketdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;

/**
 * Loads ta4j's JSON bar format (as in {@code ETH-USD-PT5M-2023-3-13_2023-3-15.json}): an object whose
 * {@code ohlc} array holds {@code {endTime, openPrice, highPrice, lowPrice, closePrice, volume, amount}}, with
 * {@code endTime} in epoch milliseconds. Other keys (the series {@code name}, each bar's {@code amount}) are
 * read past and ignored.
 *
 * <p><b>Bar start time.</b> The engine stamps a bar with its start, but the file only gives ends. ta4j's
 * {@code endTime} is the bar's <em>last</em> millisecond ({@code 18:04:59.999} for the 18:00 five-minute bar), so
 * {@code start = endTime + 1 ms − length}. The length is not in the bars, so it is taken to be the smallest gap
 * between consecutive end times (one missing bar cannot make it too long; every gap in the shipped file is
 * 5 min). A file with a single bar therefore cannot be read.
 *
 * <p>A small hand-written scanner (no JSON library): it understands all of JSON's syntax so that it can skip
 * what it does not need, and reports problems by line. Stateless; loading thread.
 */
final class JsonBarReader {
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final Path file;
    private final String text;
    private int pos;
    private int line = 1;

    private JsonBarReader(final Path file, final String text) {
        this.file = file;
        this.text = text;
    }

    static BarSeriesData read(final Path file, final String symbol) {
        final String text;
        try (BufferedReader reader = CsvLines.openReader(file)) {
            final StringBuilder all = new StringBuilder(1 << 16);
            final char[] buffer = new char[1 << 14];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                all.append(buffer, 0, n);
            }
            text = all.toString();
        } catch (final CharacterCodingException e) {
            throw new MarketDataException(file, MarketDataException.NO_LINE, "is not UTF-8 text", e);
        } catch (final IOException e) {
            throw new MarketDataException(file, MarketDataException.NO_LINE, "cannot read the file (" + e + ")", e);
        }
        return new JsonBarReader(file, text).readSeries(symbol);
    }

    private BarSeriesData readSeries(final String symbol) {
        if (text.startsWith("\uFEFF")) {
            pos = 1; // byte-order mark
        }
        skipWhitespace();
        if (pos == text.length()) {
            throw new MarketDataException(file, "empty file");
        }
        expect('{');
        Bars bars = null;
        if (!tryConsume('}')) {
            do {
                final String key = readString();
                expect(':');
                if (key.equals("ohlc")) {
                    bars = readBars();
                } else {
                    skipValue();
                }
            } while (tryConsume(','));
            expect('}');
        }
        skipWhitespace();
        if (pos != text.length()) {
            throw error("unexpected text after the end of the JSON object");
        }
        if (bars == null) {
            throw new MarketDataException(file, "missing 'ohlc' array (not a ta4j bar file)");
        }
        if (bars.endMillis.size() == 0) {
            throw new MarketDataException(file, "no data rows ('ohlc' is empty)");
        }
        return bars.toSeries(symbol);
    }

    /** The raw columns, still keyed by end time. */
    private final class Bars {
        final LongColumn endMillis = new LongColumn(1024);
        final LongColumn open = new LongColumn(1024);
        final LongColumn high = new LongColumn(1024);
        final LongColumn low = new LongColumn(1024);
        final LongColumn close = new LongColumn(1024);
        final LongColumn volume = new LongColumn(1024);
        final LongColumn lineOf = new LongColumn(1024);

        BarSeriesData toSeries(final String symbol) {
            final int n = endMillis.size();
            if (n < 2) {
                throw new MarketDataException(file, (int) lineOf.get(0),
                    "only one bar: its length, and so its start time, cannot be inferred");
            }
            long length = Long.MAX_VALUE;
            for (int i = 1; i < n; i++) {
                length = Math.min(length, endMillis.get(i) - endMillis.get(i - 1));
            }
            final BarColumns bars = new BarColumns(symbol, n);
            for (int i = 0; i < n; i++) {
                final long startMillis = endMillis.get(i) + 1 - length;
                bars.add(Math.multiplyExact(startMillis, NANOS_PER_MILLI), open.get(i), high.get(i), low.get(i),
                    close.get(i), volume.get(i));
            }
            return bars.build();
        }
    }

    private Bars readBars() {
        final Bars bars = new Bars();
        expect('[');
        if (tryConsume(']')) {
            return bars;
        }
        do {
            readBar(bars);
        } while (tryConsume(','));
        expect(']');
        return bars;
    }

    private void readBar(final Bars bars) {
        expect('{');
        final int barLine = line;
        long end = 0;
        long o = 0;
        long h = 0;
        long l = 0;
        long c = 0;
        long v = 0;
        int seen = 0; // one bit per required key
        if (!tryConsume('}')) {
            do {
                final String key = readString();
                expect(':');
                skipWhitespace();
                switch (key) {
                    case "endTime" -> {
                        end = readWholeNumber(key);
                        seen |= 1;
                    }
                    case "openPrice" -> {
                        o = readDecimal(key);
                        seen |= 2;
                    }
                    case "highPrice" -> {
                        h = readDecimal(key);
                        seen |= 4;
                    }
                    case "lowPrice" -> {
                        l = readDecimal(key);
                        seen |= 8;
                    }
                    case "closePrice" -> {
                        c = readDecimal(key);
                        seen |= 16;
                    }
                    case "volume" -> {
                        v = readDecimal(key);
                        seen |= 32;
                    }
                    default -> skipValue();
                }
            } while (tryConsume(','));
            expect('}');
        }
        final String[] required = {"endTime", "openPrice", "highPrice", "lowPrice", "closePrice", "volume"};
        for (int bit = 0; bit < required.length; bit++) {
            if ((seen & (1 << bit)) == 0) {
                throw new MarketDataException(file, barLine, "bar is missing '" + required[bit] + "'");
            }
        }
        final int n = bars.endMillis.size();
        if (n > 0) {
            final long previous = bars.endMillis.get(n - 1);
            if (end == previous) {
                throw new MarketDataException(file, barLine, "duplicate endTime " + end + " (also on line "
                    + bars.lineOf.get(n - 1) + ")");
            }
            if (end < previous) {
                throw new MarketDataException(file, barLine, "endTime " + end + " goes backwards (previous bar "
                    + previous + ")");
            }
        }
        final String problem = BarRules.barProblem(o, h, l, c, v);
        if (problem != null) {
            throw new MarketDataException(file, barLine, problem);
        }
        bars.endMillis.add(end);
        bars.open.add(o);
        bars.high.add(h);
        bars.low.add(l);
        bars.close.add(c);
        bars.volume.add(v);
        bars.lineOf.add(barLine);
    }

    // ---- scanner -------------------------------------------------------------------------------------------

    private long readDecimal(final String key) {
        final int start = pos;
        final int end = scanNumber(key);
        try {
            return DecimalText.parse(text, start, end);
        } catch (final IllegalArgumentException e) {
            throw error("'" + key + "': '" + text.substring(start, end) + "' " + e.getMessage());
        }
    }

    private long readWholeNumber(final String key) {
        final int start = pos;
        final int end = scanNumber(key);
        try {
            return Long.parseLong(text, start, end, 10);
        } catch (final NumberFormatException e) {
            throw error("'" + key + "': '" + text.substring(start, end) + "' is not whole epoch milliseconds");
        }
    }

    /** Moves past a JSON number at the current position and returns where it ends. */
    private int scanNumber(final String key) {
        final int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos == start) {
            throw error("'" + key + "' should be a number but is " + describeNext());
        }
        return pos;
    }

    private void skipValue() {
        skipWhitespace();
        if (pos == text.length()) {
            throw error("unexpected end of file");
        }
        final char c = text.charAt(pos);
        switch (c) {
            case '{' -> {
                pos++;
                if (!tryConsume('}')) {
                    do {
                        readString();
                        expect(':');
                        skipValue();
                    } while (tryConsume(','));
                    expect('}');
                }
            }
            case '[' -> {
                pos++;
                if (!tryConsume(']')) {
                    do {
                        skipValue();
                    } while (tryConsume(','));
                    expect(']');
                }
            }
            case '"' -> readString();
            default -> {
                if (text.startsWith("true", pos)) {
                    pos += 4;
                } else if (text.startsWith("false", pos)) {
                    pos += 5;
                } else if (text.startsWith("null", pos)) {
                    pos += 4;
                } else {
                    scanNumber("value");
                }
            }
        }
    }

    private String readString() {
        expect('"');
        final StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            final char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\n') {
                throw error("string is not closed before the end of the line");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos == text.length()) {
                break;
            }
            final char escaped = text.charAt(pos++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("bad \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text, pos, pos + 4, 16));
                    } catch (final NumberFormatException e) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> out.append(escaped); // \" \\ \/
            }
        }
        throw error("unexpected end of file inside a string");
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            final char c = text.charAt(pos);
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean tryConsume(final char expected) {
        skipWhitespace();
        if (pos < text.length() && text.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(final char expected) {
        if (!tryConsume(expected)) {
            throw error("expected '" + expected + "' but found " + describeNext());
        }
    }

    private String describeNext() {
        return pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end of the file";
    }

    private MarketDataException error(final String problem) {
        return new MarketDataException(file, line, problem);
    }
}
