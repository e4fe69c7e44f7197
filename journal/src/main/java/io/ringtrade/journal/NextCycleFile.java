package io.ringtrade.journal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import net.openhft.posix.MAdviseFlag;
import net.openhft.posix.PosixAPI;

/**
 * Prepares the file of the journal's next cycle shortly before that cycle begins, so that the journal thread's roll
 * into it does not take the kernel's read-around of a new file's first page fault: 4–7 ms of zero-filling on the
 * journal thread with this machine's 8 MiB read-ahead (BENCHMARKS.md §2, "The roll to a new cycle file").
 *
 * <p>How: when Chronicle's appender creates a cycle's file, it first renames a file of the same name with the suffix
 * {@code .precreated} (in place of {@code .cq4}) into place, if there is one ({@code PrecreatedFiles}). This class makes
 * that file. Under a temporary name ({@value #WARMING_SUFFIX}) it creates a sparse file of {@code warmBytes}, maps it
 * read-only, advises the mapping {@code MADV_RANDOM} and reads one byte of each 4 KiB page, so that the kernel puts the
 * file's zero pages in the page cache one page per fault, never a read-around, at most {@code maxBytes} per call; then
 * it unmaps the file and renames it to the name Chronicle looks for. Page-cache pages belong to the file, not to its
 * name: after Chronicle's rename, the header, the index and the first entries the appender writes land in pages that
 * are already in memory. Reading dirties no page, so nothing is written to disk for it.
 *
 * <p>Nothing a reader sees changes. Until the roll, the file's name is not a cycle file's, so no reader, tailer or
 * directory listing takes it for one (a cycle file created early would have been); it holds only zeros, which is all
 * Chronicle asks of a new file (it writes the header with a compare-and-swap from 0). Which cycle an entry lands in is
 * still decided by Chronicle's clock at the append. If the roll comes before the file is ready, the appender creates
 * the cycle's file itself, as without this class, and the prepared file is deleted.
 *
 * <p>Starts {@value #LEAD_MILLIS} ms before the next cycle begins (or at once, inside that window): time enough to warm
 * 16 MiB at 1 MiB a millisecond, yet soon enough before the roll that proactive reclaim has not paged the file out
 * again (this platform's DAMON scheme pages out memory nobody touched for 60 s). Leftovers of an earlier run (a
 * temporary file, a prepared file of a cycle that has begun) are deleted at the first call; a prepared file the
 * journal did not reach is deleted at {@link #close}.
 *
 * <p>Threads: the journal pretoucher's thread, which calls {@link #advance} every pass and {@link #close} when it stops.
 * A failure (a full disk, a refused {@code mmap}) turns preparing off for this journal, never the pretoucher or the
 * journal: the roll then costs what it did before; {@link #failure()} says why.
 */
final class NextCycleFile {
    /** How long before the next cycle begins its file is prepared. */
    static final long LEAD_MILLIS = 2_000;
    /** The suffix of the file while it is being prepared: neither a cycle file's nor a prepared one's. */
    static final String WARMING_SUFFIX = ".precreating";
    private static final long PAGE_SIZE = 4_096;

    private final Path dir;
    private final JournalRollCycle rollCycle;
    private final long warmBytes;
    private boolean started;
    private boolean enabled = true;
    /** The cycle last prepared (or given up on): each cycle is prepared at most once. */
    private int preparedCycle = Integer.MIN_VALUE;
    // while preparedCycle's file is being read: the arena of its mapping, the mapping and how far it is read; the arena
    // is null otherwise
    private Arena arena;
    private MemorySegment mapping;
    private long warmedTo;
    private volatile long readyFiles;
    private volatile Throwable failure;

    /**
     * @param dir       the journal directory (the queue's)
     * @param rollCycle the journal's roll cycle (its epoch is 0, as Ringtrade's journals have)
     * @param warmBytes bytes of the prepared file put in the page cache: at least the appender's first writes before the
     *                  pretoucher reaches the new file (a millisecond of input), at most what the pretoucher keeps ahead
     */
    NextCycleFile(final Path dir, final JournalRollCycle rollCycle, final long warmBytes) {
        this.dir = dir;
        this.rollCycle = rollCycle;
        this.warmBytes = Math.max(PAGE_SIZE, warmBytes & -PAGE_SIZE);
    }

    /**
     * Prepares the file of the cycle after the one {@code nowMillis} (Chronicle's clock) falls in, when that cycle
     * begins within {@value #LEAD_MILLIS} ms; reads at most {@code maxBytes} of it per call. Does nothing more than
     * check the time when there is nothing to do.
     */
    void advance(final long nowMillis, final long maxBytes) {
        if (!enabled) {
            return;
        }
        try {
            final int current = rollCycle.cycleAt(nowMillis);
            if (!started) {
                started = true;
                deleteLeftovers(current);
            }
            final int next = current + 1;
            if (!warming() && next != preparedCycle && (long) next * rollCycle.lengthMillis() - nowMillis <= LEAD_MILLIS) {
                preparedCycle = next;
                begin();
            }
            if (warming()) {
                warm(maxBytes);
            }
        } catch (final IOException | RuntimeException | LinkageError e) {
            failure = e;
            enabled = false;
            abandon();
        }
    }

    /** The path Chronicle renames into place as {@code cycle}'s file when it creates it. */
    Path readyPath(final int cycle) {
        return dir.resolve(rollCycle.preparedFileName(cycle));
    }

    /** The path of {@code cycle}'s file while it is being read. */
    private Path warmingPath(final int cycle) {
        return dir.resolve(rollCycle.fileStem(cycle) + WARMING_SUFFIX);
    }

    private void begin() throws IOException {
        if (Files.exists(dir.resolve(rollCycle.fileName(preparedCycle))) || Files.exists(readyPath(preparedCycle))) {
            return; // the cycle has begun already, or its file was prepared by an earlier run
        }
        final Path temporary = warmingPath(preparedCycle);
        Files.deleteIfExists(temporary);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE)) {
            // mapping past the end grows the empty file to warmBytes (the JDK extends it with ftruncate: sparse, no
            // blocks); the mapping outlives the channel, until its arena closes
            arena = Arena.ofConfined();
            mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, warmBytes, arena);
        }
        PosixAPI.posix().madvise(mapping.address(), warmBytes, MAdviseFlag.MADV_RANDOM);
        warmedTo = 0;
    }

    private void warm(final long maxBytes) throws IOException {
        final long to = Math.min(warmBytes, warmedTo + Math.max(PAGE_SIZE, maxBytes));
        // Each read is a read fault: the page (a hole, so zeros) enters the page cache clean. The bytes read are
        // checked: a read whose value is unused is removed by the JIT compiler once this loop is compiled (even a
        // volatile one), and from then on nothing was warmed (seen from the 13th file of a benchmark).
        int read = 0;
        for (long page = warmedTo; page < to; page += PAGE_SIZE) {
            read |= mapping.get(ValueLayout.JAVA_BYTE, page);
        }
        if (read != 0) {
            throw new IOException(warmingPath(preparedCycle) + " is not all zeros: something else writes to it");
        }
        warmedTo = to;
        if (warmedTo < warmBytes) {
            return;
        }
        unmap();
        final Path prepared = readyPath(preparedCycle);
        Files.move(warmingPath(preparedCycle), prepared, StandardCopyOption.ATOMIC_MOVE);
        if (Files.exists(dir.resolve(rollCycle.fileName(preparedCycle)))) {
            // the roll came first: the appender created the file itself, so this one would never be used
            Files.deleteIfExists(prepared);
        } else {
            readyFiles++;
        }
    }

    /** Deletes temporary files, and prepared files of cycles that have begun (an earlier run's, never renamed). */
    private void deleteLeftovers(final int current) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
            "*{" + WARMING_SUFFIX + "," + JournalRollCycle.PREPARED_FILE_SUFFIX + "}")) {
            for (final Path file : files) {
                final String name = file.getFileName().toString();
                if (name.endsWith(WARMING_SUFFIX)) {
                    Files.deleteIfExists(file);
                    continue;
                }
                final int cycle = rollCycle.cycleOf(
                    name.substring(0, name.length() - JournalRollCycle.PREPARED_FILE_SUFFIX.length())
                        + JournalRollCycle.FILE_SUFFIX);
                if (cycle != Integer.MIN_VALUE && cycle <= current) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Stops warming and deletes the file being warmed, if any. */
    private void abandon() {
        if (!warming()) {
            return;
        }
        unmap();
        try {
            Files.deleteIfExists(warmingPath(preparedCycle));
        } catch (final IOException e) {
            // keep the first failure; the file is deleted as a leftover at the next start
        }
    }

    private void unmap() {
        arena.close();
        arena = null;
        mapping = null;
    }

    /**
     * Stops: deletes the file being warmed, and the prepared file of a cycle the journal has not reached (the next run
     * prepares its own).
     */
    void close() {
        abandon();
        if (preparedCycle != Integer.MIN_VALUE) {
            try {
                Files.deleteIfExists(readyPath(preparedCycle));
            } catch (final IOException | RuntimeException e) {
                // a prepared file left behind holds only zeros; the next run deletes it once its cycle has begun
            }
        }
    }

    /** Whether a file is being read into the page cache (the next calls have work to do). */
    boolean warming() {
        return arena != null;
    }

    /** Files prepared and left for Chronicle to rename (whether or not the roll has used them yet). */
    long readyFiles() {
        return readyFiles;
    }

    /** Why preparing stopped for this journal, or null. */
    Throwable failure() {
        return failure;
    }
}
