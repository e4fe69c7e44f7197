package io.ringtrade.adapters.marketdata;

import java.util.Arrays;

/**
 * A growable {@code long[]} used while a file is read, before its length is known; {@link #toArray()} hands out
 * an exactly sized copy. Loading thread only.
 */
final class LongColumn {
    private long[] values;
    private int size;

    LongColumn(final int initialCapacity) {
        values = new long[Math.max(16, initialCapacity)];
    }

    void add(final long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length + (values.length >> 1));
        }
        values[size++] = value;
    }

    long get(final int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
