package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The maximum (or minimum) of the last {@code n} fixed-point values pushed, with the position of the <em>oldest</em>
 * value that attains it, kept in a monotonic deque: a pushed value removes the values behind it that it beats
 * strictly, so equal values stay and the front is the oldest extreme (Aroon's tie rule). O(1) amortised per push,
 * at most {@code n} entries. A minimum is kept as the maximum of the bitwise complements ({@code ~x} reverses the
 * order of all longs exactly), so both share one comparison. Business-logic thread only; allocation-free.
 */
public final class RollingExtremum {
    private final boolean maximum;
    private final int n;
    private final long[] dequeValues;
    private final long[] dequeIndices;
    private int head;
    private int size;
    private long pushed;

    private RollingExtremum(final int n, final boolean maximum) {
        if (n < 1) {
            throw new IllegalArgumentException("window must be positive: " + n);
        }
        this.n = n;
        this.maximum = maximum;
        this.dequeValues = new long[n];
        this.dequeIndices = new long[n];
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
        final long index = pushed++;
        if (size > 0 && dequeIndices[head] <= index - n) {
            head = head + 1 == n ? 0 : head + 1;
            size--;
        }
        while (size > 0) {
            final long back = dequeValues[wrap(head + size - 1)];
            if (back < value) {
                size--;
            } else {
                break;
            }
        }
        final int slot = wrap(head + size);
        dequeValues[slot] = value;
        dequeIndices[slot] = index;
        size++;
    }

    /** The extreme of the window; only meaningful after a push. */
    public long value() {
        return maximum ? dequeValues[head] : ~dequeValues[head];
    }

    /** How many pushes before the latest the (oldest) extreme was pushed: 0 = the latest value. */
    public int age() {
        return (int) (pushed - 1 - dequeIndices[head]);
    }

    /** Values in the window: {@code min(pushed, n)}. */
    public int count() {
        return (int) Math.min(pushed, n);
    }

    /** True once {@code n} values have been pushed. */
    public boolean isFull() {
        return pushed >= n;
    }

    /** {@code slot mod n} for {@code 0 ≤ slot < 2n}, without dividing. */
    private int wrap(final int slot) {
        return slot >= n ? slot - n : slot;
    }

    /** Writes the deque. */
    public void writeState(final StateWriter out) {
        out.writeLong(pushed).writeInt(head).writeInt(size).writeLongs(dequeValues).writeLongs(dequeIndices);
    }

    /** Reads what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        pushed = in.readLong();
        head = in.readInt();
        size = in.readInt();
        in.readLongsInto(dequeValues, "extremum values");
        in.readLongsInto(dequeIndices, "extremum positions");
    }
}
