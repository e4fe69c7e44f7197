package io.ringtrade.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringtrade.engine.api.event.EngineEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pretoucher writes nothing a reader can see: the same appends give the same entries with and without it, also
 * across a 64 MiB chunk of the cycle file, and it stops with the journal.
 */
class JournalPretoucherTest {
    /** Past the first 64 MiB chunk: 1.1 M entries of 64 to 84 bytes each. */
    private static final int PAST_FIRST_CHUNK = 1_100_000;

    @TempDir
    Path tmp;

    @AfterEach
    void clearProperties() {
        System.clearProperty(JournalPretoucher.ENABLED_PROP_NAME);
        System.clearProperty(JournalPretoucher.AHEAD_BYTES_PROP_NAME);
        System.clearProperty(JournalPretoucher.RANDOM_ADVICE_PROP_NAME);
        System.clearProperty(JournalPretoucher.NEXT_CYCLE_PROP_NAME);
        System.clearProperty(JournalPretoucher.TOUCH_PAGES_PROP_NAME);
    }

    @Test
    void shouldWriteTheSameEntriesWithAndWithoutThePretoucher() {
        final Path with = tmp.resolve("with");
        final Path without = tmp.resolve("without");
        final long touched = appendAll(with, PAST_FIRST_CHUNK);
        System.setProperty(JournalPretoucher.ENABLED_PROP_NAME, "false");
        appendAll(without, PAST_FIRST_CHUNK);

        assertThat(touched).isPositive();
        final EngineEvent[] slots = JournalFixtures.everyType(0).toArray(new EngineEvent[0]);
        try (JournalReader readWith = JournalReader.open(with); JournalReader readWithout = JournalReader.open(without)) {
            final EngineEvent a = new EngineEvent();
            final EngineEvent b = new EngineEvent();
            for (int i = 0; i < PAST_FIRST_CHUNK; i++) {
                if (!readWith.next(a) || !readWithout.next(b)) {
                    throw new AssertionError("journal ended at entry " + i);
                }
                final EngineEvent expected = slots[i % slots.length];
                expected.sequence = i;
                final String line = JournalDump.format(i, a);
                if (!line.equals(JournalDump.format(i, b)) || !line.equals(JournalDump.format(i, expected))) {
                    assertThat(line).isEqualTo(JournalDump.format(i, b)).isEqualTo(JournalDump.format(i, expected));
                }
            }
            assertThat(readWith.next(a)).isFalse();
            assertThat(readWithout.next(b)).isFalse();
        }
    }

    @Test
    void shouldWriteTheSameEntriesWithoutTheRandomAccessAdvice() {
        System.setProperty(JournalPretoucher.RANDOM_ADVICE_PROP_NAME, "false");
        final Path dir = tmp.resolve("plain-advice");
        assertThat(appendAll(dir, 20_000)).isPositive();
        assertHoldsEveryTypeInTurn(dir, 20_000);
    }

    @Test
    void shouldAdviseTheCycleFilesMappingForRandomAccess() throws IOException {
        final Path smaps = Path.of("/proc/self/smaps");
        assumeTrue(Files.isReadable(smaps), "needs Linux's /proc/self/smaps");
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("advised"))) {
            journal.append(JournalFixtures.trade(0));
            journal.flush();
            final JournalPretoucher pretoucher = journal.pretoucher();
            // it wakes every millisecond; give it up to 10 s on a loaded machine (no timing is asserted)
            for (int wait = 0; wait < 10_000 && pretoucher.advisedChunks() == 0; wait++) {
                LockSupport.parkNanos(1_000_000L);
            }
            assertThat(pretoucher.failure()).isNull();
            assertThat(pretoucher.adviceFailure()).isNull();
            assertThat(pretoucher.advisedChunks()).isOne();
            // the kernel shows MADV_RANDOM as "rr" among a mapping's VmFlags; the whole mapping is advised, the chunk
            // and its overlap (advising the chunk alone split the mapping in two, the overlap's part without "rr")
            assertThat(cycleFileMappingFlags(Files.readAllLines(smaps))).isNotEmpty()
                .allMatch(flags -> flags.contains(" rr"));
        }
    }

    /**
     * After a roll the new cycle file's mapping is advised too: the pretoucher once kept the old file's advised range,
     * took the new file's first chunk for advised already, and faulted it in with 8 MiB read-arounds (25 ms bursts on
     * its thread that stalled a 2-core pipeline at every roll).
     */
    @Test
    void shouldAdviseTheNewCycleFilesMappingAfterARoll() throws IOException {
        final Path smaps = Path.of("/proc/self/smaps");
        assumeTrue(Files.isReadable(smaps), "needs Linux's /proc/self/smaps");
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2024-01-02T12:00:00Z"));
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("rolled"), DurabilityPolicy.OS_CACHE,
            clock)) {
            final JournalPretoucher pretoucher = journal.pretoucher();
            journal.append(JournalFixtures.trade(0));
            waitFor(() -> pretoucher.advisedChunks() >= 1);
            clock.advanceMillis(86_400_000L); // the next day: the next append rolls to a new file
            journal.append(JournalFixtures.trade(1));
            waitFor(() -> pretoucher.advisedChunks() >= 2);
            assertThat(pretoucher.failure()).isNull();
            assertThat(pretoucher.advisedChunks()).isEqualTo(2);
            assertThat(mappingFlags(Files.readAllLines(smaps), "20240103F.cq4")).anyMatch(flags -> flags.contains(" rr"));
        }
    }

    /**
     * Advising only ({@value JournalPretoucher#TOUCH_PAGES_PROP_NAME}{@code =false}): no page touched, every chunk the
     * writer reaches mapped and advised whole ahead of it, and the same entries as ever.
     */
    @Test
    void shouldAdviseTheChunksAheadWithoutTouchingAPageWhenAskedTo() throws IOException {
        final Path smaps = Path.of("/proc/self/smaps");
        assumeTrue(Files.isReadable(smaps), "needs Linux's /proc/self/smaps");
        System.setProperty(JournalPretoucher.TOUCH_PAGES_PROP_NAME, "false");
        final Path dir = tmp.resolve("advising");
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            final JournalPretoucher pretoucher = journal.pretoucher();
            assertThat(pretoucher.workingAhead()).isTrue();
            assertThat(pretoucher.touchingPages()).isFalse();
            appendEveryTypeInTurn(journal, PAST_FIRST_CHUNK);
            // the writer is in the second 64 MiB chunk, and 16 MiB ahead of it is still in that chunk
            waitFor(() -> pretoucher.advisedChunks() >= 2);
            assertThat(pretoucher.failure()).isNull();
            assertThat(pretoucher.adviceFailure()).isNull();
            assertThat(pretoucher.advisedChunks()).isEqualTo(2);
            assertThat(pretoucher.touchedPages()).isZero();
            assertThat(cycleFileMappingFlags(Files.readAllLines(smaps))).isNotEmpty()
                .allMatch(flags -> flags.contains(" rr"));
        }
        assertHoldsEveryTypeInTurn(dir, PAST_FIRST_CHUNK);
    }

    @Test
    void shouldRefuseATouchPagesSettingThatIsNeitherTrueNorFalse() {
        System.setProperty(JournalPretoucher.TOUCH_PAGES_PROP_NAME, "yes");
        final Path dir = tmp.resolve("j");
        assertThatThrownBy(() -> ChronicleEventJournal.open(dir))
            .isInstanceOf(JournalException.class)
            .hasMessage("ringtrade.journal.pretouch.pages must be true or false, not 'yes'");
        System.clearProperty(JournalPretoucher.TOUCH_PAGES_PROP_NAME);
        ChronicleEventJournal.open(dir).close();
    }

    /** Waits up to 10 s for {@code condition} (the pretoucher wakes every millisecond; no timing is asserted). */
    private static void waitFor(final BooleanSupplier condition) {
        for (int wait = 0; wait < 10_000 && !condition.getAsBoolean(); wait++) {
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /** The VmFlags lines of every mapping of a .cq4 file in /proc/self/smaps. */
    private static List<String> cycleFileMappingFlags(final List<String> smaps) {
        return mappingFlags(smaps, ".cq4");
    }

    /** The VmFlags lines of every mapping of a file whose path ends with {@code suffix} in /proc/self/smaps. */
    private static List<String> mappingFlags(final List<String> smaps, final String suffix) {
        final List<String> flags = new ArrayList<>();
        boolean inMatchingFile = false;
        for (final String line : smaps) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                inMatchingFile = line.endsWith(suffix); // a mapping's header line: range, perms, offset, dev, inode, path
            } else if (inMatchingFile && line.startsWith("VmFlags:")) {
                flags.add(line + " ");
            }
        }
        return flags;
    }

    @Test
    void shouldOnlyPrepareTheNextCycleUnderSyncOnBatch() {
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("synced"),
            DurabilityPolicy.SYNC_ON_BATCH)) {
            for (int i = 0; i < 1_000; i++) {
                journal.append(JournalFixtures.trade(i));
                journal.flush();
            }
            final JournalPretoucher pretoucher = journal.pretoucher();
            assertThat(pretoucher.workingAhead()).isFalse();
            assertThat(pretoucher.nextCycleFile()).isNotNull();
            assertThat(pretoucherThreads()).isOne();
            // a page touched ahead would be written by every sync: none is
            assertThat(pretoucher.touchedPages()).isZero();
            assertThat(pretoucher.advisedChunks()).isZero();
        }
        assertThat(pretoucherThreads()).isZero();
    }

    @Test
    void shouldStartNoThreadUnderSyncOnBatchWhenTheNextCycleIsLeftToTheAppender() {
        System.setProperty(JournalPretoucher.NEXT_CYCLE_PROP_NAME, "false");
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("synced"),
            DurabilityPolicy.SYNC_ON_BATCH)) {
            assertThat(journal.pretoucher()).isNull();
            assertThat(pretoucherThreads()).isZero();
        }
    }

    @Test
    void shouldStopItsThreadWhenTheJournalCloses() {
        final ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("j"));
        journal.append(JournalFixtures.trade(0));
        journal.flush();
        assertThat(pretoucherThreads()).isOne();
        journal.close();
        assertThat(pretoucherThreads()).isZero();
        assertThat(journal.pretoucher().failure()).isNull();
    }

    @Test
    void shouldStartNoThreadWhenTurnedOff() {
        System.setProperty(JournalPretoucher.ENABLED_PROP_NAME, "false");
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("j"))) {
            assertThat(journal.pretoucher()).isNull();
            assertThat(pretoucherThreads()).isZero();
        }
    }

    @Test
    void shouldRefuseATouchWindowBelowOnePage() {
        System.setProperty(JournalPretoucher.AHEAD_BYTES_PROP_NAME, "100");
        final Path dir = tmp.resolve("j");
        assertThatThrownBy(() -> ChronicleEventJournal.open(dir))
            .isInstanceOf(JournalException.class)
            .hasMessage("ringtrade.journal.pretouch.ahead must be at least 4096 bytes, not 100");
        // the failed open released the directory: it opens once the setting is fixed
        System.clearProperty(JournalPretoucher.AHEAD_BYTES_PROP_NAME);
        ChronicleEventJournal.open(dir).close();
    }

    /** Appends {@code count} entries of every type in turn, flushing every 16; returns the pages touched ahead. */
    private static long appendAll(final Path dir, final int count) {
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            appendEveryTypeInTurn(journal, count);
            final JournalPretoucher pretoucher = journal.pretoucher();
            if (pretoucher == null) {
                return 0;
            }
            // It wakes every millisecond; give it up to 10 s on a loaded machine (no timing is asserted).
            for (int wait = 0; wait < 10_000 && pretoucher.touchedPages() == 0; wait++) {
                LockSupport.parkNanos(1_000_000L);
            }
            assertThat(pretoucher.failure()).isNull();
            return pretoucher.touchedPages();
        }
    }

    /** Appends {@code count} entries, entry i the i-th of every type in turn with sequence i; flushes every 16. */
    private static void appendEveryTypeInTurn(final ChronicleEventJournal journal, final int count) {
        final EngineEvent[] slots = JournalFixtures.everyType(0).toArray(new EngineEvent[0]);
        for (int i = 0; i < count; i++) {
            final EngineEvent slot = slots[i % slots.length];
            slot.sequence = i;
            journal.append(slot);
            if (i % 16 == 15) {
                journal.flush();
            }
        }
        journal.flush();
    }

    /** Reads the journal in {@code dir} and checks it holds exactly what {@link #appendEveryTypeInTurn} appended. */
    private static void assertHoldsEveryTypeInTurn(final Path dir, final int count) {
        final EngineEvent[] slots = JournalFixtures.everyType(0).toArray(new EngineEvent[0]);
        try (JournalReader reader = JournalReader.open(dir)) {
            final EngineEvent read = new EngineEvent();
            for (int i = 0; i < count; i++) {
                assertThat(reader.next(read)).isTrue();
                final EngineEvent expected = slots[i % slots.length];
                expected.sequence = i;
                final String line = JournalDump.format(i, read);
                if (!line.equals(JournalDump.format(i, expected))) { // one assertion per mismatch, not per entry
                    assertThat(line).isEqualTo(JournalDump.format(i, expected));
                }
            }
            assertThat(reader.next(read)).isFalse();
        }
    }

    private static long pretoucherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("ringtrade-journal-pretoucher") && t.isAlive())
            .count();
    }
}
