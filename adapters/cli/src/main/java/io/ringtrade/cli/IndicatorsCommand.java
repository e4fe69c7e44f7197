package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.FileKind;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.indicator.InstrumentBars;
import io.ringtrade.engine.output.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ringtrade indicators}: writes, for every bar of a market-data file, the bar and the columns of the Python
 * {@code ta} library's {@code add_all_ta_features} as the engine computes them for strategies (all 86 in {@code ta}'s
 * order, or those given), so that a user can compare them with the numbers their thresholds were tuned on. The file
 * is loaded the way {@code backtest} loads it. Runs on the main thread.
 */
@Command(name = "indicators", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Write the ta library's indicator columns for every bar of a market-data file as CSV.")
public final class IndicatorsCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "bar or trade file")
    Path data;

    @Option(names = "--symbol", paramLabel = "SYM", description = "symbol of the file (default: from the file name)")
    String symbol;

    @Option(names = "--interval", description = "bar interval: 1m 5m 15m 30m 1h 4h 1d 1wk 1mo (default: bar files as"
        + " they are; trade files need one)")
    String interval;

    @Mixin
    DayRangeOptions days = new DayRangeOptions();

    @Option(names = "--columns", split = ",", paramLabel = "a,b,...",
        description = "columns to write, e.g. momentum_rsi,trend_macd_diff (default: all 86, in ta's order)")
    List<String> columns = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV file to write")
    Path out;

    @Override
    public void run() {
        final List<String> names = columnNames();
        final List<MarketDataInputs.DataFile> files = MarketDataInputs.dataFiles(List.of(data),
            symbol == null ? List.of() : List.of(symbol));
        if (interval == null && MarketDataFiles.detectKind(data) == FileKind.TRADES) {
            throw new UserException(data + ": a trade file needs --interval to build bars, e.g. --interval 5m");
        }
        final Interval barInterval = interval == null ? null : Interval.parse(interval);
        final InstrumentRegistry instruments = Instruments.registry();
        final MarketDataSource source = MarketDataInputs.load(files, barInterval, days.range(), false,
            instruments);

        final Indicators indicators = new Indicators().maxBarsAgo(0);
        final Column[] handles = new Column[names.size()];
        for (int c = 0; c < handles.length; c++) {
            handles[c] = indicators.column(names.get(c));
        }
        final InstrumentBars bars = new InstrumentBars(instruments.find(files.get(0).symbol()), id -> false, indicators);
        long written = 0;
        try (Writer csv = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            csv.write("time,open,high,low,close,volume");
            for (final String name : names) {
                csv.write(',');
                csv.write(name);
            }
            csv.write('\n');
            final EngineEvent slot = new EngineEvent();
            final StringBuilder line = new StringBuilder(2048);
            while (source.next(slot)) {
                if (slot.marketDataKind != MarketDataKind.BAR) {
                    continue;
                }
                bars.onBar(slot.eventTimeNanos, slot.open, slot.high, slot.low, slot.close, slot.volume);
                final Row row = bars.row();
                line.setLength(0);
                line.append(OutputFiles.isoTime(slot.eventTimeNanos));
                FixedPoint.appendTo(line.append(','), slot.open);
                FixedPoint.appendTo(line.append(','), slot.high);
                FixedPoint.appendTo(line.append(','), slot.low);
                FixedPoint.appendTo(line.append(','), slot.close);
                FixedPoint.appendTo(line.append(','), slot.volume);
                for (final Column handle : handles) {
                    appendValue(line.append(','), row.get(handle));
                }
                csv.append(line).append('\n');
                written++;
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(out + ": cannot write (" + e.getMessage() + ")", e);
        }
        spec.commandLine().getOut().println("wrote " + written + " bars × " + names.size() + " columns to " + out);
        spec.commandLine().getOut().flush();
    }

    /** The columns asked for, checked: each known and given once. */
    private List<String> columnNames() {
        if (columns.isEmpty()) {
            return Indicators.columnNames();
        }
        final Set<String> names = new LinkedHashSet<>();
        for (final String given : columns) {
            final String name = given.strip();
            if (!Indicators.isColumn(name)) {
                throw new UserException("--columns: " + Indicators.unknownColumnMessage(name));
            }
            if (!names.add(name)) {
                throw new UserException("--columns: " + name + " is given twice");
            }
        }
        return List.copyOf(names);
    }

    /** A double that reads back to the same double; NaN as an empty cell, infinities as inf / -inf. */
    static void appendValue(final StringBuilder line, final double value) {
        if (Double.isNaN(value)) {
            return;
        }
        if (Double.isInfinite(value)) {
            line.append(value > 0 ? "inf" : "-inf");
            return;
        }
        line.append(value);
    }
}
