package io.ringtrade.cli;

import io.ringtrade.engine.api.market.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.ringtrade.cli.JournalFixtures.assertSameBytes;
import static io.ringtrade.cli.JournalFixtures.failedWith;
import static io.ringtrade.cli.JournalFixtures.rows;
import static io.ringtrade.cli.JournalFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run} with a bars-replay feed resamples the feed's bars to each book's interval, as {@code backtest} does
 * with a bar file: a paper run of 1-minute Bitstamp bars into a 5-minute book trades exactly like a backtest of the
 * same file at {@code --interval 5m}: the same fills at the same prices and fees, and the same equity curve. (Order
 * ids differ, being numbered from the inputs, of which the run has five times as many; and where a 5-minute interval's
 * first minute had no trades, the run stamps a next-open fill with the minute it happened in, the backtest with the
 * resampled bar's start.) A book finer than the feed's bars is refused.
 */
class RunBarsFeedTest {
    @TempDir
    Path temp;

    private Path bars(final Interval interval) throws IOException {
        return JournalFixtures.bitstampBars(temp.resolve("btc-" + interval.label() + ".csv"), interval, 1500);
    }

    private Path config(final Path bars, final String interval) throws IOException {
        final Path file = temp.resolve("bars-" + interval + ".conf");
        Files.writeString(file, """
            ringtrade {
              status-interval = 0
              pipeline { ring-size = 1024, wait-strategy = blocking }
              feed { type = bars-replay, file = "%s", symbol = "BTC/USD", speed = 0 }
              instruments = [
                { symbol = "BTC/USD", currency = USD, tick-size = 0.01, lot-size = 0.00000001 }
              ]
              books = [
                { name = sma_crossover, strategy = sma_crossover, params { fast = 3, slow = 8 }, symbols = ["BTC/USD"],
                  interval = %s, cash = 10000, slippage-bps = 5, commission-bps = 10 }
              ]
            }
            """.formatted(bars, interval), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldResampleTheFeedsBarsToTheBooksIntervalLikeABacktest() throws Exception {
        final Path bars = bars(Interval.M1);
        final Path run = temp.resolve("run");
        final Path backtest = temp.resolve("backtest");

        succeeded(CommandRunner.run("run", "--config", config(bars, "5m").toString(), "--journal",
            temp.resolve("journal").toString(), "--out", run.toString(), "--exit-at-end"));
        succeeded(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--param", "fast=3", "--param", "slow=8",
            "--data", bars.toString(), "--symbol", "BTC/USD", "--interval", "5m", "--out", backtest.toString()));

        assertSameBytes(backtest, run, List.of("equity.csv"));
        assertThat(fillsWithoutTimeAndId(run)).hasSizeGreaterThan(10).isEqualTo(fillsWithoutTimeAndId(backtest));
        // one equity row per 5-minute interval with data, not per input bar
        assertThat(rows(run.resolve("equity.csv"))).hasSizeBetween(300, 1500 / 4);
        assertThat(Files.readString(temp.resolve("journal").resolve(JournalManifest.FILE))).contains("interval = 1m");
    }

    /** symbol, side, quantity, price, fee, book and realized P&L of each fill. */
    private static List<String> fillsWithoutTimeAndId(final Path out) throws IOException {
        return rows(out.resolve("trades.csv")).stream().map(row -> {
            final String[] f = row.split(",");
            return String.join(",", f[1], f[2], f[3], f[4], f[5], f[6], f[8]);
        }).toList();
    }

    @Test
    void shouldRefuseABookFinerThanTheFeedsBars() throws Exception {
        final Path config = config(bars(Interval.M5), "1m");

        failedWith(CommandRunner.run("run", "--config", config.toString(), "--journal",
                temp.resolve("journal").toString(), "--out", temp.resolve("out").toString(), "--exit-at-end"),
            "ringtrade: book sma_crossover: interval 1m is finer than the feed's 5m bars (bars can be resampled to a"
                + " coarser interval, never a finer one)");
        assertThat(temp.resolve("journal")).doesNotExist();
    }

    @Test
    void shouldRefuseAFeedWhoseBarsAreCloserThanItsDeclaredInterval() throws Exception {
        final Path bars = bars(Interval.M1);
        final Path config = config(bars, "5m");
        Files.writeString(config, Files.readString(config).replace("speed = 0 }", "speed = 0, interval = 5m }"));

        failedWith(CommandRunner.run("run", "--config", config.toString(), "--journal",
                temp.resolve("journal").toString(), "--out", temp.resolve("out").toString(), "--exit-at-end"),
            "ringtrade: " + bars + ": bars are 60 s apart, closer than ringtrade.feed.interval = 5m");
    }
}
