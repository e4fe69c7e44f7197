package io.ringtrade.journal;

import static io.ringtrade.journal.JournalFixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.event.EngineEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on a minutely journal of five cycle files, ten entries each (cycle k holds entries 10k .. 10k+9, files
 * 20240102-2356 .. 20240103-0000), with snapshots after entries 15, 25, 35, 45 and 50 written at wall times 1000 s,
 * 2000 s, 3000 s, 4000 s and 5000 s. With "now" at 5000 s and a 2500 s window, the base snapshot is the one at entry
 * 25 (written at 2000 s, the newest at or before 2500 s): cycles 0 and 1 (entries 0..19) lie wholly before its last
 * covered entry 24 and go; cycle 2, which holds entry 24, stays.
 */
class JournalRetentionTest {
    private static final String[] FILES = {"20240102-2356.cq4", "20240102-2357.cq4", "20240102-2358.cq4",
        "20240102-2359.cq4", "20240103-0000.cq4"};
    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(5000), ZoneOffset.UTC);
    private static final Duration WINDOW = Duration.ofSeconds(2500);

    @TempDir
    Path tmp;
    private Path dir;
    private final SetTimeProvider chronicleClock = new SetTimeProvider(Instant.parse("2024-01-02T23:56:00Z"));

    @BeforeEach
    void writeFiveMinutelyCyclesAndFiveSnapshots() {
        dir = tmp.resolve("journal");
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir, DurabilityPolicy.OS_CACHE,
            JournalRollCycle.MINUTELY, chronicleClock)) {
            appendCycles(journal, 0, 5);
        }
        for (final long entries : new long[] {15, 25, 35, 45, 50}) {
            SnapshotStore.write(dir, entries, SnapshotStore.awaitChecksum(dir, entries, Duration.ofSeconds(5)),
                entries / 10 * 1000_000L, new byte[] {(byte) entries});
        }
        assertThat(cycleFiles(dir)).containsExactly(FILES);
    }

    private void appendCycles(final ChronicleEventJournal journal, final int firstCycle, final int cycles) {
        for (int cycle = firstCycle; cycle < firstCycle + cycles; cycle++) {
            for (int i = 0; i < 10; i++) {
                journal.append(trade(cycle * 10L + i));
            }
            journal.flush();
            chronicleClock.advanceMillis(60_000);
        }
    }

    @Test
    void shouldDeleteTheCyclesWhollyCoveredByTheNewestSnapshotOlderThanTheWindow() throws IOException {
        final List<JournalRetention.RemovedCycle> removed = new JournalRetention(dir, WINDOW, null, NOW).apply();

        assertThat(removed).containsExactly(new JournalRetention.RemovedCycle(FILES[0], 0, 9, null),
            new JournalRetention.RemovedCycle(FILES[1], 10, 19, null));
        assertThat(cycleFiles(dir)).containsExactly(FILES[2], FILES[3], FILES[4]);
        assertThat(Files.readAllLines(dir.resolve(JournalRetention.LOG_FILE))).containsExactly(
            "1970-01-01T01:23:20Z deleted 20240102-2356.cq4 (entries 0..9; covered by the snapshot at entry 25 written"
                + " 1970-01-01T00:33:20Z, retention PT41M40S)",
            "1970-01-01T01:23:20Z deleted 20240102-2357.cq4 (entries 10..19; covered by the snapshot at entry 25 written"
                + " 1970-01-01T00:33:20Z, retention PT41M40S)");
        // the newest two, the base, and the oldest snapshot of cycle 3 (entry 34); the one at 15 covered deleted entries
        assertThat(SnapshotStore.headers(dir)).extracting(SnapshotStore.Header::entries).containsExactly(50L, 45L, 35L, 25L);
    }

    @Test
    void shouldLeaveAJournalThatReadsFromItsFirstKeptEntryAndContinuesItsNumbering() {
        new JournalRetention(dir, WINDOW, null, NOW).apply();

        assertThat(sequences(dir, -1)).containsExactlyElementsOf(range(20, 50));
        assertThat(sequences(dir, 33)).containsExactlyElementsOf(range(33, 50));
        assertThatThrownBy(() -> JournalReader.open(dir, 19)).isInstanceOf(JournalException.class)
            .hasMessage("journal " + dir + " starts at entry 20 (retention removed the entries before it), cannot read"
                + " from entry 19");
        assertThatThrownBy(() -> JournalReader.open(dir, 51)).isInstanceOf(JournalException.class)
            .hasMessage("journal " + dir + " has 50 entries, cannot read from entry 51");
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir, DurabilityPolicy.OS_CACHE,
            JournalRollCycle.MINUTELY, chronicleClock)) {
            assertThat(journal.entryCount()).isEqualTo(50);
            appendCycles(journal, 5, 1);
        }
        assertThat(sequences(dir, 48)).containsExactlyElementsOf(range(48, 60));
        // recovery uses the newest snapshot, a replay of the kept journal starts from the base
        assertThat(SnapshotStore.newestUsable(dir, 60, why -> { }).orElseThrow().entries()).isEqualTo(50);
        assertThat(SnapshotStore.oldestUsable(dir, 60, why -> { }).orElseThrow().entries()).isEqualTo(25);
    }

    @Test
    void shouldStartAReplayOfTheKeptJournalFromItsOldestUsableSnapshotAndRecoveryFromTheNewest() throws IOException {
        final ReplayStart before = ReplayStart.forReplay(dir, 50, why -> { });
        assertThat(before.snapshot()).isEmpty();
        assertThat(before.describe()).isEqualTo("starts at entry 0");
        new JournalRetention(dir, WINDOW, null, NOW).apply();

        final ReplayStart replay = ReplayStart.forReplay(dir, 50, why -> { });
        final ReplayStart recovery = ReplayStart.forRecovery(dir, 50, why -> { });

        assertThat(replay.fromEntry()).isEqualTo(25);
        assertThat(replay.snapshot().orElseThrow().state()).containsExactly(25);
        assertThat(replay.describe()).isEqualTo("starts from the snapshot at entry 25 (entries before 20 were removed by"
            + " retention)");
        assertThat(recovery.fromEntry()).isEqualTo(50);
        // without a usable snapshot, a journal that lacks its first entries cannot be replayed at all
        try (Stream<Path> snapshots = Files.list(dir.resolve(SnapshotStore.FOLDER))) {
            for (final Path file : snapshots.toList()) {
                Files.delete(file);
            }
        }
        assertThatThrownBy(() -> ReplayStart.forReplay(dir, 50, why -> { })).isInstanceOf(JournalException.class)
            .hasMessage("journal " + dir + " starts at entry 20 (retention removed the entries before it) and has no"
                + " usable snapshot to replay from");
    }

    @Test
    void shouldArchiveRemovedCyclesIntoAFolderThatIsItselfAReadableJournal() {
        final Path archive = tmp.resolve("archive");

        final List<JournalRetention.RemovedCycle> removed = new JournalRetention(dir, WINDOW, archive, NOW).apply();

        assertThat(removed).extracting(JournalRetention.RemovedCycle::archivedTo)
            .containsExactly(archive.resolve(FILES[0]), archive.resolve(FILES[1]));
        assertThat(cycleFiles(archive)).containsExactly(FILES[0], FILES[1]);
        assertThat(sequences(archive, -1)).containsExactlyElementsOf(range(0, 20));
        assertThat(sequences(dir, -1)).containsExactlyElementsOf(range(20, 50));
        assertThat(JournalStats.compute(dir).format()).contains("removed by retention: 2 cycle files (2 archived, 0"
            + " deleted), see " + dir.resolve(JournalRetention.LOG_FILE) + "\n  1970-01-01T01:23:20Z archived "
            + FILES[0] + " to " + archive.resolve(FILES[0]) + " (entries 0..9;");
    }

    @Test
    void shouldNeverRemoveACycleARunningReaderStillNeeds() {
        final EngineEvent slot = new EngineEvent();
        try (JournalReader reader = JournalReader.open(dir, 5)) {
            assertThat(new JournalRetention(dir, WINDOW, null, NOW).apply()).isEmpty();
            for (int i = 5; i <= 12; i++) {
                assertThat(reader.next(slot)).isTrue(); // into cycle 1: the reader needs entries from 10 on
            }
            assertThat(new JournalRetention(dir, WINDOW, null, NOW).apply())
                .extracting(JournalRetention.RemovedCycle::fileName).containsExactly(FILES[0]);
            while (reader.next(slot)) {
                assertThat(slot.sequence).isEqualTo(reader.lastEntry());
            }
            assertThat(reader.lastEntry()).isEqualTo(49);
        }
        assertThat(new JournalRetention(dir, WINDOW, null, NOW).apply())
            .extracting(JournalRetention.RemovedCycle::fileName).containsExactly(FILES[1]);
    }

    @Test
    void shouldIgnoreAndClearTheHoldOfAReaderThatDied() throws IOException {
        final Path holds = Files.createDirectories(dir.resolve(JournalHold.FOLDER));
        final Path stale = holds.resolve("hold-999999-1.hold");
        Files.write(stale, new byte[8]); // entry 0, but nobody holds the file's lock

        assertThat(new JournalRetention(dir, WINDOW, null, NOW).apply()).hasSize(2);
        assertThat(stale).doesNotExist();
    }

    @Test
    void shouldRemoveNothingWhileNoSnapshotIsOlderThanTheWindow() {
        final JournalRetention retention = new JournalRetention(dir, Duration.ofSeconds(4500), null, NOW);
        assertThat(retention.apply()).isEmpty();
        assertThat(cycleFiles(dir)).containsExactly(FILES);
        // every snapshot is a future base, one per cycle, plus the newest two
        assertThat(SnapshotStore.headers(dir)).extracting(SnapshotStore.Header::entries)
            .containsExactly(50L, 45L, 35L, 25L, 15L);
    }

    @Test
    void shouldKeepTheNewestCycleEvenWhenTheBaseCoversAllOfIt() {
        final JournalRetention retention = new JournalRetention(dir, WINDOW, null,
            Clock.fixed(Instant.ofEpochSecond(1_000_000), ZoneOffset.UTC));
        assertThat(retention.apply()).extracting(JournalRetention.RemovedCycle::fileName)
            .containsExactly(FILES[0], FILES[1], FILES[2], FILES[3]);
        assertThat(cycleFiles(dir)).containsExactly(FILES[4]);
        assertThat(SnapshotStore.headers(dir)).extracting(SnapshotStore.Header::entries).containsExactly(50L, 45L);
        assertThat(sequences(dir, 45)).containsExactlyElementsOf(range(45, 50));
    }

    @Test
    void shouldOnlyKeepTheNewestTwoSnapshotsWithRetentionOff() {
        final List<JournalRetention.RemovedCycle> removed = JournalRetention.off(dir)
            .writeSnapshot(50, new byte[] {1});
        assertThat(removed).isEmpty();
        assertThat(cycleFiles(dir)).containsExactly(FILES);
        assertThat(SnapshotStore.headers(dir)).extracting(SnapshotStore.Header::entries).containsExactly(50L, 45L);
    }

    @Test
    void shouldWriteTheSnapshotThenApplyRetention() {
        final JournalRetention retention = new JournalRetention(dir, WINDOW, null,
            Clock.fixed(Instant.ofEpochSecond(6000), ZoneOffset.UTC));
        // at 6000 s the base is the snapshot at 35 (3000 s): cycles 0..2 go (entries 0..29; 34 is in cycle 3)
        assertThat(retention.writeSnapshot(50, new byte[] {9})).extracting(JournalRetention.RemovedCycle::fileName)
            .containsExactly(FILES[0], FILES[1], FILES[2]);
        final var newest = SnapshotStore.newestUsable(dir, 50, why -> { }).orElseThrow();
        assertThat(newest.writtenAtMillis()).isEqualTo(6_000_000L);
        assertThat(newest.state()).containsExactly(9);
    }

    @Test
    void shouldShowRollCycleCyclesSnapshotsAndRemovalsInTheStats() {
        new JournalRetention(dir, WINDOW, null, NOW).apply();
        final JournalStats stats = JournalStats.compute(dir);
        assertThat(stats.entries()).isEqualTo(30);
        assertThat(stats.firstEntry()).isEqualTo(20);
        assertThat(stats.rollCycle()).isEqualTo(JournalRollCycle.MINUTELY);
        assertThat(stats.format()).startsWith("journal " + dir + "\nentries 30\n  MARKET_DATA 30\n")
            .contains("\nentry numbers 20..49 (entries before 20 were removed by retention)\n"
                + "first event time 2024-01-02T03:04:05.000000020Z\n"
                + "last event time 2024-01-02T03:04:05.000000049Z\n"
                + "roll cycle minutely\n"
                + "cycle files kept 3\n"
                + "  20240102-2358.cq4 entries 20..29\n"
                + "  20240102-2359.cq4 entries 30..39\n"
                + "  20240103-0000.cq4 entries 40..49\n"
                + "snapshots kept 4\n"
                + "  snapshot-00000000000000000050.bin covers 50 entries, written 1970-01-01T01:23:20Z\n"
                + "  snapshot-00000000000000000045.bin covers 45 entries, written 1970-01-01T01:06:40Z\n"
                + "  snapshot-00000000000000000035.bin covers 35 entries, written 1970-01-01T00:50:00Z\n"
                + "  snapshot-00000000000000000025.bin covers 25 entries, written 1970-01-01T00:33:20Z\n"
                + "removed by retention: 2 cycle files (0 archived, 2 deleted), see " + dir.resolve("retention.log")
                + "\n  1970-01-01T01:23:20Z deleted 20240102-2356.cq4 (entries 0..9; ");
    }

    private static List<Long> range(final long from, final long until) {
        final List<Long> values = new ArrayList<>();
        for (long i = from; i < until; i++) {
            values.add(i);
        }
        return values;
    }

    /** Sequences read from entry {@code from} on ({@code -1}: from the first entry present). */
    private static List<Long> sequences(final Path journal, final long from) {
        final List<Long> sequences = new ArrayList<>();
        final EngineEvent slot = new EngineEvent();
        try (JournalReader reader = from < 0 ? JournalReader.open(journal) : JournalReader.open(journal, from)) {
            while (reader.next(slot)) {
                sequences.add(slot.sequence);
            }
        }
        return sequences;
    }

    private static List<String> cycleFiles(final Path journal) {
        try (Stream<Path> files = Files.list(journal)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4")).sorted().toList();
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
