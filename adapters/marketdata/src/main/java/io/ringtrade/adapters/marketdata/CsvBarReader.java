package io.ringtrade.adapters.marketdata;

import java.nio.file.Path;

/**
 * Loads a CSV bar file: a header naming a time column ({@code date}, {@code time}, {@code timestamp} or
 * {@code datetime}) and {@code open, high, low, close, volume}, case-insensitive, in any order, other columns
 * ignored. Yahoo's {@code Date,Open,High,Low,Close,Adj Close,Volume} is one such file: its {@code Close} is used
 * and {@code Adj Close} ignored, so prices are the ones traded that day (not back-adjusted for splits and
 * dividends), matching the open/high/low of the same row.
 *
 * <p>Every row is checked (field count, numbers, time format, strictly increasing time, OHLC consistency) before
 * anything is returned. Stateless; loading thread.
 */
final class CsvBarReader {
    private CsvBarReader() {
    }

    static BarSeriesData read(final Path file, final String symbol) {
        try (CsvLines lines = CsvLines.open(file)) {
            final CsvHeader header = CsvHeader.read(lines);
            final int time = header.require(lines, CsvHeader.TIME_NAMES);
            final int open = header.require(lines, "open");
            final int high = header.require(lines, "high");
            final int low = header.require(lines, "low");
            final int close = header.require(lines, "close");
            final int volume = header.require(lines, "volume");
            final BarColumns bars = new BarColumns(symbol, 1024);

            // The previous row's time as written, kept by reference (no copy per row) for the ordering messages.
            String previousLine = null;
            int previousStart = 0;
            int previousEnd = 0;
            int previousLineNumber = 0;
            while (lines.next()) {
                lines.requireFieldCount(header.size());
                final long t = lines.time(time, header.name(time));
                final long o = lines.number(open, header.name(open));
                final long h = lines.number(high, header.name(high));
                final long l = lines.number(low, header.name(low));
                final long c = lines.number(close, header.name(close));
                final long v = lines.number(volume, header.name(volume));
                if (bars.size() > 0) {
                    final long previous = bars.lastTimeNanos();
                    if (t == previous) {
                        throw lines.error("duplicate timestamp " + lines.text(time) + " (also on line "
                            + previousLineNumber + ")");
                    }
                    if (t < previous) {
                        throw lines.error("time " + lines.text(time) + " goes backwards (previous row "
                            + previousLine.substring(previousStart, previousEnd) + ")");
                    }
                }
                final String problem = BarRules.barProblem(o, h, l, c, v);
                if (problem != null) {
                    throw lines.error(problem);
                }
                bars.add(t, o, h, l, c, v);
                previousLine = lines.line();
                previousStart = lines.start(time);
                previousEnd = lines.end(time);
                previousLineNumber = lines.lineNumber();
            }
            if (bars.size() == 0) {
                throw new MarketDataException(file, "no data rows");
            }
            return bars.build();
        }
    }
}
