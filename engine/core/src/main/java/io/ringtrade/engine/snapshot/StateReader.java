package io.ringtrade.engine.snapshot;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link StateWriter} wrote, in the same order. Any mismatch (a section tag other than expected, a length
 * that does not fit, bytes left over or missing) throws {@link SnapshotFormatException}, so a snapshot of another
 * engine version is rejected rather than restored wrongly. Used on the recovering thread.
 */
public final class StateReader {
    private final ByteBuffer buffer;

    /** A reader over a snapshot's state bytes. */
    public StateReader(final byte[] state) {
        this.buffer = ByteBuffer.wrap(state).order(ByteOrder.BIG_ENDIAN);
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
            return buffer.getInt();
        } catch (final BufferUnderflowException e) {
            throw endsEarly();
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
            return buffer.getLong();
        } catch (final BufferUnderflowException e) {
            throw endsEarly();
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
        final int length = readInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new SnapshotFormatException("implausible string length " + length);
        }
        final byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Reads a length-prefixed long array. */
    public long[] readLongs() {
        final int n = readLength();
        final long[] values = new long[n];
        buffer.asLongBuffer().get(values);
        buffer.position(buffer.position() + n * Long.BYTES);
        return values;
    }

    /** Reads a length-prefixed long array into {@code into}, whose length must match. */
    public void readLongsInto(final long[] into, final String what) {
        expectInt(into.length, what + " length");
        if (into.length > buffer.remaining() / Long.BYTES) {
            throw endsEarly();
        }
        buffer.asLongBuffer().get(into);
        buffer.position(buffer.position() + into.length * Long.BYTES);
    }

    /** Reads a length-prefixed double array. */
    public double[] readDoubles() {
        final int n = readLength();
        final double[] values = new double[n];
        final java.nio.LongBuffer bits = buffer.asLongBuffer();
        for (int i = 0; i < n; i++) {
            values[i] = Double.longBitsToDouble(bits.get());
        }
        buffer.position(buffer.position() + n * Long.BYTES);
        return values;
    }

    /** Checks every byte was consumed. */
    public void finish() {
        if (buffer.hasRemaining()) {
            throw new SnapshotFormatException(buffer.remaining() + " bytes of state left unread");
        }
    }

    private int readLength() {
        final int n = readInt();
        if (n < 0 || n > buffer.remaining() / Long.BYTES) {
            throw new SnapshotFormatException("implausible array length " + n);
        }
        return n;
    }

    private SnapshotFormatException endsEarly() {
        return new SnapshotFormatException("state ends early (" + buffer.capacity() + " bytes)");
    }
}
