package io.ringtrade.cli;

import io.ringtrade.engine.strategy.StrategySourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static io.ringtrade.cli.JournalFixtures.assertSameBytes;
import static io.ringtrade.cli.JournalFixtures.failedWith;
import static io.ringtrade.cli.JournalFixtures.rows;
import static io.ringtrade.cli.JournalFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A strategy without rebuilding the engine: {@code new-strategy} writes a file of each style that compiles and
 * backtests (decision and iteration on bars, event on ticks); a
 * {@code --strategy-file} runs exactly like the same strategy built in; compile errors read as javac prints them with
 * exit code 2; the journal records the file's content, so a changed file is refused on restart and replay finds the
 * recorded source by its bytes; {@code optimize} takes a file; {@code --strategy-path} loads jars through
 * ServiceLoader.
 */
class StrategyFileTest {
    /** sma_crossover's decision, written as a user would in one file, under another name. */
    static final String FILE_CROSSOVER = """
        import io.ringtrade.engine.api.strategy.DecisionStrategy;
        import io.ringtrade.engine.api.strategy.ParameterSpec;
        import io.ringtrade.engine.api.strategy.Parameters;
        import io.ringtrade.engine.api.strategy.StrategyDefinition;
        import java.util.List;

        public final class FileCrossover implements StrategyDefinition {
            public String name() { return "file_crossover"; }
            public String description() { return "sma_crossover, from a file"; }
            public List<ParameterSpec> parameters() {
                return List.of(ParameterSpec.ofInt("fast", 50, 1, 10000, List.of(5, 10), "fast"),
                    ParameterSpec.ofInt("slow", 200, 2, 10000, List.of(20, 30), "slow"));
            }
            public DecisionStrategy create(final Parameters parameters) {
                final int fast = parameters.getInt("fast");
                final int slow = parameters.getInt("slow");
                return row -> {
                    final double fastNow = row.sma(fast);
                    final double slowNow = row.sma(slow);
                    final double fastBefore = row.sma(fast, 1);
                    final double slowBefore = row.sma(slow, 1);
                    if (Double.isNaN(slowBefore) || Double.isNaN(fastBefore)) {
                        return DecisionStrategy.HOLD;
                    }
                    if (fastNow > slowNow && fastBefore <= slowBefore) {
                        return DecisionStrategy.BUY;
                    }
                    if (fastNow < slowNow && fastBefore >= slowBefore) {
                        return DecisionStrategy.SELL;
                    }
                    return DecisionStrategy.HOLD;
                };
            }
        }
        """;

    @TempDir
    Path temp;

    private Path write(final String name, final String text) throws IOException {
        final Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static CommandRunner.Result backtestApple(final Path out, final String... strategy) {
        final List<String> args = new ArrayList<>(List.of("backtest"));
        args.addAll(List.of(strategy));
        args.addAll(List.of("--data", RealData.apple().toString(), "--symbol", "AAPL", "--out", out.toString()));
        return CommandRunner.run(args.toArray(String[]::new));
    }

    @Test
    void shouldWriteANewStrategyThatCompilesAndBacktests() throws IOException {
        final CommandRunner.Result written = succeeded(CommandRunner.run("new-strategy", "my_bot", "--dir",
            temp.toString()));
        final Path file = temp.resolve("MyBot.java");
        assertThat(written.out()).startsWith("wrote " + file + ": strategy my_bot (decision style), ready to run:");
        assertThat(Files.readString(file)).contains("public final class MyBot implements StrategyDefinition")
            .contains("return \"my_bot\";");

        final Path out = temp.resolve("out");
        final CommandRunner.Result result = succeeded(backtestApple(out, "--strategy-file", file.toString()));

        assertThat(result.out()).startsWith("backtest my_bot (rsi_max=70 rsi_exit=80) on AAPL 1d, fill next-open");
        assertThat(rows(out.resolve("trades.csv"))).isNotEmpty();
        assertThat(Files.readString(out.resolve("summary.json")))
            .contains("\"strategy\": \"my_bot\"")
            .contains("\"strategy_file\": \"" + file.toAbsolutePath() + "\"")
            .contains("\"strategy_sha256\": \"" + StrategySourceFile.sha256Of(file) + "\"");
        failedWith(CommandRunner.run("new-strategy", "my_bot", "--dir", temp.toString()),
            "ringtrade: " + file + ": already exists (--force replaces it)");
    }

    @Test
    void shouldWriteAnIterationStrategyThatCompilesAndBuysEveryWeekOnBars() throws IOException {
        final CommandRunner.Result written = succeeded(CommandRunner.run("new-strategy", "my_dca", "--style",
            "iteration", "--dir", temp.toString()));
        final Path file = temp.resolve("MyDca.java");
        assertThat(written.out()).startsWith("wrote " + file + ": strategy my_dca (iteration style), ready to run:");

        final Path out = temp.resolve("out");
        final CommandRunner.Result result = succeeded(backtestApple(out, "--strategy-file", file.toString()));

        assertThat(result.out())
            .startsWith("backtest my_dca (schedule=1wk buy_usd=1000.0 rsi_max=70 rsi_sell=80) on AAPL 1d");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"strategy_sha256\": \""
            + StrategySourceFile.sha256Of(file) + "\"");
        // AAPL's RSI stays below 70 at the start of every week it can buy, so the run is a plain weekly purchase
        assertThat(rows(out.resolve("trades.csv")).stream().map(StrategyFileTest::firstSixColumns).toList())
            .containsExactlyElementsOf(weeklyBuys(rows(RealData.apple())));
    }

    /**
     * A plain loop over the daily bars: the first bar of each week (Monday to Sunday) buys 1000 at the next bar's open
     * plus 5 bps slippage, the most whole shares whose cost with 10 bps commission fits 1000 and the cash left of
     * 10,000.
     */
    private static List<String> weeklyBuys(final List<String> bars) {
        final List<String> buys = new ArrayList<>();
        BigDecimal cash = BigDecimal.valueOf(10_000);
        LocalDate week = null;
        for (int i = 0; i + 1 < bars.size(); i++) {
            final LocalDate monday = LocalDate.parse(bars.get(i).split(",")[0]).with(DayOfWeek.MONDAY);
            if (monday.equals(week)) {
                continue;
            }
            week = monday;
            final String[] next = bars.get(i + 1).split(",");
            final BigDecimal price = new BigDecimal(next[1]).multiply(new BigDecimal("1.0005"));
            final BigDecimal budget = cash.min(BigDecimal.valueOf(1000));
            long quantity = budget.divide(price, 0, RoundingMode.FLOOR).longValue();
            while (quantity > 0 && cost(price, quantity).compareTo(budget) > 0) {
                quantity--;
            }
            if (quantity == 0) {
                continue;
            }
            cash = cash.subtract(cost(price, quantity));
            buys.add(next[0] + "T00:00:00Z,AAPL,BUY," + quantity + "," + plain(price) + ","
                + plain(fee(price, quantity)));
        }
        return buys;
    }

    private static BigDecimal fee(final BigDecimal price, final long quantity) {
        return price.multiply(BigDecimal.valueOf(quantity)).multiply(new BigDecimal("0.001"))
            .setScale(8, RoundingMode.HALF_UP);
    }

    private static BigDecimal cost(final BigDecimal price, final long quantity) {
        return price.multiply(BigDecimal.valueOf(quantity)).add(fee(price, quantity));
    }

    private static String plain(final BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String firstSixColumns(final String row) {
        return String.join(",", Arrays.asList(row.split(",")).subList(0, 6));
    }

    @Test
    void shouldWriteAnEventStrategyThatCompilesAndTradesTicks() throws IOException {
        final CommandRunner.Result written = succeeded(CommandRunner.run("new-strategy", "dip_buyer", "--style",
            "event", "--dir", temp.toString()));
        final Path file = temp.resolve("DipBuyer.java");
        assertThat(written.out()).isEqualTo("wrote " + file + ": strategy dip_buyer (event style), ready to run:"
            + System.lineSeparator() + "  ringtrade backtest --strategy-file " + file + " --data FILE --ticks --symbol"
            + " SYMBOL --out out/dip_buyer" + System.lineSeparator());

        final Path out = temp.resolve("out");
        final CommandRunner.Result result = succeeded(CommandRunner.run("backtest", "--strategy-file", file.toString(),
            "--data", RealData.bitstamp().toString(), "--ticks", "--symbol", "BTC/USD", "--interval", "1m", "--to",
            "2013-11-26", "--out", out.toString()));

        assertThat(result.out())
            .startsWith("backtest dip_buyer (dip=0.003 target=0.005 order_usd=1000.0 requote_s=300) on BTC/USD 1m");
        final List<String[]> trades = rows(out.resolve("trades.csv")).stream().map(row -> row.split(",")).toList();
        assertThat(trades.size()).isGreaterThan(20);
        for (int i = 0; i < trades.size(); i++) {
            final String[] trade = trades.get(i);
            final BigDecimal price = new BigDecimal(trade[4]);
            if (i % 2 == 0) {
                // one round at a time: a buy of at most order_usd (the commission on top)
                assertThat(trade[2]).isEqualTo("BUY");
                assertThat(price.multiply(new BigDecimal(trade[3]))).isLessThanOrEqualTo(new BigDecimal("1000"));
            } else {
                // then the sell of that quantity, at the buy's price plus target (up to the cent) or better
                final String[] buy = trades.get(i - 1);
                assertThat(trade[2]).isEqualTo("SELL");
                assertThat(trade[3]).isEqualTo(buy[3]);
                assertThat(price).isGreaterThanOrEqualTo(new BigDecimal(buy[4]).multiply(new BigDecimal("1.005"))
                    .setScale(2, RoundingMode.CEILING));
            }
        }
        // buys the price ran away from were cancelled by the requote timer
        assertThat(rows(out.resolve("orders.csv"))).anyMatch(row -> row.contains(",BUY,LIMIT,")
            && row.contains(",CANCELLED,"));
    }

    @Test
    void shouldRefuseAStrategyNameWhoseClassTheTemplateAlreadyUses() {
        failedWith(CommandRunner.run("new-strategy", "column", "--dir", temp.toString()),
            "ringtrade: new-strategy: the class Column would clash with the Column the decision template's code uses:"
                + " pick another name (e.g. my_column)");
        failedWith(CommandRunner.run("new-strategy", "math", "--style", "event", "--dir", temp.toString()),
            "ringtrade: new-strategy: the class Math would clash with the Math the event template's code uses: pick"
                + " another name (e.g. my_math)");
        failedWith(CommandRunner.run("new-strategy", "my_bot", "--style", "vector", "--dir", temp.toString()),
            "ringtrade: --style vector: expected decision, iteration or event");
        assertThat(temp.resolve("Column.java")).doesNotExist();
    }

    @Test
    void shouldRunAStrategyFileExactlyLikeTheSameStrategyBuiltIn() throws IOException {
        final Path file = write("FileCrossover.java", FILE_CROSSOVER);
        final Path fromFile = temp.resolve("file");
        final Path builtIn = temp.resolve("built-in");

        succeeded(backtestApple(fromFile, "--strategy-file", file.toString(), "--param", "fast=10", "--param",
            "slow=30"));
        succeeded(backtestApple(builtIn, "--strategy", "sma_crossover", "--param", "fast=10", "--param", "slow=30"));

        assertSameBytes(builtIn, fromFile, List.of("equity.csv", "prices.csv"));
        assertThat(Files.readString(fromFile.resolve("trades.csv")).replace("file_crossover", "sma_crossover"))
            .isEqualTo(Files.readString(builtIn.resolve("trades.csv")));
        assertThat(rows(builtIn.resolve("trades.csv"))).hasSizeGreaterThan(2);
    }

    @Test
    void shouldShowCompileErrorsWithFileAndLineAndExitWith2() throws IOException {
        final Path file = write("Broken.java", FILE_CROSSOVER.replace("class FileCrossover", "class Broken")
            .replace("row.sma(slow);", "row.sma(slower);"));
        final Path out = temp.resolve("out");

        final CommandRunner.Result result = backtestApple(out, "--strategy-file", file.toString());

        assertThat(result.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(result.err()).isEqualTo(String.join(System.lineSeparator(),
            file + ":19: error: cannot find symbol",
            "            final double slowNow = row.sma(slower);",
            "                                           ^",
            "  symbol:   variable slower",
            "  location: class Broken",
            "ringtrade: " + file + ": does not compile (1 error; nothing was run)", ""));
        assertThat(out).doesNotExist();
    }

    @Test
    void shouldRefuseARestartWhoseStrategyFileChanged() throws IOException {
        final Path file = write("run/Bot.java", FILE_CROSSOVER.replace("class FileCrossover", "class Bot"));
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("trades.csv"), 3_000);
        final Path config = JournalFixtures.runConfig(temp.resolve("run/bot.conf"), trades,
            "    { name = bot, strategy-file = \"Bot.java\", params { fast = 3, slow = 8 }, symbols = [\"BTC/USD\"] }");
        final Path journal = temp.resolve("journal");
        final String[] run = {"run", "--config", config.toString(), "--journal", journal.toString(), "--out",
            temp.resolve("out").toString(), "--exit-at-end"};

        succeeded(CommandRunner.run(run));
        assertThat(Files.readString(journal.resolve(JournalManifest.FILE)))
            .contains("strategy = \"file_crossover\"")
            .contains("strategy-file = \"" + file.toAbsolutePath() + "\"");
        final String recorded = StrategySourceFile.sha256Of(file);
        Files.writeString(file, Files.readString(file) + "// a change\n");

        failedWith(CommandRunner.run(run), "ringtrade: journal " + journal + ": book bot was recorded with strategy"
            + " file " + file.toAbsolutePath() + " (sha256 " + recorded + "), but this run's " + file.toAbsolutePath()
            + " has sha256 " + StrategySourceFile.sha256Of(file) + "; a changed strategy would decide differently on the"
            + " journaled inputs: restore the file, or start a new journal with --journal DIR");
    }

    @Test
    void shouldReplayWithTheRecordedStrategyFileFoundByItsBytes() throws IOException {
        final Path file = write("FileCrossover.java", FILE_CROSSOVER);
        final Path journal = temp.resolve("journal");
        final Path backtest = temp.resolve("backtest");
        succeeded(backtestApple(backtest, "--strategy-file", file.toString(), "--param", "fast=10", "--param", "slow=30",
            "--journal-out", journal.toString()));
        final Path moved = write("elsewhere/FileCrossover.java", Files.readString(file));
        Files.delete(file);

        failedWith(CommandRunner.run("replay", "--journal", journal.toString(), "--out", temp.resolve("r1").toString()),
            "ringtrade: journal " + journal + ": book file_crossover was recorded with strategy file "
                + file.toAbsolutePath() + " (sha256 " + StrategySourceFile.sha256Of(moved) + "), which is missing;"
                + " give the original source with --strategy-file FILE");
        final Path replay = temp.resolve("replay");
        succeeded(CommandRunner.run("replay", "--journal", journal.toString(), "--out", replay.toString(),
            "--strategy-file", moved.toString()));

        assertSameBytes(backtest, replay, List.of("trades.csv", "equity.csv", "orders.csv"));
    }

    @Test
    void shouldOptimizeAStrategyFileOverItsDeclaredGrid() throws IOException {
        final Path file = write("FileCrossover.java", FILE_CROSSOVER);
        final Path out = temp.resolve("opt");

        final CommandRunner.Result result = CommandRunner.run("optimize", "--strategy-file", file.toString(), "--data",
            RealData.apple().toString(), "--symbol", "AAPL", "--jobs", "2", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();

        final List<String> results = rows(out.resolve("results.csv"));
        assertThat(results).hasSize(4);
        assertThat(results.get(0)).startsWith("5,20,");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"strategy\": \"file_crossover\"")
            .contains("\"strategy_file\": \"" + file.toAbsolutePath() + "\"");
    }

    @Test
    void shouldLoadStrategyJarsDroppedInAFolder() throws IOException {
        final Path jars = temp.resolve("jars");
        Files.createDirectories(jars);
        buildJar(jars.resolve("crossover.jar"), "FileCrossover", FILE_CROSSOVER);

        final CommandRunner.Result listed = succeeded(CommandRunner.run("strategies", "--strategy-path",
            jars.toString()));
        assertThat(listed.out()).contains("file_crossover - sma_crossover, from a file (" + jars.resolve("crossover.jar")
            + ")");
        final Path fromJar = temp.resolve("jar");
        final Path builtIn = temp.resolve("built-in");
        succeeded(backtestApple(fromJar, "--strategy", "file_crossover", "--strategy-path", jars.toString(), "--param",
            "fast=10", "--param", "slow=30"));
        succeeded(backtestApple(builtIn, "--strategy", "sma_crossover", "--param", "fast=10", "--param", "slow=30"));

        assertSameBytes(builtIn, fromJar, List.of("equity.csv"));
        failedWith(CommandRunner.run("strategies", "--strategy-path", temp.resolve("none").toString()),
            "ringtrade: --strategy-path " + temp.resolve("none") + ": not a folder");
    }

    /** A strategy jar as a user would build it: the compiled class and its META-INF/services line. */
    private void buildJar(final Path jar, final String className, final String source) throws IOException {
        final Path sources = write("jar-src/" + className + ".java", source);
        final Path classes = temp.resolve("jar-classes");
        Files.createDirectories(classes);
        final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
            classes.toString(), sources.toString())).isZero();
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> compiled = Files.list(classes)) {
            for (final Path classFile : compiled.sorted().toList()) {
                out.putNextEntry(new JarEntry(classFile.getFileName().toString()));
                out.write(Files.readAllBytes(classFile));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/io.ringtrade.engine.api.strategy.StrategyDefinition"));
            out.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
