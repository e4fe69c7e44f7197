package io.ringtrade.journal;

import static io.ringtrade.journal.JournalFixtures.T0;
import static io.ringtrade.journal.JournalFixtures.everyType;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EventType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalDumpStatsTest {
    @TempDir
    Path tmp;

    private Path journalOfEveryType() {
        final Path dir = tmp.resolve("j");
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            everyType(0).forEach(journal::append);
        }
        return dir;
    }

    @Test
    void shouldDumpOneReadableLinePerEntry() {
        final Path dir = journalOfEveryType();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final long printed = JournalDump.print(dir, 0, Long.MAX_VALUE, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(printed).isEqualTo(7);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
            "0 2024-01-02T03:04:05Z MARKET_DATA seq=0 instrument=1 ingress=7 kind=TRADE price=800.01 quantity=0.5",
            "1 2024-01-02T03:04:05.000000001Z MARKET_DATA seq=1 instrument=2 ingress=9 kind=BAR open=10 high=12.5 low=9.75"
                + " close=11.25 volume=1234.00000001",
            "2 2024-01-02T03:04:05.000000002Z MARKET_DATA seq=2 instrument=3 ingress=11 kind=QUOTE bidPrice=99.5"
                + " bidQuantity=3 askPrice=100.25 askQuantity=4.125",
            "3 2024-01-02T03:04:05.000000003Z EXTERNAL_SIGNAL seq=3 instrument=4 ingress=13 key=9218549358665570696"
                + " source=5 action=-1 sizeKind=2 size=0.25 price=101.5 tag=6 score=-0.75 book=-1",
            "4 2024-01-02T03:04:05.000000004Z COMMAND seq=4 instrument=-1 ingress=15 code=CANCEL_ALL_ORDERS book=7"
                + " argument=-12345",
            "5 2024-01-02T03:04:05.000000005Z EXECUTION_REPORT seq=5 instrument=8 ingress=17 clientOrderId=1001"
                + " venueOrderId=9223372036854775807 reportKind=3 lastQuantity=0.1 lastPrice=800 lastFee=0.00000001",
            "6 2024-01-02T03:04:05.000000006Z TIMER seq=6 instrument=-1 ingress=19",
            ""));
    }

    @Test
    void shouldDumpARange() {
        final Path dir = journalOfEveryType();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(JournalDump.print(dir, 4, 2, new PrintStream(bytes, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).extracting(l -> l.substring(0, l.indexOf(' ')))
            .containsExactly("4", "5");
    }

    @Test
    void shouldComputeExactStats() throws IOException {
        final Path dir = journalOfEveryType();
        final JournalStats stats = JournalStats.compute(dir);
        assertThat(stats.entries()).isEqualTo(7);
        assertThat(stats.count(EventType.MARKET_DATA)).isEqualTo(3);
        assertThat(stats.count(EventType.EXTERNAL_SIGNAL)).isEqualTo(1);
        assertThat(stats.count(EventType.COMMAND)).isEqualTo(1);
        assertThat(stats.count(EventType.EXECUTION_REPORT)).isEqualTo(1);
        assertThat(stats.count(EventType.TIMER)).isEqualTo(1);
        assertThat(stats.firstEventTimeNanos()).isEqualTo(T0);
        assertThat(stats.lastEventTimeNanos()).isEqualTo(T0 + 6);
        long expectedBytes = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (final Path file : files.filter(Files::isRegularFile).toList()) {
                expectedBytes += Files.size(file);
            }
        }
        assertThat(stats.bytesOnDisk()).isEqualTo(expectedBytes);
        assertThat(stats.format()).isEqualTo("journal " + dir + "\n"
            + "entries 7\n"
            + "  MARKET_DATA 3\n"
            + "  EXTERNAL_SIGNAL 1\n"
            + "  COMMAND 1\n"
            + "  EXECUTION_REPORT 1\n"
            + "  TIMER 1\n"
            + "first event time 2024-01-02T03:04:05Z\n"
            + "last event time 2024-01-02T03:04:05.000000006Z\n"
            + "roll cycle daily\n"
            + "cycle files kept 1\n"
            + "  " + JournalFixtures.onlyCycleFile(dir).getFileName() + " entries 0..6\n"
            + "snapshots kept 0\n"
            + "removed by retention: nothing\n"
            + "bytes on disk " + expectedBytes + " (apparent size; cycle files are preallocated)\n");
    }

    @Test
    void shouldComputeStatsOfAnEmptyJournal() {
        final Path dir = tmp.resolve("empty");
        ChronicleEventJournal.open(dir).close();
        final JournalStats stats = JournalStats.compute(dir);
        assertThat(stats.entries()).isZero();
        assertThat(stats.count(EventType.MARKET_DATA)).isZero();
    }

    @Test
    void shouldBeReadableByChronicleItselfAtTheDocumentedOffsets() {
        final Path dir = journalOfEveryType();
        int documents = 0;
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(dir).readOnly(true).build();
             ExcerptTailer tailer = queue.createTailer()) {
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    final long start = bytes.readPosition();
                    assertThat(bytes.readShort(start + JournalLayout.SCHEMA_VERSION_OFFSET)).isEqualTo((short) 1);
                    assertThat(bytes.readLong(start + JournalLayout.SEQUENCE_OFFSET)).isEqualTo(documents);
                    assertThat(bytes.readLong(start + JournalLayout.EVENT_TIME_OFFSET)).isEqualTo(T0 + documents);
                    if (documents == 0) {
                        assertThat(bytes.readRemaining()).isEqualTo(JournalLayout.TRADE_LENGTH);
                        assertThat(bytes.readShort(start + JournalLayout.EVENT_TYPE_OFFSET)).isEqualTo((short) EventType.MARKET_DATA);
                        assertThat(bytes.readInt(start + JournalLayout.INSTRUMENT_ID_OFFSET)).isEqualTo(1);
                        assertThat(bytes.readLong(start + JournalLayout.INGRESS_TIME_OFFSET)).isEqualTo(7);
                        assertThat(bytes.readLong(start + JournalLayout.TRADE_PRICE_OFFSET)).isEqualTo(80_001_000_000L);
                        assertThat(bytes.readLong(start + JournalLayout.TRADE_QUANTITY_OFFSET)).isEqualTo(50_000_000L);
                    }
                    if (documents == 3) {
                        assertThat(bytes.readRemaining()).isEqualTo(JournalLayout.EXTERNAL_SIGNAL_LENGTH);
                        assertThat(bytes.readInt(start + JournalLayout.SIGNAL_TAG_OFFSET)).isEqualTo(6);
                        assertThat(bytes.readLong(start + JournalLayout.SIGNAL_SCORE_OFFSET)).isEqualTo(-75_000_000L);
                    }
                    if (documents == 5) {
                        assertThat(bytes.readRemaining()).isEqualTo(JournalLayout.EXECUTION_REPORT_LENGTH);
                        assertThat(bytes.readLong(start + JournalLayout.REPORT_LAST_FEE_OFFSET)).isEqualTo(1L);
                    }
                    documents++;
                }
            }
            assertThat(queue.dump()).contains("ringtrade.journal.schemaVersion: 1");
        }
        assertThat(documents).isEqualTo(7);
    }
}
