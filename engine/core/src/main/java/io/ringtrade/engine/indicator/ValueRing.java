package io.ringtrade.engine.indicator;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.util.Arrays;

/**
 * One double per bar for the last {@code capacity} bars, addressed by absolute bar index. A slot holds either
 * the value written for the bar that maps to it or NaN, so a reader that stays within the kept bars never sees
 * a stale value. Business-logic thread only.
 */
final class ValueRing {
    private double[] values;
    private int mask;

    ValueRing(final int capacity) {
        values = newSlots(capacity);
        mask = capacity - 1;
    }

    void set(final int bar, final double value) {
        values[bar & mask] = value;
    }

    double get(final int bar) {
        return values[bar & mask];
    }

    /** Re-lays the kept bars {@code [firstBar, endBar)} into a ring of {@code newCapacity} (a power of two). */
    void grow(final int newCapacity, final int firstBar, final int endBar) {
        final double[] grown = newSlots(newCapacity);
        final int newMask = newCapacity - 1;
        for (int bar = firstBar; bar < endBar; bar++) {
            grown[bar & newMask] = values[bar & mask];
        }
        values = grown;
        mask = newMask;
    }

    void writeState(final StateWriter out) {
        out.writeDoubles(values);
    }

    void readState(final StateReader in) {
        values = in.readDoubles();
        mask = values.length - 1;
    }

    private static double[] newSlots(final int capacity) {
        final double[] slots = new double[capacity];
        Arrays.fill(slots, Double.NaN);
        return slots;
    }
}
