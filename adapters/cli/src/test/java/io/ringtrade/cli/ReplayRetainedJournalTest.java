package io.ringtrade.cli;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.journal.ChronicleEventJournal;
import io.ringtrade.journal.DurabilityPolicy;
import io.ringtrade.journal.JournalReader;
import io.ringtrade.journal.JournalRetention;
import io.ringtrade.journal.JournalRollCycle;
import io.ringtrade.journal.SnapshotStore;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.ringtrade.cli.JournalFixtures.rows;
import static io.ringtrade.cli.JournalFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code replay} of a journal whose first cycle files retention removed starts from the oldest usable snapshot and
 * ends where a replay of the whole journal ends. A paper run's journal (2,000 Bitstamp trades, one SMA book) is
 * copied entry by entry into a minutely journal, one cycle file per 250 entries; snapshots of the business state
 * after entries 600, 1,100 and 1,600 are stored as the engine stores them (written at wall times 1,000, 2,000 and
 * 3,000 s); retention with a 1,500 s window at 3,500 s keeps the snapshot at 1,100 as its base and removes the cycle
 * files of entries 0..999.
 */
class ReplayRetainedJournalTest {
    private static final int TRADES = 2000;
    private static final int ENTRIES_PER_CYCLE = 250;
    private static final long[] SNAPSHOTS = {600, 1100, 1600};

    @TempDir
    Path temp;

    @Test
    void shouldReplayFromTheOldestKeptSnapshotToTheSameEnd() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), TRADES);
        final Path config = JournalFixtures.runConfig(temp.resolve("run.conf"), trades,
            JournalFixtures.smaBook("btc-sma", 5, 20));
        final Path recorded = temp.resolve("recorded");
        succeeded(CommandRunner.run("run", "--config", config.toString(), "--journal", recorded.toString(), "--out",
            temp.resolve("run").toString(), "--speed", "0", "--exit-at-end"));
        final Path retained = temp.resolve("retained");
        copyIntoMinutelyCycles(recorded, retained);
        storeSnapshots(retained);

        final List<JournalRetention.RemovedCycle> removed = new JournalRetention(retained, Duration.ofSeconds(1500),
            null, Clock.fixed(Instant.ofEpochSecond(3500), ZoneOffset.UTC)).apply();
        assertThat(removed).extracting(JournalRetention.RemovedCycle::lastEntry).containsExactly(249L, 499L, 749L,
            999L);

        final Path whole = temp.resolve("whole");
        final Path tail = temp.resolve("tail");
        final CommandRunner.Result wholeReplay = succeeded(CommandRunner.run("replay", "--journal",
            recorded.toString(), "--out", whole.toString()));
        final CommandRunner.Result tailReplay = succeeded(CommandRunner.run("replay", "--journal", retained.toString(),
            "--out", tail.toString()));

        assertThat(tailReplay.out()).startsWith("journal " + retained + " starts from the snapshot at entry 1100"
            + " (entries before 1000 were removed by retention); the output files hold what happened after it"
            + System.lineSeparator() + "replayed 901 entries from " + retained + " in ");
        // the same books at the end: the line of each book, and the fills after the snapshot are the full replay's last
        assertThat(bookLines(tailReplay)).isNotEmpty().isEqualTo(bookLines(wholeReplay));
        final List<String> allFills = rows(whole.resolve("trades.csv"));
        final List<String> tailFills = rows(tail.resolve("trades.csv"));
        assertThat(tailFills).isNotEmpty().hasSizeLessThan(allFills.size());
        assertThat(allFills.subList(allFills.size() - tailFills.size(), allFills.size())).isEqualTo(tailFills);
    }

    private static List<String> bookLines(final CommandRunner.Result result) {
        return result.out().lines().filter(line -> line.startsWith("  book ")).toList();
    }

    /** Copies every entry of {@code from} into a new minutely journal, advancing its clock a minute per cycle. */
    private static void copyIntoMinutelyCycles(final Path from, final Path to) throws Exception {
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2024-01-02T23:00:00Z"));
        long entries = 0;
        try (JournalReader reader = JournalReader.open(from);
             ChronicleEventJournal journal = ChronicleEventJournal.open(to, DurabilityPolicy.OS_CACHE,
                 JournalRollCycle.MINUTELY, clock)) {
            final EngineEvent slot = new EngineEvent();
            while (reader.next(slot)) {
                journal.append(slot);
                if (++entries % ENTRIES_PER_CYCLE == 0) {
                    journal.flush();
                    clock.advanceMillis(60_000);
                }
            }
            journal.flush();
        }
        assertThat(entries).isEqualTo(TRADES + 1); // the trades and the clean stop's cancel-all
        Files.copy(from.resolve(JournalManifest.FILE), to.resolve(JournalManifest.FILE));
    }

    /** Stores the business state after each of {@link #SNAPSHOTS} entries, as the engine's snapshot thread does. */
    private static void storeSnapshots(final Path journal) {
        final BusinessLogic logic = ReplayCommand.newLogic(JournalManifest.read(journal), OutputSink.NONE);
        final EngineEvent slot = new EngineEvent();
        try (JournalInput input = JournalInput.open(journal, new PrintWriter(new StringWriter()))) {
            for (int i = 0; i < SNAPSHOTS.length; i++) {
                while (input.nextEntry() < SNAPSHOTS[i] && input.next(slot)) {
                    logic.onEvent(slot);
                    slot.effects.clear();
                }
                SnapshotStore.write(journal, SNAPSHOTS[i], SnapshotStore.awaitChecksum(journal, SNAPSHOTS[i],
                    Duration.ofSeconds(5)), (i + 1) * 1_000_000L, logic.snapshot());
            }
        }
    }
}
