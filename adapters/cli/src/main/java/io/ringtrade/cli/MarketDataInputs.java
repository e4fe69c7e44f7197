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

    /** One instrument's bars, loaded and at the run's interval. */
    record InstrumentBars(String symbol, int instrumentId, BarSeriesData bars) {
    }

    /**
     * Loads every file as bars at {@code interval} (trade files aggregated to it, bar files resampled when finer),
     * one per symbol, for runs that share the loaded columns (the optimizer). Refuses a symbol given twice.
     */
    static List<InstrumentBars> loadBars(final List<DataFile> files, final Interval interval, final TimeRange range,
                                         final InstrumentRegistry instruments) {
        final List<InstrumentBars> out = new ArrayList<>();
        for (final DataFile file : files) {
            if (out.stream().anyMatch(loaded -> loaded.symbol().equals(file.symbol()))) {
                throw new UserException(file.path() + ": symbol " + file.symbol() + " is already given by another file");
            }
            final int instrument = instruments.intern(file.symbol());
            final BarSeriesData bars;
            if (MarketDataFiles.detectKind(file.path()) == FileKind.TRADES) {
                final TradeSeriesData trades = MarketDataFiles.loadTrades(file.path(), file.symbol(), range);
                requireData(file, trades.isEmpty());
                bars = TradeBarAggregation.aggregate(trades, interval);
            } else {
                final BarSeriesData loaded = MarketDataFiles.loadBars(file.path(), file.symbol(), range);
                requireData(file, loaded.isEmpty());
                bars = atInterval(file, loaded, interval);
            }
            out.add(new InstrumentBars(file.symbol(), instrument, bars));
        }
        return out;
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
