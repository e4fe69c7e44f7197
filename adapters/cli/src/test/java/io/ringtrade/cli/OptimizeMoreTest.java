package io.ringtrade.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code ringtrade optimize} over two instruments with different dates (the shared timeline), and Ctrl-C in a real
 * process: it stops starting backtests, writes the rows that finished, and exits with 130.
 */
class OptimizeMoreTest {
    private static final long PROCESS_TIMEOUT_SECONDS = 60;

    @TempDir
    Path temp;

    private Process child;

    @AfterEach
    void killChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldGiveTheBestRunOfTwoInstrumentsTheFilesBacktestWrites() throws Exception {
        // a second instrument from 2013-03-01 on, at half Apple's prices: bars the first one has no match for; HALF is
        // not in instruments.conf, so its steps are given (they apply to both symbols: AAPL's own)
        final List<String> apple = Files.readAllLines(RealData.apple());
        final List<String> half = new ArrayList<>(List.of(apple.get(0)));
        for (final String line : apple.subList(1, apple.size())) {
            final String[] f = line.split(",");
            if (f[0].compareTo("2013-03-01") >= 0) {
                half.add(String.join(",", f[0], halve(f[1]), halve(f[2]), halve(f[3]), halve(f[4]), f[5]));
            }
        }
        final Path halfFile = Files.write(temp.resolve("half.csv"), half);
        final Path out = temp.resolve("out");
        final CommandRunner.Result result = CommandRunner.run("optimize", "--strategy", "sma_crossover", "--grid",
            "fast=5,10", "--grid", "slow=20,30", "--data", RealData.apple().toString(), "--data", halfFile.toString(),
            "--symbol", "AAPL", "--symbol", "HALF", "--tick-size", "0.01", "--lot-size", "1", "--out", out.toString(),
            "--jobs", "2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        final String summary = Files.readString(out.resolve("summary.json"));
        final String parameters = summary.substring(summary.indexOf("\"parameters\": \"") + 15);
        final String[] best = parameters.substring(0, parameters.indexOf('"')).split(" ");
        final Path backtest = temp.resolve("backtest");
        final CommandRunner.Result plain = CommandRunner.run("backtest", "--strategy", "sma_crossover", "--param",
            best[0], "--param", best[1], "--data", RealData.apple().toString(), "--data", halfFile.toString(),
            "--symbol", "AAPL", "--symbol", "HALF", "--tick-size", "0.01", "--lot-size", "1", "--out",
            backtest.toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        for (final String file : List.of("trades.csv", "equity.csv", "orders.csv", "prices.csv")) {
            assertThat(Files.readAllBytes(out.resolve(file))).as(file).isEqualTo(Files.readAllBytes(backtest.resolve(file)));
        }
        assertThat(Files.readAllLines(out.resolve("trades.csv")).stream().anyMatch(l -> l.contains(",HALF,"))).isTrue();
        assertThat(summary).contains("\"bars\": \"252\"");
    }

    @Test
    void shouldWriteTheFinishedRowsAndExitWith130OnCtrlC() throws Exception {
        // a shell that starts a job in the background without job control makes it ignore SIGINT, and a JVM started
        // with SIGINT ignored keeps it ignored (no handler can be installed): Ctrl-C cannot be tested from there
        assumeFalse(sigintIgnored(), "SIGINT is ignored in this process (started in the background?), and so in the"
            + " child");
        final Path out = temp.resolve("out");
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
            System.getProperty("java.class.path"), Main.class.getName(), "optimize", "--strategy", "sma_crossover",
            "--grid", "fast=2:61:1", "--grid", "slow=62:161:1", "--data", RealData.bitstamp().toString(),
            "--symbol", "BTC/USD", "--interval", "1m", "--jobs", "1", "--out", out.toString()));
        child = new ProcessBuilder(command).redirectError(temp.resolve("stderr.txt").toFile()).start();
        final List<String> stdout = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8))) {
            stdout.add(reader.readLine());
            // the first line is printed once the data is loaded, just before the signal handler goes in and the
            // first backtest starts: wait for the runs to be under way (not a timing assertion, only when to press)
            while (!Files.readString(temp.resolve("stderr.txt")).contains("backtests to run")) {
                Thread.sleep(50);
            }
            Thread.sleep(1_000);
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor()).isZero();
            String line;
            while ((line = reader.readLine()) != null) {
                stdout.add(line);
            }
        }
        assertThat(child.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(String.join("\n", stdout)).isEqualTo(130);
        final List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        final int finished = rows.size() - 1;
        // 60 × 100 combinations; one job takes them in grid order, so the finished ones are the first ones
        assertThat(finished).isBetween(1, 5_999);
        assertThat(stdout).contains("stopped: " + finished + " finished rows written to " + out.resolve("results.csv"));
        assertThat(rows.get(0)).startsWith("fast,slow,total_return,").endsWith(",rank");
        for (int i = 0; i < finished; i++) {
            final String[] fields = rows.get(1 + i).split(",");
            assertThat(fields[0] + "," + fields[1]).isEqualTo((2 + i / 100) + "," + (62 + i % 100));
        }
        assertThat(rows.stream().skip(1).map(r -> Integer.parseInt(r.substring(r.lastIndexOf(',') + 1))).sorted()
            .toList()).isEqualTo(IntStream.rangeClosed(1, finished).boxed().toList());
        assertThat(Files.exists(out.resolve("summary.json"))).isFalse();
        assertThat(Files.readString(temp.resolve("stderr.txt"))).contains("optimize: stopped after " + finished
            + "/6000 backtests in ");
    }

    /** Whether this process ignores SIGINT (signal 2: bit 1 of the {@code SigIgn} mask in /proc/self/status). */
    private static boolean sigintIgnored() throws Exception {
        final Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (final String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & 0b10) != 0;
            }
        }
        return false;
    }

    private static String halve(final String price) {
        return new BigDecimal(price).divide(BigDecimal.valueOf(2)).toPlainString();
    }
}
