package io.ringtrade.engine.snapshot;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Reads what {@link StateWriter} wrote, in the same order. Any mismatch (a section tag other than expected, a length
 * that does not fit, bytes left over or missing) throws {@link SnapshotFormatException}, so a snapshot of another
 * engine version is rejected rather than restored wrongly. Used on the recovering thread.
 */
public final class StateReader {
    private final DataInputStream in;
    private final int length;
    private final ByteArrayInputStream bytes;

    /** A reader over a snapshot's state bytes. */
    public StateReader(final byte[] state) {
        this.bytes = new ByteArrayInputStream(state);
        this.in = new DataInputStream(bytes);
        this.length = state.length;
    }

    /** Reads a section tag and checks it is {@code tag}. */
    public StateReader section(final String tag) {
        final String found = readString();
        if (!found.equals(tag)) {
            throw new SnapshotFormatException("expected section '" + tag + "' but found '" + found + "'");
        }
        return this;
    }

    /** Reads an int. */
    public int readInt() {
        try {
            return in.readInt();
        } catch (final IOException e) {
            throw new SnapshotFormatException("state ends early (" + length + " bytes)");
        }
    }

    /** Reads an int and checks it equals {@code expected} (a size fixed by configuration). */
    public int expectInt(final int expected, final String what) {
        final int found = readInt();
        if (found != expected) {
            throw new SnapshotFormatException(what + ": expected " + expected + " but found " + found);
        }
        return found;
    }

    /** Reads a long. */
    public long readLong() {
        try {
            return in.readLong();
        } catch (final IOException e) {
            throw new SnapshotFormatException("state ends early (" + length + " bytes)");
        }
    }

    /** Reads a double. */
    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    /** Reads a boolean. */
    public boolean readBoolean() {
        return readInt() != 0;
    }

    /** Reads a string. */
    public String readString() {
        try {
            return in.readUTF();
        } catch (final IOException e) {
            throw new SnapshotFormatException("state ends early (" + length + " bytes)");
        }
    }

    /** Reads a length-prefixed long array. */
    public long[] readLongs() {
        final int n = readLength();
        final long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = readLong();
        }
        return values;
    }

    /** Reads a length-prefixed long array into {@code into}, whose length must match. */
    public void readLongsInto(final long[] into, final String what) {
        expectInt(into.length, what + " length");
        for (int i = 0; i < into.length; i++) {
            into[i] = readLong();
        }
    }

    /** Reads a length-prefixed double array. */
    public double[] readDoubles() {
        final int n = readLength();
        final double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = readDouble();
        }
        return values;
    }

    /** Checks every byte was consumed. */
    public void finish() {
        if (bytes.available() != 0) {
            throw new SnapshotFormatException(bytes.available() + " bytes of state left unread");
        }
    }

    private int readLength() {
        final int n = readInt();
        if (n < 0 || n > bytes.available() / Long.BYTES) {
            throw new SnapshotFormatException("implausible array length " + n);
        }
        return n;
    }
}
