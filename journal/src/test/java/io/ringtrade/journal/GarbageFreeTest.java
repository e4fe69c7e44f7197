package io.ringtrade.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EngineEvent;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts the bytes this thread allocates over many appends (and reads) in steady state. Chronicle allocates a few
 * small objects when it maps the next 64 MiB chunk of a cycle file, so the bound is small but not zero.
 */
class GarbageFreeTest {
    private static final int WARM_UP = 100_000;
    private static final int MEASURED = 200_000;
    private static final long BOUND_BYTES = 16 * 1024;

    @TempDir
    Path tmp;

    private static long allocatedBytes() {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().threadId());
    }

    @Test
    void shouldAppendWithoutAllocating() {
        final List<EngineEvent> events = JournalFixtures.everyType(0);
        final EngineEvent[] slots = events.toArray(new EngineEvent[0]);
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(tmp.resolve("j"))) {
            for (int i = 0; i < WARM_UP; i++) {
                journal.append(slots[i % slots.length]);
                if (i % 16 == 15) {
                    journal.flush();
                }
            }
            final long before = allocatedBytes();
            for (int i = 0; i < MEASURED; i++) {
                journal.append(slots[i % slots.length]);
                if (i % 16 == 15) {
                    journal.flush();
                }
            }
            final long allocated = allocatedBytes() - before;
            System.out.println("allocated over " + MEASURED + " appends: " + allocated + " bytes");
            assertThat(allocated).isLessThan(BOUND_BYTES);
            assertThat(journal.entryCount()).isEqualTo(WARM_UP + MEASURED);
        }
    }

    @Test
    void shouldReadWithoutAllocating() {
        final Path dir = tmp.resolve("j");
        final EngineEvent[] slots = JournalFixtures.everyType(0).toArray(new EngineEvent[0]);
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                final EngineEvent event = slots[i % slots.length];
                event.sequence = i; // entries carry their number, as every ringtrade writer numbers them
                journal.append(event);
            }
        }
        final EngineEvent slot = new EngineEvent();
        try (JournalReader reader = JournalReader.open(dir)) {
            for (int i = 0; i < WARM_UP; i++) {
                assertThat(reader.next(slot)).isTrue();
            }
            final long before = allocatedBytes();
            int read = 0;
            while (reader.next(slot)) {
                read++;
            }
            final long allocated = allocatedBytes() - before;
            System.out.println("allocated over " + read + " reads: " + allocated + " bytes");
            assertThat(read).isEqualTo(MEASURED);
            assertThat(allocated).isLessThan(BOUND_BYTES);
        }
    }
}
