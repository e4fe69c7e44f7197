package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExponentialMean;
import io.ringtrade.engine.indicator.rolling.LongWindowSum;
import io.ringtrade.engine.indicator.rolling.RollingExtremes;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.util.HashMap;
import java.util.Map;

/**
 * The sub-indicators that several nodes of one instrument compute alike, kept once: the EMA of closes over a span
 * ({@code trend_ema_fast}, MACD and PPO all use the 12- and 26-bar ones), the RSI (its column and the stochastic
 * RSI), the rolling highest high and lowest low (Williams %R and the stochastic oscillator, Ichimoku and Aroon) and
 * the exact sum of closes over a window (Bollinger, Donchian and the DPO), and the bar history with each bar's
 * money flow ({@link BarHistory}: VWAP, MFI, Keltner, ROC, KST, DPO and KAMA look back into it by index). A node asks for one when it is built, and
 * gets the one instance every node with the same parameters gets.
 *
 * <p>Each is advanced by the first node that reads it during a bar (it remembers the index of the bar it last took),
 * so the nodes need no ordering among themselves, a node added during bar 0 finds its shared parts either already at
 * bar 0 or fed bar 0 then, and an instance restored from a snapshot (which remembers no bar) takes the next bar.
 * Every node still writes the state of its EMAs, RSI and sums of closes in its snapshot section exactly as when each
 * node kept its own copy (the copies were equal), and restoring a shared part twice from two sections sets it to the
 * same state. The extremes of highs and lows (one deque per side for all windows) are written once, by
 * {@link #writeState}, and the bar history by the instrument's bars.
 *
 * <p>Built on the business-logic thread when an instrument's indicators are built (allocates then); reading is
 * allocation-free.
 */
public final class SharedIndicators {
    private final Map<Integer, CloseEma> closeEmas = new HashMap<>();
    private final Map<Integer, RelativeStrengthIndex> rsis = new HashMap<>();
    private final Map<Integer, Extremum> highests = new HashMap<>();
    private final Map<Integer, Extremum> lowests = new HashMap<>();
    /** Every window of highs (lows) in one deque: see {@link RollingExtremes}. */
    private final Extremes highs = new Extremes(RollingExtremes.maximum(), true);
    private final Extremes lows = new Extremes(RollingExtremes.minimum(), false);
    private final Map<Integer, CloseSum> closeSums = new HashMap<>();
    private final BarHistory history = new BarHistory(1);

    /**
     * The instrument's bar history (pushed by the instrument's bars before the nodes are updated); a node that reads
     * it asks for the bars it needs ({@link BarHistory#need}) when it is built.
     */
    public BarHistory history() {
        return history;
    }

    /**
     * Writes what is kept once for all nodes rather than in each node's section: the rolling extremes of highs and
     * lows (all their windows). The nodes must be built, in the same order, before {@link #readState}.
     */
    public void writeState(final StateWriter out) {
        highs.deque.writeState(out);
        lows.deque.writeState(out);
    }

    /** Reads what {@link #writeState} wrote, into the parts of nodes built as when it was written. */
    public void readState(final StateReader in) {
        highs.deque.readState(in);
        lows.deque.readState(in);
    }

    /** The EMA of closes over {@code span} bars, {@code ta}'s definition ({@link ExponentialMean#ofSpan}). */
    CloseEma closeEma(final int span) {
        return closeEmas.computeIfAbsent(span, CloseEma::new);
    }

    /** The RSI over {@code n} bars (it advances once per bar itself: {@link RelativeStrengthIndex#next}). */
    RelativeStrengthIndex rsi(final int n) {
        return rsis.computeIfAbsent(n, RelativeStrengthIndex::new);
    }

    /** The highest high of the last {@code n} bars. */
    Extremum highestHigh(final int n) {
        return highests.computeIfAbsent(n, window -> new Extremum(highs, window));
    }

    /** The lowest low of the last {@code n} bars. */
    Extremum lowestLow(final int n) {
        return lowests.computeIfAbsent(n, window -> new Extremum(lows, window));
    }

    /** The exact sum of the last {@code n} closes. */
    CloseSum closeSum(final int n) {
        return closeSums.computeIfAbsent(n, CloseSum::new);
    }

    /** A shared EMA of closes. */
    static final class CloseEma {
        final ExponentialMean mean;
        private long bar = -1;

        private CloseEma(final int span) {
            mean = ExponentialMean.ofSpan(span);
        }

        /** The EMA after {@code input}, advancing it if no node has yet during this bar. */
        double at(final BarInput input) {
            if (bar != input.index) {
                bar = input.index;
                return mean.update(input.c);
            }
            return mean.value();
        }

        /** Writes the EMA's state (each reader writes it in its own section). */
        void writeState(final StateWriter out) {
            mean.writeState(out);
        }

        /** Reads what {@link #writeState} wrote. */
        void readState(final StateReader in) {
            mean.readState(in);
        }
    }

    /** The rolling extremes of highs or of lows over every window asked for, advanced once per bar. */
    static final class Extremes {
        final RollingExtremes deque;
        private final boolean ofHighs;
        private long bar = -1;

        private Extremes(final RollingExtremes deque, final boolean ofHighs) {
            this.deque = deque;
            this.ofHighs = ofHighs;
        }

        /** Advances to {@code input} if no node has yet during this bar. */
        void advance(final BarInput input) {
            if (bar != input.index) {
                bar = input.index;
                deque.push(ofHighs ? input.high : input.low);
            }
        }
    }

    /** A shared rolling extreme of highs (maximum) or lows (minimum) over one window. */
    static final class Extremum {
        private final Extremes extremes;
        private final int n;
        private final int window;

        private Extremum(final Extremes extremes, final int n) {
            this.extremes = extremes;
            this.n = n;
            this.window = extremes.deque.window(n);
        }

        /** This window, advanced to {@code input} if no node has yet during this bar. */
        Extremum at(final BarInput input) {
            extremes.advance(input);
            return this;
        }

        /** The extreme of the window; only meaningful after {@link #at}. */
        long value() {
            return extremes.deque.value(window);
        }

        /** {@link #value} in price units, as {@code FixedPoint.toDouble} gives it (converted once per bar). */
        double price() {
            return extremes.deque.price(window);
        }

        /** How many bars before the latest the (oldest) extreme was, 0 = the latest bar. */
        int age() {
            return extremes.deque.age(window);
        }

        /** True once the window has seen {@code n} bars. */
        boolean isFull() {
            return extremes.deque.pushed() >= n;
        }

        /** Writes nothing: the extremes of highs and lows are written once, by {@link SharedIndicators#writeState}. */
        void writeState(final StateWriter out) {
            // see SharedIndicators.writeState
        }

        /** Reads nothing (see {@link #writeState}). */
        void readState(final StateReader in) {
            // see SharedIndicators.readState
        }
    }

    /** A shared exact sum of closes ({@link LongWindowSum#leaving()} tells what the latest bar pushed out). */
    static final class CloseSum {
        final LongWindowSum sum;
        private long bar = -1;

        private CloseSum(final int n) {
            sum = new LongWindowSum(n);
        }

        /** The window, advanced to {@code input} if no node has yet during this bar. */
        LongWindowSum at(final BarInput input) {
            if (bar != input.index) {
                bar = input.index;
                sum.push(input.close);
            }
            return sum;
        }

        /** Writes the window's state (each reader writes it in its own section). */
        void writeState(final StateWriter out) {
            sum.writeState(out);
        }

        /** Reads what {@link #writeState} wrote. */
        void readState(final StateReader in) {
            sum.readState(in);
        }
    }
}
