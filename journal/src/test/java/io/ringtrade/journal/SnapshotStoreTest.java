package io.ringtrade.journal;

import static io.ringtrade.journal.JournalFixtures.trade;
import static io.ringtrade.journal.JournalFixtures.writeTrades;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.event.EngineEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots beside a journal: newest usable wins; damaged, too-new, old-layout snapshots and snapshots whose last
 * covered entry is not the journal's (another checksum) are skipped with a reason; two are kept.
 */
class SnapshotStoreTest {
    @TempDir
    Path dir;

    /**
     * The checksum {@link JournalLayout} documents, computed here from its description for a TRADE entry: every field
     * in offset order (reserved excluded) sign-extended to 64 bits, mixed into h.
     */
    static int documentedChecksum(final EngineEvent trade) {
        final long[] fields = {1, 1, trade.instrumentId, trade.sequence, trade.eventTimeNanos, trade.ingressNanos, 1,
            trade.price, trade.quantity};
        long h = 0x9E3779B97F4A7C15L;
        for (final long v : fields) {
            h = Long.rotateLeft(h ^ v, 29) * 0xBF58476D1CE4E5B9L;
        }
        return (int) (h ^ (h >>> 32));
    }

    @Test
    void shouldTieANewSnapshotToTheChecksumOfItsLastEntryAndReturnItAsNewest() {
        writeTrades(dir, 300);
        SnapshotStore.write(dir, 100, new byte[] {1, 2, 3});
        SnapshotStore.write(dir, 200, new byte[] {4, 5});
        final var snapshot = SnapshotStore.newestUsable(dir, 300, why -> { }).orElseThrow();
        assertThat(snapshot.entries()).isEqualTo(200);
        assertThat(snapshot.state()).containsExactly(4, 5);
        assertThat(snapshot.lastEntryChecksum()).isEqualTo(documentedChecksum(trade(199)));
        assertThat(snapshot.writtenAtMillis()).isPositive();
    }

    @Test
    void shouldKeepOnlyTheNewestTwo() throws Exception {
        writeTrades(dir, 300);
        SnapshotStore.write(dir, 100, new byte[] {1});
        SnapshotStore.write(dir, 200, new byte[] {2});
        SnapshotStore.write(dir, 300, new byte[] {3});
        try (var files = Files.list(dir.resolve(SnapshotStore.FOLDER))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("snapshot-00000000000000000200.bin", "snapshot-00000000000000000300.bin");
        }
    }

    @Test
    void shouldSkipASnapshotWhoseLastEntryHasAnotherChecksumInTheJournal() {
        writeTrades(dir, 300);
        SnapshotStore.write(dir, 100, new byte[] {1});
        final int real = documentedChecksum(trade(199));
        final Path mismatched = SnapshotStore.write(dir, 200, real ^ 1, 1_000L, new byte[] {2});
        final List<String> skipped = new ArrayList<>();

        final var used = SnapshotStore.newestUsable(dir, 300, skipped::add).orElseThrow();

        assertThat(used.entries()).isEqualTo(100);
        assertThat(skipped).containsExactly("snapshot " + mismatched + " was taken after entry 199 with checksum "
            + SnapshotStore.hex(real ^ 1) + ", but the journal's entry 199 has checksum " + SnapshotStore.hex(real)
            + " (not the journal it was taken from); not used");
    }

    @Test
    void shouldSkipASnapshotCopiedFromAnotherJournalOfTheSameLength() throws Exception {
        final Path other = dir.resolve("other");
        writeTrades(other, 100);
        SnapshotStore.write(other, 100, new byte[] {9});
        final Path journal = dir.resolve("journal");
        try (ChronicleEventJournal writer = ChronicleEventJournal.open(journal)) {
            for (int i = 0; i < 100; i++) {
                final EngineEvent e = trade(i);
                e.quantity += i == 99 ? 1 : 0; // the same up to the last entry
                writer.append(e);
            }
        }
        Files.createDirectories(journal.resolve(SnapshotStore.FOLDER));
        final Path copied = journal.resolve(SnapshotStore.FOLDER).resolve("snapshot-00000000000000000100.bin");
        Files.copy(other.resolve(SnapshotStore.FOLDER).resolve("snapshot-00000000000000000100.bin"), copied);
        final List<String> skipped = new ArrayList<>();

        assertThat(SnapshotStore.newestUsable(journal, 100, skipped::add)).isEmpty();
        assertThat(skipped).singleElement().asString().startsWith("snapshot " + copied + " was taken after entry 99 with"
            + " checksum ").endsWith(" (not the journal it was taken from); not used");
        assertThat(SnapshotStore.newestUsable(other, 100, why -> { })).isPresent();
    }

    @Test
    void shouldSkipASnapshotCoveringMoreEntriesThanTheJournalHolds() {
        writeTrades(dir, 200);
        SnapshotStore.write(dir, 100, new byte[] {1});
        SnapshotStore.write(dir, 200, new byte[] {2});
        final List<String> skipped = new ArrayList<>();
        final var snapshot = SnapshotStore.newestUsable(dir, 150, skipped::add).orElseThrow();
        assertThat(snapshot.entries()).isEqualTo(100);
        assertThat(skipped).containsExactly("snapshot " + dir.resolve("snapshots/snapshot-00000000000000000200.bin")
            + " covers 200 entries but the journal holds 150; not used");
    }

    @Test
    void shouldSkipASnapshotThatFailsItsChecksum() throws Exception {
        writeTrades(dir, 200);
        SnapshotStore.write(dir, 100, new byte[] {1, 2, 3});
        final Path newest = SnapshotStore.write(dir, 200, new byte[] {4, 5, 6});
        final byte[] bytes = Files.readAllBytes(newest);
        bytes[33] ^= 0x40; // a state byte (the header is 32 bytes)
        Files.write(newest, bytes);
        final List<String> skipped = new ArrayList<>();
        assertThat(SnapshotStore.newestUsable(dir, 1_000, skipped::add).orElseThrow().entries()).isEqualTo(100);
        assertThat(skipped).containsExactly("snapshot " + newest + " fails its checksum; not used");
    }

    @Test
    void shouldSkipATruncatedSnapshot() throws Exception {
        writeTrades(dir, 100);
        final Path only = SnapshotStore.write(dir, 100, new byte[] {1, 2, 3});
        final byte[] bytes = Files.readAllBytes(only);
        Files.write(only, Arrays.copyOf(bytes, bytes.length - 2));
        final List<String> skipped = new ArrayList<>();
        assertThat(SnapshotStore.newestUsable(dir, 1_000, skipped::add)).isEmpty();
        assertThat(skipped).containsExactly("snapshot " + only + " is truncated; not used");
    }

    @Test
    void shouldSkipASnapshotOfTheEarlierLayoutWithoutAJournalChecksum() throws Exception {
        writeTrades(dir, 100);
        final Path old = dir.resolve(SnapshotStore.FOLDER).resolve("snapshot-00000000000000000100.bin");
        Files.createDirectories(old.getParent());
        // RTSNAP01: magic, entries, state length, state, CRC32C
        Files.write(old, new byte[] {'R', 'T', 'S', 'N', 'A', 'P', '0', '1', 0, 0, 0, 0, 0, 0, 0, 100, 0, 0, 0, 1, 7,
            0, 0, 0, 0});
        final List<String> skipped = new ArrayList<>();
        assertThat(SnapshotStore.newestUsable(dir, 100, skipped::add)).isEmpty();
        assertThat(skipped).containsExactly("snapshot " + old + " was written by an older version (no journal checksum);"
            + " not used");
    }

    @Test
    void shouldFindTheOldestUsableSnapshotForAReplayThatCannotStartAtEntryZero() {
        writeTrades(dir, 300);
        final int at199 = documentedChecksum(trade(199));
        SnapshotStore.write(dir, 100, 12345, 1_000L, new byte[] {1}); // wrong checksum
        SnapshotStore.write(dir, 200, at199, 2_000L, new byte[] {2});
        SnapshotStore.write(dir, 300, documentedChecksum(trade(299)), 3_000L, new byte[] {3});
        final List<String> skipped = new ArrayList<>();

        final var oldest = SnapshotStore.oldestUsable(dir, 300, skipped::add).orElseThrow();

        assertThat(oldest.entries()).isEqualTo(200);
        assertThat(oldest.writtenAtMillis()).isEqualTo(2_000L);
        assertThat(skipped).hasSize(1);
        assertThat(SnapshotStore.headers(dir)).extracting(SnapshotStore.Header::entries).containsExactly(300L, 200L, 100L);
    }

    @Test
    void shouldWaitForTheJournalStageToRecordTheLastCoveredEntry() throws Exception {
        final EngineEvent last = trade(10);
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            for (int i = 0; i < 10; i++) {
                journal.append(trade(i));
            }
            journal.flush();
            // the business-logic thread took a snapshot after entry 10; the journal stage appends it afterwards
            final CompletableFuture<Integer> checksum = CompletableFuture.supplyAsync(
                () -> SnapshotStore.awaitChecksum(dir, 11, Duration.ofSeconds(30)));
            Thread.sleep(50);
            journal.append(last);
            journal.flush();
            assertThat(checksum.get()).isEqualTo(documentedChecksum(last));
        }
    }

    @Test
    void shouldRefuseToWriteASnapshotForAnEntryTheJournalNeverRecords() {
        writeTrades(dir, 5);
        assertThatThrownBy(() -> SnapshotStore.awaitChecksum(dir, 7, Duration.ofMillis(20)))
            .isInstanceOf(JournalException.class)
            .hasMessageStartingWith("journal " + dir + ": entry 6 was not recorded within 20 ms, so no snapshot covering it"
                + " is written");
    }

    @Test
    void shouldFindNothingWithoutSnapshots() {
        assertThat(SnapshotStore.newestUsable(dir, 10, why -> { })).isEmpty();
    }
}
