package io.ringtrade.journal;

import static io.ringtrade.journal.JournalFixtures.T0;
import static io.ringtrade.journal.JournalFixtures.trade;
import static io.ringtrade.journal.JournalFixtures.writeTrades;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code journal skip}: a journaled SKIP_ENTRY command naming the entry, its reason in a readable log beside the
 * journal, the scanner replay and recovery use, the dump line, and every refusal (locked journal, entry beyond the
 * journal, entry already skipped or removed by retention, a skip of a skip, a reason that is not one line).
 */
class JournalSkipsTest {
    private static final Clock WALL = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void shouldJournalASkipCommandAndKeepItsReasonBesideTheJournal() throws Exception {
        writeTrades(dir, 10);

        final JournalSkips.Skip skip = JournalSkips.skip(dir, 4, "price overflowed in risk", WALL);

        assertThat(skip).isEqualTo(new JournalSkips.Skip(4, 10,
            "MARKET_DATA TRADE, event time 2024-01-02T03:04:05.000000004Z"));
        final List<EngineEvent> all = JournalFixtures.readAll(dir);
        assertThat(all).hasSize(11);
        final EngineEvent command = all.get(10);
        assertThat(command.type).isEqualTo(EventType.COMMAND);
        assertThat(command.commandCode).isEqualTo(CommandCode.SKIP_ENTRY);
        assertThat(command.commandArgument).isEqualTo(4);
        assertThat(command.bookIndex).isEqualTo(EventType.MARKET_DATA); // the type of the entry passed over
        assertThat(command.sequence).isEqualTo(10);
        assertThat(command.eventTimeNanos).isEqualTo(T0 + 9); // the last entry's time: business time does not move
        assertThat(Files.readAllLines(dir.resolve(JournalSkips.LOG_FILE))).containsExactly("2026-05-01T10:00:00Z skip"
            + " entry 4 (MARKET_DATA TRADE, event time 2024-01-02T03:04:05.000000004Z) by entry 10: price overflowed in risk");
        assertThat(JournalSkips.reasons(dir)).containsEntry(10L, "price overflowed in risk").hasSize(1);
    }

    @Test
    void shouldFindTheEntriesToPassOverFromWhereReplayStarts() {
        writeTrades(dir, 10);
        JournalSkips.skip(dir, 7, "second", WALL);
        JournalSkips.skip(dir, 2, "first", WALL);

        assertThat(JournalSkips.scan(dir, 0).entries()).containsExactly(2, 7);
        assertThat(JournalSkips.scan(dir, 3).entries()).containsExactly(7);
        assertThat(JournalSkips.scan(dir, 3).contains(2)).isFalse();
        assertThat(JournalSkips.scan(dir, 8)).isSameAs(SkippedEntries.NONE);
        final SkippedEntries skipped = JournalSkips.scan(dir, 0);
        assertThat(skipped.contains(7)).isTrue();
        assertThat(skipped.contains(8)).isFalse();
    }

    @Test
    void shouldCountSkipCommandsInTheMetadataSoThatAJournalWithoutAnyNeedsNoScan() {
        writeTrades(dir, 10);
        assertThat(JournalFiles.metadataValue(dir, JournalFiles.SKIPS_KEY)).isEqualTo(Long.MIN_VALUE);
        assertThat(JournalSkips.scan(dir, 0)).isSameAs(SkippedEntries.NONE);
        JournalSkips.skip(dir, 3, "a", WALL);
        JournalSkips.skip(dir, 5, "b", WALL);
        assertThat(JournalFiles.metadataValue(dir, JournalFiles.SKIPS_KEY)).isEqualTo(2);
        assertThat(JournalSkips.scan(dir, 0).entries()).containsExactly(3, 5);
    }

    @Test
    void shouldDumpASkipCommandWithTheEntryItSkipsAndWhy() {
        writeTrades(dir, 3);
        JournalSkips.skip(dir, 1, "bad print", WALL);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        JournalDump.print(dir, 3, 1, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("3 2024-01-02T03:04:05.000000002Z COMMAND seq=3"
            + " instrument=-1 ingress=0 code=SKIP_ENTRY entry=1 type=MARKET_DATA reason=\"bad print\"\n");
    }

    @Test
    void shouldRefuseAnEntryBeyondTheJournal() {
        writeTrades(dir, 10);
        assertThatThrownBy(() -> JournalSkips.skip(dir, 10, "x", WALL)).isInstanceOf(JournalException.class)
            .hasMessage("journal " + dir + " has 10 entries (0..9): there is no entry 10 to skip");
        assertThat(JournalFixtures.readAll(dir)).hasSize(10);
        assertThat(dir.resolve(JournalSkips.LOG_FILE)).doesNotExist();
    }

    @Test
    void shouldRefuseAnEntryThatIsAlreadySkipped() {
        writeTrades(dir, 10);
        JournalSkips.skip(dir, 4, "once", WALL);
        assertThatThrownBy(() -> JournalSkips.skip(dir, 4, "twice", WALL)).isInstanceOf(JournalException.class)
            .hasMessage("journal " + dir + ": entry 4 is already skipped (by the SKIP_ENTRY command at entry 10)");
        assertThat(JournalFixtures.readAll(dir)).hasSize(11);
    }

    @Test
    void shouldRefuseToSkipASkipCommand() {
        writeTrades(dir, 10);
        JournalSkips.skip(dir, 4, "once", WALL);
        assertThatThrownBy(() -> JournalSkips.skip(dir, 10, "undo", WALL)).isInstanceOf(JournalException.class)
            .hasMessage("journal " + dir + ": entry 10 is itself a SKIP_ENTRY command; skip commands cannot be skipped");
    }

    @Test
    void shouldRefuseWhileAnEngineHoldsTheJournal() {
        writeTrades(dir, 10);
        try (ChronicleEventJournal engine = ChronicleEventJournal.open(dir)) {
            assertThatThrownBy(() -> JournalSkips.skip(dir, 4, "x", WALL)).isInstanceOf(JournalException.class)
                .hasMessage("journal " + dir + " is locked by a running engine (pid " + ProcessHandle.current().pid() + ")");
            assertThat(engine.entryCount()).isEqualTo(10);
        }
        assertThat(JournalFixtures.readAll(dir)).hasSize(10);
    }

    @Test
    void shouldRefuseAReasonThatIsNotOneLineAndAJournalThatDoesNotExist() {
        writeTrades(dir, 10);
        assertThatThrownBy(() -> JournalSkips.skip(dir, 4, "two\nlines", WALL)).isInstanceOf(JournalException.class)
            .hasMessage("journal " + dir + ": the reason for skipping entry 4 must be one line of text");
        assertThatThrownBy(() -> JournalSkips.skip(dir, 4, " ", WALL)).isInstanceOf(JournalException.class);
        final Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> JournalSkips.skip(missing, 0, "x", WALL)).isInstanceOf(JournalException.class)
            .hasMessage("journal " + missing + " does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void shouldRefuseAnEntryRetentionRemoved() throws Exception {
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2024-01-02T23:58:00Z"));
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir, DurabilityPolicy.OS_CACHE,
            JournalRollCycle.MINUTELY, clock)) {
            for (int i = 0; i < 20; i++) {
                journal.append(trade(i));
                if (i == 9) {
                    clock.advanceMillis(60_000);
                }
            }
        }
        Files.delete(dir.resolve("20240102-2358.cq4")); // entries 0..9, as retention would
        assertThatThrownBy(() -> JournalSkips.skip(dir, 3, "x", WALL)).isInstanceOf(JournalException.class)
            .hasMessage("journal " + dir + ": entry 3 was removed by retention (the journal starts at entry 10); replay"
                + " and recovery start after it anyway");
        assertThat(JournalSkips.skip(dir, 12, "kept", WALL).commandEntry()).isEqualTo(20);
        assertThat(JournalSkips.scan(dir, 10).entries()).containsExactly(12);
    }
}
