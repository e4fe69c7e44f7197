package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The maximum (or minimum) of the last {@code n} doubles pushed, as {@code pandas}' {@code rolling(n).max()}: NaN
 * until {@code n} values have been pushed and while a NaN (or an infinity, which {@code pandas} turns into NaN) is in
 * the window. A monotonic deque of the non-NaN values;
 * O(1) amortised per push. Business-logic thread only; allocation-free.
 */
public final class RollingDoubleExtremum {
    private final boolean maximum;
    private final int n;
    private final double[] dequeValues;
    private final long[] dequeIndices;
    private int head;
    private int size;
    private long pushed;
    private long lastNan = Long.MIN_VALUE;

    private RollingDoubleExtremum(final int n, final boolean maximum) {
        if (n < 1) {
            throw new IllegalArgumentException("window must be positive: " + n);
        }
        this.n = n;
        this.maximum = maximum;
        this.dequeValues = new double[n];
        this.dequeIndices = new long[n];
    }

    /** The rolling maximum over {@code n} values. */
    public static RollingDoubleExtremum maximum(final int n) {
        return new RollingDoubleExtremum(n, true);
    }

    /** The rolling minimum over {@code n} values. */
    public static RollingDoubleExtremum minimum(final int n) {
        return new RollingDoubleExtremum(n, false);
    }

    /** Pushes {@code raw} (NaN and infinities count as missing). */
    public void push(final double raw) {
        // a minimum is kept as the maximum of the negated values, so both share one comparison
        final double value = maximum ? raw : -raw;
        final long index = pushed++;
        if (size > 0 && dequeIndices[head] <= index - n) {
            head = head + 1 == n ? 0 : head + 1;
            size--;
        }
        if (!Double.isFinite(value)) {
            lastNan = index;
            return;
        }
        while (size > 0) {
            final double back = dequeValues[wrap(head + size - 1)];
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

    /** The extreme of a full window without NaN, otherwise NaN. */
    public double value() {
        if (pushed < n || lastNan >= pushed - n || size == 0) {
            return Double.NaN;
        }
        return maximum ? dequeValues[head] : -dequeValues[head];
    }

    /** {@code slot mod n} for {@code 0 ≤ slot < 2n}, without dividing. */
    private int wrap(final int slot) {
        return slot >= n ? slot - n : slot;
    }

    /** Writes the deque. */
    public void writeState(final StateWriter out) {
        out.writeLong(pushed).writeLong(lastNan).writeInt(head).writeInt(size).writeDoubles(dequeValues)
            .writeLongs(dequeIndices);
    }

    /** Reads what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        pushed = in.readLong();
        lastNan = in.readLong();
        head = in.readInt();
        size = in.readInt();
        States.readDoublesInto(in, dequeValues, "extremum values");
        in.readLongsInto(dequeIndices, "extremum positions");
    }
}
