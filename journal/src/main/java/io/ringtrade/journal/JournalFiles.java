package io.ringtrade.journal;

import io.ringtrade.engine.api.event.EngineEvent;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    /**
     * Key of the number of {@code SKIP_ENTRY} commands ever appended ({@link JournalSkips#skip} raises it before
     * appending one), so that replay and recovery need not scan a journal that has none.
     */
    static final String SKIPS_KEY = "ringtrade.journal.skips";
    /** Chronicle's queue metadata file; its absence means the directory is not a queue. */
    static final String QUEUE_METADATA_FILE = SingleChronicleQueue.QUEUE_METADATA_FILE;

    private JournalFiles() {
    }

    /** Opens a journal that must exist for reading, without creating anything in it. */
    static SingleChronicleQueue openForReading(final Path dir) {
        requireJournal(dir);
        return openReadOnly(dir, storedRollCycle(dir));
    }

    /** Refuses a {@code dir} that is not an existing, readable journal directory; creates nothing. */
    static void requireJournal(final Path dir) {
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
    }

    private static SingleChronicleQueue openReadOnly(final Path dir, final JournalRollCycle stored) {
        final SingleChronicleQueue queue;
        try {
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
     * The value of {@code key} in the metadata table of the journal in {@code dir}, read without opening the queue or
     * creating anything, or {@link Long#MIN_VALUE} when the table or the key is absent.
     */
    static long metadataValue(final Path dir, final String key) {
        final Path metadata = dir.resolve(QUEUE_METADATA_FILE);
        if (!Files.isRegularFile(metadata)) {
            return Long.MIN_VALUE;
        }
        final long[] found = {Long.MIN_VALUE};
        // the table's metadata is a Chronicle object whose wire alias the queue builder registers when first loaded
        SingleChronicleQueueBuilder.addAliases();
        try (TableStore<Metadata.NoMeta> store = SingleTableBuilder.binary(metadata, Metadata.NoMeta.INSTANCE)
            .readOnly(true).build()) {
            // forEachKey reads without creating: acquireValueFor would add the key to a writable table
            store.forEachKey(found, (value, name, in) -> {
                if (key.contentEquals(name)) {
                    value[0] = in.int64();
                }
            });
        } catch (final RuntimeException e) {
            throw new JournalException("journal " + dir + ": cannot read " + QUEUE_METADATA_FILE + ": " + e.getMessage(), e);
        }
        return found[0];
    }

    /**
     * The roll cycle the journal in {@code dir} was created with, read from its metadata table without opening the
     * queue: null when there is no metadata yet (a new journal), {@link JournalRollCycle#DAILY} for a journal that
     * predates {@link #ROLL_CYCLE_KEY}.
     *
     * @throws JournalException when the metadata names a roll cycle this version does not know
     */
    static JournalRollCycle storedRollCycle(final Path dir) {
        if (!Files.isRegularFile(dir.resolve(QUEUE_METADATA_FILE))) {
            return null;
        }
        final long code = metadataValue(dir, ROLL_CYCLE_KEY);
        if (code == Long.MIN_VALUE) {
            return JournalRollCycle.DAILY;
        }
        final JournalRollCycle cycle = JournalRollCycle.ofCode(code);
        if (cycle == null) {
            throw new JournalException("journal " + dir + " has roll cycle code " + code + ", which this engine does not know");
        }
        return cycle;
    }

    /**
     * The cycles whose files are in the journal's directory, oldest first. Taken from the file names rather than
     * from Chronicle's directory listing, which a read-only queue cannot refresh and which may still name a cycle
     * retention removed.
     */
    static int[] presentCycles(final SingleChronicleQueue queue) {
        final JournalRollCycle rollCycle = JournalRollCycle.of(queue.rollCycle());
        final String[] names = queue.file().list();
        if (names == null) {
            return new int[0];
        }
        return Arrays.stream(names).mapToInt(rollCycle::cycleOf).filter(c -> c != Integer.MIN_VALUE).sorted().toArray();
    }

    /**
     * Where a journal's entries start: its first cycle file and the number of its first entry, the sequence that entry
     * carries (every Ringtrade writer numbers entries from 0 by their position, so it
     * is 0 unless retention removed earlier cycles). An empty journal starts at entry 0 in no cycle
     * ({@link Integer#MIN_VALUE}); one whose first entry cannot be read (a torn first write) at entry 0, where the
     * reader then reports it.
     */
    record Start(int cycle, long firstEntry) {
    }

    /** Reads the first document of the first cycle in {@code cycles}; {@code tailer} is left anywhere. */
    static Start start(final SingleChronicleQueue queue, final ExcerptTailer tailer, final int[] cycles) {
        if (cycles.length == 0) {
            return new Start(Integer.MIN_VALUE, 0);
        }
        // Only the first document is read: counting a cycle's excerpts scans it to its end, which a garbage
        // header after the last entry turns into a fault instead of the reader's "incomplete entry" message.
        final long first = firstEntryOf(tailer, cycles[0]);
        return new Start(cycles[0], Math.max(first, 0));
    }

    /**
     * The sequence the first entry of {@code cycle} carries, or -1 when the cycle has no readable first entry (none
     * written, or a torn or corrupt one). Reads one document; moves {@code tailer}.
     */
    static long firstEntryOf(final ExcerptTailer tailer, final int cycle) {
        if (!tailer.moveToCycle(cycle)) {
            return -1;
        }
        final EngineEvent scratch = new EngineEvent();
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent() || tailer.cycle() != cycle) {
                return -1;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final long start = bytes.readPosition();
            if (JournalLayout.decode(bytes, start, bytes.readRemaining(), scratch) != JournalLayout.DECODED) {
                return -1;
            }
            return scratch.sequence;
        }
    }

    /** The number of the first entry present in {@code queue}, as {@link #start} finds it. */
    static long firstEntry(final SingleChronicleQueue queue) {
        try (ExcerptTailer tailer = queue.createTailer()) {
            return start(queue, tailer, presentCycles(queue)).firstEntry();
        }
    }

    /**
     * One cycle file of a journal and the entries it holds.
     *
     * @param cycle      Chronicle's cycle number (units of the roll cycle since 1970)
     * @param fileName   the file's name inside the journal directory
     * @param firstEntry number of its first entry
     * @param entries    how many entries it holds (the last cycle may still be growing)
     */
    record CycleFile(int cycle, String fileName, long firstEntry, long entries) {
        /** Number of its last entry. */
        long lastEntry() {
            return firstEntry + entries - 1;
        }
    }

    /**
     * The non-empty cycle files of {@code queue}, oldest first, with their entry numbers, found from the sequence each
     * file's first entry carries (one document read per file, no scan). The newest file's count needs a scan of that
     * file: with {@code countNewest} false it is left open-ended ({@link CycleFile#entries()} reaching
     * {@link Long#MAX_VALUE}), which is all retention needs, since it never removes the newest file.
     */
    static List<CycleFile> cycleFiles(final SingleChronicleQueue queue, final boolean countNewest) {
        final List<CycleFile> files = new ArrayList<>();
        final JournalRollCycle rollCycle = JournalRollCycle.of(queue.rollCycle());
        final int[] cycles = presentCycles(queue);
        try (ExcerptTailer tailer = queue.createTailer()) {
            final long[] firsts = new long[cycles.length];
            for (int i = 0; i < cycles.length; i++) {
                firsts[i] = firstEntryOf(tailer, cycles[i]);
            }
            if (cycles.length > 0 && firsts[0] < 0) {
                firsts[0] = 0; // a torn first write of a new journal: the reader reports it as entry 0
            }
            long expected = cycles.length == 0 ? 0 : firsts[0];
            for (int i = 0; i < cycles.length; i++) {
                if (firsts[i] < 0) {
                    continue; // no readable first entry: empty, or a torn write at the very end
                }
                if (firsts[i] != expected && !files.isEmpty()) {
                    throw new JournalException("journal " + queue.file() + ": cycle file " + rollCycle.fileName(cycles[i])
                        + " starts at entry " + firsts[i] + " but the one before ends at entry " + (expected - 1));
                }
                final long next = nextFirst(firsts, i);
                final long count;
                if (next >= 0) {
                    count = next - firsts[i];
                } else if (countNewest || i < cycles.length - 1) {
                    count = tailer.excerptsInCycle(cycles[i]);
                } else {
                    count = Long.MAX_VALUE - firsts[i];
                }
                files.add(new CycleFile(cycles[i], rollCycle.fileName(cycles[i]), firsts[i], count));
                expected = firsts[i] + count;
            }
        }
        return files;
    }

    private static long nextFirst(final long[] firsts, final int i) {
        for (int j = i + 1; j < firsts.length; j++) {
            if (firsts[j] >= 0) {
                return firsts[j];
            }
        }
        return -1;
    }

    /**
     * Makes Chronicle's directory listing (the first and last cycle it records in the metadata table) match the files
     * present, after retention removed some: readers that rely on it, Chronicle's own tools included, then start at the
     * first file present. Needs a writable queue, since a read-only one cannot refresh it; opening one appends nothing.
     */
    static void refreshListing(final Path dir) {
        final JournalRollCycle stored = storedRollCycle(dir);
        try (SingleChronicleQueue queue = builder(dir, SystemTimeProvider.INSTANCE,
            stored == null ? JournalRollCycle.DAILY : stored).build()) {
            queue.refreshDirectoryListing();
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
