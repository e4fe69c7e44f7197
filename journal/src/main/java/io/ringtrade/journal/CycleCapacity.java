package io.ringtrade.journal;

/**
 * How many entries the journal's current cycle file holds against the most Chronicle can index in one cycle
 * ({@code maxMessagesPerCycle}: 67,108,864 for a minutely cycle, 2<sup>32</sup> − 1 for hourly and daily ones), so
 * that the append that would exceed it is refused before anything is written. Chronicle itself fails such an append
 * only after writing the entry it cannot index, which leaves a journal that cannot be continued; refused here, the
 * journal ends at its last whole entry and the next start (in the next cycle) continues it. Journal stage thread.
 */
final class CycleCapacity {
    private final long maxEntries;
    private int cycle = Integer.MIN_VALUE;
    private long entries;

    /** A cycle holds at most {@code maxEntries} entries. */
    CycleCapacity(final long maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The journal's last entry is the {@code entriesInCycle}-th of cycle {@code lastCycle} (on opening). */
    void resume(final int lastCycle, final long entriesInCycle) {
        cycle = lastCycle;
        entries = entriesInCycle;
    }

    /**
     * Whether the cycle of the last append holds all it can; then one more entry fits only once the clock is in
     * another cycle (asked only then, so the check costs a compare per append).
     */
    boolean full() {
        return entries >= maxEntries;
    }

    /** The cycle of the last append, or {@link Integer#MIN_VALUE} before any. */
    int cycle() {
        return cycle;
    }

    /** Entries in the cycle of the last append. */
    long entries() {
        return entries;
    }

    /** The most entries a cycle holds. */
    long maxEntries() {
        return maxEntries;
    }

    /** An entry was appended to cycle {@code appendedTo}. */
    void appended(final int appendedTo) {
        if (appendedTo != cycle) {
            cycle = appendedTo;
            entries = 1;
        } else {
            entries++;
        }
    }
}
