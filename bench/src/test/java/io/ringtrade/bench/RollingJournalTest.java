package io.ringtrade.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.journal.ChronicleEventJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency harness's rolling journal: its clock, ten times fast from 10:00:30, rolls it to the 10:01 file about 3 s
 * of real time after it opens, into the file the pretoucher prepared (or one the appender makes, when told to leave it);
 * the harness accepts both kinds. No number is checked against a time: the test waits for the files (up to 30 s), and
 * the roll comes only with an append, which waits for the prepared file.
 */
class RollingJournalTest {
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path tmp;

    @Test
    void shouldRollIntoThePreparedFile() {
        final Path dir = tmp.resolve("prepared");
        try (ChronicleEventJournal journal = BenchEngine.rollingJournal(dir, true)) {
            assertThat(journal.preparesNextCycle()).isTrue();
            journal.append(trade(0));
            final Path prepared = dir.resolve("20240102-1001.precreated");
            waitFor(() -> Files.exists(prepared));
            assertThat(dir.resolve("20240102-1001.cq4")).doesNotExist();
            appendUntilRolled(journal, dir);
            assertThat(prepared).doesNotExist();
        }
    }

    @Test
    void shouldRollIntoTheAppendersOwnFileWhenToldTo() {
        final Path dir = tmp.resolve("unprepared");
        try (ChronicleEventJournal journal = BenchEngine.rollingJournal(dir, false)) {
            assertThat(journal.preparesNextCycle()).isFalse();
            journal.append(trade(0));
            appendUntilRolled(journal, dir);
            assertThat(dir.resolve("20240102-1001.precreated")).doesNotExist();
        }
    }

    @Test
    void shouldAcceptEveryJournalKindItNamesInItsRefusal() {
        for (final String kind : TickToOrderLatency.JOURNALS) {
            assertThat(TickToOrderLatency.Case.parse("fused:" + kind + ":yielding:1000").journal()).isEqualTo(kind);
        }
        assertThatThrownBy(() -> TickToOrderLatency.Case.parse("ring:rolling:yielding:1000"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("case 'ring:rolling:yielding:1000': journal must be one of [none, chronicle, "
                + "chronicle-nopretouch, chronicle-advising, chronicle-rolling, chronicle-rolling-unprepared]");
    }

    /** Appends a trade every millisecond until the 10:01 file exists; then the entry count is what was appended. */
    private static void appendUntilRolled(final ChronicleEventJournal journal, final Path dir) {
        final long start = System.nanoTime();
        long next = journal.entryCount();
        while (!Files.exists(dir.resolve("20240102-1001.cq4")) && System.nanoTime() - start < GIVE_UP_NANOS) {
            journal.append(trade(next++));
            LockSupport.parkNanos(1_000_000L);
        }
        assertThat(dir.resolve("20240102-1001.cq4")).exists();
        assertThat(dir.resolve("20240102-1000.cq4")).exists();
        assertThat(journal.entryCount()).isEqualTo(next);
    }

    private static void waitFor(final BooleanSupplier condition) {
        final long start = System.nanoTime();
        while (!condition.getAsBoolean() && System.nanoTime() - start < GIVE_UP_NANOS) {
            LockSupport.parkNanos(1_000_000L);
        }
        assertThat(condition.getAsBoolean()).as("waited up to 30 s").isTrue();
    }

    private static EngineEvent trade(final long sequence) {
        final EngineEvent event = new EngineEvent().setTrade(0, 1_385_337_600_000_000_000L, 80_000_000_000L, 1_000_000L);
        event.sequence = sequence;
        return event;
    }
}
