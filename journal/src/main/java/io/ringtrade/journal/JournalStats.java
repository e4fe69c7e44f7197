package io.ringtrade.journal;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A summary of a journal: entries, entries per event type, the event times of the first and last entries, and
 * the bytes its files take. Computed by reading every entry (so it also proves the journal reads to the end);
 * on the caller's thread.
 */
public final class JournalStats {
    /** Event type codes counted (0 .. {@link EventType#TIMER}); codes beyond are counted as the last slot. */
    private static final int TYPES = EventType.TIMER + 1;

    private final Path dir;
    private final long entries;
    private final long[] perType;
    private final long firstEventTimeNanos;
    private final long lastEventTimeNanos;
    private final long bytesOnDisk;

    private JournalStats(final Path dir, final long entries, final long[] perType, final long firstEventTimeNanos,
                         final long lastEventTimeNanos, final long bytesOnDisk) {
        this.dir = dir;
        this.entries = entries;
        this.perType = perType;
        this.firstEventTimeNanos = firstEventTimeNanos;
        this.lastEventTimeNanos = lastEventTimeNanos;
        this.bytesOnDisk = bytesOnDisk;
    }

    /**
     * Reads the whole journal in {@code dir}.
     *
     * @throws JournalException as {@link JournalReader} does
     */
    public static JournalStats compute(final Path dir) {
        final EngineEvent slot = new EngineEvent();
        final long[] perType = new long[TYPES];
        long entries = 0;
        long first = 0;
        long last = 0;
        try (JournalReader reader = JournalReader.open(dir)) {
            while (reader.next(slot)) {
                if (entries == 0) {
                    first = slot.eventTimeNanos;
                }
                last = slot.eventTimeNanos;
                perType[Math.min(Math.max(slot.type, 0), TYPES - 1)]++;
                entries++;
            }
        }
        return new JournalStats(dir, entries, perType, first, last, JournalFiles.bytesOnDisk(dir));
    }

    /** Number of entries. */
    public long entries() {
        return entries;
    }

    /** Number of entries of {@link EventType} {@code type}. */
    public long count(final int type) {
        return type >= 0 && type < TYPES ? perType[type] : 0;
    }

    /** Event time (epoch ns) of the first entry; 0 for an empty journal. */
    public long firstEventTimeNanos() {
        return firstEventTimeNanos;
    }

    /** Event time (epoch ns) of the last entry; 0 for an empty journal. */
    public long lastEventTimeNanos() {
        return lastEventTimeNanos;
    }

    /**
     * Sum of the sizes of the files in the journal directory. Cycle files are preallocated sparse files (tens of MiB
     * each), so this is the apparent size, an upper bound on the blocks actually used.
     */
    public long bytesOnDisk() {
        return bytesOnDisk;
    }

    /** A few lines for an operator. */
    public String format() {
        final StringBuilder text = new StringBuilder(256);
        text.append("journal ").append(dir).append('\n')
            .append("entries ").append(entries).append('\n');
        for (int type = EventType.MARKET_DATA; type < TYPES; type++) {
            text.append("  ").append(EventType.name(type)).append(' ').append(perType[type]).append('\n');
        }
        if (entries > 0) {
            text.append("first event time ").append(Instant.ofEpochSecond(0, firstEventTimeNanos)).append('\n')
                .append("last event time ").append(Instant.ofEpochSecond(0, lastEventTimeNanos)).append('\n');
        }
        text.append("bytes on disk ").append(bytesOnDisk).append(" (apparent size; cycle files are preallocated)\n");
        return text.toString();
    }
}
