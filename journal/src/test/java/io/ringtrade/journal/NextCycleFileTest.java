package io.ringtrade.journal;

import static io.ringtrade.journal.JournalFixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringtrade.engine.api.event.EngineEvent;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The next cycle's file is prepared under a name no reader looks at, only inside the lead before the cycle begins, and
 * Chronicle's appender takes that very file (same inode) as the new cycle's when it rolls; the entries are those
 * appended, in order, across the roll; leftovers of earlier runs are removed and a failure only turns preparing off.
 */
class NextCycleFileTest {
    /** 2024-01-03T00:00Z in milliseconds: where the daily cycle 19725 begins. */
    private static final long MIDNIGHT = Instant.parse("2024-01-03T00:00:00Z").toEpochMilli();
    private static final int CYCLE_OF_JAN_3 = 19_725;
    private static final long WARM = 64 * 4_096;

    @TempDir
    Path tmp;

    @AfterEach
    void clearProperties() {
        System.clearProperty(JournalPretoucher.NEXT_CYCLE_PROP_NAME);
        System.clearProperty(JournalPretoucher.ENABLED_PROP_NAME);
    }

    @Test
    void shouldPrepareNothingBeforeTheLeadAndTheFileWithinIt() throws IOException {
        final NextCycleFile next = new NextCycleFile(tmp, JournalRollCycle.DAILY, WARM);
        next.advance(MIDNIGHT - NextCycleFile.LEAD_MILLIS - 1, WARM);
        assertThat(names()).isEmpty();

        next.advance(MIDNIGHT - NextCycleFile.LEAD_MILLIS, 16 * 4_096);
        // created under the temporary name at its full (sparse) size, and read a quarter per call
        assertThat(names()).containsExactly("20240103F.precreating");
        assertThat(Files.size(tmp.resolve("20240103F.precreating"))).isEqualTo(WARM);
        for (int quarter = 1; quarter < 3; quarter++) {
            next.advance(MIDNIGHT - 1_000, 16 * 4_096);
        }
        assertThat(names()).containsExactly("20240103F.precreating");
        assertThat(next.readyFiles()).isZero();
        next.advance(MIDNIGHT - 1_000, 16 * 4_096);

        assertThat(names()).containsExactly("20240103F.precreated");
        assertThat(next.readyPath(CYCLE_OF_JAN_3)).isEqualTo(tmp.resolve("20240103F.precreated"));
        assertThat(Files.size(tmp.resolve("20240103F.precreated"))).isEqualTo(WARM);
        assertThat(Files.readAllBytes(tmp.resolve("20240103F.precreated"))).containsOnly(0);
        assertThat(next.readyFiles()).isOne();
        assertThat(next.failure()).isNull();

        // once per cycle: later calls in the same lead change nothing
        next.advance(MIDNIGHT - 10, WARM);
        assertThat(names()).containsExactly("20240103F.precreated");
        assertThat(next.readyFiles()).isOne();
    }

    /**
     * Every prepared file is in the page cache, also once the reading loop is compiled: a read of an unused value was
     * removed by the JIT compiler, and from about the 19th file of 16 MiB on, nothing was warmed.
     */
    @Test
    void shouldPutEveryPreparedFileInThePageCacheAlsoOnceCompiled() throws Throwable {
        assumeTrue(Files.isReadable(Path.of("/proc/self/smaps")), "needs Linux (mincore)");
        final long warm = 16L << 20;
        final NextCycleFile next = new NextCycleFile(tmp, JournalRollCycle.MINUTELY, warm);
        final long tenOClock = Instant.parse("2024-01-02T10:00:00Z").toEpochMilli();
        for (int minute = 1; minute <= 30; minute++) {
            final long now = tenOClock + minute * 60_000L - 1_000;
            for (int pass = 0; pass < 16; pass++) {
                next.advance(now, 1L << 20);
            }
            final Path prepared = next.readyPath((int) (now / 60_000) + 1);
            assertThat(residentPages(prepared)).as("pages of %s in the page cache", prepared).isEqualTo(warm / 4_096);
            Files.delete(prepared);
        }
        assertThat(next.failure()).isNull();
        assertThat(next.readyFiles()).isEqualTo(30);
    }

    /** How many pages of {@code file} the page cache holds ({@code mincore} on a mapping that touches none). */
    @SuppressWarnings("restricted") // a downcall to libc's mincore, with the arguments its manual page gives
    private static long residentPages(final Path file) throws Throwable {
        final Linker linker = Linker.nativeLinker();
        final MethodHandle mincore = linker.downcallHandle(linker.defaultLookup().find("mincore").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined(); FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            final long size = channel.size();
            final MemorySegment mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            final long pages = (size + 4_095) / 4_096;
            final MemorySegment residency = arena.allocate(pages);
            final int result = (int) mincore.invokeExact(mapping, size, residency);
            assertThat(result).as("mincore's result").isZero();
            long resident = 0;
            for (long page = 0; page < pages; page++) {
                resident += residency.get(ValueLayout.JAVA_BYTE, page) & 1;
            }
            return resident;
        }
    }

    @Test
    void shouldDeleteThePreparedFileWhenTheRollCameFirst() throws IOException {
        final NextCycleFile next = new NextCycleFile(tmp, JournalRollCycle.DAILY, WARM);
        next.advance(MIDNIGHT - 500, 4_096);
        Files.writeString(tmp.resolve("20240103F.cq4"), "the appender's own file");
        next.advance(MIDNIGHT + 1, WARM);

        assertThat(names()).containsExactly("20240103F.cq4");
        assertThat(Files.readString(tmp.resolve("20240103F.cq4"))).isEqualTo("the appender's own file");
        assertThat(next.readyFiles()).isZero();
    }

    @Test
    void shouldNotPrepareACycleWhoseFileExists() throws IOException {
        Files.writeString(tmp.resolve("20240103F.cq4"), "x");
        final NextCycleFile next = new NextCycleFile(tmp, JournalRollCycle.DAILY, WARM);
        next.advance(MIDNIGHT - 500, WARM);
        next.advance(MIDNIGHT - 400, WARM);
        assertThat(names()).containsExactly("20240103F.cq4");
    }

    @Test
    void shouldDeleteLeftoversOfAnEarlierRunAtTheFirstCall() throws IOException {
        Files.writeString(tmp.resolve("20240101F.precreated"), ""); // its cycle has passed
        Files.writeString(tmp.resolve("20240102F.precreated"), ""); // its cycle is the current one
        Files.writeString(tmp.resolve("20240102F.precreating"), ""); // a temporary file, whatever its cycle
        Files.writeString(tmp.resolve("20240104F.precreated"), ""); // a cycle to come: still usable
        Files.writeString(tmp.resolve("notes.precreated"), ""); // not a cycle's name: not ours
        final NextCycleFile next = new NextCycleFile(tmp, JournalRollCycle.DAILY, WARM);
        next.advance(MIDNIGHT - 3_600_000, WARM);
        assertThat(names()).containsExactly("20240104F.precreated", "notes.precreated");
    }

    @Test
    void shouldDeleteAnUnusedPreparedFileWhenClosed() throws IOException {
        final NextCycleFile next = new NextCycleFile(tmp, JournalRollCycle.HOURLY, WARM);
        final long elevenOClock = Instant.parse("2024-01-02T11:00:00Z").toEpochMilli();
        next.advance(elevenOClock - 100, WARM);
        assertThat(names()).containsExactly("20240102-11F.precreated");
        next.close();
        assertThat(names()).isEmpty();
    }

    @Test
    void shouldDeleteAHalfWarmedFileWhenClosed() throws IOException {
        final NextCycleFile next = new NextCycleFile(tmp, JournalRollCycle.DAILY, WARM);
        next.advance(MIDNIGHT - 100, 4_096);
        assertThat(names()).containsExactly("20240103F.precreating");
        next.close();
        assertThat(names()).isEmpty();
    }

    @Test
    void shouldTurnItselfOffOnAFailure() {
        final NextCycleFile next = new NextCycleFile(tmp.resolve("missing"), JournalRollCycle.DAILY, WARM);
        next.advance(MIDNIGHT - 100, WARM);
        assertThat(next.failure()).isInstanceOf(IOException.class).hasMessageContaining("missing");
        next.advance(MIDNIGHT - 100, WARM); // off: no second failure, nothing thrown
        assertThat(next.readyFiles()).isZero();
    }

    /**
     * The journal as the engine runs it, under either durability policy, a second before midnight: the pretoucher
     * prepares tomorrow's file, the roll renames that very file into place, and every entry reads back in order from
     * the two days' files.
     */
    @ParameterizedTest
    @EnumSource(DurabilityPolicy.class)
    void shouldHaveTheJournalRollIntoThePreparedFile(final DurabilityPolicy policy) throws IOException {
        final Path dir = tmp.resolve("j");
        final SetTimeProvider clock = new SetTimeProvider(Instant.ofEpochMilli(MIDNIGHT - 1_000));
        final Object preparedInode;
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir, policy, clock)) {
            for (int i = 0; i < 3; i++) {
                journal.append(trade(i));
            }
            journal.flush();
            final NextCycleFile next = journal.pretoucher().nextCycleFile();
            // the pretoucher wakes every millisecond; give it up to 10 s on a loaded machine (no timing is asserted)
            waitFor(() -> next.readyFiles() == 1 || next.failure() != null);
            assertThat(next.failure()).isNull();
            final Path prepared = dir.resolve("20240103F.precreated");
            assertThat(prepared).exists();
            assertThat(dir.resolve("20240103F.cq4")).doesNotExist();
            // until the roll, readers see one cycle and its three entries
            assertThat(JournalFixtures.readAll(dir)).hasSize(3);
            preparedInode = Files.getAttribute(prepared, "unix:ino");

            clock.advanceMillis(1_000); // midnight UTC: the next append rolls
            for (int i = 3; i < 6; i++) {
                journal.append(trade(i));
            }
            journal.flush();
            assertThat(journal.syncedEntryCount()).isEqualTo(policy == DurabilityPolicy.SYNC_ON_BATCH ? 6 : 0);
            assertThat(prepared).doesNotExist();
            assertThat(Files.getAttribute(dir.resolve("20240103F.cq4"), "unix:ino")).isEqualTo(preparedInode);
        }
        final List<EngineEvent> read = JournalFixtures.readAll(dir);
        assertThat(read).extracting(e -> e.sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        for (final EngineEvent event : read) {
            assertThat(JournalDump.format(event.sequence, event)).isEqualTo(JournalDump.format(event.sequence,
                trade(event.sequence)));
        }
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            assertThat(journal.entryCount()).isEqualTo(6);
        }
        assertThat(names(dir)).contains("20240102F.cq4", "20240103F.cq4")
            .noneMatch(name -> name.endsWith(".precreated") || name.endsWith(NextCycleFile.WARMING_SUFFIX));
    }

    @Test
    void shouldPrepareTheNextCycleUnderBothPoliciesWithThePretoucherOn() {
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("os-cache"))) {
            assertThat(journal.preparesNextCycle()).isTrue();
        }
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("synced"),
            DurabilityPolicy.SYNC_ON_BATCH)) {
            assertThat(journal.preparesNextCycle()).isTrue();
        }
        System.setProperty(JournalPretoucher.ENABLED_PROP_NAME, "false");
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("off"))) {
            assertThat(journal.preparesNextCycle()).isFalse();
        }
    }

    @Test
    void shouldLeaveTheNextCycleToTheAppenderWhenTurnedOff() {
        System.setProperty(JournalPretoucher.NEXT_CYCLE_PROP_NAME, "false");
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("j"))) {
            assertThat(journal.pretoucher()).isNotNull();
            assertThat(journal.pretoucher().nextCycleFile()).isNull();
            assertThat(journal.preparesNextCycle()).isFalse();
        }
    }

    private List<String> names() throws IOException {
        return names(tmp);
    }

    private static List<String> names(final Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void waitFor(final BooleanSupplier condition) {
        for (int wait = 0; wait < 10_000 && !condition.getAsBoolean(); wait++) {
            LockSupport.parkNanos(1_000_000L);
        }
    }
}
