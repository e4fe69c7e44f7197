package io.ringtrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static io.ringtrade.cli.JournalFixtures.assertSameBytes;
import static io.ringtrade.cli.JournalFixtures.failedWith;
import static io.ringtrade.cli.JournalFixtures.rows;
import static io.ringtrade.cli.JournalFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journaled paper run, in process (DESIGN.md §1, §4): {@code run --exit-at-end --speed 0} on the first 3000
 * Bitstamp trades with two books journals every input, {@code replay} of that journal writes the run's trades and
 * orders byte for byte, and a second run on the same journal recovers by replaying it (effects suppressed) and
 * resumes the feed after the inputs already journaled, so nothing is processed twice. A journal written with other
 * books is refused. The run's stop appends one input, a cancel-all command, to the journal.
 */
class RunJournalTest {
    private static final int TRADES = 3000;

    @TempDir
    Path temp;

    @Test
    void shouldReplayAPaperRunJournalToTheRunsTradesAndOrders() throws Exception {
        final Path config = config("run.conf", JournalFixtures.bitstampHead(temp.resolve("btc.csv"), TRADES));
        final Path journal = temp.resolve("journal");
        final Path out = temp.resolve("out");
        final Path replay = temp.resolve("replay");

        final CommandRunner.Result run = succeeded(run(config, journal, out));
        final CommandRunner.Result replayed = succeeded(CommandRunner.run("replay", "--journal", journal.toString(),
            "--out", replay.toString()));

        assertSameBytes(out, replay, List.of("trades.csv", "orders.csv", "equity.csv"));
        assertThat(rows(out.resolve("trades.csv"))).hasSizeGreaterThan(4);
        // 3000 trades and the stop's cancel-all command
        assertThat(replayed.out()).startsWith("replayed 3001 entries from " + journal + " in ");
        assertThat(run.out()).doesNotContain("recovered").contains("stopped cleanly: open orders cancelled");
        // replay prints each book's line as the run did, with the same numbers
        final List<String> bookLines = run.out().lines().filter(line -> line.startsWith("  book ")).toList();
        assertThat(bookLines).hasSize(2);
        assertThat(replayed.out().lines().filter(line -> line.startsWith("  book ")).toList()).isEqualTo(bookLines);
        assertThat(CommandRunner.run("journal", "stats", journal.toString()).out())
            .contains("entries 3001\n  MARKET_DATA 3000\n  EXTERNAL_SIGNAL 0\n  COMMAND 1\n")
            .contains("last event time 2013-11-25T08:06:21Z\n");
    }

    @Test
    void shouldRecoverFromTheJournalOnASecondRunAndProcessNothingTwice() throws Exception {
        final Path config = config("run.conf", JournalFixtures.bitstampHead(temp.resolve("btc.csv"), TRADES));
        final Path journal = temp.resolve("journal");
        final Path first = temp.resolve("first");
        final Path second = temp.resolve("second");
        succeeded(run(config, journal, first));

        final CommandRunner.Result again = succeeded(run(config, journal, second));

        assertThat(again.out()).contains("recovered 3001 journaled events in ")
            .contains(" ms (3001 replayed, effects suppressed); the feed resumes after its 3000 journaled inputs"
                + System.lineSeparator())
            .contains(" (3001 recovered) ");
        assertSameBytes(first, second, List.of("trades.csv"));
        // the second stop journals a second cancel-all, at the time of the last event recovered
        assertThat(CommandRunner.run("journal", "stats", journal.toString()).out())
            .contains("entries 3002\n  MARKET_DATA 3000\n  EXTERNAL_SIGNAL 0\n  COMMAND 2\n")
            .contains("last event time 2013-11-25T08:06:21Z\n");
    }

    @Test
    void shouldContinueAnInterruptedRunWithTheTradesOfAnUninterruptedOne() throws Exception {
        // run 1 stops after the first 1500 trades; run 2, on the same journal and books, is fed the whole 3000: it
        // recovers 1501 inputs (1500 trades and run 1's cancel-all) and resumes the feed at trade 1501.
        // Order ids derive from the input sequence; every input from trade 1501 on is one later than in the
        // uninterrupted run (run 1's stop command is an input), so those trades carry order ids 1000 higher.
        final Path whole = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), TRADES);
        final Path half = JournalFixtures.bitstampHead(temp.resolve("btc-half.csv"), TRADES / 2);
        final Path uninterrupted = temp.resolve("uninterrupted");
        succeeded(run(config("whole.conf", whole), temp.resolve("journal-whole"), uninterrupted));
        final Path journal = temp.resolve("journal");
        succeeded(run(config("half.conf", half), journal, temp.resolve("half")));
        // what a run of the whole file killed after its first 1500 trades leaves (bar the stop command): its feed
        // identity is the whole file's, which the half file is a prefix of
        recordFeed(journal, whole);
        final Path continued = temp.resolve("continued");

        final CommandRunner.Result resumed = succeeded(run(config("whole.conf", whole), journal, continued));

        assertThat(resumed.out()).contains("recovered 1501 journaled events in ")
            .contains("the feed resumes after its 1500 journaled inputs");
        final List<String> expected = new ArrayList<>();
        for (final String row : rows(uninterrupted.resolve("trades.csv"))) {
            final String[] f = row.split(",", -1);
            final long orderId = Long.parseLong(f[7]);
            f[7] = Long.toString(orderId >= 1500 * 1000L ? orderId + 1000 : orderId);
            expected.add(String.join(",", f));
        }
        assertThat(rows(continued.resolve("trades.csv"))).containsExactlyElementsOf(expected);
        assertThat(expected).anyMatch(row -> Long.parseLong(row.split(",")[7]) < 1500 * 1000L)
            .anyMatch(row -> Long.parseLong(row.split(",")[7]) > 1500 * 1000L);
        // and the continued journal replays to the continued run's trades
        final Path replay = temp.resolve("replay");
        succeeded(CommandRunner.run("replay", "--journal", journal.toString(), "--out", replay.toString()));
        assertSameBytes(continued, replay, List.of("trades.csv"));
    }

    @Test
    void shouldRefuseARestartWhoseFeedFileChanged() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 200);
        final Path journal = temp.resolve("journal");
        succeeded(run(config("run.conf", trades), journal, temp.resolve("first")));
        final String recorded = sha256(trades);
        // one trade changes: counting journaled inputs would now resume on a different event
        final List<String> lines = new ArrayList<>(Files.readAllLines(trades));
        lines.set(100, lines.get(100).replace(",", ",1"));
        Files.write(trades, lines);

        failedWith(run(config("run.conf", trades), journal, temp.resolve("second")),
            "ringtrade: journal " + journal + " was recorded from feed " + trades + " (sha256 " + recorded + "), but this"
                + " run's feed is " + trades + " (sha256 " + sha256(trades) + "); the feed resumes by counting the inputs"
                + " already journaled, so a restart needs the same files: use them, or another journal directory");
        assertThat(Files.exists(temp.resolve("second"))).isFalse();
        assertThat(CommandRunner.run("journal", "stats", journal.toString()).out()).contains("entries 201\n");
    }

    @Test
    void shouldRefuseARestartWithoutTheSignalsFileItWasRecordedWith() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 200);
        final Path signals = temp.resolve("signals.csv");
        Files.writeString(signals, "time,key,book,symbol,action,size_kind,size,price\n"
            + "2013-11-25T00:30:00Z,alert-1,btc-rsi,BTC/USD,buy,quantity,1,\n");
        final Path journal = temp.resolve("journal");
        succeeded(CommandRunner.run("run", "--config", config("run.conf", trades).toString(), "--journal",
            journal.toString(), "--out", temp.resolve("first").toString(), "--speed", "0", "--exit-at-end",
            "--signals", signals.toString()));

        failedWith(run(config("run.conf", trades), journal, temp.resolve("second")),
            "ringtrade: journal " + journal + " was recorded with signals " + signals + " (sha256 " + sha256(signals)
                + "), but this run has no signals file; the feed resumes by counting the inputs already journaled, so a"
                + " restart needs the same files: use them, or another journal directory");
        // a missing file is named as missing
        final Path moved = temp.resolve("moved.csv");
        Files.move(signals, moved);
        failedWith(CommandRunner.run("run", "--config", config("run.conf", trades).toString(), "--journal",
            journal.toString(), "--out", temp.resolve("third").toString(), "--speed", "0", "--exit-at-end",
            "--signals", signals.toString()),
            "ringtrade: journal " + journal + " was recorded with signals " + signals + " (sha256 " + sha256(moved)
                + "), but this run's signals are " + signals + " (missing); the feed resumes by counting the inputs"
                + " already journaled, so a restart needs the same files: use them, or another journal directory");
    }

    @Test
    void shouldRecordTheFeedAndSignalsIdentityInTheManifest() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 200);
        final Path journal = temp.resolve("journal");
        succeeded(run(config("run.conf", trades), journal, temp.resolve("first")));

        assertThat(JournalManifest.recordedInputs(journal))
            .isEqualTo(new FeedIdentity(new FeedIdentity.InputFile(trades.toString(), sha256(trades)), null));
        // and the manifest still reads as the configuration it was written with
        assertThat(JournalManifest.read(journal).books()).hasSize(2);
        // the same bytes elsewhere are the same feed
        final Path copy = Files.copy(trades, temp.resolve("copy.csv"));
        final CommandRunner.Result again = succeeded(run(config("copy.conf", copy), journal, temp.resolve("second")));
        assertThat(again.out()).contains("recovered 201 journaled events");
    }

    @Test
    void shouldRefuseToContinueAJournalWithAnotherRollCycleThanItWasCreatedWith() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 200);
        final Path journal = temp.resolve("journal");
        succeeded(run(config("run.conf", trades), journal, temp.resolve("first")));
        final Path hourly = config("hourly.conf", trades);
        Files.writeString(hourly, Files.readString(hourly).replace("journal { dir = ", "journal { roll-cycle = hourly, dir = "));

        failedWith(run(hourly, journal, temp.resolve("second")), "ringtrade: journal " + journal + " rolls its files daily"
            + " (fixed when it was created), not hourly: use roll cycle daily or another journal directory");
        assertThat(CommandRunner.run("journal", "stats", journal.toString()).out()).contains("entries 201\n")
            .contains("roll cycle daily\n");
    }

    @Test
    void shouldRefuseToRunOnAJournalWrittenWithOtherBooksSayingWhatDiffers() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 200);
        final Path journal = temp.resolve("journal");
        succeeded(run(config("run.conf", trades), journal, temp.resolve("first")));
        final Path other = JournalFixtures.runConfig(temp.resolve("other.conf"), trades,
            JournalFixtures.smaBook("btc-sma", 5, 30));

        failedWith(run(other, journal, temp.resolve("second")),
            "ringtrade: journal " + journal + " was written with another configuration (books: 2 in the journal, 1"
                + " now; books[0].params.slow is \"20\" in the journal, \"30\" now; see "
                + journal.resolve(JournalManifest.FILE) + "): replaying its inputs into other books would give other"
                + " positions; use another journal directory or the same configuration");
        assertThat(Files.exists(temp.resolve("second"))).isFalse();
        // another risk limit is another configuration too: recovery must decide as the run did
        final Path limited = JournalFixtures.runConfig(temp.resolve("limited.conf"), trades,
            JournalFixtures.smaBook("btc-sma", 5, 20), JournalFixtures.rsiBook("btc-rsi"));
        Files.writeString(limited, Files.readString(limited).replace("books = [", "risk { max-position-pct = 5 }\n  books = ["));
        failedWith(run(limited, journal, temp.resolve("third")),
            "ringtrade: journal " + journal + " was written with another configuration"
                + " (risk.large-transaction-threshold is not set in the journal, 10000 now; risk.max-position-pct is not set in the journal, 5 now; see "
                + journal.resolve(JournalManifest.FILE) + "): replaying its inputs into other books would give other"
                + " positions; use another journal directory or the same configuration");
        // untouched: the 200 trades and the first run's cancel-all
        assertThat(CommandRunner.run("journal", "stats", journal.toString()).out()).contains("entries 201\n");
    }

    @Test
    void shouldRefuseToReplayAJournalWithoutAManifestBesideIt() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 200);
        final Path journal = temp.resolve("journal");
        succeeded(run(config("run.conf", trades), journal, temp.resolve("first")));
        Files.delete(journal.resolve(JournalManifest.FILE));

        failedWith(CommandRunner.run("replay", "--journal", journal.toString(), "--out", temp.resolve("r").toString()),
            "ringtrade: journal " + journal + ": no ringtrade-journal.conf (not a journal written by ringtrade)");
    }

    private Path config(final String name, final Path trades) throws Exception {
        return JournalFixtures.runConfig(temp.resolve(name), trades, JournalFixtures.smaBook("btc-sma", 5, 20),
            JournalFixtures.rsiBook("btc-rsi"));
    }

    /** SHA-256 of a file's bytes, hex, computed here with the JDK's digest over the whole file read at once. */
    private static String sha256(final Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Replaces the feed identity a journal's manifest records with {@code feed}'s. */
    private static void recordFeed(final Path journal, final Path feed) throws Exception {
        final Path manifest = journal.resolve(JournalManifest.FILE);
        final String text = Files.readString(manifest);
        Files.writeString(manifest, text.substring(0, text.indexOf(JournalManifest.INPUTS_KEY + " {")));
        JournalManifest.recordInputs(journal, FeedIdentity.of(feed.toString(), null), 0,
            new PrintWriter(Writer.nullWriter()));
    }

    private static CommandRunner.Result run(final Path config, final Path journal, final Path out) {
        return CommandRunner.run("run", "--config", config.toString(), "--journal", journal.toString(),
            "--out", out.toString(), "--speed", "0", "--exit-at-end");
    }
}
