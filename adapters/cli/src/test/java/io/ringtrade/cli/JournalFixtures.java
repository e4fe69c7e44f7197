package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.TradeBarAggregation;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.output.OutputFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs and checks shared by the journal and run command tests: cut real data, paper-run configurations. */
final class JournalFixtures {
    /** The output files every run, backtest and replay writes. */
    static final List<String> OUTPUT_FILES = List.of("trades.csv", "equity.csv", "orders.csv", "summary.json");

    private JournalFixtures() {
    }

    /** The header and the first {@code trades} trades of the real Bitstamp file, written to {@code file}. */
    static Path bitstampHead(final Path file, final int trades) throws IOException {
        final List<String> lines = new ArrayList<>();
        try (var all = Files.lines(RealData.bitstamp(), StandardCharsets.UTF_8)) {
            all.limit(trades + 1L).forEach(lines::add);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** The real Bitstamp trades as bars of {@code interval} (at most {@code max}), written as a CSV bar file. */
    static Path bitstampBars(final Path file, final Interval interval, final int max) throws IOException {
        final BarSeriesData bars = TradeBarAggregation.aggregate(
            MarketDataFiles.loadTrades(RealData.bitstamp(), "BTC/USD"), interval);
        final StringBuilder csv = new StringBuilder("time,open,high,low,close,volume\n");
        for (int i = 0; i < Math.min(bars.size(), max); i++) {
            csv.append(OutputFiles.isoTime(bars.timeNanos(i))).append(',')
                .append(FixedPoint.toString(bars.open(i))).append(',').append(FixedPoint.toString(bars.high(i)))
                .append(',').append(FixedPoint.toString(bars.low(i))).append(',')
                .append(FixedPoint.toString(bars.close(i))).append(',').append(FixedPoint.toString(bars.volume(i)))
                .append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * A paper-run configuration on {@code tradesFile} (BTC/USD trades) with instruments inline, no status line, a
     * ring of 1024 with the blocking wait strategy, and {@code books} (HOCON objects) as the books.
     */
    static Path runConfig(final Path file, final Path tradesFile, final String... books) throws IOException {
        return runConfig(file, "trades-replay", tradesFile, books);
    }

    /** As {@link #runConfig(Path, Path, String...)}, on a bar file ({@code bars-replay}) of BTC/USD bars. */
    static Path barsRunConfig(final Path file, final Path barsFile, final String... books) throws IOException {
        return runConfig(file, "bars-replay", barsFile, books);
    }

    private static Path runConfig(final Path file, final String feedType, final Path dataFile, final String... books)
        throws IOException {
        final String text = """
            ringtrade {
              status-interval = 0
              output-dir = "%s"
              pipeline { ring-size = 1024, wait-strategy = blocking }
              journal { dir = "%s" }
              feed { type = %s, file = "%s", symbol = "BTC/USD", speed = 0 }
              instruments = [
                { symbol = "BTC/USD", currency = USD, tick-size = 0.01, lot-size = 0.00000001 }
              ]
              books = [
            %s
              ]
            }
            """.formatted(file.resolveSibling("default-out"), file.resolveSibling("default-journal"), feedType, dataFile,
            String.join("\n", books));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A sma_crossover book on 1-minute bars of BTC/USD. */
    static String smaBook(final String name, final int fast, final int slow) {
        return "    { name = \"" + name + "\", strategy = sma_crossover, params { fast = " + fast + ", slow = " + slow
            + " }, symbols = [\"BTC/USD\"], interval = 1m, cash = 10000, slippage-bps = 5, commission-bps = 10 }";
    }

    /** A rsi_threshold book on 1-minute bars of BTC/USD. */
    static String rsiBook(final String name) {
        return "    { name = \"" + name + "\", strategy = rsi_threshold, params { period = 14, buy_below = 30,"
            + " sell_above = 70 }, symbols = [\"BTC/USD\"], interval = 1m, cash = 10000, slippage-bps = 5,"
            + " commission-bps = 10 }";
    }

    /** Asserts that {@code files} in {@code actual} have the same bytes as in {@code expected}. */
    static void assertSameBytes(final Path expected, final Path actual, final List<String> files) throws IOException {
        for (final String file : files) {
            assertThat(Files.readAllBytes(actual.resolve(file))).as(actual.resolve(file).toString())
                .isEqualTo(Files.readAllBytes(expected.resolve(file)));
        }
    }

    /** Asserts the run succeeded (exit 0, nothing on stderr). */
    static CommandRunner.Result succeeded(final CommandRunner.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        return result;
    }

    /** Asserts a user error: exit 2 and exactly {@code line} on stderr, no stack trace, nothing else. */
    static void failedWith(final CommandRunner.Result result, final String line) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.EXIT_USAGE);
        assertThat(result.err()).isEqualTo(line + System.lineSeparator());
    }

    /** Data rows of a CSV file (the header dropped). */
    static List<String> rows(final Path csv) throws IOException {
        final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size());
    }
}
