package io.ringtrade.engine.indicator;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The raw closed bars of one instrument, fixed-point (1e-8), in a power-of-two ring addressed by absolute bar
 * index: bars {@code [firstKept(), count())} are available; growing the ring keeps them and lets later bars
 * accumulate. 48 bytes per kept bar. Business-logic thread only.
 */
final class BarHistory {
    private long[] start;
    private long[] open;
    private long[] high;
    private long[] low;
    private long[] close;
    private long[] volume;
    private int mask;
    private int count;
    /** Kept explicitly: after the ring grows, bars older than this are still gone. */
    private int firstKept;

    BarHistory(final int capacity) {
        allocate(capacity);
    }

    private void allocate(final int capacity) {
        start = new long[capacity];
        open = new long[capacity];
        high = new long[capacity];
        low = new long[capacity];
        close = new long[capacity];
        volume = new long[capacity];
        mask = capacity - 1;
    }

    void append(final long startNanos, final long o, final long h, final long l, final long c, final long v) {
        final int slot = count & mask;
        start[slot] = startNanos;
        open[slot] = o;
        high[slot] = h;
        low[slot] = l;
        close[slot] = c;
        volume[slot] = v;
        count++;
        if (count - firstKept > capacity()) {
            firstKept = count - capacity();
        }
    }

    /** Bars appended so far; the latest bar's index is {@code count() - 1}. */
    void writeState(final StateWriter out) {
        out.writeInt(count).writeInt(firstKept).writeLongs(start).writeLongs(open).writeLongs(high).writeLongs(low)
            .writeLongs(close).writeLongs(volume);
    }

    void readState(final StateReader in) {
        count = in.readInt();
        firstKept = in.readInt();
        start = in.readLongs();
        open = in.readLongs();
        high = in.readLongs();
        low = in.readLongs();
        close = in.readLongs();
        volume = in.readLongs();
        mask = start.length - 1;
    }

    int count() {
        return count;
    }

    int capacity() {
        return mask + 1;
    }

    /** Index of the oldest bar still kept. */
    int firstKept() {
        return firstKept;
    }

    boolean isKept(final int bar) {
        return bar >= firstKept() && bar < count;
    }

    long startNanos(final int bar) {
        return start[bar & mask];
    }

    long open(final int bar) {
        return open[bar & mask];
    }

    long high(final int bar) {
        return high[bar & mask];
    }

    long low(final int bar) {
        return low[bar & mask];
    }

    long close(final int bar) {
        return close[bar & mask];
    }

    long volume(final int bar) {
        return volume[bar & mask];
    }

    /** Grows the ring to {@code newCapacity} (a power of two), keeping every bar kept so far. */
    void grow(final int newCapacity) {
        final int first = firstKept;
        final long[] oldStart = start;
        final long[] oldOpen = open;
        final long[] oldHigh = high;
        final long[] oldLow = low;
        final long[] oldClose = close;
        final long[] oldVolume = volume;
        final int oldMask = mask;
        allocate(newCapacity);
        for (int bar = first; bar < count; bar++) {
            final int from = bar & oldMask;
            final int to = bar & mask;
            start[to] = oldStart[from];
            open[to] = oldOpen[from];
            high[to] = oldHigh[from];
            low[to] = oldLow[from];
            close[to] = oldClose[from];
            volume[to] = oldVolume[from];
        }
    }
}
