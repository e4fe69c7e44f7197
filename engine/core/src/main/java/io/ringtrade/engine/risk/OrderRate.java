package io.ringtrade.engine.risk;

import io.ringtrade.engine.snapshot.SnapshotFormatException;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The order-rate limit over event time: at most {@code limit} orders released in any second, as a sliding window
 * over the last {@code limit} release times (a ring, allocated when the limit is set). An order at time t passes when
 * fewer than {@code limit} orders were released in (t − 1 s, t]. Business-logic thread; allocation-free except when
 * an operator changes the limit ({@link #resize}).
 */
final class OrderRate {
    private static final long SECOND = 1_000_000_000L;

    private long[] times;
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

    /**
     * The limit becomes {@code limit} orders per second, keeping the latest releases the new window holds, so that a
     * lowered limit counts what was just released. A window that had no limit kept no times: raised from none, it
     * starts empty.
     */
    void resize(final int limit) {
        if (limit == times.length) {
            return;
        }
        final long[] kept = new long[limit];
        final int keep = Math.min(count, limit);
        for (int newer = 0; newer < keep; newer++) {
            // oldest first: the newest release goes last
            kept[keep - 1 - newer] = times[Math.floorMod(next - 1 - newer, times.length)];
        }
        times = kept;
        count = keep;
        next = limit == 0 ? 0 : keep % limit;
    }

    /** The limit in force (0 = none). */
    int limit() {
        return times.length;
    }

    void writeState(final StateWriter out) {
        out.writeInt(next).writeInt(count).writeLongs(times, times.length);
    }

    /** Restores a window, of the size its snapshot had (an operator may have changed the limit since the start). */
    void readState(final StateReader in) {
        final int nextAt = in.readInt();
        final int held = in.readInt();
        final long[] window = in.readLongs();
        if (window.length > RiskLimits.MAX_ORDERS_PER_SECOND || held < 0 || held > window.length || nextAt < 0
            || nextAt >= Math.max(1, window.length)) {
            throw new SnapshotFormatException("order-rate window of " + window.length + " with " + held
                + " releases, next at " + nextAt + ", is not one this engine writes");
        }
        times = window;
        next = nextAt;
        count = held;
    }
}
