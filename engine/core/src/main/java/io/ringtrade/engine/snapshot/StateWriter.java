package io.ringtrade.engine.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serialises business-logic state for a snapshot: primitives and arrays in a fixed order, big-endian
 * ({@link DataOutputStream}). Each component writes its own fields and reads them back in the same order with
 * {@link StateReader}; sections start with a tag so that a mismatch fails loudly instead of restoring garbage.
 * Used on the business-logic thread when a snapshot is due; allocates (snapshots are rare).
 */
public final class StateWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final DataOutputStream out = new DataOutputStream(bytes);

    /** Starts a section named {@code tag}. */
    public StateWriter section(final String tag) {
        return writeString(tag);
    }

    /** Writes an int. */
    public StateWriter writeInt(final int value) {
        try {
            out.writeInt(value);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes a long. */
    public StateWriter writeLong(final long value) {
        try {
            out.writeLong(value);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes a double bit for bit (NaN payloads included). */
    public StateWriter writeDouble(final double value) {
        return writeLong(Double.doubleToRawLongBits(value));
    }

    /** Writes a boolean. */
    public StateWriter writeBoolean(final boolean value) {
        return writeInt(value ? 1 : 0);
    }

    /** Writes a string (UTF-8). */
    public StateWriter writeString(final String value) {
        try {
            out.writeUTF(value);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes the first {@code length} values of an array, preceded by the length. */
    public StateWriter writeLongs(final long[] values, final int length) {
        writeInt(length);
        for (int i = 0; i < length; i++) {
            writeLong(values[i]);
        }
        return this;
    }

    /** Writes a whole array, preceded by its length. */
    public StateWriter writeLongs(final long[] values) {
        return writeLongs(values, values.length);
    }

    /** Writes a whole array of doubles bit for bit, preceded by its length. */
    public StateWriter writeDoubles(final double[] values) {
        writeInt(values.length);
        for (final double value : values) {
            writeDouble(value);
        }
        return this;
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
