package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.snapshot.SnapshotFormatException;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.util.Arrays;

/**
 * The rolling maximum (or minimum) of one series of fixed-point values over several windows at once, e.g. the
 * highest high of the last 9, 14, 20, 25, 26 and 52 bars that Ichimoku, the stochastic oscillator, Williams %R,
 * Donchian and Aroon read: one monotonic deque for all of them instead of a window structure each. The deque holds, in
 * the order pushed, the values not exceeded by any later one within the largest window (a later value that is only
 * equal does not remove an earlier one, so on a tie the oldest extreme wins, as {@code ta}'s Aroon needs); the extreme
 * of the last {@code n} values is the first deque entry pushed at most {@code n − 1} pushes ago, and each window keeps
 * its place in the deque, which only moves forward. O(1) amortised per push and window.
 *
 * <p>Windows are added before the values they need are dropped (before the first push, or at the first, which is
 * when a strategy that declares nothing adds its indicators). Business-logic thread only; allocation-free after
 * the windows are added.
 */
public final class RollingExtremes {
    private final boolean maximum;
    private int[] windows = new int[0];
    /** Each window's deque position (absolute, like {@link #head} and {@link #tail}). */
    private long[] positions = new long[0];
    private int largest;
    private int mask;
    /** The deque: the push index and the value (negated for a minimum) of each entry, at position & mask. */
    private long[] indices = new long[1];
    private long[] values = new long[1];
    /** Each entry's value as a double in price units ({@link FixedPoint#toDouble}), converted once when pushed. */
    private double[] prices = new double[1];
    private long head;
    private long tail;
    private long pushed;

    private RollingExtremes(final boolean maximum) {
        this.maximum = maximum;
    }

    /** Rolling maxima. */
    public static RollingExtremes maximum() {
        return new RollingExtremes(true);
    }

    /** Rolling minima. */
    public static RollingExtremes minimum() {
        return new RollingExtremes(false);
    }

    /**
     * The handle of the window of the last {@code n} values (the same handle for the same {@code n}).
     *
     * @throws IllegalStateException when values the window needs were already dropped
     */
    public int window(final int n) {
        if (n < 1) {
            throw new IllegalArgumentException("window must be positive: " + n);
        }
        for (int w = 0; w < windows.length; w++) {
            if (windows[w] == n) {
                return w;
            }
        }
        if (n > largest) {
            if (pushed > largest && largest > 0) {
                throw new IllegalStateException("a window of " + n + " added after " + pushed + " values");
            }
            largest = n;
            final int capacity = Integer.highestOneBit(Math.max(1, n - 1)) << 1;
            if (capacity > mask + 1) {
                final long[] oldIndices = indices;
                final long[] oldValues = values;
                final double[] oldPrices = prices;
                final int oldMask = mask;
                indices = new long[capacity];
                values = new long[capacity];
                prices = new double[capacity];
                mask = capacity - 1;
                for (long p = head; p < tail; p++) {
                    indices[(int) (p & mask)] = oldIndices[(int) (p & oldMask)];
                    values[(int) (p & mask)] = oldValues[(int) (p & oldMask)];
                    prices[(int) (p & mask)] = oldPrices[(int) (p & oldMask)];
                }
            }
        }
        windows = Arrays.copyOf(windows, windows.length + 1);
        positions = Arrays.copyOf(positions, windows.length);
        windows[windows.length - 1] = n;
        positions[windows.length - 1] = locate(n);
        return windows.length - 1;
    }

    /** Pushes {@code raw}, the next value of the series. */
    public void push(final long raw) {
        final long value = maximum ? raw : ~raw;
        // first drop what leaves the largest window, so that the deque never holds more than it: at most the one
        // entry pushed largest pushes ago (every other was within the window before this push); without a branch,
        // which would be taken at random
        if (head < tail) {
            head += (indices[(int) (head & mask)] - (pushed - largest + 1)) >>> 63;
        }
        // strictly smaller entries can never be an extreme again; an equal, older one stays ahead of this one
        while (tail > head && values[(int) ((tail - 1) & mask)] < value) {
            tail--;
        }
        final int slot = (int) (tail & mask);
        indices[slot] = pushed;
        values[slot] = value;
        prices[slot] = FixedPoint.toDouble(raw);
        tail++;
        final long last = tail - 1;
        for (int w = 0; w < windows.length; w++) {
            // a position whose entry was popped moves to the new entry (the extreme of the window now); otherwise it
            // moves on by one exactly when its entry is the one that just left the window (the next entry is younger)
            final long position = Math.max(head, Math.min(positions[w], last));
            positions[w] = position + ((indices[(int) (position & mask)] - (pushed - windows[w] + 1)) >>> 63);
        }
        pushed++;
    }

    /** The first deque position within the last {@code n} values (the deque is not empty). */
    private long locate(final int n) {
        final long oldest = pushed - n;
        long position = head;
        while (position < tail - 1 && indices[(int) (position & mask)] < oldest) {
            position++;
        }
        return position;
    }

    /** The extreme of window {@code window}'s values; only meaningful after a push. */
    public long value(final int window) {
        final long best = values[(int) (positions[window] & mask)];
        return maximum ? best : ~best;
    }

    /** {@link #value} as a double in price units: {@code FixedPoint.toDouble(value(window))}, without dividing. */
    public double price(final int window) {
        return prices[(int) (positions[window] & mask)];
    }

    /** How many pushes before the latest the (oldest) extreme of window {@code window} was pushed: 0 = the latest. */
    public int age(final int window) {
        return (int) (pushed - 1 - indices[(int) (positions[window] & mask)]);
    }

    /** Values pushed so far. */
    public long pushed() {
        return pushed;
    }

    /** Writes the deque, oldest entry first, padded to its capacity so that the size of the state is fixed. */
    public void writeState(final StateWriter out) {
        out.writeLong(pushed).writeInt((int) (tail - head));
        for (long p = head; p < head + mask + 1; p++) {
            final boolean live = p < tail;
            out.writeLong(live ? indices[(int) (p & mask)] : 0).writeLong(live ? values[(int) (p & mask)] : 0);
        }
    }

    /** Reads what {@link #writeState} wrote into an instance with the same windows. */
    public void readState(final StateReader in) {
        pushed = in.readLong();
        final int entries = in.readInt();
        if (entries < 0 || entries > mask + 1 || entries > pushed) {
            throw new SnapshotFormatException("rolling extremes: " + entries
                + " entries for a deque of " + (mask + 1));
        }
        head = 0;
        tail = entries;
        for (int p = 0; p <= mask; p++) {
            indices[p] = in.readLong();
            values[p] = in.readLong();
            prices[p] = FixedPoint.toDouble(maximum ? values[p] : ~values[p]);
        }
        for (int w = 0; w < windows.length; w++) {
            positions[w] = locate(windows[w]);
        }
    }
}
