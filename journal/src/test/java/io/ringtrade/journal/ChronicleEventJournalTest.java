package io.ringtrade.journal;

import static io.ringtrade.journal.JournalFixtures.everyType;
import static io.ringtrade.journal.JournalFixtures.readAll;
import static io.ringtrade.journal.JournalFixtures.trade;
import static io.ringtrade.journal.JournalFixtures.writeTrades;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleEventJournalTest {
    @TempDir
    Path tmp;

    private static void assertSameInputs(final List<EngineEvent> actual, final List<EngineEvent> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("entry %d", i).usingRecursiveComparison().ignoringFields("effects")
                .isEqualTo(expected.get(i));
        }
    }

    @Test
    void shouldRoundTripEveryEventTypeFieldByField() {
        final Path dir = tmp.resolve("j");
        final List<EngineEvent> written = everyType(0);
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            written.forEach(journal::append);
            journal.flush();
            assertThat(journal.entryCount()).isEqualTo(7);
        }
        assertSameInputs(readAll(dir), written);
    }

    @Test
    void shouldRoundTripExtremeValues() {
        final Path dir = tmp.resolve("j");
        final EngineEvent extreme = trade(Long.MAX_VALUE);
        extreme.eventTimeNanos = Long.MIN_VALUE;
        extreme.ingressNanos = -1;
        extreme.instrumentId = Integer.MIN_VALUE;
        extreme.price = Long.MIN_VALUE;
        extreme.quantity = Long.MAX_VALUE;
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            journal.append(extreme);
        }
        assertSameInputs(readAll(dir), List.of(extreme));
    }

    @Test
    void shouldKeepAppendOrder() {
        final Path dir = tmp.resolve("j");
        writeTrades(dir, 1000);
        final List<EngineEvent> read = readAll(dir);
        assertThat(read).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(read.get(i).sequence).isEqualTo(i);
        }
    }

    @Test
    void shouldNotJournalEffects() {
        final Path dir = tmp.resolve("j");
        final EngineEvent event = trade(0);
        event.effects.add();
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            journal.append(event);
        }
        assertThat(readAll(dir).get(0).effects.size()).isZero();
    }

    @Test
    void shouldContinueEntryCountAfterReopen() {
        final Path dir = tmp.resolve("j");
        writeTrades(dir, 5);
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            assertThat(journal.entryCount()).isEqualTo(5);
            journal.append(trade(5));
            journal.append(trade(6));
            assertThat(journal.entryCount()).isEqualTo(7);
        }
        final List<EngineEvent> read = readAll(dir);
        assertThat(read).extracting(e -> e.sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void shouldReadFromAnEntryNumber() {
        final Path dir = tmp.resolve("j");
        writeTrades(dir, 50);
        final EngineEvent slot = new EngineEvent();
        try (JournalReader reader = JournalReader.open(dir, 42)) {
            assertThat(reader.lastEntry()).isEqualTo(41);
            assertThat(reader.next(slot)).isTrue();
            assertThat(slot.sequence).isEqualTo(42);
            assertThat(reader.lastEntry()).isEqualTo(42);
            int more = 0;
            while (reader.next(slot)) {
                more++;
            }
            assertThat(more).isEqualTo(7);
            assertThat(reader.lastEntry()).isEqualTo(49);
        }
        try (JournalReader atEnd = JournalReader.open(dir, 50)) {
            assertThat(atEnd.next(slot)).isFalse();
        }
        assertThatThrownBy(() -> JournalReader.open(dir, 51))
            .isInstanceOf(JournalException.class)
            .hasMessage("journal " + dir + " has 50 entries, cannot read from entry 51");
    }

    @Test
    void shouldNumberEntriesAcrossDailyFiles() {
        final Path dir = tmp.resolve("j");
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2024-01-02T23:59:00Z"));
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir, DurabilityPolicy.SYNC_ON_BATCH, clock)) {
            for (int i = 0; i < 3; i++) {
                journal.append(trade(i));
            }
            journal.flush();
            clock.advanceMillis(120_000); // past midnight UTC: the next append rolls to a new file
            for (int i = 3; i < 5; i++) {
                journal.append(trade(i));
            }
            journal.flush();
            assertThat(journal.syncedEntryCount()).isEqualTo(5);
        }
        assertThat(dir.resolve("20240102F.cq4")).exists();
        assertThat(dir.resolve("20240103F.cq4")).exists();
        final EngineEvent slot = new EngineEvent();
        for (int from = 0; from <= 5; from++) {
            try (JournalReader reader = JournalReader.open(dir, from)) {
                final List<Long> seqs = new ArrayList<>();
                while (reader.next(slot)) {
                    seqs.add(slot.sequence);
                }
                assertThat(seqs).as("from %d", from).hasSize(5 - from);
                if (from < 5) {
                    assertThat(seqs.get(0)).isEqualTo(from);
                }
            }
        }
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            assertThat(journal.entryCount()).isEqualTo(5);
        }
    }

    @Test
    void shouldRollHourlyAndKeepTheRollCycleItWasCreatedWith() {
        final Path dir = tmp.resolve("j");
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2024-01-02T10:59:00Z"));
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir, DurabilityPolicy.OS_CACHE,
            JournalRollCycle.HOURLY, clock)) {
            journal.append(trade(0));
            journal.append(trade(1));
            clock.advanceMillis(120_000); // past 11:00 UTC: the next append rolls to a new file
            journal.append(trade(2));
            journal.flush();
        }
        assertThat(dir.resolve("20240102-10F.cq4")).exists();
        assertThat(dir.resolve("20240102-11F.cq4")).exists();
        // opened without a roll cycle, the journal adopts its own
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            assertThat(journal.rollCycle()).isEqualTo(JournalRollCycle.HOURLY);
            assertThat(journal.entryCount()).isEqualTo(3);
        }
        try (JournalReader reader = JournalReader.open(dir, 2)) {
            final EngineEvent slot = new EngineEvent();
            assertThat(reader.next(slot)).isTrue();
            assertThat(slot.sequence).isEqualTo(2);
        }
        assertThat(JournalStats.compute(dir).rollCycle()).isEqualTo(JournalRollCycle.HOURLY);
    }

    @Test
    void shouldRefuseToOpenAJournalWithAnotherRollCycleThanItWasCreatedWith() {
        final Path dir = tmp.resolve("j");
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir, DurabilityPolicy.OS_CACHE,
            JournalRollCycle.MINUTELY)) {
            journal.append(trade(0));
        }
        final String expected = "journal " + dir + " rolls its files minutely (fixed when it was created), not daily:"
            + " use roll cycle minutely or another journal directory";
        assertThatThrownBy(() -> ChronicleEventJournal.open(dir, DurabilityPolicy.OS_CACHE, JournalRollCycle.DAILY))
            .isInstanceOf(JournalException.class).hasMessage(expected);
        // the refused writer released its lock and changed nothing
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir, DurabilityPolicy.OS_CACHE,
            JournalRollCycle.MINUTELY)) {
            assertThat(journal.entryCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldTreatAJournalWrittenBeforeRollCyclesWereRecordedAsDaily() {
        final Path dir = tmp.resolve("j");
        // what an earlier version wrote: FAST_DAILY, the schema version, no roll cycle key
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.single(dir.toFile())
            .rollCycle(RollCycles.FAST_DAILY).build()) {
            queue.tableStorePut(JournalFiles.SCHEMA_VERSION_KEY, JournalLayout.SCHEMA_VERSION);
        }
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir, DurabilityPolicy.OS_CACHE,
            JournalRollCycle.DAILY)) {
            journal.append(trade(0));
        }
        assertThat(JournalStats.compute(dir).rollCycle()).isEqualTo(JournalRollCycle.DAILY);
        assertThatThrownBy(() -> ChronicleEventJournal.open(dir, DurabilityPolicy.OS_CACHE, JournalRollCycle.HOURLY))
            .isInstanceOf(JournalException.class).hasMessageStartingWith("journal " + dir + " rolls its files daily");
    }

    @Test
    void shouldRefuseToContinueAJournalWhoseEntriesAreNotNumberedByPosition() {
        final Path dir = tmp.resolve("j");
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            journal.append(trade(0));
            journal.append(trade(7));
        }
        assertThatThrownBy(() -> ChronicleEventJournal.open(dir)).isInstanceOf(JournalException.class)
            .hasMessage("journal " + dir + ": its last entry carries sequence 7 but is entry 1 counting from its first (0);"
                + " entries are not numbered by position, so this journal cannot be continued");
        try (JournalReader reader = JournalReader.open(dir)) {
            final EngineEvent slot = new EngineEvent();
            assertThat(reader.next(slot)).isTrue();
            assertThatThrownBy(() -> reader.next(slot)).isInstanceOf(JournalException.class)
                .hasMessage("journal " + dir + ": entry 1 carries sequence 7; entries are not numbered by position, so"
                    + " entry numbers cannot be trusted");
        }
    }

    @Test
    void shouldForceEntriesOnlyUnderSyncOnBatch() {
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("a"), DurabilityPolicy.SYNC_ON_BATCH)) {
            journal.append(trade(0));
            journal.append(trade(1));
            assertThat(journal.syncedEntryCount()).isZero();
            journal.flush();
            assertThat(journal.syncedEntryCount()).isEqualTo(2);
        }
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("b"))) {
            assertThat(journal.durabilityPolicy()).isEqualTo(DurabilityPolicy.OS_CACHE);
            journal.append(trade(0));
            journal.flush();
            assertThat(journal.syncedEntryCount()).isZero();
        }
    }

    @Test
    void shouldAppendFromAnotherThreadThanTheOpeningOne() throws InterruptedException {
        final Path dir = tmp.resolve("j");
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            final Thread stage = new Thread(() -> {
                try {
                    journal.append(trade(0));
                    journal.flush();
                } catch (final Throwable t) {
                    failure.set(t);
                }
            }, "journal-stage");
            stage.start();
            stage.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(readAll(dir)).hasSize(1);
    }

    @Test
    void shouldRefuseAnUnusedSlot() {
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("j"))) {
            final EngineEvent none = new EngineEvent();
            none.clear();
            assertThatThrownBy(() -> journal.append(none))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("cannot record event type NONE");
            assertThat(journal.entryCount()).isZero();
        }
    }

    @Test
    void shouldRefuseASecondWriter() {
        final Path dir = tmp.resolve("j");
        try (ChronicleEventJournal first = ChronicleEventJournal.open(dir)) {
            assertThatThrownBy(() -> ChronicleEventJournal.open(dir))
                .isInstanceOf(JournalException.class)
                .hasMessage("journal " + dir + " is locked by a running engine (pid " + ProcessHandle.current().pid() + ")");
            first.append(trade(0)); // the failed attempt must not have disturbed the owner
        }
        try (ChronicleEventJournal again = ChronicleEventJournal.open(dir)) {
            assertThat(again.entryCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseAWriterWhileAnotherProcessHoldsTheLock() throws Exception {
        final Path dir = tmp.resolve("j");
        final Process holder = LockHolder.start(dir);
        try {
            assertThatThrownBy(() -> ChronicleEventJournal.open(dir))
                .isInstanceOf(JournalException.class)
                .hasMessage("journal " + dir + " is locked by a running engine (pid " + holder.pid() + ")");
        } finally {
            LockHolder.stop(holder);
        }
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            assertThat(journal.entryCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseAFileAsJournalDirectory() throws Exception {
        final Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> ChronicleEventJournal.open(file))
            .isInstanceOf(JournalException.class)
            .hasMessage("journal " + file + " is not a directory");
    }

    @Test
    void shouldCountTypesWrittenThroughTheEngineApi() {
        final Path dir = tmp.resolve("j");
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            everyType(0).forEach(journal::append);
        }
        assertThat(readAll(dir)).extracting(e -> e.type).containsExactly(EventType.MARKET_DATA, EventType.MARKET_DATA,
            EventType.MARKET_DATA, EventType.EXTERNAL_SIGNAL, EventType.COMMAND, EventType.EXECUTION_REPORT, EventType.TIMER);
    }
}
