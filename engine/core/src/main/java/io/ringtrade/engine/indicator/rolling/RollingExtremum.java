package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The maximum (or minimum) of the last {@code n} fixed-point values pushed, with the position of the <em>oldest</em>
 * value that attains it (Aroon's tie rule). Kept as a sliding-window aggregate in two blocks, like
 * {@link RollingSum}: the back block keeps a running extreme of what was pushed since the last rebuild, the front
 * block the extremes of its suffixes, rebuilt right to left when the front runs out; the window's extreme is the
 * better of the front suffix at the window's start and the back's. O(1) amortised per push, with no data-dependent
 * loop (a monotonic deque's pops are unpredictable branches). A minimum is kept as the maximum of the bitwise
 * complements ({@code ~x} reverses the order of all longs exactly). Business-logic thread only; allocation-free.
 */
public final class RollingExtremum {
    private final boolean maximum;
    private final int n;
    private final long[] values;
    private final long[] suffixMax;
    /** Absolute index of the oldest value attaining each suffix's extreme. */
    private final long[] suffixIndex;
    private long pushed;
    private long start;
    private long frontEnd;
    private int pushedSlot;
    private int startSlot;
    private long backMax = Long.MIN_VALUE;
    private long backIndex;

    private RollingExtremum(final int n, final boolean maximum) {
        if (n < 1) {
            throw new IllegalArgumentException("window must be positive: " + n);
        }
        this.n = n;
        this.maximum = maximum;
        this.values = new long[n];
        this.suffixMax = new long[n];
        this.suffixIndex = new long[n];
    }

    /** The rolling maximum over {@code n} values. */
    public static RollingExtremum maximum(final int n) {
        return new RollingExtremum(n, true);
    }

    /** The rolling minimum over {@code n} values. */
    public static RollingExtremum minimum(final int n) {
        return new RollingExtremum(n, false);
    }

    /** Pushes {@code raw}, dropping the value {@code n} pushes old. */
    public void push(final long raw) {
        final long value = maximum ? raw : ~raw;
        if (pushed - start == n) {
            if (start == frontEnd) {
                rebuildFront();
            }
            start++;
            startSlot = startSlot + 1 == n ? 0 : startSlot + 1;
        }
        values[pushedSlot] = value;
        // strictly greater: on a tie the older value keeps its place
        if (value > backMax || pushed == frontEnd) {
            backMax = value;
            backIndex = pushed;
        }
        pushed++;
        pushedSlot = pushedSlot + 1 == n ? 0 : pushedSlot + 1;
    }

    private void rebuildFront() {
        long best = Long.MIN_VALUE;
        long bestIndex = pushed;
        int slot = pushedSlot;
        for (long i = pushed - 1; i >= start; i--) {
            slot = slot == 0 ? n - 1 : slot - 1;
            // at least as great: walking from new to old, the older of equal values wins
            if (values[slot] >= best) {
                best = values[slot];
                bestIndex = i;
            }
            suffixMax[slot] = best;
            suffixIndex[slot] = bestIndex;
        }
        frontEnd = pushed;
        backMax = Long.MIN_VALUE;
    }

    /** The extreme of the window; only meaningful after a push. */
    public long value() {
        final long best = start < frontEnd && (pushed == frontEnd || suffixMax[startSlot] >= backMax)
            ? suffixMax[startSlot] : backMax;
        return maximum ? best : ~best;
    }

    /** How many pushes before the latest the (oldest) extreme was pushed: 0 = the latest value. */
    public int age() {
        final long index = start < frontEnd && (pushed == frontEnd || suffixMax[startSlot] >= backMax)
            ? suffixIndex[startSlot] : backIndex;
        return (int) (pushed - 1 - index);
    }

    /** Values in the window: {@code min(pushed, n)}. */
    public int count() {
        return (int) (pushed - start);
    }

    /** True once {@code n} values have been pushed. */
    public boolean isFull() {
        return pushed >= n;
    }

    /** Writes the window. */
    public void writeState(final StateWriter out) {
        out.writeLong(pushed).writeLong(start).writeLong(frontEnd).writeLong(backMax).writeLong(backIndex)
            .writeLongs(values).writeLongs(suffixMax).writeLongs(suffixIndex);
    }

    /** Reads what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        pushed = in.readLong();
        start = in.readLong();
        frontEnd = in.readLong();
        backMax = in.readLong();
        backIndex = in.readLong();
        in.readLongsInto(values, "extremum values");
        in.readLongsInto(suffixMax, "extremum suffixes");
        in.readLongsInto(suffixIndex, "extremum positions");
        pushedSlot = (int) (pushed % n);
        startSlot = (int) (start % n);
    }
}
