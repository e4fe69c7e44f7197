package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.indicator.rolling.ExactSum;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The last bars of one instrument, kept once for the row and every indicator that looks back by index (VWAP, MFI,
 * Keltner, ROC, KST, DPO, KAMA, {@code row.close(barsAgo)}, ...) instead of a private ring of the same prices in
 * each: open, high, low, close and volume fixed-point, the close as a double (as {@link BarInput#c}), and, when
 * asked for, the money flow (H + L + C) × V of each bar as an exact 192-bit integer (VWAP's and MFI's terms, computed
 * once per bar). Bar {@code i} sits at slot {@code i & mask}; the capacity is a power of two at least as large as
 * what every reader asked for ({@link #need}), so memory does not grow with the run.
 *
 * <p>Pushed once per bar by the instrument's bars before any indicator is updated. Business-logic thread only;
 * allocation-free after the readers are built.
 */
public final class BarHistory {
    private int mask;
    private long[] opens;
    private long[] highs;
    private long[] lows;
    private long[] closes;
    private long[] volumes;
    private double[] closeValues;
    /** The money flow of each bar, three limbs per bar (top, middle, low), when {@link #flows} is on. */
    private long[] flowLimbs;
    private boolean flows;
    private final ExactSum flow = new ExactSum();
    private long count;

    /** A history keeping at least {@code bars} bars. */
    public BarHistory(final int bars) {
        allocate(powerOfTwoAtLeast(bars));
    }

    private void allocate(final int capacity) {
        mask = capacity - 1;
        opens = new long[capacity];
        highs = new long[capacity];
        lows = new long[capacity];
        closes = new long[capacity];
        volumes = new long[capacity];
        closeValues = new double[capacity];
        flowLimbs = flows ? new long[3 * capacity] : new long[0];
    }

    /**
     * Makes the history keep at least {@code bars} bars (the latest included). Called while readers are built, which
     * may be during bar 0 (a strategy that declares nothing): the bars already kept stay where a reader finds them.
     */
    public void need(final int bars) {
        if (bars > mask + 1) {
            regrow(powerOfTwoAtLeast(bars), flows);
        }
    }

    /** Makes the history keep each bar's money flow (H + L + C) × V (computed for the bars already kept too). */
    void needFlows() {
        if (!flows) {
            regrow(mask + 1, true);
        }
    }

    private void regrow(final int capacity, final boolean withFlows) {
        final int oldMask = mask;
        final long[] oldOpens = opens;
        final long[] oldHighs = highs;
        final long[] oldLows = lows;
        final long[] oldCloses = closes;
        final long[] oldVolumes = volumes;
        final double[] oldCloseValues = closeValues;
        final long[] oldFlows = flowLimbs;
        final boolean hadFlows = flows;
        flows = withFlows;
        allocate(capacity);
        for (long bar = Math.max(0, count - (oldMask + 1)); bar < count; bar++) {
            final int from = (int) (bar & oldMask);
            final int to = (int) (bar & mask);
            opens[to] = oldOpens[from];
            highs[to] = oldHighs[from];
            lows[to] = oldLows[from];
            closes[to] = oldCloses[from];
            volumes[to] = oldVolumes[from];
            closeValues[to] = oldCloseValues[from];
            if (hadFlows) {
                System.arraycopy(oldFlows, 3 * from, flowLimbs, 3 * to, 3);
            } else if (flows) {
                storeFlow(to);
            }
        }
    }

    /** Appends bar {@code bar.index} (the bar after the latest kept). */
    public void push(final BarInput bar) {
        final int slot = (int) (count & mask);
        opens[slot] = bar.open;
        highs[slot] = bar.high;
        lows[slot] = bar.low;
        closes[slot] = bar.close;
        volumes[slot] = bar.volume;
        closeValues[slot] = bar.c;
        if (flows) {
            storeFlow(slot);
        }
        count++;
    }

    /** Computes the money flow of the bar at {@code slot} from its prices and volume. */
    private void storeFlow(final int slot) {
        flow.clear();
        TypicalFlow.add(flow, highs[slot], lows[slot], closes[slot], volumes[slot]);
        flowLimbs[3 * slot] = flow.topLimb();
        flowLimbs[3 * slot + 1] = flow.midLimb();
        flowLimbs[3 * slot + 2] = flow.lowLimb();
    }

    /** Bars pushed so far. */
    public long count() {
        return count;
    }

    /** Bars kept (a power of two). */
    public int capacity() {
        return mask + 1;
    }

    /** The slot of the bar {@code ago} bars before the latest; {@code ago} must be below the capacity and count. */
    public int slot(final int ago) {
        return (int) ((count - 1 - ago) & mask);
    }

    /** Open at {@code slot}. */
    public long open(final int slot) {
        return opens[slot];
    }

    /** High at {@code slot}. */
    public long high(final int slot) {
        return highs[slot];
    }

    /** Low at {@code slot}. */
    public long low(final int slot) {
        return lows[slot];
    }

    /** Close at {@code slot}. */
    public long close(final int slot) {
        return closes[slot];
    }

    /** Volume at {@code slot}. */
    public long volume(final int slot) {
        return volumes[slot];
    }

    /** Close at {@code slot} as a double ({@link BarInput#c}). */
    public double closeValue(final int slot) {
        return closeValues[slot];
    }

    /** Adds the money flow of the bar at {@code slot} to {@code sum}. */
    void addFlow(final ExactSum sum, final int slot) {
        sum.addLimbs(flowLimbs[3 * slot], flowLimbs[3 * slot + 1], flowLimbs[3 * slot + 2]);
    }

    /**
     * Adds the money flow of the bar at {@code slot} to {@code sum} when {@code mask} is -1, and nothing (adds zero)
     * when it is 0: for callers whose choice depends on the data, so that it costs no unpredictable branch.
     */
    void addFlowMasked(final ExactSum sum, final int slot, final long mask) {
        sum.addLimbs(flowLimbs[3 * slot] & mask, flowLimbs[3 * slot + 1] & mask, flowLimbs[3 * slot + 2] & mask);
    }

    /** Subtracts the money flow of the bar at {@code slot} from {@code sum} when {@code mask} is -1 (see above). */
    void subtractFlowMasked(final ExactSum sum, final int slot, final long mask) {
        sum.subtractLimbs(flowLimbs[3 * slot] & mask, flowLimbs[3 * slot + 1] & mask,
            flowLimbs[3 * slot + 2] & mask);
    }

    /** Subtracts the money flow of the bar at {@code slot} from {@code sum}. */
    void subtractFlow(final ExactSum sum, final int slot) {
        sum.subtractLimbs(flowLimbs[3 * slot], flowLimbs[3 * slot + 1], flowLimbs[3 * slot + 2]);
    }

    /** Writes the kept bars (the flows are derived from them and not written). */
    public void writeState(final StateWriter out) {
        out.writeLong(count).writeInt(mask + 1);
        out.writeLongs(opens).writeLongs(highs).writeLongs(lows).writeLongs(closes).writeLongs(volumes);
    }

    /** Restores what {@link #writeState} wrote into a history built for the same readers. */
    public void readState(final StateReader in) {
        count = in.readLong();
        in.expectInt(mask + 1, "bars kept");
        in.readLongsInto(opens, "bar opens");
        in.readLongsInto(highs, "bar highs");
        in.readLongsInto(lows, "bar lows");
        in.readLongsInto(closes, "bar closes");
        in.readLongsInto(volumes, "bar volumes");
        for (int slot = 0; slot <= mask; slot++) {
            closeValues[slot] = FixedPoint.toDouble(closes[slot]);
            if (flows) {
                storeFlow(slot);
            }
        }
    }

    private static int powerOfTwoAtLeast(final int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }
}
