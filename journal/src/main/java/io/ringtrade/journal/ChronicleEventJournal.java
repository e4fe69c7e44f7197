package io.ringtrade.journal;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.journal.EventJournal;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The engine's journal (DESIGN.md §4): one Chronicle queue directory, one excerpt per input in the
 * {@link JournalLayout} format, rolled per its {@link JournalRollCycle} (daily by default: {@code FAST_DAILY}, files
 * {@code yyyyMMdd'F'.cq4}), with the schema version and the roll cycle in the queue's metadata table.
 * {@link #flush()} applies the {@link DurabilityPolicy}.
 *
 * <p>Entries are numbered from 0 in the order they were appended, and each carries its number as its
 * {@code sequence} (the pipeline, the backtest driver and import all write it so). When retention has removed early
 * cycles, the journal's numbering continues from the sequence of its first remaining entry, so
 * {@link #entryCount()} still counts from the start of the journal.
 *
 * <p>Opening takes {@code ringtrade.lock} in the directory for the journal's lifetime, so a second engine on the same
 * directory fails with a message naming the owner's pid. It also checks that the last entry is intact: a torn write
 * (Chronicle's excerpt header never marked complete, as after {@code kill -9} mid-append) is discarded by Chronicle
 * at the next append, which is right because nothing that entry caused ever left the process; but a complete header
 * over a corrupt payload (power loss, a cut file) is refused, so that no new entry is ever appended after a bad one.
 *
 * <p>Threads: open and close on any thread; {@link #append} and {@link #flush} on the journal stage's thread only
 * (the first thread to append owns Chronicle's appender). While open under {@link DurabilityPolicy#OS_CACHE}, a
 * {@link JournalPretoucher} thread keeps the pages ahead of the write position mapped, so that the journal stage does
 * not stall on page faults. Append and flush do not allocate; flush allocates only
 * under {@link DurabilityPolicy#SYNC_ON_BATCH} on the first flush after a new daily file appeared.
 */
public final class ChronicleEventJournal implements EventJournal {
    /**
     * System property read at {@link #open}: {@code false} starts no pretoucher thread (default {@code true}; under
     * {@link DurabilityPolicy#SYNC_ON_BATCH} it only prepares the next cycle's file); see {@link JournalPretoucher}.
     */
    public static final String PRETOUCH_PROP_NAME = JournalPretoucher.ENABLED_PROP_NAME;
    /**
     * System property read at {@link #open}: {@code false} leaves the next cycle's file to the appender instead of
     * having the pretoucher prepare it ahead of the roll (default {@code true}); for measuring what preparing buys.
     */
    public static final String PRETOUCH_NEXT_CYCLE_PROP_NAME = JournalPretoucher.NEXT_CYCLE_PROP_NAME;
    /**
     * System property read at {@link #open}: {@code false} has the pretoucher only map and advise the chunks ahead of
     * the writer, touching no page (default {@code true}; anything else is refused); see {@link JournalPretoucher}.
     */
    public static final String PRETOUCH_PAGES_PROP_NAME = JournalPretoucher.TOUCH_PAGES_PROP_NAME;
    private final Path dir;
    private final DurabilityPolicy policy;
    private final JournalRollCycle rollCycle;
    private final WriterLock lock;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final JournalPretoucher pretoucher;
    private final CycleCapacity capacity;
    private long entryCount;
    private long syncedEntryCount;
    private int syncedCycle = Integer.MIN_VALUE;
    private FileChannel syncedFile;
    private boolean closed;

    private ChronicleEventJournal(final Path dir, final DurabilityPolicy policy, final JournalRollCycle rollCycle,
                                  final WriterLock lock, final SingleChronicleQueue queue, final long entryCount) {
        this.dir = dir;
        this.policy = policy;
        this.rollCycle = rollCycle;
        this.lock = lock;
        this.queue = queue;
        this.entryCount = entryCount;
        this.appender = queue.createAppender();
        // Created here, used by the journal stage's thread: let that thread claim it on first use.
        appender.singleThreadedCheckReset();
        this.capacity = new CycleCapacity(rollCycle.chronicle().maxMessagesPerCycle());
        if (entryCount > 0) {
            final long last = queue.lastIndex();
            capacity.resume(rollCycle.chronicle().toCycle(last), rollCycle.chronicle().toSequenceNumber(last) + 1);
        }
        this.pretoucher = JournalPretoucher.startIfEnabled(queue, policy);
    }

    /** Opens or creates the journal in {@code dir} with the default {@link DurabilityPolicy#OS_CACHE}. */
    public static ChronicleEventJournal open(final Path dir) {
        return open(dir, DurabilityPolicy.OS_CACHE);
    }

    /**
     * Opens the journal in {@code dir} with the roll cycle it was created with, or creates a {@link JournalRollCycle#DAILY}
     * one (creating the directory if needed), for appending.
     *
     * @throws JournalException when {@code dir} is not a writable directory, is locked by another engine, holds another
     *                          schema version or another kind of queue, or ends in a corrupt entry
     */
    public static ChronicleEventJournal open(final Path dir, final DurabilityPolicy policy) {
        return open(dir, policy, null, SystemTimeProvider.INSTANCE);
    }

    /**
     * Opens or creates the journal in {@code dir} for appending with roll cycle {@code rollCycle}. A journal keeps the
     * roll cycle it was created with: opening an existing one with another is refused (rather than silently adopting
     * it), because retention deletes whole cycles and an operator who asked for hourly files must not get daily ones.
     *
     * @throws JournalException as {@link #open(Path, DurabilityPolicy)}, and when the journal has another roll cycle
     */
    public static ChronicleEventJournal open(final Path dir, final DurabilityPolicy policy,
                                             final JournalRollCycle rollCycle) {
        return open(dir, policy, Objects.requireNonNull(rollCycle, "rollCycle"), SystemTimeProvider.INSTANCE);
    }

    /** As {@link #open(Path, DurabilityPolicy)} with Chronicle's clock replaced: tests use it to cross a daily roll. */
    static ChronicleEventJournal open(final Path dir, final DurabilityPolicy policy, final TimeProvider time) {
        return open(dir, policy, null, time);
    }

    /**
     * Opens or creates a journal; {@code requested} null adopts the stored roll cycle (daily for a new journal), else a
     * stored one must equal it. Chronicle's clock, which decides the cycle an entry goes to, is {@code time}: tests
     * and tools that build journals of many cycles replace it; the engine uses the system clock.
     */
    public static ChronicleEventJournal open(final Path dir, final DurabilityPolicy policy, final JournalRollCycle requested,
                                      final TimeProvider time) {
        prepareDirectory(dir);
        final WriterLock lock = WriterLock.acquire(dir);
        SingleChronicleQueue queue = null;
        try {
            final JournalRollCycle stored = JournalFiles.storedRollCycle(dir);
            if (stored != null && requested != null && stored != requested) {
                throw new JournalException("journal " + dir + " rolls its files " + stored.label() + " (fixed when it was"
                    + " created), not " + requested.label() + ": use roll cycle " + stored.label() + " or another journal"
                    + " directory");
            }
            final JournalRollCycle rollCycle = stored != null ? stored : requested != null ? requested : JournalRollCycle.DAILY;
            queue = JournalFiles.builder(dir, time, rollCycle).build();
            // Chronicle's directory listing may still name cycle files retention removed (while no writer ran)
            queue.refreshDirectoryListing();
            final long count = queue.entryCount();
            final long version = JournalFiles.readSchemaVersion(queue);
            if (version == Long.MIN_VALUE) {
                if (count > 0) {
                    throw new JournalException("journal " + dir + " has no schema version: not a Ringtrade journal");
                }
                queue.tableStorePut(JournalFiles.SCHEMA_VERSION_KEY, JournalLayout.SCHEMA_VERSION);
                queue.tableStorePut(JournalFiles.ROLL_CYCLE_KEY, rollCycle.code());
            } else {
                JournalFiles.checkSchemaVersion(dir, version);
            }
            long entries = 0;
            if (count > 0) {
                final long first = JournalFiles.firstEntry(queue);
                entries = first + count;
                final long last = checkLastEntry(dir, queue, entries);
                if (last != entries - 1) {
                    throw new JournalException("journal " + dir + ": its last entry carries sequence " + last + " but is entry "
                        + (entries - 1) + " counting from its first (" + first + "); entries are not numbered by position,"
                        + " so this journal cannot be continued");
                }
            }
            return new ChronicleEventJournal(dir, policy, rollCycle, lock, queue, entries);
        } catch (final RuntimeException e) {
            if (queue != null) {
                queue.close();
            }
            lock.close();
            if (e instanceof JournalException) {
                throw e;
            }
            throw new JournalException("journal " + dir + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private static void prepareDirectory(final Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new JournalException("journal " + dir + " is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (final IOException e) {
            throw new JournalException("journal " + dir + " cannot be created: " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir) || !Files.isReadable(dir) || !Files.isExecutable(dir)) {
            throw new JournalException("journal " + dir + " is not writable");
        }
    }

    /** Checks that the last entry is intact and returns the sequence it carries; {@code count} is for messages. */
    private static long checkLastEntry(final Path dir, final SingleChronicleQueue queue, final long count) {
        final EngineEvent scratch = new EngineEvent();
        try (ExcerptTailer tailer = queue.createTailer()) {
            if (!tailer.moveToIndex(queue.lastIndex())) {
                throw JournalFiles.incomplete(dir, count - 1);
            }
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    throw JournalFiles.incomplete(dir, count - 1);
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final long start = bytes.readPosition();
                final int result = JournalLayout.decode(bytes, start, bytes.readRemaining(), scratch);
                if (result == JournalLayout.OTHER_SCHEMA_VERSION) {
                    throw JournalFiles.otherVersion(dir, JournalLayout.schemaVersionOf(bytes, start));
                }
                if (result != JournalLayout.DECODED) {
                    throw JournalFiles.incomplete(dir, count - 1);
                }
                return scratch.sequence;
            }
        }
    }

    /**
     * Appends the input fields of {@code event} as the next entry. Does not allocate.
     *
     * @throws JournalException when the event's type (or market data kind) has no layout, e.g. an unused slot, or when
     *                          the current cycle file holds all the entries Chronicle can index in one cycle (nothing
     *                          is written: the journal stays whole and continues in the next cycle)
     */
    @Override
    public void append(final EngineEvent event) {
        final int length = JournalLayout.lengthOf(event.type, event.marketDataKind);
        if (length < 0) {
            throw new JournalException("journal " + dir + " cannot record event type " + EventType.name(event.type)
                + " (market data kind " + event.marketDataKind + ")");
        }
        if (capacity.full() && queue.cycle() == capacity.cycle()) {
            throw new JournalException("journal " + dir + ": its " + rollCycle.label() + " cycle file holds "
                + capacity.maxEntries() + " entries, the most one cycle can index, so entry " + entryCount
                + " was not journaled; the journal is whole and continues in the next cycle: start the engine again "
                + "then, and give a new journal a longer roll cycle (hourly and daily ones hold 4,294,967,295 entries)");
        }
        try (DocumentContext dc = appender.writingDocument()) {
            JournalLayout.encode(event, dc.wire().bytes());
        }
        capacity.appended(appender.cycle());
        entryCount++;
    }

    /** How full the current cycle file is (for tests in this package). */
    CycleCapacity cycleCapacity() {
        return capacity;
    }

    /** Applies the {@link DurabilityPolicy} to everything appended so far. */
    @Override
    public void flush() {
        if (policy == DurabilityPolicy.SYNC_ON_BATCH && syncedEntryCount != entryCount) {
            sync();
        }
    }

    private void sync() {
        try {
            final int cycle = appender.cycle();
            if (cycle != syncedCycle) {
                // The batch may have started in the previous day's file: finish that one before moving on.
                if (syncedFile != null) {
                    syncedFile.force(false);
                    syncedFile.close();
                }
                final File current = appender.currentFile();
                syncedFile = FileChannel.open(current.toPath(), StandardOpenOption.READ);
                syncedCycle = cycle;
                // A new file is only reachable after power loss once its directory entry is on disk too.
                try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                    directory.force(true);
                }
            }
            syncedFile.force(false);
            syncedEntryCount = entryCount;
            queue.lastIndexMSynced(appender.lastIndexAppended());
        } catch (final IOException e) {
            throw new JournalException("journal " + dir + " cannot be synced: " + e.getMessage(), e);
        }
    }

    /**
     * Entries counted from the start of the journal (those removed by retention included) when it was opened, plus
     * those appended since: the number, and sequence, the next appended entry gets.
     */
    @Override
    public long entryCount() {
        return entryCount;
    }

    /**
     * How many entries (counted from the start of the journal) this journal has forced to the storage device: the
     * entry count at the last {@link DurabilityPolicy#SYNC_ON_BATCH} flush; always 0 under
     * {@link DurabilityPolicy#OS_CACHE}, which never forces anything.
     */
    public long syncedEntryCount() {
        return syncedEntryCount;
    }

    /**
     * Raises the count of {@code SKIP_ENTRY} commands in the metadata table; {@link JournalSkips#skip} calls it before
     * appending one, so that a journal whose count is 0 (or absent) holds none and need not be scanned. Owner thread.
     */
    void countSkip() {
        final long skips = queue.tableStoreGet(JournalFiles.SKIPS_KEY);
        queue.tableStorePut(JournalFiles.SKIPS_KEY, skips == Long.MIN_VALUE ? 1 : skips + 1);
    }

    /** The roll cycle the journal was created with. */
    public JournalRollCycle rollCycle() {
        return rollCycle;
    }

    /** The policy chosen at open. */
    public DurabilityPolicy durabilityPolicy() {
        return policy;
    }

    /**
     * Whether the next cycle's file is prepared ahead of each roll ({@link NextCycleFile}): with the pretoucher on,
     * under either policy, unless {@link #PRETOUCH_NEXT_CYCLE_PROP_NAME} turned it off. When not, the roll's first
     * append takes the kernel's read-around of the new file on the journal thread ({@link JournalDevice}).
     */
    public boolean preparesNextCycle() {
        return pretoucher != null && pretoucher.nextCycleFile() != null;
    }

    /**
     * The pretoucher of this journal; null when the system properties turned it off (under {@code SYNC_ON_BATCH} it
     * prepares the next cycle's file only).
     */
    JournalPretoucher pretoucher() {
        return pretoucher;
    }

    /** The journal's directory. */
    public Path directory() {
        return dir;
    }

    /** Closes the queue and releases the directory lock; idempotent. Call after the journal stage has stopped. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (syncedFile != null) {
                syncedFile.close();
            }
        } catch (final IOException ignored) {
            // nothing left to protect: the mapped data is in the page cache either way
        } finally {
            if (pretoucher != null) {
                pretoucher.close();
            }
            appender.singleThreadedCheckReset();
            appender.close();
            queue.close();
            lock.close();
        }
    }
}
