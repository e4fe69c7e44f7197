package io.ringtrade.engine.snapshot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Serialises business-logic state for a snapshot: primitives and arrays in a fixed order, big-endian. Each component
 * writes its own fields and reads them back in the same order with {@link StateReader}; sections start with a tag so
 * that a mismatch fails loudly instead of restoring garbage. Arrays are copied in bulk, because the business-logic
 * thread pays for a snapshot while it is taken (tens of megabytes of logs after millions of inputs). Used on the
 * business-logic thread when a snapshot is due; allocates (snapshots are rare).
 */
public final class StateWriter {
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);

    /** Starts a section named {@code tag}. */
    public StateWriter section(final String tag) {
        return writeString(tag);
    }

    /** Writes an int. */
    public StateWriter writeInt(final int value) {
        room(Integer.BYTES).putInt(value);
        return this;
    }

    /** Writes a long. */
    public StateWriter writeLong(final long value) {
        room(Long.BYTES).putLong(value);
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

    /** Writes a string (UTF-8, length first). */
    public StateWriter writeString(final String value) {
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        room(bytes.length).put(bytes);
        return this;
    }

    /** Writes the first {@code length} values of an array, preceded by the length. */
    public StateWriter writeLongs(final long[] values, final int length) {
        writeInt(length);
        final ByteBuffer target = room(length * (long) Long.BYTES);
        target.asLongBuffer().put(values, 0, length);
        target.position(target.position() + length * Long.BYTES);
        return this;
    }

    /** Writes a whole array, preceded by its length. */
    public StateWriter writeLongs(final long[] values) {
        return writeLongs(values, values.length);
    }

    /** Writes a whole array of doubles bit for bit, preceded by its length. */
    public StateWriter writeDoubles(final double[] values) {
        writeInt(values.length);
        final ByteBuffer target = room(values.length * (long) Double.BYTES);
        final java.nio.LongBuffer bits = target.asLongBuffer();
        for (final double value : values) {
            bits.put(Double.doubleToRawLongBits(value));
        }
        target.position(target.position() + values.length * Double.BYTES);
        return this;
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private ByteBuffer room(final long bytes) {
        if (buffer.remaining() < bytes) {
            final long needed = buffer.position() + bytes;
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("state larger than 2 GiB");
            }
            long capacity = buffer.capacity();
            while (capacity < needed) {
                capacity = Math.min(Integer.MAX_VALUE - 16, capacity * 2);
            }
            final ByteBuffer larger = ByteBuffer.allocate((int) capacity).order(ByteOrder.BIG_ENDIAN);
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
        return buffer;
    }
}
