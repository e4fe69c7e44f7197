package io.ringtrade.adapters.marketdata;

import java.nio.file.Path;

/**
 * Loads a CSV trade file: a header naming a time column ({@code timestamp}, {@code time}, {@code date} or
 * {@code datetime}), {@code price}, and a quantity column ({@code amount}, {@code quantity}, {@code qty} or
 * {@code size}), case-insensitive, in any order, other columns ignored. Bitstamp's {@code timestamp,price,amount}
 * with epoch seconds is one such file.
 *
 * <p>Times must not decrease; equal times are normal (one aggressive order fills against several resting ones).
 * Every row is checked before anything is returned. Stateless; loading thread.
 */
final class CsvTradeReader {
    private CsvTradeReader() {
    }

    static TradeSeriesData read(final Path file, final String symbol) {
        try (CsvLines lines = CsvLines.open(file)) {
            final CsvHeader header = CsvHeader.read(lines);
            final int time = header.require(lines, CsvHeader.TIME_NAMES);
            final int price = header.require(lines, "price");
            final int quantity = header.require(lines, CsvHeader.QUANTITY_NAMES);
            final LongColumn times = new LongColumn(4096);
            final LongColumn prices = new LongColumn(4096);
            final LongColumn quantities = new LongColumn(4096);

            String previousLine = null;
            int previousStart = 0;
            int previousEnd = 0;
            while (lines.next()) {
                lines.requireFieldCount(header.size());
                final long t = lines.time(time, header.name(time));
                final long p = lines.number(price, header.name(price));
                final long q = lines.number(quantity, header.name(quantity));
                if (times.size() > 0 && t < times.get(times.size() - 1)) {
                    throw lines.error("time " + lines.text(time) + " goes backwards (previous row "
                        + previousLine.substring(previousStart, previousEnd) + ")");
                }
                final String problem = BarRules.tradeProblem(p, q, header.name(quantity));
                if (problem != null) {
                    throw lines.error(problem);
                }
                times.add(t);
                prices.add(p);
                quantities.add(q);
                previousLine = lines.line();
                previousStart = lines.start(time);
                previousEnd = lines.end(time);
            }
            if (times.size() == 0) {
                throw new MarketDataException(file, "no data rows");
            }
            return new TradeSeriesData(symbol, times.toArray(), prices.toArray(), quantities.toArray());
        }
    }
}
