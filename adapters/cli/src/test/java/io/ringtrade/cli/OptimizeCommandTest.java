package io.ringtrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringtrade optimize} on the Apple 2013 bars: the same files whatever {@code --jobs}, the best combination's
 * files equal to {@code ringtrade backtest} with its parameters, the ten best printed, progress off a terminal, and
 * every bad input refused with one line and exit code 2.
 */
class OptimizeCommandTest {
    /** The rank column of results.csv: after the two parameters and summary.json's 21 metrics. */
    private static final int RANK = 23;

    private static final String[] GRID = {"--grid", "fast=5:30:5", "--grid", "slow=20:60:10"};

    @TempDir
    Path temp;

    @Test
    void shouldWriteByteIdenticalFilesWithOneTwoAndFourJobs() throws Exception {
        for (final String[] validation : List.of(new String[0], new String[] {"--train-fraction", "0.6"},
            new String[] {"--walk-forward", "3"})) {
            final String mode = validation.length == 0 ? "none" : validation[0].substring(2);
            final Path one = temp.resolve(mode + "-1");
            for (final int jobs : new int[] {1, 2, 4}) {
                final Path out = temp.resolve(mode + "-" + jobs);
                final CommandRunner.Result result = optimize(out, concat(validation, "--jobs", Integer.toString(jobs)));
                assertThat(result.exitCode()).as(result.err()).isZero();
                final List<Path> files = files(one);
                assertThat(files(out)).isEqualTo(files);
                assertThat(files).contains(Path.of("results.csv"), Path.of("summary.json"), Path.of("trades.csv"));
                for (final Path file : files) {
                    assertThat(Files.readAllBytes(out.resolve(file))).as(mode + " " + file + " with " + jobs + " jobs")
                        .isEqualTo(Files.readAllBytes(one.resolve(file)));
                }
            }
        }
    }

    @Test
    void shouldWriteOneRowPerAcceptedCombinationInGridOrderWithItsRank() throws Exception {
        final Path out = temp.resolve("out");
        final CommandRunner.Result result = optimize(out);
        assertThat(result.exitCode()).as(result.err()).isZero();
        final List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertThat(rows.get(0)).isEqualTo("fast,slow,total_return,cagr,volatility,sharpe,sortino,calmar,max_drawdown,"
            + "max_drawdown_duration_bars,win_rate,profit_factor,avg_win,avg_loss,trades,exposure,buy_and_hold_return,"
            + "final_equity,open_positions,unrealized_pnl,signals_rejected,signals_duplicate,days,rank");
        // 6 × 5 combinations less the 4 where fast ≥ slow (20/20, 25/20, 30/20, 30/30)
        assertThat(rows).hasSize(1 + 26);
        assertThat(rows.get(1)).startsWith("5,20,");
        assertThat(rows.get(2)).startsWith("5,30,");
        assertThat(rows.get(26)).startsWith("30,60,");
        assertThat(rows.stream().skip(1).map(r -> Integer.parseInt(r.substring(r.lastIndexOf(',') + 1))).sorted()
            .toList()).isEqualTo(IntStream.rangeClosed(1, 26).boxed().toList());
        assertThat(result.out()).contains("4 combinations refused by the strategy and left out (first: strategy "
            + "sma_crossover: fast (20) must be less than slow (20))");
    }

    @Test
    void shouldRankBySharpeWithTiesInGridOrderAndTooFewTradesLast() throws Exception {
        final Path out = temp.resolve("out");
        assertThat(optimize(out, "--min-trades", "3").exitCode()).isZero();
        final List<String[]> rows = Files.readAllLines(out.resolve("results.csv")).stream().skip(1)
            .map(line -> line.split(",", -1)).toList();
        final List<String[]> byRank = new ArrayList<>(rows);
        byRank.sort((a, b) -> Integer.parseInt(a[RANK]) - Integer.parseInt(b[RANK]));
        boolean seenFew = false;
        for (int i = 0; i < byRank.size(); i++) {
            final String[] row = byRank.get(i);
            final boolean few = Integer.parseInt(row[14]) < 3;
            assertThat(!seenFew || few).as("rank " + row[RANK] + " after a row with too few trades").isTrue();
            seenFew |= few;
            if (i > 0 && few == Integer.parseInt(byRank.get(i - 1)[14]) < 3) {
                final double before = Double.parseDouble(byRank.get(i - 1)[5]);
                assertThat(Double.parseDouble(row[5])).isLessThanOrEqualTo(before);
                if (Double.parseDouble(row[5]) == before) {
                    assertThat(rows.indexOf(row)).isGreaterThan(rows.indexOf(byRank.get(i - 1)));
                }
            }
        }
        assertThat(seenFew).isTrue();
    }

    @Test
    void shouldWriteTheBestCombinationsBacktestAndPrintTheTenBest() throws Exception {
        final Path out = temp.resolve("out");
        final CommandRunner.Result result = optimize(out);
        final List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        final String[] best = rows.stream().skip(1).map(r -> r.split(",")).filter(r -> r[RANK].equals("1")).findFirst()
            .orElseThrow();
        final Path backtest = temp.resolve("backtest");
        assertThat(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--param", "fast=" + best[0], "--param",
            "slow=" + best[1], "--data", RealData.apple().toString(), "--symbol", "AAPL", "--out", backtest.toString())
            .exitCode()).isZero();
        for (final String file : List.of("trades.csv", "equity.csv", "orders.csv", "prices.csv")) {
            assertThat(Files.readAllBytes(out.resolve(file))).as(file).isEqualTo(Files.readAllBytes(backtest.resolve(file)));
        }
        final String summary = Files.readString(out.resolve("summary.json"));
        assertThat(summary.substring(0, summary.indexOf("\"run\"")))
            .isEqualTo(Files.readString(backtest.resolve("summary.json")).substring(0, summary.indexOf("\"run\"")));
        assertThat(summary).contains("\"command\": \"optimize\"").contains("\"parameters\": \"fast=" + best[0]
            + " slow=" + best[1] + "\"").contains("\"grid\": \"fast=5,10,15,20,25,30 slow=20,30,40,50,60\"")
            .contains("\"rank_by\": \"sharpe\"").contains("\"cash\": \"10000\"");
        final List<String> printed = result.out().lines().toList();
        final int header = printed.indexOf("rank  fast  slow        sharpe  total_return  max_drawdown  trades");
        assertThat(header).as(result.out()).isPositive();
        for (int rank = 1; rank <= 10; rank++) {
            final String[] fields = printed.get(header + rank).trim().split("\\s+");
            final String[] row = rows.stream().skip(1).map(r -> r.split(",")).filter(r -> r[RANK].equals(fields[0]))
                .findFirst().orElseThrow();
            assertThat(fields).containsExactly(Integer.toString(rank), row[0], row[1], row[5], row[2], row[8], row[14]);
        }
        assertThat(printed.get(header + 11)).isEmpty();
    }

    @Test
    void shouldPrintProgressLinesOffATerminal() {
        final CommandRunner.Result result = optimize(temp.resolve("out"));
        final List<String> lines = result.err().lines().toList();
        assertThat(lines.get(0)).isEqualTo("optimize: 26 backtests to run");
        assertThat(lines.get(lines.size() - 1)).matches("optimize: 26/26 backtests in [0-9.]+ s \\([0-9.]+ backtests/s\\)");
    }

    @Test
    void shouldTrainOnTheFirstPartAndTestTheBestOnTheRest() throws Exception {
        final Path out = temp.resolve("out");
        final CommandRunner.Result result = optimize(out, "--train-fraction", "0.7");
        assertThat(result.exitCode()).as(result.err()).isZero();
        final String validation = Files.readString(out.resolve("validation.json"));
        // floor(252 × 0.7) = 176 train bars, 2013-01-02 to 2013-09-12 (line 177 of the file); 76 test bars after them
        assertThat(validation).contains("\"from\": \"2013-01-02T00:00:00Z\",\n    \"to\": \"2013-09-12T00:00:00Z\",\n"
            + "    \"bars\": 176,\n    \"warmup_bars\": 0,").contains("\"from\": \"2013-09-13T00:00:00Z\",\n"
            + "    \"to\": \"2013-12-31T00:00:00Z\",\n    \"bars\": 76,\n    \"warmup_bars\": 176,");
        assertThat(Files.readAllLines(out.resolve("equity.csv"))).hasSize(1 + 76);
        assertThat(result.out()).contains("ten best on the train bars (of 26, ranked by sharpe):")
            .contains("on the test bars (warmed up on the train bars):");
    }

    @Test
    void shouldRefuseAnEmptyGrid() {
        refused("ringtrade: --grid fast=: empty grid (give values such as fast=10,20 or a range such as fast=5:50:5)",
            "--grid", "fast=");
    }

    @Test
    void shouldRefuseAParameterTheStrategyDoesNotHave() {
        refused("ringtrade: --grid fats=5: strategy sma_crossover has no parameter 'fats' (parameters: fast, slow, "
            + "trade_usd, equity_fraction, quantity, stop_loss, take_profit, trailing_stop, time_stop_bars, max_adds, "
            + "average_last)",
            "--grid", "fats=5");
    }

    @Test
    void shouldRefuseAValueOutsideItsDeclaredRange() {
        refused("ringtrade: --grid slow=1,20: slow=1 is out of range (expected 2 to 10000)", "--grid", "slow=1,20");
    }

    @Test
    void shouldRefuseARangeWithAZeroOrNegativeStep() {
        refused("ringtrade: --grid fast=5:50:0: the step must be positive, got 0", "--grid", "fast=5:50:0");
        refused("ringtrade: --grid fast=5:50:-5: the step must be positive, got -5", "--grid", "fast=5:50:-5");
    }

    @Test
    void shouldRefuseMoreCombinationsThanTheMaximumWithoutYes() throws Exception {
        refused("ringtrade: the grid has 30 combinations, more than --max-combinations 20; narrow the grid or pass --yes",
            concat(GRID, "--max-combinations", "20"));
        refused("ringtrade: the grid has 99,990,000 combinations, more than --max-combinations 100,000; narrow the grid "
            + "or pass --yes", "--grid", "fast=1:10000:1", "--grid", "slow=2:10000:1");
        final CommandRunner.Result yes = optimize(temp.resolve("yes"), "--max-combinations", "20", "--yes");
        assertThat(yes.exitCode()).as(yes.err()).isZero();
        assertThat(Files.readAllLines(temp.resolve("yes").resolve("results.csv"))).hasSize(1 + 26);
    }

    @Test
    void shouldRefuseAGridTheStrategyAcceptsNoCombinationOf() {
        refused("ringtrade: no combination of the grid is accepted by strategy sma_crossover: strategy sma_crossover: "
            + "fast (50) must be less than slow (20)", "--grid", "fast=50", "--grid", "slow=20");
    }

    @Test
    void shouldRefuseBadValidationOptions() {
        refused("ringtrade: give --train-fraction or --walk-forward, not both",
            concat(GRID, "--train-fraction", "0.5", "--walk-forward", "2"));
        refused("ringtrade: --train-bars and --test-bars go with --walk-forward K", concat(GRID, "--test-bars", "10"));
        refused("ringtrade: --walk-forward 3 with 100 train and 100 test bars needs 400 bars (train + K × test, at least"
            + " 2 train and 1 test bar per fold); the data has 252", concat(GRID, "--walk-forward", "3", "--train-bars",
            "100", "--test-bars", "100"));
        refused("ringtrade: --train-fraction must be between 0 and 1 (exclusive), got 1.5",
            concat(GRID, "--train-fraction", "1.5"));
        refused("ringtrade: --rank sharp: expected one of sharpe, total_return, calmar, sortino, profit_factor",
            concat(GRID, "--rank", "sharp"));
        refused("ringtrade: --jobs must be at least 1, got 0", concat(GRID, "--jobs", "0"));
        refused("ringtrade: --report-axes: 'fats' is not a parameter of sma_crossover (parameters: fast, slow)",
            concat(GRID, "--report", "--report-axes", "fats,slow"));
    }

    private void refused(final String message, final String... args) {
        final Path out = temp.resolve("refused");
        final List<String> all = new ArrayList<>(List.of("optimize", "--strategy", "sma_crossover", "--data",
            RealData.apple().toString(), "--symbol", "AAPL", "--out", out.toString()));
        all.addAll(Arrays.asList(args));
        final CommandRunner.Result result = CommandRunner.run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo(message);
        assertThat(Files.exists(out.resolve("results.csv"))).isFalse();
    }

    private static CommandRunner.Result optimize(final Path out, final String... extra) {
        final List<String> args = new ArrayList<>(List.of("optimize", "--strategy", "sma_crossover"));
        args.addAll(Arrays.asList(GRID));
        args.addAll(List.of("--data", RealData.apple().toString(), "--symbol", "AAPL", "--out", out.toString()));
        args.addAll(Arrays.asList(extra));
        return CommandRunner.run(args.toArray(String[]::new));
    }

    private static String[] concat(final String[] first, final String... more) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(more)).toArray(String[]::new);
    }

    private static List<Path> files(final Path dir) throws Exception {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
