package io.ringtrade.cli;

import io.ringtrade.journal.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.ringtrade.cli.JournalFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot is tied to the journal's content: recovery restores it only when the journal has, at the snapshot's last
 * covered entry, the checksum the snapshot recorded. A paper run of 300 Bitstamp trades with a snapshot every 100
 * inputs keeps the snapshots at 200 and 300; the one at 300 is rewritten with another checksum (everything else,
 * state and file checksum, intact), so the restart passes it over with a message and recovers from the one at 200,
 * ending with the same trades.
 */
class SnapshotJournalTieTest {
    @TempDir
    Path temp;

    @Test
    void shouldSkipASnapshotWhoseLastEntryHasAnotherChecksumAndRecoverFromTheOlderOne() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 300);
        final Path config = JournalFixtures.runConfig(temp.resolve("run.conf"), trades,
            JournalFixtures.smaBook("btc-sma", 5, 20), JournalFixtures.rsiBook("btc-rsi"));
        final Path journal = temp.resolve("journal");
        final Path out = temp.resolve("out"); // a restart continues the output files the snapshot's rows are in
        succeeded(run(config, journal, out));
        final byte[] firstTrades = Files.readAllBytes(out.resolve("trades.csv"));
        final var newest = SnapshotStore.newestUsable(journal, 301, why -> { }).orElseThrow();
        assertThat(newest.entries()).isEqualTo(300);
        final int wrong = newest.lastEntryChecksum() ^ 0x10;
        SnapshotStore.write(journal, 300, wrong, newest.writtenAtMillis(), newest.state());

        final CommandRunner.Result restart = run(config, journal, out);

        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.err()).isEqualTo("ringtrade: snapshot " + newest.file() + " was taken after entry 299 with"
            + " checksum " + String.format("0x%08x", wrong) + ", but the journal's entry 299 has checksum "
            + String.format("0x%08x", newest.lastEntryChecksum()) + " (not the journal it was taken from); not used"
            + System.lineSeparator());
        assertThat(restart.out()).contains("recovered: replayed 101 journaled events in ")
            .contains(" ms (effects suppressed) on top of the snapshot at entry 200; the feed resumes after its 300"
                + " journaled inputs");
        // nothing new to trade: the feed was wholly journaled, so the files hold exactly the first run's trades
        assertThat(Files.readAllBytes(out.resolve("trades.csv"))).isEqualTo(firstTrades);
    }

    private static CommandRunner.Result run(final Path config, final Path journal, final Path out) {
        return CommandRunner.run("run", "--config", config.toString(), "--journal", journal.toString(), "--out",
            out.toString(), "--speed", "0", "--exit-at-end", "--snapshot-interval", "100");
    }
}
