package io.ringtrade.engine.output;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.util.Arrays;

/**
 * A growable column of longs: the storage behind the run logs. Grows by doubling, so appends are amortised
 * allocation-free. Single-threaded.
 */
public final class LongColumn {
    private long[] values;
    private int size;

    /** An empty column with room for {@code capacity} values. */
    public LongColumn(final int capacity) {
        values = new long[Math.max(16, capacity)];
    }

    /** Appends a value and returns its row. */
    public int add(final long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size] = value;
        return size++;
    }

    /** The value at a row. */
    public long get(final int row) {
        if (row >= size) {
            throw new IndexOutOfBoundsException(row);
        }
        return values[row];
    }

    /** Replaces the value at a row. */
    public void set(final int row, final long value) {
        if (row >= size) {
            throw new IndexOutOfBoundsException(row);
        }
        values[row] = value;
    }

    /** Number of values. */
    public int size() {
        return size;
    }

    /** Writes the values for a snapshot. */
    public void writeState(final StateWriter out) {
        out.writeLongs(values, size);
    }

    /** Replaces the values with a snapshot's. */
    public void readState(final StateReader in) {
        final long[] restored = in.readLongs();
        size = restored.length;
        values = Arrays.copyOf(restored, Math.max(16, restored.length));
    }

    /** A copy of the values. */
    public long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
