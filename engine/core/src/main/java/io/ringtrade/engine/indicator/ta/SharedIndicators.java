package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExponentialMean;
import io.ringtrade.engine.indicator.rolling.LongWindowSum;
import io.ringtrade.engine.indicator.rolling.RollingExtremum;
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
 * Every node still writes the state of its parts in its snapshot section exactly as when each node kept its own copy
 * (the copies were equal), and restoring a shared part twice from two sections sets it to the same state: the
 * snapshot format is unchanged.
 *
 * <p>Built on the business-logic thread when an instrument's indicators are built (allocates then); reading is
 * allocation-free.
 */
public final class SharedIndicators {
    private final Map<Integer, CloseEma> closeEmas = new HashMap<>();
    private final Map<Integer, RelativeStrengthIndex> rsis = new HashMap<>();
    private final Map<Integer, Extremum> highests = new HashMap<>();
    private final Map<Integer, Extremum> lowests = new HashMap<>();
    private final Map<Integer, CloseSum> closeSums = new HashMap<>();
    private final BarHistory history = new BarHistory(1);

    /**
     * The instrument's bar history (pushed by the instrument's bars before the nodes are updated); a node that reads
     * it asks for the bars it needs ({@link BarHistory#need}) when it is built.
     */
    public BarHistory history() {
        return history;
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
        return highests.computeIfAbsent(n, window -> new Extremum(RollingExtremum.maximum(window), true));
    }

    /** The lowest low of the last {@code n} bars. */
    Extremum lowestLow(final int n) {
        return lowests.computeIfAbsent(n, window -> new Extremum(RollingExtremum.minimum(window), false));
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

    /** A shared rolling extreme of highs (maximum) or lows (minimum). */
    static final class Extremum {
        final RollingExtremum window;
        private final boolean ofHighs;
        private long bar = -1;

        private Extremum(final RollingExtremum window, final boolean ofHighs) {
            this.window = window;
            this.ofHighs = ofHighs;
        }

        /** The window, advanced to {@code input} if no node has yet during this bar. */
        RollingExtremum at(final BarInput input) {
            if (bar != input.index) {
                bar = input.index;
                window.push(ofHighs ? input.high : input.low);
            }
            return window;
        }

        /** Writes the window's state (each reader writes it in its own section). */
        void writeState(final StateWriter out) {
            window.writeState(out);
        }

        /** Reads what {@link #writeState} wrote. */
        void readState(final StateReader in) {
            window.readState(in);
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
