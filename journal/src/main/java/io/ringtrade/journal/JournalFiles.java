package io.ringtrade.journal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * How a journal directory maps onto a Chronicle queue, shared by the writer and the readers so both open it the
 * same way, plus the checks and messages about the directory itself. Used on whichever thread opens a journal.
 */
final class JournalFiles {
    /**
     * One cycle file per UTC day. FAST_DAILY allows 2<sup>32</sup> entries per day with a 4096 × 256 index, so a
     * long-running engine rolls once a day and a day's file stays a manageable unit to archive. Which file an entry
     * lands in depends on the wall clock at append time, never on the event: it affects file names and Chronicle's
     * own indexes only, not entry contents or Ringtrade's entry numbers.
     */
    static final RollCycle ROLL_CYCLE = RollCycles.FAST_DAILY;
    /** Key of the schema version in the queue's metadata table ({@code metadata.cq4t}). */
    static final String SCHEMA_VERSION_KEY = "ringtrade.journal.schemaVersion";
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
            queue = builder(dir, SystemTimeProvider.INSTANCE).readOnly(true).build();
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

    static SingleChronicleQueueBuilder builder(final Path dir, final TimeProvider time) {
        // Sync is Ringtrade's decision (DurabilityPolicy), so Chronicle never msyncs on its own (its default
        // is MS_ASYNC when a chunk is released, which would add latency without adding a guarantee).
        return SingleChronicleQueueBuilder.single(dir.toFile())
            .rollCycle(ROLL_CYCLE)
            .syncMode(SyncMode.NONE)
            .timeProvider(time);
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
