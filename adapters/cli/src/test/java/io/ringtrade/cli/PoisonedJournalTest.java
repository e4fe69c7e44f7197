package io.ringtrade.cli;

import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.ringtrade.cli.JournalFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fail closed, then recoverable (the core issue, §2): a business-logic failure halts the running engine (exit 1,
 * naming the input, releasing nothing it caused), and recovery on restart stops at that journaled input, naming it
 * and the command that passes over it, instead of starting on a state that skipped it silently. A test strategy,
 * {@code test_exploding}, throws at the close of one chosen bar.
 */
class PoisonedJournalTest {
    @TempDir
    Path temp;

    /**
     * Alternates buy and sell, except that it throws at the close of bar number {@code explode_at}, or at the close of
     * the bar starting at epoch minute {@code explode_minute} (0: never), a poison tied to one input bar.
     */
    public static final class ExplodingStrategy implements StrategyDefinition {
        @Override
        public String name() {
            return "test_exploding";
        }

        @Override
        public String description() {
            return "throws at one bar (tests)";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.ofInt("explode_at", 5, 0, 1_000_000, List.of(5), "bar that throws"),
                ParameterSpec.ofInt("explode_minute", 0, 0, 100_000_000, List.of(0), "bar start that throws"));
        }

        @Override
        public DecisionStrategy create(final Parameters parameters) {
            final int at = parameters.getInt("explode_at");
            final long minute = parameters.getInt("explode_minute");
            return row -> {
                if (row.barIndex() == at) {
                    throw new IllegalStateException("bar " + at + " is poison");
                }
                if (minute > 0 && row.timeNanos() == TimeUnit.MINUTES.toNanos(minute)) {
                    throw new IllegalStateException("the bar of minute " + minute + " is poison");
                }
                return row.barIndex() % 2 == 0 ? DecisionStrategy.BUY : DecisionStrategy.SELL;
            };
        }
    }

    @Test
    void shouldHaltOnAFailingInputReleasingNothingFromItAndStopRecoveryThereNamingIt() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 3000);
        final Path config = JournalFixtures.runConfig(temp.resolve("run.conf"), trades,
            "    { name = \"boom\", strategy = test_exploding, params { explode_at = 20 }, symbols = [\"BTC/USD\"],"
                + " interval = 1m, cash = 10000 }");
        final Path journal = temp.resolve("journal");
        final Path effects = temp.resolve("effects.log");

        final CommandRunner.Result halted = CommandRunner.run("run", "--config", config.toString(), "--journal",
            journal.toString(), "--out", temp.resolve("out").toString(), "--speed", "0", "--exit-at-end",
            "--effects-log", effects.toString());

        assertThat(halted.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(halted.err()).contains("ringtrade: engine HALTED: the business logic stage failed on input ")
            .contains("(MARKET_DATA): java.lang.IllegalStateException: bar 20 is poison; nothing that input or any"
                + " later one caused was released");
        final long poisoned = Long.parseLong(halted.err().replaceAll("(?s).*failed on input (\\d+) .*", "$1"));
        // every order released came from an input before the poisoned one
        assertThat(Files.readAllLines(effects)).isNotEmpty()
            .allMatch(line -> Long.parseLong(line.substring(0, line.indexOf(','))) < poisoned * 1000);

        final CommandRunner.Result restart = CommandRunner.run("run", "--config", config.toString(), "--journal",
            journal.toString(), "--out", temp.resolve("again").toString(), "--speed", "0", "--exit-at-end");

        assertThat(restart.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(restart.err()).startsWith("ringtrade: journal " + journal + ": entry " + poisoned + " (MARKET_DATA at ")
            .contains("cannot be processed: bar 20 is poison; fix the cause, or pass over the entry with: ringtrade"
                + " journal skip " + journal + " --entry " + poisoned + " --reason \"...\"");
        assertThat(rows(temp.resolve("out").resolve("trades.csv"))).isNotEmpty();
    }

    @Test
    void shouldRestartAndFinishAfterTheOperatorSkipsThePoisonedEntry() throws Exception {
        // 1-minute Bitstamp bars into a 1-minute book: each input bar closes its book bar, so the poison (the bar
        // starting 2013-11-25T00:20Z, epoch minute 23,088,980) is tied to one journal entry
        final Path bars = JournalFixtures.bitstampBars(temp.resolve("btc-1m.csv"), Interval.M1, 200);
        final Path config = JournalFixtures.barsRunConfig(temp.resolve("run.conf"), bars,
            "    { name = \"boom\", strategy = test_exploding, params { explode_at = 1000000, explode_minute = 23088980 },"
                + " symbols = [\"BTC/USD\"], interval = 1m, cash = 10000 }");
        final Path journal = temp.resolve("journal");
        final CommandRunner.Result halted = CommandRunner.run("run", "--config", config.toString(), "--journal",
            journal.toString(), "--out", temp.resolve("out").toString(), "--speed", "0", "--exit-at-end");
        assertThat(halted.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        final long poisoned = Long.parseLong(halted.err().replaceAll("(?s).*failed on input (\\d+) .*", "$1"));

        final CommandRunner.Result stopped = CommandRunner.run("run", "--config", config.toString(), "--journal",
            journal.toString(), "--out", temp.resolve("out").toString(), "--speed", "0", "--exit-at-end");
        assertThat(stopped.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(stopped.err()).contains("journal skip " + journal + " --entry " + poisoned + " ");

        JournalFixtures.succeeded(CommandRunner.run("journal", "skip", journal.toString(), "--entry",
            Long.toString(poisoned), "--reason", "the 00:20 bar breaks the strategy"));
        final CommandRunner.Result restarted = JournalFixtures.succeeded(CommandRunner.run("run", "--config",
            config.toString(), "--journal", journal.toString(), "--out", temp.resolve("out").toString(), "--speed",
            "0", "--exit-at-end"));

        // recovery passes over the poisoned bar and the feed resumes after what the journal holds (how many bars
        // the journal took before the failure stopped the engine depends on timing): every bar but the one passed
        // over has its equity row, once
        assertThat(restarted.out()).contains("recovered: replayed ").contains(" journaled inputs");
        final List<String> equity = rows(temp.resolve("out").resolve("equity.csv"));
        assertThat(equity).hasSize(Files.readAllLines(bars).size() - 2)
            .noneMatch(row -> row.startsWith("2013-11-25T00:20:00"));
    }
}
