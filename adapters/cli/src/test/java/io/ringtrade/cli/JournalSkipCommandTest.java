package io.ringtrade.cli;

import io.ringtrade.journal.ChronicleEventJournal;
import io.ringtrade.journal.JournalSkips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.ringtrade.cli.JournalFixtures.failedWith;
import static io.ringtrade.cli.JournalFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringtrade journal skip DIR --entry N --reason TEXT} on a paper run's journal (the first 200 Bitstamp trades
 * and the stop's cancel-all): the journaled command, the readable log, the dump line, and the refusals, each one line
 * with exit code 2.
 */
class JournalSkipCommandTest {
    @TempDir
    Path temp;

    private Path journal() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 200);
        final Path config = JournalFixtures.runConfig(temp.resolve("run.conf"), trades,
            JournalFixtures.smaBook("btc-sma", 5, 20));
        final Path journal = temp.resolve("journal");
        succeeded(CommandRunner.run("run", "--config", config.toString(), "--journal", journal.toString(), "--out",
            temp.resolve("out").toString(), "--speed", "0", "--exit-at-end"));
        return journal;
    }

    @Test
    void shouldJournalASkipAndShowItInTheDump() throws Exception {
        final Path journal = journal();

        final CommandRunner.Result skipped = succeeded(CommandRunner.run("journal", "skip", journal.toString(),
            "--entry", "41", "--reason", "bad print from the venue"));

        // Bitstamp data row 42 (entry 41, file line 43): 1385337991,806.9,0.00123931 is 2013-11-25T00:06:31Z
        assertThat(skipped.out()).isEqualTo("journal " + journal + ": entry 41 (MARKET_DATA TRADE, event time"
            + " 2013-11-25T00:06:31Z) will be passed over by replay and recovery (SKIP_ENTRY command at entry 201;"
            + " reason in " + journal.resolve(JournalSkips.LOG_FILE) + ")" + System.lineSeparator());
        final CommandRunner.Result dump = succeeded(CommandRunner.run("journal", "dump", journal.toString(), "--from",
            "201"));
        assertThat(dump.out().lines().toList()).singleElement().asString()
            .startsWith("201 ").contains(" COMMAND seq=201 ")
            .endsWith(" code=SKIP_ENTRY entry=41 type=MARKET_DATA reason=\"bad print from the venue\"");
        assertThat(Files.readAllLines(journal.resolve(JournalSkips.LOG_FILE))).singleElement().asString()
            .endsWith(" skip entry 41 (MARKET_DATA TRADE, event time 2013-11-25T00:06:31Z) by entry 201: bad print"
                + " from the venue");
        assertThat(JournalSkips.scan(journal, 0).entries()).containsExactly(41);
    }

    @Test
    void shouldPassOverTheSkippedEntryInRecoveryAndReplayAndKeepTheFeedPosition() throws Exception {
        final Path journal = journal();
        final Path config = temp.resolve("run.conf");
        succeeded(CommandRunner.run("journal", "skip", journal.toString(), "--entry", "50", "--reason", "bad print"));
        // entries: 200 trades, the first stop's cancel-all (200), the skip (201)

        final CommandRunner.Result restart = succeeded(CommandRunner.run("run", "--config", config.toString(),
            "--journal", journal.toString(), "--out", temp.resolve("second").toString(), "--speed", "0",
            "--exit-at-end"));

        // 202 entries less the one passed over; the passed-over trade still counts towards the feed's position, so
        // the feed, wholly journaled, publishes nothing again
        assertThat(restart.out()).contains("recovered: replayed 201 journaled events in ")
            .contains("the feed resumes after its 200 journaled inputs");
        assertThat(CommandRunner.run("journal", "stats", journal.toString()).out())
            .contains("entries 203\n  MARKET_DATA 200\n  EXTERNAL_SIGNAL 0\n  COMMAND 3\n");
        final Path a = temp.resolve("replay-a");
        final Path b = temp.resolve("replay-b");
        final CommandRunner.Result replayed = succeeded(CommandRunner.run("replay", "--journal", journal.toString(),
            "--out", a.toString()));
        succeeded(CommandRunner.run("replay", "--journal", journal.toString(), "--out", b.toString()));
        assertThat(replayed.out()).startsWith("replayed 202 entries from " + journal + " in ");
        JournalFixtures.assertSameBytes(a, b, List.of("trades.csv", "equity.csv", "orders.csv"));
    }

    @Test
    void shouldRefuseAnEntryBeyondTheJournalOrAlreadySkipped() throws Exception {
        final Path journal = journal();

        failedWith(CommandRunner.run("journal", "skip", journal.toString(), "--entry", "201", "--reason", "x"),
            "ringtrade: journal " + journal + " has 201 entries (0..200): there is no entry 201 to skip");
        succeeded(CommandRunner.run("journal", "skip", journal.toString(), "--entry", "7", "--reason", "x"));
        failedWith(CommandRunner.run("journal", "skip", journal.toString(), "--entry", "7", "--reason", "again"),
            "ringtrade: journal " + journal + ": entry 7 is already skipped (by the SKIP_ENTRY command at entry 201)");
        assertThat(CommandRunner.run("journal", "stats", journal.toString()).out()).contains("entries 202\n");
    }

    @Test
    void shouldRefuseWhileAnEngineHoldsTheJournal() throws Exception {
        final Path journal = journal();
        try (ChronicleEventJournal engine = ChronicleEventJournal.open(journal)) {
            failedWith(CommandRunner.run("journal", "skip", journal.toString(), "--entry", "7", "--reason", "x"),
                "ringtrade: journal " + journal + " is locked by a running engine (pid " + ProcessHandle.current().pid()
                    + ")");
            assertThat(engine.entryCount()).isEqualTo(201);
        }
    }

    @Test
    void shouldRequireAReason() throws Exception {
        final Path journal = journal();
        final CommandRunner.Result result = CommandRunner.run("journal", "skip", journal.toString(), "--entry", "7");
        assertThat(result.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(result.err()).startsWith("ringtrade: Missing required option: '--reason=TEXT'");
        assertThat(CommandRunner.run("journal", "stats", journal.toString()).out()).contains("entries 201\n");
    }
}
