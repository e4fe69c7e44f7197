package io.ringtrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.ringtrade.cli.JournalFixtures.failedWith;
import static io.ringtrade.cli.JournalFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line speaks the user's words, not Java's or the parser library's: whole numbers, NAME=VALUE, the
 * commands there are, and {@code ringtrade help}.
 */
class CommandLineWordsTest {
    @TempDir
    Path temp;

    @Test
    void shouldCallAFractionWhereAWholeNumberIsExpectedNotAWholeNumber() {
        failedWith(CommandRunner.run("optimize", "--strategy", "sma_crossover", "--data", RealData.apple().toString(),
                "--symbol", "AAPL", "--jobs", "2.5", "--out", temp.resolve("out").toString()),
            "ringtrade: --jobs: '2.5' is not a whole number (see: ringtrade optimize --help)");
    }

    @Test
    void shouldAskForNameEqualsValueWhenAParameterHasNoValue() {
        failedWith(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--param", "fast", "--data",
                RealData.apple().toString(), "--symbol", "AAPL", "--out", temp.resolve("out").toString()),
            "ringtrade: --param: expected NAME=VALUE, got 'fast' (see: ringtrade backtest --help)");
    }

    @Test
    void shouldNameTheCommandsWhenOneIsUnknown() {
        final CommandRunner.Result result = CommandRunner.run("foo");

        assertThat(result.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(result.err()).startsWith("ringtrade: unknown command 'foo' (commands: run, backtest, replay,")
            .contains("new-strategy").endsWith("; see: ringtrade help)" + System.lineSeparator())
            .doesNotContain("ringtrade ringtrade");
    }

    @Test
    void shouldListTheCommandsWithHelpAndShowOneCommandsOptions() {
        final CommandRunner.Result all = succeeded(CommandRunner.run("help"));
        final CommandRunner.Result backtest = succeeded(CommandRunner.run("help", "backtest"));

        assertThat(all.out()).contains("Usage: ringtrade").contains("new-strategy").contains("backtest");
        assertThat(backtest.out()).contains("Usage: ringtrade backtest").contains("--strategy-file")
            .contains("--on-opposite").contains("0.05 for 5 % (default: 0)");
        // every command's help formats (a '%' in an option's description once made the parser warn instead)
        for (final String command : new String[] {"run", "backtest", "optimize", "replay", "new-strategy"}) {
            succeeded(CommandRunner.run(command, "--help"));
        }
    }
}
