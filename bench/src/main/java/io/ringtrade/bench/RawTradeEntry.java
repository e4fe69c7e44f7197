package io.ringtrade.bench;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.journal.JournalLayout;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * The baseline of the journal append benchmarks: a bare Chronicle queue opened the way the journal opens its own
 * (FAST_DAILY roll, Chronicle's sync mode off) and a trade written as the same {@value JournalLayout#TRADE_LENGTH}
 * bytes in the same field order, but with no length lookup, no checksum and no entry count: what appending costs
 * before Ringtrade adds anything. Single-threaded, like the journal stage.
 */
final class RawTradeEntry {
    private RawTradeEntry() {
    }

    /** A plain Chronicle queue in {@code dir}, configured like the journal's. */
    static SingleChronicleQueue openQueue(final Path dir) {
        return SingleChronicleQueueBuilder.single(dir.toFile())
            .rollCycle(RollCycles.FAST_DAILY)
            .syncMode(SyncMode.NONE)
            .build();
    }

    /** Writes the trade fields of {@code event} as one 60-byte excerpt. */
    static void append(final ExcerptAppender appender, final EngineEvent event) {
        try (DocumentContext dc = appender.writingDocument()) {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.writeShort(JournalLayout.SCHEMA_VERSION);
            bytes.writeShort((short) EventType.MARKET_DATA);
            bytes.writeInt(event.instrumentId);
            bytes.writeLong(event.sequence);
            bytes.writeLong(event.eventTimeNanos);
            bytes.writeLong(event.ingressNanos);
            bytes.writeInt(MarketDataKind.TRADE);
            bytes.writeInt(0);
            bytes.writeLong(event.price);
            bytes.writeLong(event.quantity);
            bytes.writeInt(0);
        }
    }
}
