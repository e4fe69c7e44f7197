package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.adapters.marketdata.FileKind;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.MergedMarketDataSource;
import io.ringtrade.adapters.marketdata.TimeRange;
import io.ringtrade.adapters.marketdata.TradeBarAggregation;
import io.ringtrade.adapters.marketdata.TradeSeriesData;
import io.ringtrade.adapters.marketdata.TradeSeriesSource;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.market.MarketDataSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;

/**
 * Loads the market-data files of a backtest into one time-ordered source at the books' interval: bar files are
 * resampled when finer than the interval (and refused when coarser), trade files are aggregated to bars of the
 * interval, or fed as ticks when asked. Start-up thread only.
 */
final class MarketDataInputs {
    private MarketDataInputs() {
    }

    /** One file and the symbol its rows belong to. */
    record DataFile(Path path, String symbol) {
    }

    /**
     * The {@code --data} files with their symbols: one {@code --symbol} per file in order, or each file's own name
     * when none is given. Refuses a missing file and a count mismatch.
     */
    static List<DataFile> dataFiles(final List<Path> data, final List<String> symbols) {
        if (!symbols.isEmpty() && symbols.size() != data.size()) {
            throw new UserException("give one --symbol per --data file (" + data.size() + " files, " + symbols.size()
                + " symbols)");
        }
        final List<DataFile> files = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            final Path file = data.get(i);
            if (!Files.isRegularFile(file)) {
                throw new UserException(file + ": file not found");
            }
            files.add(new DataFile(file, symbols.isEmpty() ? MarketDataFiles.symbolOf(file) : symbols.get(i)));
        }
        return files;
    }

    /**
     * Loads every file (all validated before anything runs) and merges them in time order. A null
     * {@code interval} keeps the data as it is: bars as bars, trades as ticks.
     */
    static MarketDataSource load(final List<DataFile> files, final Interval interval, final TimeRange range,
                                 final boolean tradesAsTicks, final InstrumentRegistry instruments) {
        final List<MarketDataSource> sources = new ArrayList<>();
        for (final DataFile file : files) {
            final int instrument = instruments.intern(file.symbol());
            if (MarketDataFiles.detectKind(file.path()) == FileKind.TRADES) {
                final TradeSeriesData trades = MarketDataFiles.loadTrades(file.path(), file.symbol(), range);
                requireData(file, trades.isEmpty());
                sources.add(tradesAsTicks || interval == null ? new TradeSeriesSource(trades, instrument)
                    : new BarSeriesSource(TradeBarAggregation.aggregate(trades, interval), instrument));
            } else {
                final BarSeriesData bars = MarketDataFiles.loadBars(file.path(), file.symbol(), range);
                requireData(file, bars.isEmpty());
                sources.add(new BarSeriesSource(interval == null ? bars : atInterval(file, bars, interval), instrument));
            }
        }
        return sources.size() == 1 ? sources.get(0) : new MergedMarketDataSource(sources);
    }

    private static void requireData(final DataFile file, final boolean empty) {
        if (empty) {
            throw new UserException(file.path() + ": no rows in the requested date range");
        }
    }

    /** Bars at the interval: resampled when the file is finer, refused when it is coarser. */
    private static BarSeriesData atInterval(final DataFile file, final BarSeriesData bars, final Interval interval) {
        long spacing = Long.MAX_VALUE;
        for (int i = 1; i < bars.size(); i++) {
            spacing = Math.min(spacing, bars.timeNanos(i) - bars.timeNanos(i - 1));
        }
        if (spacing == Long.MAX_VALUE) {
            return bars;
        }
        final long day = Interval.D1.nanos();
        final boolean calendarInterval = interval == Interval.W1 || interval == Interval.MO1;
        final long wanted = calendarInterval ? (interval == Interval.W1 ? 7 * day : 28 * day) : interval.nanos();
        if (spacing < wanted) {
            return bars.resample(interval);
        }
        if (!calendarInterval && spacing > wanted && spacing % wanted != 0) {
            throw new UserException(file.path() + ": bars are " + spacing / 1_000_000_000L
                + " s apart, which is not a whole number of --interval " + interval.label());
        }
        if (!calendarInterval && interval != Interval.D1 && spacing > wanted) {
            throw new UserException(file.path() + ": bars are coarser than --interval " + interval.label()
                + "; choose an interval of at least the file's spacing");
        }
        return bars;
    }
}
