package io.ringtrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ringtrade report DIR}, {@code --report}, and the prices.csv a backtest writes for it. */
class ReportCommandTest {
    @TempDir
    Path temp;

    @Test
    void shouldWriteTheReportOfAnExistingFolderAndTheSameBytesAsBacktestReport() throws Exception {
        final Path out = temp.resolve("aapl");
        assertThat(backtest(out, "--report").exitCode()).isZero();
        final byte[] fromBacktest = Files.readAllBytes(out.resolve("report.html"));
        Files.delete(out.resolve("report.html"));
        final CommandRunner.Result result = CommandRunner.run("report", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().strip()).isEqualTo("wrote " + out.resolve("report.html"));
        assertThat(Files.readAllBytes(out.resolve("report.html"))).isEqualTo(fromBacktest);
    }

    @Test
    void shouldWriteTheClosesTheBacktestSaw() throws Exception {
        final Path out = temp.resolve("aapl");
        assertThat(backtest(out).exitCode()).isZero();
        final List<String> prices = Files.readAllLines(out.resolve("prices.csv"));
        assertThat(prices).hasSize(1 + 252);
        // the Apple file's first and last rows close at 549.03 and 561.02
        assertThat(prices.get(0)).isEqualTo("time,symbol,close");
        assertThat(prices.get(1)).isEqualTo("2013-01-02T00:00:00Z,AAPL,549.03");
        assertThat(prices.get(252)).isEqualTo("2013-12-31T00:00:00Z,AAPL,561.02");
    }

    @Test
    void shouldWriteTheSamePricesFromTicksAsFromTheBarsTheyMake() throws Exception {
        final Path bars = temp.resolve("bars");
        final Path ticks = temp.resolve("ticks");
        for (final Path out : List.of(bars, ticks)) {
            final List<String> args = new ArrayList<>(List.of("backtest", "--strategy", "sma_crossover", "--param",
                "fast=5", "--param", "slow=20", "--data", RealData.bitstamp().toString(), "--symbol", "BTC/USD",
                "--interval", "1h", "--out", out.toString()));
            if (out == ticks) {
                args.add("--ticks");
            }
            final CommandRunner.Result result = CommandRunner.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(result.err()).isZero();
        }
        final List<String> fromBars = Files.readAllLines(bars.resolve("prices.csv"));
        assertThat(fromBars.size()).isGreaterThan(100);
        assertThat(Files.readAllLines(ticks.resolve("prices.csv"))).isEqualTo(fromBars);
    }

    @Test
    void shouldRefuseAFolderThatIsNotThereWithOneLine() {
        final CommandRunner.Result result = CommandRunner.run("report", temp.resolve("nope").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("ringtrade: " + temp.resolve("nope") + ": not a directory");
    }

    @Test
    void shouldNameTheFileLineAndColumnOfABadValue() throws Exception {
        final Path out = temp.resolve("aapl");
        assertThat(backtest(out).exitCode()).isZero();
        final List<String> equity = Files.readAllLines(out.resolve("equity.csv"));
        equity.set(3, equity.get(3).replaceFirst(",[^,]*,", ",oops,"));
        Files.write(out.resolve("equity.csv"), equity);
        final CommandRunner.Result result = CommandRunner.run("report", out.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("ringtrade: " + out.resolve("equity.csv")
            + ":4: column 'equity': 'oops' is not a number");
    }

    private CommandRunner.Result backtest(final Path out, final String... extra) {
        final List<String> args = new ArrayList<>(List.of("backtest", "--strategy", "sma_crossover",
            "--param", "fast=10", "--param", "slow=30", "--data", RealData.apple().toString(), "--symbol", "AAPL",
            "--out", out.toString()));
        args.addAll(List.of(extra));
        return CommandRunner.run(args.toArray(String[]::new));
    }
}
