package io.ringtrade.engine.risk;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The order-rate limit over event time: at most {@code limit} orders released in any second, as a sliding window
 * over the last {@code limit} release times (a ring, allocated once). An order at time t passes when fewer than
 * {@code limit} orders were released in (t − 1 s, t]. Business-logic thread; allocation-free.
 */
final class OrderRate {
    private static final long SECOND = 1_000_000_000L;

    private final long[] times;
    private int next;
    private int count;

    /** A window for {@code limit} orders per second (0 = no limit). */
    OrderRate(final int limit) {
        this.times = new long[limit];
    }

    /** Whether one more order at {@code timeNanos} stays within the limit. */
    boolean allows(final long timeNanos) {
        if (times.length == 0 || count < times.length) {
            return true;
        }
        // the ring is full: the oldest of the last `limit` releases must have left the window
        return times[next] <= timeNanos - SECOND;
    }

    /** Records an order released at {@code timeNanos}. */
    void record(final long timeNanos) {
        if (times.length == 0) {
            return;
        }
        times[next] = timeNanos;
        next = (next + 1) % times.length;
        count = Math.min(count + 1, times.length);
    }

    void writeState(final StateWriter out) {
        out.writeInt(next).writeInt(count).writeLongs(times, times.length);
    }

    void readState(final StateReader in) {
        next = in.readInt();
        count = in.readInt();
        in.readLongsInto(times, "order-rate window");
    }
}
