package io.ringtrade.cli;

import io.ringtrade.engine.api.market.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.ringtrade.cli.JournalFixtures.failedWith;
import static io.ringtrade.cli.JournalFixtures.rows;
import static io.ringtrade.cli.JournalFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a backtest accepts as input, each refusal as the one line a user sees: one file per symbol, {@code --ticks}
 * only on trades, no symbol whose steps are unknown unless they are given, and journal bars no coarser than the
 * interval. The steps every symbol trades with are on the first line of output.
 */
class BacktestInputsTest {
    @TempDir
    Path temp;

    private String apple() {
        return RealData.apple().toString();
    }

    @Test
    void shouldRefuseTheSameSymbolGivenTwice() {
        failedWith(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--data", apple(), "--data", apple(),
                "--symbol", "AAPL", "--symbol", "AAPL", "--out", temp.resolve("out").toString()),
            "ringtrade: symbol AAPL is given twice (--data " + apple() + " and --data " + apple() + "); each symbol"
                + " needs one file of its own");
    }

    @Test
    void shouldRefuseTicksOnABarFile() {
        failedWith(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--data", apple(), "--symbol", "AAPL",
                "--ticks", "--out", temp.resolve("out").toString()),
            "ringtrade: " + apple() + ": --ticks feeds trades one by one, but this file holds bars; leave --ticks out");
    }

    @Test
    void shouldRefuseASymbolWhoseStepsAreUnknown() {
        failedWith(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--data", apple(), "--symbol", "APPLE",
                "--out", temp.resolve("out").toString()),
            "ringtrade: --symbol APPLE: not in instruments.conf (BTC/USD, ETH/USD, AAPL), so its steps are unknown;"
                + " give --tick-size and --lot-size to trade it (e.g. --tick-size 0.01 --lot-size 1 for a share)");
    }

    @Test
    void shouldSayWhichStepsEachSymbolTradesWithOnTheFirstLine() throws IOException {
        final CommandRunner.Result listed = succeeded(CommandRunner.run("backtest", "--strategy", "sma_crossover",
            "--param", "fast=10", "--param", "slow=30", "--data", apple(), "--symbol", "AAPL", "--out",
            temp.resolve("listed").toString()));
        final CommandRunner.Result fromName = succeeded(CommandRunner.run("backtest", "--strategy", "sma_crossover",
            "--param", "fast=10", "--param", "slow=30", "--data", apple(), "--out", temp.resolve("name").toString()));
        final Path given = temp.resolve("given");
        final CommandRunner.Result withSteps = succeeded(CommandRunner.run("backtest", "--strategy", "sma_crossover",
            "--param", "fast=10", "--param", "slow=30", "--data", apple(), "--symbol", "APPLE", "--tick-size", "0.01",
            "--lot-size", "0.1", "--out", given.toString()));

        assertThat(listed.out().lines().findFirst().orElseThrow()).isEqualTo("backtest sma_crossover (fast=10 slow=30)"
            + " on AAPL 1d, fill next-open; steps: AAPL tick 0.01 lot 1 (instruments.conf)");
        assertThat(fromName.out().lines().findFirst().orElseThrow()).isEqualTo("backtest sma_crossover (fast=10"
            + " slow=30) on appleinc_bars_from_20130101_usd 1d, fill next-open; steps: appleinc_bars_from_20130101_usd"
            + " tick 0.00000001 lot 0.00000001 (not in instruments.conf: the finest steps; --symbol with --tick-size"
            + " and --lot-size set them)");
        assertThat(withSteps.out().lines().findFirst().orElseThrow()).endsWith("; steps: APPLE tick 0.01 lot 0.1"
            + " (--tick-size/--lot-size)");
        // the first buy fills at the next open with 5 bps slippage, 465.44 × 1.0005 = 465.67272, and pays 10 bps:
        // 10000 / (465.67272 × 1.001) = 21.45 → 21.4 in lots of 0.1 (21 in whole shares)
        assertThat(rows(given.resolve("trades.csv")).get(0)).startsWith("2013-03-26T00:00:00Z,APPLE,BUY,21.4,");
    }

    @Test
    void shouldRefuseAJournalOfBarsCoarserThanTheIntervalAndResampleFinerOnes() throws IOException {
        final Path bars = JournalFixtures.bitstampBars(temp.resolve("btc-1h.csv"), Interval.H1, 200);
        final Path journal = temp.resolve("journal");
        succeeded(CommandRunner.run("import", "--data", bars.toString(), "--symbol", "BTC/USD", "--journal",
            journal.toString()));

        failedWith(CommandRunner.run("backtest", "--journal", journal.toString(), "--strategy", "sma_crossover",
                "--interval", "1m", "--out", temp.resolve("out").toString()),
            "ringtrade: journal " + journal + ": its bars are 3600 s apart (1h), coarser than --interval 1m; choose an"
                + " interval of at least the bars' spacing");
        final Path fromJournal = temp.resolve("journal-4h");
        final Path fromFile = temp.resolve("file-4h");
        succeeded(CommandRunner.run("backtest", "--journal", journal.toString(), "--strategy", "sma_crossover",
            "--param", "fast=2", "--param", "slow=5", "--interval", "4h", "--out", fromJournal.toString()));
        succeeded(CommandRunner.run("backtest", "--data", bars.toString(), "--symbol", "BTC/USD", "--strategy",
            "sma_crossover", "--param", "fast=2", "--param", "slow=5", "--interval", "4h", "--out",
            fromFile.toString()));
        // resampled to 4-hour bars like the file: one equity row per 4 hours, and the same trades
        assertThat(rows(fromJournal.resolve("equity.csv"))).isEqualTo(rows(fromFile.resolve("equity.csv")));
        assertThat(rows(fromJournal.resolve("trades.csv"))).isNotEmpty();
    }

    @Test
    void shouldRefuseARiskFreeRateAboveOneWithTheHint() {
        failedWith(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--data", apple(), "--symbol", "AAPL",
                "--risk-free-rate", "5", "--out", temp.resolve("out").toString()),
            "ringtrade: --risk-free-rate 5: the rate is a yearly fraction between -1 and 1 (0.05 for 5 %)");
        failedWith(CommandRunner.run("optimize", "--strategy", "sma_crossover", "--data", apple(), "--symbol", "AAPL",
                "--risk-free-rate", "4.5", "--out", temp.resolve("out").toString()),
            "ringtrade: --risk-free-rate 4.5: the rate is a yearly fraction between -1 and 1 (0.05 for 5 %)");
    }

    @Test
    void shouldRefuseReverseWithoutShorts() {
        failedWith(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--data", apple(), "--symbol", "AAPL",
                "--on-opposite", "reverse", "--out", temp.resolve("out").toString()),
            "ringtrade: --on-opposite reverse needs --allow-short (without shorts a sell can only close)");
    }

    @Test
    void shouldGiveTheSameResultsWithAllowShortAloneAndReverseWhenAsked() throws IOException {
        final Path plain = temp.resolve("plain");
        final Path shorts = temp.resolve("shorts");
        final Path reverse = temp.resolve("reverse");
        for (final List<String> extra : List.of(List.of("--out", plain.toString()),
            List.of("--allow-short", "--out", shorts.toString()),
            List.of("--allow-short", "--on-opposite", "reverse", "--out", reverse.toString()))) {
            final List<String> args = new ArrayList<>(List.of("backtest", "--strategy", "sma_crossover",
                "--param", "fast=10", "--param", "slow=30", "--data", apple(), "--symbol", "AAPL"));
            args.addAll(extra);
            succeeded(CommandRunner.run(args.toArray(String[]::new)));
        }

        // sma_crossover sells only to close a position it holds: shorts alone change nothing
        JournalFixtures.assertSameBytes(plain, shorts, List.of("trades.csv", "equity.csv", "orders.csv"));
        // with reverse, every sell after the first buy crosses zero: it sells more than the long it closes
        final List<String> trades = rows(reverse.resolve("trades.csv"));
        assertThat(trades.get(1)).contains(",SELL,");
        final long bought = Long.parseLong(trades.get(0).split(",")[3]);
        final long sold = Long.parseLong(trades.get(1).split(",")[3]);
        assertThat(sold).isGreaterThan(bought);
        assertThat(Files.readString(reverse.resolve("summary.json"))).contains("\"on_opposite\": \"reverse\"");
    }

    @Test
    void shouldReverseAManagedPositionWithTheSameEquityAsTheOneCrossingOrderOnApple() throws IOException {
        // all-cash sizing without costs; a stop-loss too far to be reached (99 %) makes the position managed, so each
        // reversal is a signal exit and then an entry of the other side, where an unmanaged book sends one order that
        // crosses zero: the two give the same equity at every bar of the year
        final Path crossing = temp.resolve("crossing");
        final Path managed = temp.resolve("managed");
        for (final List<String> extra : List.of(List.of("--out", crossing.toString()),
            List.of("--param", "stop_loss=0.99", "--out", managed.toString()))) {
            final List<String> args = new ArrayList<>(List.of("backtest", "--strategy", "sma_crossover",
                "--param", "fast=10", "--param", "slow=30", "--data", apple(), "--symbol", "AAPL", "--allow-short",
                "--on-opposite", "reverse", "--commission-bps", "0", "--slippage-bps", "0"));
            args.addAll(extra);
            succeeded(CommandRunner.run(args.toArray(String[]::new)));
        }
        JournalFixtures.assertSameBytes(crossing, managed, List.of("equity.csv"));

        final List<String> header = List.of(Files.readAllLines(managed.resolve("trades.csv")).getFirst().split(","));
        final int side = header.indexOf("side");
        final int quantity = header.indexOf("quantity");
        final int price = header.indexOf("price");
        final int reason = header.indexOf("reason");
        final List<String[]> one = rows(crossing.resolve("trades.csv")).stream().map(r -> r.split(",")).toList();
        final List<String[]> two = rows(managed.resolve("trades.csv")).stream().map(r -> r.split(",")).toList();
        assertThat(one.size()).as("an entry and at least two reversals").isGreaterThan(2);
        assertThat(two).hasSize(2 * one.size() - 1);
        assertThat(two.getFirst()[reason]).isEqualTo("entry");
        for (int i = 1; i < one.size(); i++) {
            final String[] exit = two.get(2 * i - 1);
            final String[] entry = two.get(2 * i);
            assertThat(List.of(exit[reason], entry[reason])).containsExactly("signal", "entry");
            for (final String[] fill : List.of(exit, entry)) {
                assertThat(List.of(fill[0], fill[side], fill[price]))
                    .containsExactly(one.get(i)[0], one.get(i)[side], one.get(i)[price]);
            }
            assertThat(new BigDecimal(exit[quantity]).add(new BigDecimal(entry[quantity])))
                .isEqualByComparingTo(one.get(i)[quantity]);
            // the exit closes exactly what the fill before it opened
            assertThat(new BigDecimal(exit[quantity])).isEqualByComparingTo(two.get(2 * i - 2)[quantity]);
        }
    }
}
