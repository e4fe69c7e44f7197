package io.ringtrade.cli;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** Holds, except that it throws at the close of bar {@code explode_at}. */
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
            return List.of(ParameterSpec.ofInt("explode_at", 5, 0, 1_000_000, List.of(5), "bar that throws"));
        }

        @Override
        public DecisionStrategy create(final Parameters parameters) {
            final int at = parameters.getInt("explode_at");
            return row -> {
                if (row.barIndex() == at) {
                    throw new IllegalStateException("bar " + at + " is poison");
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
}
