package io.ringtrade.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots beside a journal: newest usable wins, damaged or too-new ones are skipped with a reason, two are kept. */
class SnapshotStoreTest {
    @TempDir
    Path dir;

    @Test
    void shouldReturnTheNewestSnapshotWithItsStateAndEntries() {
        SnapshotStore.write(dir, 100, new byte[] {1, 2, 3});
        SnapshotStore.write(dir, 200, new byte[] {4, 5});
        final var snapshot = SnapshotStore.newestUsable(dir, 1_000, why -> { }).orElseThrow();
        assertThat(snapshot.entries()).isEqualTo(200);
        assertThat(snapshot.state()).containsExactly(4, 5);
    }

    @Test
    void shouldKeepOnlyTheNewestTwo() throws Exception {
        SnapshotStore.write(dir, 100, new byte[] {1});
        SnapshotStore.write(dir, 200, new byte[] {2});
        SnapshotStore.write(dir, 300, new byte[] {3});
        try (var files = Files.list(dir.resolve(SnapshotStore.FOLDER))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("snapshot-00000000000000000200.bin", "snapshot-00000000000000000300.bin");
        }
    }

    @Test
    void shouldSkipASnapshotCoveringMoreEntriesThanTheJournalHolds() {
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
        SnapshotStore.write(dir, 100, new byte[] {1, 2, 3});
        final Path newest = SnapshotStore.write(dir, 200, new byte[] {4, 5, 6});
        final byte[] bytes = Files.readAllBytes(newest);
        bytes[21] ^= 0x40; // a state byte
        Files.write(newest, bytes);
        final List<String> skipped = new ArrayList<>();
        assertThat(SnapshotStore.newestUsable(dir, 1_000, skipped::add).orElseThrow().entries()).isEqualTo(100);
        assertThat(skipped).containsExactly("snapshot " + newest + " fails its checksum; not used");
    }

    @Test
    void shouldSkipATruncatedSnapshot() throws Exception {
        final Path only = SnapshotStore.write(dir, 100, new byte[] {1, 2, 3});
        final byte[] bytes = Files.readAllBytes(only);
        Files.write(only, java.util.Arrays.copyOf(bytes, bytes.length - 2));
        final List<String> skipped = new ArrayList<>();
        assertThat(SnapshotStore.newestUsable(dir, 1_000, skipped::add)).isEmpty();
        assertThat(skipped).containsExactly("snapshot " + only + " is truncated; not used");
    }

    @Test
    void shouldFindNothingWithoutSnapshots() {
        assertThat(SnapshotStore.newestUsable(dir, 10, why -> { })).isEmpty();
    }
}
