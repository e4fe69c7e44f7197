package io.ringtrade.adapters.marketdata;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The entry point for market-data files, as the command line uses it: tell bars from trades, load a whole file
 * into columns, optionally keep a time window. Accepted formats:
 * <ul>
 *   <li>CSV bars: a time column ({@code date}, {@code time}, {@code timestamp} or {@code datetime}) and
 *       {@code open, high, low, close, volume}; Yahoo's {@code Adj Close} is ignored;</li>
 *   <li>CSV trades: a time column, {@code price}, and {@code amount}, {@code quantity}, {@code qty} or
 *       {@code size};</li>
 *   <li>ta4j JSON bars, for a file whose name ends in {@code .json}.</li>
 * </ul>
 * Column names are case-insensitive and in any order; other columns are ignored. Yahoo's {@code Close} is used,
 * not {@code Adj Close}. Times are kept as epoch nanoseconds UTC and may be an ISO date (midnight UTC), an ISO
 * date-time ({@code T} or space; no offset means UTC), an 8-digit {@code YYYYMMDD}, or an epoch number: seconds
 * when its whole part is below 10<sup>11</sup>, milliseconds below 10<sup>14</sup>, refused above. A ta4j JSON
 * bar starts at {@code endTime + 1 ms − bar length}, the length being the smallest gap between end times.
 *
 * <p>A file is read and checked completely before anything is returned; any problem throws one
 * {@link MarketDataException} ({@code FILE:LINE: problem}) and loads nothing. Stateless; start-up thread.
 */
public final class MarketDataFiles {
    private MarketDataFiles() {
    }

    /**
     * Whether {@code file} holds bars or trades, from its header: JSON files are bars; a CSV header with
     * {@code open} and {@code close} is bars; one with {@code price} and a quantity column (and no open/close)
     * is trades.
     */
    public static FileKind detectKind(final Path file) {
        if (isJson(file)) {
            return FileKind.BARS;
        }
        try (CsvLines lines = CsvLines.open(file)) {
            final CsvHeader header = CsvHeader.read(lines);
            if (header.has("open") && header.has("close")) {
                return FileKind.BARS;
            }
            if (header.has("price") && header.has(CsvHeader.QUANTITY_NAMES)) {
                return FileKind.TRADES;
            }
            final String separator = header.size() == 1 ? otherSeparator(header.name(0)) : null;
            if (separator != null) {
                throw lines.error("the header has no commas but " + separator + ": Ringtrade reads comma-separated"
                    + " files (found the single column '" + header.name(0) + "')");
            }
            // a file with most bar columns, or with the trade columns half there, is named for the column it lacks
            if (header.has("open", "high", "low", "close")) {
                return FileKind.BARS;
            }
            if (header.has("price") || header.has(CsvHeader.QUANTITY_NAMES)) {
                return FileKind.TRADES;
            }
            throw lines.error("cannot tell bars from trades: expected open/high/low/close/volume or "
                + "price and amount (found: " + header.found() + ")");
        }
    }

    /** The separator a one-column header seems to use instead of commas ({@code ';'}, a tab, {@code '|'}), or null. */
    private static String otherSeparator(final String onlyColumn) {
        if (onlyColumn.indexOf(';') >= 0) {
            return "semicolons (';')";
        }
        if (onlyColumn.indexOf('\t') >= 0) {
            return "tabs";
        }
        if (onlyColumn.indexOf('|') >= 0) {
            return "bars ('|')";
        }
        return null;
    }

    /** Bars from {@code file}, named after the file ({@link #symbolOf}). */
    public static BarSeriesData loadBars(final Path file) {
        return loadBars(file, symbolOf(file), TimeRange.ALL);
    }

    /** Bars from {@code file} for {@code symbol}. */
    public static BarSeriesData loadBars(final Path file, final String symbol) {
        return loadBars(file, symbol, TimeRange.ALL);
    }

    /**
     * Bars from {@code file} for {@code symbol} whose start is inside {@code range}. The whole file is checked
     * first, so a bad row outside the window still fails; a window that matches no bar gives empty data.
     */
    public static BarSeriesData loadBars(final Path file, final String symbol, final TimeRange range) {
        Objects.requireNonNull(symbol, "symbol");
        final BarSeriesData all = isJson(file) ? JsonBarReader.read(file, symbol) : CsvBarReader.read(file, symbol);
        return all.slice(range);
    }

    /** Trades from {@code file}, named after the file ({@link #symbolOf}). */
    public static TradeSeriesData loadTrades(final Path file) {
        return loadTrades(file, symbolOf(file), TimeRange.ALL);
    }

    /** Trades from {@code file} for {@code symbol}. */
    public static TradeSeriesData loadTrades(final Path file, final String symbol) {
        return loadTrades(file, symbol, TimeRange.ALL);
    }

    /** Trades from {@code file} for {@code symbol} whose time is inside {@code range}; see {@link #loadBars}. */
    public static TradeSeriesData loadTrades(final Path file, final String symbol, final TimeRange range) {
        Objects.requireNonNull(symbol, "symbol");
        if (isJson(file)) {
            throw new MarketDataException(file, "JSON files hold bars, not trades");
        }
        return CsvTradeReader.read(file, symbol).slice(range);
    }

    /** The default symbol for a file: its name without the last extension ({@code AAPL.csv} is {@code AAPL}). */
    public static String symbolOf(final Path file) {
        final String name = String.valueOf(file.getFileName());
        final int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static boolean isJson(final Path file) {
        return String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
