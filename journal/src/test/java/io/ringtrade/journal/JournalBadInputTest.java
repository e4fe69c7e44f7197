package io.ringtrade.journal;

import static io.ringtrade.journal.JournalFixtures.onlyCycleFile;
import static io.ringtrade.journal.JournalFixtures.trade;
import static io.ringtrade.journal.JournalFixtures.writeTrades;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.ringtrade.engine.api.event.EngineEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journals that cannot be read as they are. A cut or torn tail is made the way it happens to a memory-mapped cycle
 * file: Chronicle preallocates the file, so a crash leaves either an excerpt header never marked complete
 * (kill -9 mid-append), or a complete header whose payload pages never reached the disk and read back as zeros
 * (power loss), or a file cut short (copy interrupted), whose missing bytes read as zeros when mapped again.
 */
class JournalBadInputTest {
    private static final int NOT_COMPLETE = 0x8000_0000;

    @TempDir
    Path tmp;

    /** File offsets {start, end} of the payload of the last excerpt, read with Chronicle's own tailer. */
    private static long[] lastExcerpt(final Path dir) {
        final long[] last = new long[2];
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.single(dir.toFile()).readOnly(true).build();
             ExcerptTailer tailer = queue.createTailer()) {
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return last;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    last[0] = bytes.readPosition();
                    last[1] = bytes.readLimit();
                }
            }
        }
    }

    private static void overwrite(final Path file, final long position, final ByteBuffer data) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(data.flip(), position);
        }
    }

    private static ByteBuffer buffer(final int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void assertReadsThenStops(final Path dir, final int complete, final String message) {
        final EngineEvent slot = new EngineEvent();
        try (JournalReader reader = JournalReader.open(dir)) {
            for (int i = 0; i < complete; i++) {
                assertThat(reader.next(slot)).isTrue();
                assertThat(slot.sequence).isEqualTo(i);
            }
            assertThatThrownBy(() -> reader.next(slot)).isInstanceOf(JournalException.class).hasMessage(message);
            assertThat(reader.lastEntry()).isEqualTo(complete - 1);
            // Asking again gives the same answer rather than skipping ahead.
            assertThatThrownBy(() -> reader.next(slot)).isInstanceOf(JournalException.class).hasMessage(message);
        }
    }

    @Test
    void shouldRefuseToReadAMissingDirectory() {
        final Path dir = tmp.resolve("missing");
        assertThatThrownBy(() -> JournalReader.open(dir))
            .isInstanceOf(JournalException.class)
            .hasMessage("journal " + dir + " does not exist");
    }

    @Test
    void shouldRefuseToReadAFile() throws IOException {
        final Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> JournalReader.open(file))
            .isInstanceOf(JournalException.class)
            .hasMessage("journal " + file + " is not a directory");
    }

    @Test
    void shouldRefuseToReadAnUnreadableDirectory() throws IOException {
        final Path dir = tmp.resolve("j");
        writeTrades(dir, 1);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(dir), "running as root: permissions do not stop reading");
            assertThatThrownBy(() -> JournalReader.open(dir))
                .isInstanceOf(JournalException.class)
                .hasMessage("journal " + dir + " is not readable");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void shouldRefuseADirectoryThatIsNotAJournal() throws IOException {
        final Path dir = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> JournalReader.open(dir))
            .isInstanceOf(JournalException.class)
            .hasMessage("journal " + dir + " is not a journal: it has no metadata.cq4t");
    }

    @Test
    void shouldRefuseAnotherSchemaVersion() {
        final Path dir = tmp.resolve("v2");
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.single(dir.toFile()).build();
             ExcerptAppender appender = queue.createAppender()) {
            queue.tableStorePut(JournalFiles.SCHEMA_VERSION_KEY, 2);
            try (DocumentContext dc = appender.writingDocument()) {
                dc.wire().bytes().writeShort((short) 2).writeShort((short) 1).writeInt(0);
            }
        }
        final String expected = "journal " + dir + " has schema version 2, this engine reads version 1";
        assertThatThrownBy(() -> JournalReader.open(dir)).isInstanceOf(JournalException.class).hasMessage(expected);
        assertThatThrownBy(() -> ChronicleEventJournal.open(dir)).isInstanceOf(JournalException.class).hasMessage(expected);
        // The refused writer released its lock.
        assertThat(dir.resolve(WriterLock.FILE_NAME)).exists();
        assertThatThrownBy(() -> ChronicleEventJournal.open(dir)).hasMessage(expected);
    }

    @Test
    void shouldRefuseAnEntryOfAnotherSchemaVersion() throws IOException {
        final Path dir = tmp.resolve("j");
        writeTrades(dir, 3);
        final long[] last = lastExcerpt(dir);
        overwrite(onlyCycleFile(dir), last[0], buffer(2).putShort((short) 3));
        assertReadsThenStops(dir, 2, "journal " + dir + ": entry 2 has schema version 3, this engine reads version 1");
    }

    @Test
    void shouldRefuseAQueueWithoutSchemaVersion() {
        final Path dir = tmp.resolve("foreign");
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.single(dir.toFile()).build();
             ExcerptAppender appender = queue.createAppender()) {
            try (DocumentContext dc = appender.writingDocument()) {
                dc.wire().bytes().writeLong(1);
            }
        }
        final String expected = "journal " + dir + " has no schema version: not a Ringtrade journal";
        assertThatThrownBy(() -> JournalReader.open(dir)).isInstanceOf(JournalException.class).hasMessage(expected);
        assertThatThrownBy(() -> ChronicleEventJournal.open(dir)).isInstanceOf(JournalException.class).hasMessage(expected);
    }

    @Test
    void shouldStopAtATornWriteAfterTheLastCompleteEntry() throws IOException {
        // kill -9 inside writingDocument(): the next header says "not complete" over a half-written payload.
        final Path dir = tmp.resolve("j");
        writeTrades(dir, 42);
        final long[] last = lastExcerpt(dir);
        overwrite(onlyCycleFile(dir), last[1], buffer(12).putInt(NOT_COMPLETE | JournalLayout.TRADE_LENGTH).putLong(0x5555L));
        assertReadsThenStops(dir, 42, "journal " + dir + ": incomplete entry after entry 41 (42 complete entries read)");
    }

    @Test
    void shouldLetTheEngineContinueAfterATornWrite() throws IOException {
        // The torn entry never completed, so nothing it caused left the process: Chronicle reclaims its space.
        final Path dir = tmp.resolve("j");
        writeTrades(dir, 42);
        final long[] last = lastExcerpt(dir);
        overwrite(onlyCycleFile(dir), last[1], buffer(12).putInt(NOT_COMPLETE | JournalLayout.TRADE_LENGTH).putLong(0x5555L));
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            assertThat(journal.entryCount()).isEqualTo(42);
            journal.append(trade(42));
        }
        assertThat(JournalFixtures.readAll(dir)).extracting(e -> e.sequence).hasSize(43).endsWith(41L, 42L);
    }

    @Test
    void shouldStopAtAnEntryWhosePayloadReadsAsZeros() throws IOException {
        // Power loss: the page with the header was written back, the one with the payload's tail was not.
        final Path dir = tmp.resolve("j");
        writeTrades(dir, 42);
        final long[] last = lastExcerpt(dir);
        overwrite(onlyCycleFile(dir), last[1] - 16, buffer(16).putLong(0).putLong(0));
        assertReadsThenStops(dir, 41, "journal " + dir + ": incomplete entry after entry 40 (41 complete entries read)");
        assertThatThrownBy(() -> ChronicleEventJournal.open(dir))
            .isInstanceOf(JournalException.class)
            .hasMessage("journal " + dir + ": incomplete entry after entry 40 (41 complete entries read)");
    }

    @Test
    void shouldStopAtAFileCutInsideTheLastEntry() throws IOException {
        final Path dir = tmp.resolve("j");
        writeTrades(dir, 42);
        final long[] last = lastExcerpt(dir);
        try (FileChannel channel = FileChannel.open(onlyCycleFile(dir), StandardOpenOption.WRITE)) {
            channel.truncate(last[1] - 6);
        }
        assertReadsThenStops(dir, 41, "journal " + dir + ": incomplete entry after entry 40 (41 complete entries read)");
    }

    @Test
    void shouldStopAtGarbageAfterTheLastEntry() throws IOException {
        // A header claiming 300 MB: Chronicle alone would read past the mapped file.
        final Path dir = tmp.resolve("j");
        writeTrades(dir, 42);
        final long[] last = lastExcerpt(dir);
        overwrite(onlyCycleFile(dir), last[1], buffer(12).putInt(0x1234_5678).putLong(-1L));
        assertReadsThenStops(dir, 42, "journal " + dir + ": incomplete entry after entry 41 (42 complete entries read)");
    }

    @Test
    void shouldStopAtGarbageInsideTheLastEntry() throws IOException {
        final Path dir = tmp.resolve("j");
        writeTrades(dir, 42);
        final long[] last = lastExcerpt(dir);
        overwrite(onlyCycleFile(dir), last[0] + JournalLayout.TRADE_PRICE_OFFSET, buffer(8).putLong(0x0BAD_F00DL));
        assertReadsThenStops(dir, 41, "journal " + dir + ": incomplete entry after entry 40 (41 complete entries read)");
    }

    @Test
    void shouldNameEntryZeroWhenTheFirstEntryIsBad() throws IOException {
        final Path dir = tmp.resolve("j");
        writeTrades(dir, 1);
        final long[] last = lastExcerpt(dir);
        overwrite(onlyCycleFile(dir), last[0] + JournalLayout.SEQUENCE_OFFSET, buffer(8).putLong(77));
        assertReadsThenStops(dir, 0, "journal " + dir + ": incomplete entry at entry 0 (0 complete entries read)");
    }
}
