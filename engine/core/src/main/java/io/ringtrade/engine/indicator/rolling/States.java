package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.snapshot.SnapshotFormatException;
import io.ringtrade.engine.snapshot.StateReader;

/** Small helpers for restoring indicator state from a snapshot. Stateless. */
public final class States {
    private States() {
    }

    /** Reads a double array written with {@code writeDoubles} into {@code into}, whose length must match. */
    public static void readDoublesInto(final StateReader in, final double[] into, final String what) {
        final double[] read = in.readDoubles();
        if (read.length != into.length) {
            throw new SnapshotFormatException(what + ": expected " + into.length + " values, found " + read.length);
        }
        System.arraycopy(read, 0, into, 0, into.length);
    }
}
