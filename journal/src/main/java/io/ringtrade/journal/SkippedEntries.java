package io.ringtrade.journal;

import java.util.Arrays;

/**
 * The journal entries replay and recovery pass over: those named by {@code SKIP_ENTRY} commands, as
 * {@link JournalSkips#scan} found them. A sorted array; {@link #contains} is a binary search that does not allocate,
 * so the replay loop may ask it for every entry.
 *
 * <p>Immutable; any thread.
 */
public final class SkippedEntries {
    /** No entry is skipped. */
    public static final SkippedEntries NONE = new SkippedEntries(new long[0]);

    private final long[] entries;

    SkippedEntries(final long[] sortedDistinct) {
        this.entries = sortedDistinct;
    }

    /** Whether the entry numbered {@code entry} is to be passed over. */
    public boolean contains(final long entry) {
        return Arrays.binarySearch(entries, entry) >= 0;
    }

    /** How many entries are skipped. */
    public int size() {
        return entries.length;
    }

    /** The skipped entry numbers, ascending (a copy). */
    public long[] entries() {
        return entries.clone();
    }

    @Override
    public String toString() {
        return "SkippedEntries" + Arrays.toString(entries);
    }
}
