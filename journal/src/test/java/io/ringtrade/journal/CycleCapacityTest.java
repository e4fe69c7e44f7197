package io.ringtrade.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EngineEvent;
import java.nio.file.Path;
import java.time.Instant;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cycle file is full at Chronicle's limit for one cycle, counted per cycle and resumed from the journal's last entry,
 * so that the append past it can be refused before anything is written.
 */
final class CycleCapacityTest {
    @TempDir
    Path dir;

    @Test
    void shouldBeFullAtTheLimitOfTheCycleOfTheLastAppendAndEmptyInTheNextCycle() {
        final CycleCapacity capacity = new CycleCapacity(3);
        assertThat(capacity.full()).isFalse();
        assertThat(capacity.cycle()).isEqualTo(Integer.MIN_VALUE);
        capacity.appended(5);
        capacity.appended(5);
        assertThat(capacity.full()).isFalse();
        capacity.appended(5);
        assertThat(capacity.full()).isTrue();
        assertThat(capacity.cycle()).isEqualTo(5);
        capacity.appended(6); // the clock moved on: a new cycle file
        assertThat(capacity.full()).isFalse();
        assertThat(capacity.cycle()).isEqualTo(6);

        capacity.resume(9, 3);
        assertThat(capacity.full()).isTrue();
        assertThat(capacity.cycle()).isEqualTo(9);
    }

    @Test
    void shouldTakeTheLimitFromTheRollCycleCountPerCycleFileAndResumeFromTheLastEntryOnOpening() {
        assertThat(JournalRollCycle.MINUTELY.chronicle().maxMessagesPerCycle()).isEqualTo(67_108_864L);
        assertThat(JournalRollCycle.HOURLY.chronicle().maxMessagesPerCycle()).isEqualTo(4_294_967_295L);
        assertThat(JournalRollCycle.DAILY.chronicle().maxMessagesPerCycle()).isEqualTo(4_294_967_295L);
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2024-01-02T10:59:00Z"));
        final int cycle;
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir, DurabilityPolicy.OS_CACHE,
            JournalRollCycle.MINUTELY, clock)) {
            journal.append(trade(0));
            journal.append(trade(1));
            clock.advanceMillis(60_000); // 11:00: a new cycle file, counted from 1
            journal.append(trade(2));
            journal.append(trade(3));
            journal.append(trade(4));
            assertThat(journal.cycleCapacity().maxEntries()).isEqualTo(67_108_864L);
            assertThat(journal.cycleCapacity().entries()).isEqualTo(3);
            cycle = journal.cycleCapacity().cycle();
        }
        try (ChronicleEventJournal reopened = ChronicleEventJournal.open(dir, DurabilityPolicy.OS_CACHE,
            JournalRollCycle.MINUTELY, clock)) {
            assertThat(reopened.entryCount()).isEqualTo(5);
            assertThat(reopened.cycleCapacity().cycle()).isEqualTo(cycle);
            assertThat(reopened.cycleCapacity().entries()).isEqualTo(3);
        }
    }

    private static EngineEvent trade(final long sequence) {
        final EngineEvent trade = new EngineEvent().setTrade(0, 1_000 + sequence, 100, 1);
        trade.sequence = sequence;
        return trade;
    }
}
