package io.ringtrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.ringtrade.cli.JournalFixtures.OUTPUT_FILES;
import static io.ringtrade.cli.JournalFixtures.assertSameBytes;
import static io.ringtrade.cli.JournalFixtures.failedWith;
import static io.ringtrade.cli.JournalFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal commands as specified by DESIGN.md §4 and their help texts: {@code backtest --journal-out} records a
 * journal that {@code replay} turns back into the backtest's trades, equity and orders, byte for byte and the same on
 * every replay; {@code import} turns a trade file into a journal that {@code backtest --journal} runs exactly like the
 * file; {@code journal stats} and {@code journal dump} print exact text; and every user mistake ends with exit code 2
 * and one line on stderr. Real data: the Apple 2013 daily bars and the first 3000 trades of the Bitstamp file.
 */
class JournalCommandsTest {
    private static final List<String> RUN_FILES = List.of("trades.csv", "equity.csv", "orders.csv");

    @TempDir
    Path temp;

    @Test
    void shouldReplayABacktestJournalTwiceToIdenticalBytesEqualToTheBacktestsOwnFiles() throws Exception {
        final Path journal = temp.resolve("journal");
        final Path backtest = temp.resolve("backtest");
        succeeded(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--param", "fast=10", "--param", "slow=30",
            "--data", RealData.apple().toString(), "--symbol", "AAPL", "--commission-bps", "10",
            "--journal-out", journal.toString(), "--out", backtest.toString()));
        final Path a = temp.resolve("a");
        final Path b = temp.resolve("b");

        final CommandRunner.Result first = succeeded(CommandRunner.run("replay", "--journal", journal.toString(),
            "--out", a.toString()));
        succeeded(CommandRunner.run("replay", "--journal", journal.toString(), "--out", b.toString()));

        assertSameBytes(a, b, OUTPUT_FILES);
        assertSameBytes(backtest, a, RUN_FILES);
        assertThat(first.out()).startsWith("replayed 252 entries from " + journal + " in ");
        // the crossover trades several times in 2013: the comparison is not between two empty files
        assertThat(JournalFixtures.rows(a.resolve("trades.csv"))).hasSizeGreaterThan(4);
        assertThat(JournalFixtures.rows(a.resolve("equity.csv"))).hasSize(252);
    }

    @Test
    void shouldReplayATickBacktestJournalToTheBacktestsOwnFiles() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 3000);
        final Path journal = temp.resolve("journal");
        final Path backtest = temp.resolve("backtest");
        succeeded(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--param", "fast=5", "--param", "slow=20",
            "--data", trades.toString(), "--symbol", "BTC/USD", "--ticks", "--interval", "1m",
            "--journal-out", journal.toString(), "--out", backtest.toString()));
        final Path replay = temp.resolve("replay");

        succeeded(CommandRunner.run("replay", "--journal", journal.toString(), "--out", replay.toString()));

        assertSameBytes(backtest, replay, RUN_FILES);
        assertThat(JournalFixtures.rows(replay.resolve("trades.csv"))).hasSizeGreaterThan(4);
    }

    @Test
    void shouldBacktestAnImportedJournalExactlyLikeTheTradeFile() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 3000);
        final Path journal = temp.resolve("journal");
        final CommandRunner.Result imported = succeeded(CommandRunner.run("import", "--data", trades.toString(),
            "--symbol", "BTC/USD", "--journal", journal.toString()));
        final Path fromJournal = temp.resolve("from-journal");
        final Path fromFile = temp.resolve("from-file");

        succeeded(CommandRunner.run("backtest", "--journal", journal.toString(), "--strategy", "sma_crossover",
            "--param", "fast=5", "--param", "slow=20", "--interval", "1m", "--out", fromJournal.toString()));
        succeeded(CommandRunner.run("backtest", "--data", trades.toString(), "--symbol", "BTC/USD", "--ticks",
            "--strategy", "sma_crossover", "--param", "fast=5", "--param", "slow=20", "--interval", "1m",
            "--out", fromFile.toString()));

        assertThat(imported.out()).isEqualTo("imported 3000 entries into " + journal + System.lineSeparator());
        assertSameBytes(fromFile, fromJournal, OUTPUT_FILES);
        assertThat(JournalFixtures.rows(fromJournal.resolve("trades.csv"))).hasSizeGreaterThan(4);
    }

    @Test
    void shouldBacktestTheSymbolNamedFromAJournalLikeTheSymbolsFoundInIt() throws Exception {
        final Path journal = importedJournal(3000);
        final Path named = temp.resolve("named");
        final Path found = temp.resolve("found");

        succeeded(CommandRunner.run("backtest", "--journal", journal.toString(), "--symbol", "BTC/USD",
            "--strategy", "sma_crossover", "--param", "fast=5", "--param", "slow=20", "--interval", "1m",
            "--out", named.toString()));
        succeeded(CommandRunner.run("backtest", "--journal", journal.toString(),
            "--strategy", "sma_crossover", "--param", "fast=5", "--param", "slow=20", "--interval", "1m",
            "--out", found.toString()));

        assertSameBytes(found, named, OUTPUT_FILES);
    }

    @Test
    void shouldPrintExactStatsOfAnImportedJournal() throws Exception {
        // the first trade is at 1385337600 (2013-11-25T00:00:00Z), the 3000th at 1385366781 (08:06:21Z)
        final Path journal = importedJournal(3000);

        final CommandRunner.Result stats = succeeded(CommandRunner.run("journal", "stats", journal.toString()));
        final String cycleFile;
        try (var files = Files.list(journal)) {
            cycleFile = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4")).findFirst().orElseThrow();
        }

        assertThat(stats.out()).startsWith("journal " + journal + "\n"
            + "entries 3000\n"
            + "  MARKET_DATA 3000\n"
            + "  EXTERNAL_SIGNAL 0\n"
            + "  COMMAND 0\n"
            + "  EXECUTION_REPORT 0\n"
            + "  TIMER 0\n"
            + "first event time 2013-11-25T00:00:00Z\n"
            + "last event time 2013-11-25T08:06:21Z\n"
            + "roll cycle daily\n"
            + "cycle files kept 1\n"
            + "  " + cycleFile + " entries 0..2999\n"
            + "snapshots kept 0\n"
            + "removed by retention: nothing\n"
            + "bytes on disk ");
        assertThat(stats.out()).matches("(?s).*\nbytes on disk \\d+ \\(apparent size; cycle files are preallocated\\)\n");
    }

    @Test
    void shouldDumpTheFirstEntriesOfAnImportedJournalExactly() throws Exception {
        // Bitstamp rows 1 and 2: 1385337600,800.01,0.1 and 1385337613,800.05,0.27838049
        final Path journal = importedJournal(3000);

        final CommandRunner.Result dump = succeeded(CommandRunner.run("journal", "dump", journal.toString(),
            "--from", "0", "--limit", "2"));

        assertThat(dump.out().lines().toList()).containsExactly(
            "0 2013-11-25T00:00:00Z MARKET_DATA seq=0 instrument=0 ingress=0 kind=TRADE price=800.01 quantity=0.1",
            "1 2013-11-25T00:00:13Z MARKET_DATA seq=1 instrument=0 ingress=0 kind=TRADE price=800.05 quantity=0.27838049");
    }

    @Test
    void shouldDumpFromAGivenEntry() throws Exception {
        // rows 3000 (index 2999) is the last trade: 1385366781,812.14,0.084
        final Path journal = importedJournal(3000);

        final CommandRunner.Result dump = succeeded(CommandRunner.run("journal", "dump", journal.toString(),
            "--from", "2999", "--limit", "5"));

        assertThat(dump.out().lines().toList()).containsExactly(
            "2999 2013-11-25T08:06:21Z MARKET_DATA seq=2999 instrument=0 ingress=0 kind=TRADE price=812.14 quantity=0.084");
    }

    // ---- user errors: exit 2, one line ------------------------------------------------------------

    @Test
    void shouldRefuseToReplayAMissingDirectory() {
        final Path missing = temp.resolve("missing");

        failedWith(CommandRunner.run("replay", "--journal", missing.toString(), "--out", temp.resolve("out").toString()),
            "ringtrade: journal " + missing + ": directory not found");
        assertThat(Files.exists(temp.resolve("out"))).isFalse();
    }

    @Test
    void shouldRefuseToReplayADirectoryWithoutAManifest() throws Exception {
        final Path empty = Files.createDirectory(temp.resolve("empty"));

        failedWith(CommandRunner.run("replay", "--journal", empty.toString(), "--out", temp.resolve("out").toString()),
            "ringtrade: journal " + empty + ": no ringtrade-journal.conf (not a journal written by ringtrade)");
    }

    @Test
    void shouldRefuseToReplayAnImportOnlyJournalAndSuggestABacktest() throws Exception {
        final Path journal = importedJournal(100);

        failedWith(CommandRunner.run("replay", "--journal", journal.toString(), "--out", temp.resolve("out").toString()),
            "ringtrade: journal " + journal + " holds market data only (an import); run it with ringtrade backtest"
                + " --journal " + journal + " --strategy NAME ...");
        assertThat(Files.exists(temp.resolve("out"))).isFalse();
    }

    @Test
    void shouldRefuseToImportIntoANonEmptyJournal() throws Exception {
        final Path journal = importedJournal(100);

        failedWith(CommandRunner.run("import", "--data", temp.resolve("btc.csv").toString(), "--symbol", "BTC/USD",
            "--journal", journal.toString()),
            "ringtrade: journal " + journal + " already has 100 entries; import into a new directory");
        assertThat(CommandRunner.run("journal", "stats", journal.toString()).out()).contains("entries 100\n");
    }

    @Test
    void shouldRefuseToRecordABacktestIntoANonEmptyJournal() throws Exception {
        final Path journal = importedJournal(100);

        failedWith(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--data", RealData.apple().toString(),
            "--symbol", "AAPL", "--journal-out", journal.toString(), "--out", temp.resolve("out").toString()),
            "ringtrade: journal " + journal + " already has 100 entries; record into a new directory");
    }

    @Test
    void shouldRefuseABacktestWithBothDataAndJournal() throws Exception {
        final Path journal = importedJournal(100);

        failedWith(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--data", RealData.apple().toString(),
            "--journal", journal.toString(), "--out", temp.resolve("out").toString()),
            "ringtrade: give either --data FILE... or --journal DIR");
    }

    @Test
    void shouldRefuseABacktestWithNeitherDataNorJournal() {
        failedWith(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--out", temp.resolve("out").toString()),
            "ringtrade: give either --data FILE... or --journal DIR");
    }

    @Test
    void shouldRefuseABacktestOfAJournalWithoutTheSymbol() throws Exception {
        final Path journal = importedJournal(100);

        failedWith(CommandRunner.run("backtest", "--strategy", "sma_crossover", "--journal", journal.toString(),
            "--symbol", "DOGE/USD", "--out", temp.resolve("out").toString()),
            "ringtrade: journal " + journal + " has no instrument DOGE/USD");
    }

    private Path importedJournal(final int trades) throws Exception {
        final Path file = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), trades);
        final Path journal = temp.resolve("imported");
        succeeded(CommandRunner.run("import", "--data", file.toString(), "--symbol", "BTC/USD", "--journal",
            journal.toString()));
        return journal;
    }
}
