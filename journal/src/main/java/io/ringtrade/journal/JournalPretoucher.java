package io.ringtrade.journal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.posix.MAdviseFlag;
import net.openhft.posix.PosixAPI;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;

/**
 * Keeps the pages just ahead of the journal's write position mapped and writable, so that the journal stage's thread
 * does not take the page faults and chunk mappings of a growing cycle file itself (BENCHMARKS.md, "Cutting the
 * journal's tail"). Without it, the first write to a page of the sparse {@code .cq4} file faults on the journal
 * thread, and the kernel fills the fault with a read-around of the whole read-ahead window (8 MiB on this machine's
 * virtio disk): a stall of milliseconds every few megabytes, plus the {@code ftruncate} and {@code mmap} of the next
 * 64 MiB chunk when the appender crosses into it. Every order waits behind such a stall, because nothing leaves the
 * process before the journal has passed its input.
 *
 * <p>How: every {@value #PERIOD_MICROS} µs this thread reads the current cycle file's write position (Chronicle keeps
 * it in the file's header) and, for each 4 KiB page between what it has touched so far and
 * {@value #AHEAD_BYTES_DEFAULT} bytes past that position, does an atomic compare-and-swap of 0 with 0 through
 * Chronicle's own mapping of the file. Chronicle shares one mapping per file and chunk between all the appenders and
 * stores of a queue, so the fault, the read-around, the chunk's mapping and the page-table entry land in the very pages
 * the appender will write; the appender later finds them present and writable and takes no fault at all. The swap
 * never changes a byte: a page ahead of the write position is all zeros, and when the appender has already written a
 * word there the swap fails and writes nothing. This is the primitive Chronicle's own (enterprise) pretoucher uses
 * ({@code MappedBytes.compareAndSwapLong}). Entry contents, entry numbers and replay are therefore unchanged.
 *
 * <p>Each chunk's mapping is advised {@code MADV_RANDOM} before its first page is touched, so a fault in it fills one
 * page instead of reading around the 8 MiB window: the pretoucher's own work then comes in 4 KiB pieces, at most
 * {@value #MAX_BYTES_PER_PASS} bytes per wake-up, instead of 8 MiB bursts that held a core for 10–30 ms — on a machine
 * with fewer cores than busy threads, the pipeline's threads felt each burst as a stall of that length (tick-to-order
 * p99.9 24–26 ms with the journal at 100,000 ticks/s on 2 cores, 3.4–3.8 ms with the advice, no worse than without a
 * journal; BENCHMARKS.md). The advice is a hint on Chronicle's shared mapping of the chunk, so it holds for the
 * appender's writes and for reads through the same mapping while it is kept; it changes no byte.
 *
 * <p><b>Advising only.</b> With {@value #TOUCH_PAGES_PROP_NAME}{@code =false} it touches no page: it only maps each chunk
 * ahead of the writer and advises it, waking every {@value #ADVISING_PERIOD_MILLIS} ms, and the appender takes one cheap
 * single-page fault per new page itself (no read-around, no chunk mapping). On a machine with no core to spare for this
 * thread that buys a lower p90 at moderate rates: on 2 cores at 100,000 ticks/s the touching thread's thousand
 * wake-ups a second took the pipeline's threads off their cores for 20–65 µs each (2–6 % of their time), and the fused
 * pipeline's p90 tick-to-order was lower without it in every run (2.4–6 µs against 2.7–32 µs). Not a lower tail (p99
 * and beyond lower in some runs, higher in others), and at 500,000 ticks/s and at full speed the appender's own faults
 * cost more than the touching did, a third of the journal's throughput at full speed (BENCHMARKS.md, "Cutting the
 * journal's tail"). So touching stays the default.
 *
 * <p>Touches only under {@link DurabilityPolicy#OS_CACHE}. Under {@link DurabilityPolicy#SYNC_ON_BATCH} a touched page
 * is dirty, so every sync also wrote the zero pages ahead, and touching by reading instead still made syncs slower; its
 * latency is the device's flush anyway (BENCHMARKS.md, "Cutting the journal's tail"). There the thread only prepares the
 * next cycle's file (which dirties nothing), waking every {@value #PREPARING_ONLY_PERIOD_MILLIS} ms.
 *
 * <p>The first append of a new cycle creates the cycle's file on the journal thread (once a day with the default daily
 * roll), before this thread can advise its mapping; {@link NextCycleFile}, run by this thread, prepares that file a
 * little ahead so that its first pages are in memory when the appender creates it. Not covered: pages that the kernel
 * wrote back before the appender reached them (the appender then takes a cheap write-protect fault instead of a
 * read-around).
 *
 * <p>Configuration, read once when the journal is opened: {@value #ENABLED_PROP_NAME} ({@code true} by default;
 * {@code false} turns the thread off, e.g. to measure without it), {@value #AHEAD_BYTES_PROP_NAME} (bytes to keep
 * touched ahead of the write position, default {@value #AHEAD_BYTES_DEFAULT}; also how much of the next cycle's file
 * is prepared), {@value #RANDOM_ADVICE_PROP_NAME} ({@code true} by default; {@code false} leaves the mappings'
 * read-around as the kernel has it), {@value #TOUCH_PAGES_PROP_NAME} ({@code true} by default; {@code false} maps and
 * advises ahead without touching pages, above) and {@value #NEXT_CYCLE_PROP_NAME} ({@code true} by default;
 * {@code false} leaves the next cycle's file to the appender).
 *
 * <p>Threads: its own daemon thread {@code ringtrade-journal-pretoucher}; {@link #startIfEnabled} and {@link #close} on the
 * thread that opens and closes the journal. A failure (it should have none) stops the pretoucher, never the journal;
 * {@link #failure()} reports it.
 */
final class JournalPretoucher implements AutoCloseable {
    /** System property: whether journals opened for appending start a pretoucher. */
    static final String ENABLED_PROP_NAME = "ringtrade.journal.pretouch";
    /** System property: how many bytes past the write position to keep touched. */
    static final String AHEAD_BYTES_PROP_NAME = "ringtrade.journal.pretouch.ahead";
    /** 16 MiB: 2.4 s of input at 100,000 entries/s, 0.5 s at 500,000/s; two read-around windows of 8 MiB. */
    static final long AHEAD_BYTES_DEFAULT = 16L << 20;
    /** How often the thread wakes: at 500,000 entries/s the writer moves about 34 KiB between two wake-ups. */
    static final int PERIOD_MICROS = 1_000;
    private static final long PAGE_SIZE = 4_096;
    /** How often the thread wakes under sync-on-batch, where it only prepares the next cycle's file. */
    static final int PREPARING_ONLY_PERIOD_MILLIS = 100;
    /** At most this much touched per wake-up, so no single pass holds a core for long (the initial fill included). */
    private static final long MAX_BYTES_PER_PASS = 1L << 20;

    /** System property: whether each chunk's mapping is advised {@code MADV_RANDOM} (no read-around on its faults). */
    static final String RANDOM_ADVICE_PROP_NAME = "ringtrade.journal.pretouch.random";

    /** System property: whether pages ahead are touched ({@code true}) or chunks ahead only mapped and advised. */
    static final String TOUCH_PAGES_PROP_NAME = "ringtrade.journal.pretouch.pages";
    /** How often the thread wakes when it only maps and advises: at 500,000 entries/s the writer moves ~340 KiB. */
    static final int ADVISING_PERIOD_MILLIS = 10;

    /** System property: whether the next cycle's file is prepared ahead of the roll ({@link NextCycleFile}). */
    static final String NEXT_CYCLE_PROP_NAME = "ringtrade.journal.pretouch.next-cycle";

    private final SingleChronicleQueue queue;
    private final long aheadBytes;
    // whether it works ahead of the write position at all: under OS_CACHE only
    private final boolean workingAhead;
    // under OS_CACHE: whether it touches the pages ahead (true) or only maps and advises the chunks ahead (false)
    private final boolean touchingPages;
    // null when turned off; used by the pretoucher's thread only
    private final NextCycleFile nextCycleFile;
    // read by the pretoucher's thread only; off for good if the native call is unavailable (touching goes on)
    private boolean randomAdvice = Boolean.parseBoolean(System.getProperty(RANDOM_ADVICE_PROP_NAME, "true"));
    // the file range [advisedStart, advisedLimit) of the chunk mapping last advised (a chunk is advised once)
    private long advisedStart = -1;
    private long advisedLimit = -1;
    private volatile long advisedChunks;
    private volatile Throwable adviceFailure;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private volatile long touchedPages;

    private JournalPretoucher(final SingleChronicleQueue queue, final long aheadBytes, final boolean workingAhead,
                              final boolean touchingPages, final boolean prepareNextCycle) {
        this.queue = queue;
        this.aheadBytes = aheadBytes;
        this.workingAhead = workingAhead;
        this.touchingPages = touchingPages;
        this.nextCycleFile = prepareNextCycle
            ? new NextCycleFile(queue.file().toPath(), JournalRollCycle.of(queue.rollCycle()), aheadBytes)
            : null;
        this.thread = new Thread(this::run, "ringtrade-journal-pretoucher");
        thread.setDaemon(true);
    }

    /**
     * Starts a pretoucher on {@code queue}, appended to under {@code policy}: null when {@value #ENABLED_PROP_NAME} is
     * {@code false}, or under {@link DurabilityPolicy#SYNC_ON_BATCH} (where it only prepares the next cycle's file) when
     * {@value #NEXT_CYCLE_PROP_NAME} is {@code false}.
     */
    static JournalPretoucher startIfEnabled(final SingleChronicleQueue queue, final DurabilityPolicy policy) {
        final boolean workingAhead = policy == DurabilityPolicy.OS_CACHE;
        final boolean prepareNextCycle = Boolean.parseBoolean(System.getProperty(NEXT_CYCLE_PROP_NAME, "true"));
        if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROP_NAME, "true")) || !workingAhead && !prepareNextCycle) {
            return null;
        }
        final long ahead = Long.getLong(AHEAD_BYTES_PROP_NAME, AHEAD_BYTES_DEFAULT);
        if (ahead < PAGE_SIZE) {
            throw new JournalException(AHEAD_BYTES_PROP_NAME + " must be at least " + PAGE_SIZE + " bytes, not " + ahead);
        }
        final String touchPages = System.getProperty(TOUCH_PAGES_PROP_NAME, "true");
        if (!touchPages.equals("true") && !touchPages.equals("false")) {
            throw new JournalException(TOUCH_PAGES_PROP_NAME + " must be true or false, not '" + touchPages + "'");
        }
        final JournalPretoucher pretoucher = new JournalPretoucher(queue, ahead, workingAhead,
            Boolean.parseBoolean(touchPages), prepareNextCycle);
        pretoucher.thread.start();
        return pretoucher;
    }

    /** Whether it works ahead of the write position (under {@code OS_CACHE}; not under sync-on-batch). */
    boolean workingAhead() {
        return workingAhead;
    }

    /** Whether, working ahead, it touches the pages ({@code true}) or only maps and advises the chunks. */
    boolean touchingPages() {
        return touchingPages;
    }

    /** The failure that stopped the pretoucher, or null. */
    Throwable failure() {
        return failure;
    }

    /** Pages touched so far (a page is counted each time it is touched). */
    long touchedPages() {
        return touchedPages;
    }

    private void run() {
        SingleChronicleQueueStore store = null;
        MappedBytes bytes = null;
        long touchedTo = 0;
        try {
            while (running) {
                final int cycle = queue.cycle();
                if (workingAhead && (store == null || store.cycle() != cycle)) {
                    if (store != null) {
                        bytes.releaseLast();
                        queue.closeStore(store);
                        bytes = null;
                    }
                    // Only a file the appender has created: creating the next day's file here would make it visible
                    // to readers before any entry is in it (NextCycleFile prepares it under another name instead).
                    store = queue.storeForCycle(cycle, queue.epoch(), false, null);
                    touchedTo = 0;
                    // a new file is a new mapping: its chunks are advised afresh (the old file's ranges say nothing)
                    advisedStart = -1;
                    advisedLimit = -1;
                    if (store != null) {
                        bytes = store.bytes();
                    }
                }
                if (store != null) {
                    touchedTo = touchingPages ? touchAhead(bytes, store.writePosition(), touchedTo)
                        : adviseAhead(bytes, store.writePosition(), touchedTo);
                }
                if (nextCycleFile != null) {
                    nextCycleFile.advance(queue.time().currentTimeMillis(), MAX_BYTES_PER_PASS);
                }
                LockSupport.parkNanos(pauseNanos());
            }
        } catch (final Throwable e) {
            failure = e;
        } finally {
            if (nextCycleFile != null) {
                nextCycleFile.close();
            }
            if (bytes != null) {
                bytes.releaseLast();
            }
            if (store != null) {
                queue.closeStore(store);
            }
        }
    }

    /** How long to sleep before the next pass: 1 ms while touching pages or reading the next cycle's file. */
    private long pauseNanos() {
        if (workingAhead && touchingPages || nextCycleFile != null && nextCycleFile.warming()) {
            return TimeUnit.MICROSECONDS.toNanos(PERIOD_MICROS);
        }
        return TimeUnit.MILLISECONDS.toNanos(workingAhead ? ADVISING_PERIOD_MILLIS : PREPARING_ONLY_PERIOD_MILLIS);
    }

    /**
     * Maps and advises every chunk from {@code advisedTo} to {@code aheadBytes} past {@code writePosition}, touching no
     * page; returns how far. Without the advice (turned off, or refused) it still maps the chunks ahead.
     */
    private long adviseAhead(final MappedBytes bytes, final long writePosition, final long advisedTo) {
        final long limit = aheadLimit(bytes, writePosition);
        long position = Math.max(advisedTo, writePosition & -PAGE_SIZE);
        while (position < limit && running) {
            if (position < advisedStart || position >= advisedLimit) {
                adviseChunkOf(bytes, position);
            }
            position = Math.max(position + PAGE_SIZE, advisedLimit);
        }
        return Math.max(advisedTo, position);
    }

    /** How far ahead of {@code writePosition} to work: {@code aheadBytes} past it, within the file's capacity. */
    private long aheadLimit(final MappedBytes bytes, final long writePosition) {
        return Math.min(writePosition + aheadBytes, bytes.mappedFile().capacity() - PAGE_SIZE);
    }

    /** Touches the pages after {@code writePosition}'s page up to {@code aheadBytes} past it; returns how far. */
    private long touchAhead(final MappedBytes bytes, final long writePosition, final long touchedTo) {
        final long firstAhead = (writePosition & -PAGE_SIZE) + PAGE_SIZE;
        final long from = Math.max(touchedTo, firstAhead);
        final long to = Math.min(aheadLimit(bytes, writePosition), from + MAX_BYTES_PER_PASS);
        long pages = 0;
        for (long page = from; page < to && running; page += PAGE_SIZE) {
            if (randomAdvice && (page < advisedStart || page >= advisedLimit)) {
                adviseChunkOf(bytes, page);
            }
            // 0 -> 0: faults the page in and makes it writable without changing it (see the class comment).
            bytes.compareAndSwapLong(page, 0L, 0L);
            pages++;
        }
        if (pages > 0) {
            touchedPages += pages;
        }
        return Math.max(touchedTo, from + pages * PAGE_SIZE);
    }

    /**
     * Maps the chunk holding {@code position} (without touching a page of it) and advises its mapping
     * {@code MADV_RANDOM}: a fault in it then fills one page instead of reading around the whole read-ahead window, so
     * the touching comes in pieces of 4 KiB rather than in bursts of 8 MiB that hold a core for 10–30 ms (which the
     * pipeline's threads, sharing the cores, felt as stalls). The mapping is Chronicle's shared one, so the advice holds
     * for the appender's writes too. Advice is a hint: when the kernel refuses it, touching goes on as before. With
     * the advice off (or refused) it only maps the chunk and records its range.
     */
    private void adviseChunkOf(final MappedBytes bytes, final long position) {
        bytes.addressForRead(position); // moves to (and maps) the chunk holding position
        final BytesStore<?, ?> current = bytes.bytesStore();
        if (!(current instanceof MappedBytesStore store) || !store.inside(position)) {
            advisedStart = position;
            advisedLimit = position + PAGE_SIZE; // not a chunk mapping: ask again at the next page
            return;
        }
        if (!randomAdvice) { // advice off or refused (advising only): the chunk is mapped, which is all that is left
            advisedStart = store.start();
            advisedLimit = store.safeLimit();
            return;
        }
        // The whole mapping, the chunk and the overlap after it (a quarter of a chunk, which Chronicle maps so that an
        // entry that starts before the chunk's end is written in one piece): advising the chunk alone left the overlap
        // reading around on a fault, which only the pages' having been touched through the next chunk's mapping hid.
        final long length = store.capacity() - store.start();
        try {
            PosixAPI.posix().madvise(store.addressForRead(store.start()), length, MAdviseFlag.MADV_RANDOM);
        } catch (final RuntimeException | LinkageError e) {
            // no native madvise here: keep touching with the kernel's read-around rather than stop pretouching
            randomAdvice = false;
            adviceFailure = e;
            return;
        }
        advisedStart = store.start();
        advisedLimit = store.safeLimit();
        advisedChunks++;
    }

    /** Why advising a mapping failed (advice then stays off for this journal), or null. */
    Throwable adviceFailure() {
        return adviceFailure;
    }

    /** What prepares the next cycle's file; null when {@value #NEXT_CYCLE_PROP_NAME} turned it off. */
    NextCycleFile nextCycleFile() {
        return nextCycleFile;
    }

    /** Chunk mappings advised so far. */
    long advisedChunks() {
        return advisedChunks;
    }

    /** Stops the thread and waits for it to release its mapping; idempotent. Call before the queue is closed. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
                if (thread.isAlive()) {
                    throw new JournalException("journal pretoucher did not stop within 10 s");
                }
            } catch (final InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
