package io.ringtrade.journal;

import io.ringtrade.engine.api.event.EngineEvent;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wires;

/**
 * Reads a journal's entries in order into a caller's {@link EngineEvent} slot: what replay, recovery and the dump
 * use. Entries are numbered 0, 1, 2, ... from the start of the journal across all cycle files, and every entry
 * carries its number as its {@code sequence} (see {@link ChronicleEventJournal}). When retention has removed early
 * cycles, the first entry present is found by the sequence it carries, not by counting from a cycle that no longer
 * exists; an entry whose sequence is not its number is refused, because the numbering could not be trusted.
 *
 * <p>Opened read-only: it never changes the journal, so it can be pointed at a copied or archived journal. While open
 * it keeps a {@link JournalHold} in {@code DIR/holds/} (when the directory is writable), advanced as it moves from one
 * cycle file to the next, so that {@link JournalRetention} in a running engine never removes a cycle it still needs.
 * {@link #next} stops at the last complete entry. A cut, torn or corrupt entry is never skipped silently: after the
 * last complete entry, {@code next} throws a {@link JournalException} saying after which entry reading stopped.
 * Meant for journals at rest: an append in progress by a running engine looks like a torn entry.
 *
 * <p>Single-threaded: the thread that calls {@link #next} owns it (it may differ from the opening thread). {@code next}
 * does not allocate.
 */
public final class JournalReader implements AutoCloseable {
    /** Chronicle index arrays are 32 KiB; a metadata header claiming far more than that is garbage. */
    private static final int MAX_METADATA_LENGTH = 1 << 20;

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final JournalHold hold;
    private final long firstEntry;
    private final int[] cycles;
    private final int firstCycle;
    private long nextEntry;
    private int lastChecksum;
    /** Mapped bytes of the current daily file and where the header after the last entry read sits. */
    private Bytes<?> lastBytes;
    private long headerPosition;
    private int lastCycle;
    private JournalException failure;
    private boolean closed;

    private JournalReader(final Path dir, final SingleChronicleQueue queue, final long fromEntry) {
        this.dir = dir;
        this.queue = queue;
        this.hold = JournalHold.take(dir, Math.max(fromEntry, 0));
        try {
            this.tailer = queue.createTailer();
            this.cycles = JournalFiles.presentCycles(queue);
            final JournalFiles.Start start = JournalFiles.start(queue, tailer, cycles);
            this.firstEntry = start.firstEntry();
            this.firstCycle = start.cycle();
            final long from = fromEntry < 0 ? firstEntry : fromEntry;
            this.nextEntry = from;
            seek(from);
            tailer.singleThreadedCheckReset();
        } catch (final RuntimeException e) {
            if (hold != null) {
                hold.close();
            }
            throw e;
        }
    }

    /**
     * Opens the journal in {@code dir} to read from its first entry present: entry 0, or the first one retention kept
     * ({@link #firstEntry()}).
     */
    public static JournalReader open(final Path dir) {
        return openAt(dir, -1);
    }

    /**
     * Opens the journal in {@code dir} to read from entry number {@code fromEntry} (0-based; equal to the entry count
     * means "at the end").
     *
     * @throws JournalException when {@code dir} is missing, not a readable directory, not a journal, holds another
     *                          schema version, has fewer than {@code fromEntry} entries, or no longer has entry
     *                          {@code fromEntry} because retention removed it
     */
    public static JournalReader open(final Path dir, final long fromEntry) {
        if (fromEntry < 0) {
            throw new IllegalArgumentException("fromEntry must be >= 0: " + fromEntry);
        }
        return openAt(dir, fromEntry);
    }

    private static JournalReader openAt(final Path dir, final long fromEntry) {
        final SingleChronicleQueue queue = JournalFiles.openForReading(dir);
        try {
            return new JournalReader(dir, queue, fromEntry);
        } catch (final RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    private void seek(final long fromEntry) {
        if (fromEntry < firstEntry) {
            throw new JournalException("journal " + dir + " starts at entry " + firstEntry + " (retention removed the entries"
                + " before it), cannot read from entry " + fromEntry);
        }
        final RollCycle rollCycle = queue.rollCycle();
        if (firstCycle == Integer.MIN_VALUE) {
            if (fromEntry != firstEntry) {
                throw new JournalException("journal " + dir + " has 0 entries, cannot read from entry " + fromEntry);
            }
            tailer.toStart();
            return;
        }
        if (fromEntry == firstEntry) {
            if (!tailer.moveToCycle(firstCycle)) {
                tailer.toStart();
            }
            return;
        }
        // Find the cycle file holding fromEntry by the sequences its first entries carry (a binary search reading one
        // document per probe), instead of counting the excerpts of every file before it.
        int lo = 0;
        int hi = cycles.length - 1;
        int found = -1;
        long foundFirst = -1;
        while (lo <= hi) {
            final int mid = (lo + hi) >>> 1;
            final long first = cycles[mid] == firstCycle ? firstEntry : JournalFiles.firstEntryOf(tailer, cycles[mid]);
            if (first < 0) {
                break; // a file without a readable first entry: fall back to counting
            }
            if (first <= fromEntry) {
                found = mid;
                foundFirst = first;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found >= 0 && lo > hi && tailer.moveToIndex(rollCycle.toIndex(cycles[found], fromEntry - foundFirst))) {
            return; // next() checks that the entry found carries fromEntry
        }
        walk(fromEntry, rollCycle);
    }

    /** Walks the cycle files by their excerpt counts: for the end of the journal and for unusual files. */
    private void walk(final long fromEntry, final RollCycle rollCycle) {
        long remaining = fromEntry - firstEntry;
        long total = firstEntry;
        for (final int cycle : cycles) {
            if (cycle < firstCycle) {
                continue;
            }
            final long inCycle = tailer.excerptsInCycle(cycle);
            if (inCycle <= 0) {
                continue;
            }
            total += inCycle;
            if (remaining < inCycle) {
                if (!tailer.moveToIndex(rollCycle.toIndex(cycle, remaining))) {
                    throw new JournalException("journal " + dir + " cannot move to entry " + fromEntry);
                }
                return;
            }
            remaining -= inCycle;
        }
        if (remaining != 0) {
            throw new JournalException("journal " + dir + " has " + total + " entries, cannot read from entry " + fromEntry);
        }
        tailer.toEnd();
    }

    /**
     * Reads the next entry into {@code slot} (cleared first).
     *
     * @return true when an entry was read, false at the end of the journal
     * @throws JournalException at an incomplete or corrupt entry, or one of another schema version; every complete
     *                          entry before it has been returned, and later calls throw the same exception
     */
    public boolean next(final EngineEvent slot) {
        if (failure != null) {
            throw failure;
        }
        // Check the next excerpt header before Chronicle follows it: a garbage length would send Chronicle
        // reading past the end of the mapped file, which faults instead of throwing.
        if (lastBytes != null && tailer.cycle() == lastCycle && !plausibleHeader(lastBytes.readVolatileInt(headerPosition))) {
            throw fail(JournalFiles.incomplete(dir, nextEntry));
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                if (lastBytes != null && tailer.cycle() == lastCycle && isTorn(lastBytes.readVolatileInt(headerPosition))) {
                    throw fail(JournalFiles.incomplete(dir, nextEntry));
                }
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final long start = bytes.readPosition();
            final long length = bytes.readRemaining();
            final int result = JournalLayout.decode(bytes, start, length, slot);
            if (result == JournalLayout.OTHER_SCHEMA_VERSION) {
                throw fail(new JournalException("journal " + dir + ": entry " + nextEntry + " has schema version "
                    + JournalLayout.schemaVersionOf(bytes, start) + ", this engine reads version " + JournalLayout.SCHEMA_VERSION));
            }
            if (result != JournalLayout.DECODED) {
                throw fail(JournalFiles.incomplete(dir, nextEntry));
            }
            if (slot.sequence != nextEntry) {
                throw fail(new JournalException("journal " + dir + ": entry " + nextEntry + " carries sequence "
                    + slot.sequence + "; entries are not numbered by position, so entry numbers cannot be trusted"));
            }
            lastChecksum = bytes.readInt(start + length - JournalLayout.CHECKSUM_LENGTH);
            if (hold != null && tailer.cycle() != lastCycle) {
                hold.advance(nextEntry);
            }
            lastBytes = bytes;
            // Chronicle keeps excerpt headers 4-byte aligned.
            headerPosition = (start + length + 3) & ~3L;
            lastCycle = tailer.cycle();
            nextEntry++;
            return true;
        }
    }

    private static boolean plausibleHeader(final int header) {
        // Bits tested directly: Wires.isNotComplete also counts the 0 "nothing written yet" header.
        if (header == 0 || (header & Wires.NOT_COMPLETE) != 0) {
            return true; // end of data, or a write in progress / torn: readingDocument will not cross it
        }
        final int length = header & Wires.LENGTH_MASK;
        return (header & Wires.META_DATA) != 0 ? length <= MAX_METADATA_LENGTH : JournalLayout.isEntryLength(length);
    }

    private static boolean isTorn(final int header) {
        return (header & Wires.NOT_COMPLETE) != 0 && header != Wires.END_OF_DATA;
    }

    private JournalException fail(final JournalException e) {
        failure = e;
        return e;
    }

    /** Number of the entry the last successful {@link #next} returned, or (start entry - 1) before the first. */
    public long lastEntry() {
        return nextEntry - 1;
    }

    /**
     * The checksum stored in the entry the last successful {@link #next} returned (its last four bytes, see
     * {@link JournalLayout}): what a snapshot records to tie itself to the journal's content.
     */
    public int lastChecksum() {
        return lastChecksum;
    }

    /** Number of the first entry present: 0, or the first one retention kept. */
    public long firstEntry() {
        return firstEntry;
    }

    /** Number of the entry the next {@link #next} call will return. */
    public long nextEntry() {
        return nextEntry;
    }

    /** The journal's directory. */
    public Path directory() {
        return dir;
    }

    /** Releases the mapped files; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        lastBytes = null;
        tailer.singleThreadedCheckReset();
        tailer.close();
        queue.close();
        if (hold != null) {
            hold.close();
        }
    }
}
