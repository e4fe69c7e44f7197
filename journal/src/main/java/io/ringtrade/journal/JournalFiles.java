package io.ringtrade.journal;

import io.ringtrade.engine.api.event.EngineEvent;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.TableStore;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.table.Metadata;
import net.openhft.chronicle.queue.impl.table.SingleTableBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * How a journal directory maps onto a Chronicle queue, shared by the writer and the readers so both open it the
 * same way, plus the checks and messages about the directory itself. Used on whichever thread opens a journal.
 */
final class JournalFiles {
    /** Key of the schema version in the queue's metadata table ({@code metadata.cq4t}). */
    static final String SCHEMA_VERSION_KEY = "ringtrade.journal.schemaVersion";
    /**
     * Key of the {@link JournalRollCycle} code in the metadata table. Chronicle records its own roll cycle there too,
     * but only as an object its public API does not expose; this key lets a reader open the queue with the right cycle
     * (Chronicle would otherwise override the builder's and log a warning). Journals without it are daily: the only
     * roll cycle there was before the key.
     */
    static final String ROLL_CYCLE_KEY = "ringtrade.journal.rollCycle";
    /** Chronicle's queue metadata file; its absence means the directory is not a queue. */
    static final String QUEUE_METADATA_FILE = SingleChronicleQueue.QUEUE_METADATA_FILE;

    private JournalFiles() {
    }

    /** Opens a journal that must exist for reading, without creating anything in it. */
    static SingleChronicleQueue openForReading(final Path dir) {
        if (!Files.exists(dir)) {
            throw new JournalException("journal " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new JournalException("journal " + dir + " is not a directory");
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            throw new JournalException("journal " + dir + " is not readable");
        }
        if (!Files.exists(dir.resolve(QUEUE_METADATA_FILE))) {
            throw new JournalException("journal " + dir + " is not a journal: it has no " + QUEUE_METADATA_FILE);
        }
        final SingleChronicleQueue queue;
        try {
            final JournalRollCycle stored = storedRollCycle(dir);
            queue = builder(dir, SystemTimeProvider.INSTANCE, stored == null ? JournalRollCycle.DAILY : stored)
                .readOnly(true).build();
        } catch (final RuntimeException e) {
            throw new JournalException("journal " + dir + " cannot be opened: " + e.getMessage(), e);
        }
        try {
            checkSchemaVersion(dir, readSchemaVersion(queue));
        } catch (final RuntimeException e) {
            queue.close();
            throw e;
        }
        return queue;
    }

    static SingleChronicleQueueBuilder builder(final Path dir, final TimeProvider time, final JournalRollCycle rollCycle) {
        // Sync is Ringtrade's decision (DurabilityPolicy), so Chronicle never msyncs on its own (its default
        // is MS_ASYNC when a chunk is released, which would add latency without adding a guarantee).
        return SingleChronicleQueueBuilder.single(dir.toFile())
            .rollCycle(rollCycle.chronicle())
            .syncMode(SyncMode.NONE)
            .timeProvider(time);
    }

    /**
     * The roll cycle the journal in {@code dir} was created with, read from its metadata table without opening the
     * queue: null when there is no metadata yet (a new journal), {@link JournalRollCycle#DAILY} for a journal that
     * predates {@link #ROLL_CYCLE_KEY}.
     *
     * @throws JournalException when the metadata names a roll cycle this version does not know
     */
    static JournalRollCycle storedRollCycle(final Path dir) {
        final Path metadata = dir.resolve(QUEUE_METADATA_FILE);
        if (!Files.isRegularFile(metadata)) {
            return null;
        }
        final long[] code = {Long.MIN_VALUE};
        try (TableStore<Metadata.NoMeta> store = SingleTableBuilder.binary(metadata, Metadata.NoMeta.INSTANCE)
            .readOnly(true).build()) {
            // forEachKey reads without creating: acquireValueFor would add the key to a writable table
            store.forEachKey(code, (found, key, value) -> {
                if (ROLL_CYCLE_KEY.contentEquals(key)) {
                    found[0] = value.int64();
                }
            });
        } catch (final RuntimeException e) {
            throw new JournalException("journal " + dir + ": cannot read " + QUEUE_METADATA_FILE + ": " + e.getMessage(), e);
        }
        if (code[0] == Long.MIN_VALUE) {
            return JournalRollCycle.DAILY;
        }
        final JournalRollCycle cycle = JournalRollCycle.ofCode(code[0]);
        if (cycle == null) {
            throw new JournalException("journal " + dir + " has roll cycle code " + code[0] + ", which this engine does not know");
        }
        return cycle;
    }

    /**
     * The entry number of the first entry present in {@code queue}: the sequence its header carries (every Ringtrade
     * writer numbers entries from 0 by their position, so this is 0 unless retention removed earlier cycles), or 0 when
     * the queue is empty or its first entry cannot be read (a torn first write: the reader reports it as entry 0).
     */
    static long firstEntry(final SingleChronicleQueue queue) {
        final EngineEvent scratch = new EngineEvent();
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.toStart();
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return 0;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final long start = bytes.readPosition();
                if (JournalLayout.decode(bytes, start, bytes.readRemaining(), scratch) != JournalLayout.DECODED) {
                    return 0;
                }
                return Math.max(scratch.sequence, 0);
            }
        }
    }

    /** The version in the queue's metadata, or {@link Long#MIN_VALUE} when the queue has none. */
    static long readSchemaVersion(final SingleChronicleQueue queue) {
        try {
            return queue.tableStoreGet(SCHEMA_VERSION_KEY);
        } catch (final IllegalStateException e) {
            // A read-only table store refuses to create a missing key instead of returning the default.
            return Long.MIN_VALUE;
        }
    }

    static void checkSchemaVersion(final Path dir, final long version) {
        if (version == Long.MIN_VALUE) {
            throw new JournalException("journal " + dir + " has no schema version: not a Ringtrade journal");
        }
        if (version != JournalLayout.SCHEMA_VERSION) {
            throw otherVersion(dir, version);
        }
    }

    static JournalException otherVersion(final Path dir, final long version) {
        return new JournalException("journal " + dir + " has schema version " + version + ", this engine reads version "
            + JournalLayout.SCHEMA_VERSION);
    }

    /** The message for an entry that is cut, torn or corrupt, stating how many entries before it are intact. */
    static JournalException incomplete(final Path dir, final long badEntry) {
        if (badEntry == 0) {
            return new JournalException("journal " + dir + ": incomplete entry at entry 0 (0 complete entries read)", true);
        }
        return new JournalException("journal " + dir + ": incomplete entry after entry " + (badEntry - 1) + " ("
            + badEntry + " complete entries read)", true);
    }

    /** Sum of the apparent sizes of the journal's files (cycle files are preallocated, so mostly sparse). */
    static long bytesOnDisk(final Path dir) {
        long total = 0;
        final File[] files = dir.toFile().listFiles();
        if (files != null) {
            for (final File file : files) {
                if (file.isFile()) {
                    total += file.length();
                }
            }
        }
        return total;
    }
}
