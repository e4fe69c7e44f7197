package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The last {@code capacity} doubles pushed, addressed by how many pushes ago (0 = the latest). Fixed size.
 * Business-logic thread only; allocation-free after construction.
 */
public final class DoubleRing {
    private final double[] values;
    private long pushed;
    /** Where the next value goes; kept instead of a modulo so that no access divides. */
    private int head;
    private int size;

    /** A ring keeping {@code capacity} values. */
    public DoubleRing(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        values = new double[capacity];
    }

    /** Appends {@code value}, dropping the oldest when full. */
    public void push(final double value) {
        values[head] = value;
        head = head + 1 == values.length ? 0 : head + 1;
        if (size < values.length) {
            size++;
        }
        pushed++;
    }

    /** True when {@code capacity} values are kept. */
    public boolean isFull() {
        return size == values.length;
    }

    /** Values kept, at most the capacity. */
    public int size() {
        return size;
    }

    /** The value pushed {@code ago} pushes before the latest; {@code ago < size()}. */
    public double get(final int ago) {
        final int slot = head - 1 - ago;
        return values[slot < 0 ? slot + values.length : slot];
    }

    /** The oldest value kept; only meaningful when not empty. */
    public double oldest() {
        return get(size() - 1);
    }

    /** Writes the ring bit for bit. */
    public void writeState(final StateWriter out) {
        out.writeLong(pushed).writeDoubles(values);
    }

    /** Reads what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        pushed = in.readLong();
        head = (int) (pushed % values.length);
        size = (int) Math.min(pushed, values.length);
        States.readDoublesInto(in, values, "ring");
    }
}
