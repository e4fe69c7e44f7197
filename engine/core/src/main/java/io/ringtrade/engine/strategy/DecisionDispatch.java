package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.indicator.InstrumentBars;
import io.ringtrade.engine.indicator.PositionView;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * The strategy stage of one decision-function book: keeps the closed bars and indicators of each instrument the book
 * trades ({@link InstrumentBars}) and asks the decision function about each closed bar. With {@code average_last} N
 * &gt; 1 it answers the mean of the instrument's last N decisions rounded toward zero (a decision before the N-th
 * counts the missing ones as holds), so it acts only when the last N agree. What the answer becomes is
 * {@link DecisionSizing}'s (or {@link ManagedPositions}') job. Business-logic thread; allocation-free per bar apart
 * from what indicators need.
 */
public final class DecisionDispatch {
    private final String bookName;
    private final DecisionStrategy strategy;
    private final int[] traded;
    private final InstrumentBars[] bars;
    private final int averageLast;
    /** Per instrument, its last {@code averageLast} raw decisions (a ring) and where the next goes. */
    private final int[][] recent;
    private final int[] next;
    private long barsDecided;
    private long warmUpBars;
    private long decisions;

    /** The stage for a book named {@code bookName} trading {@code traded} with {@code strategy}, each decision as is. */
    public DecisionDispatch(final String bookName, final DecisionStrategy strategy, final int[] traded,
                            final InstrumentRegistry instruments, final PositionView positions) {
        this(bookName, strategy, traded, instruments, positions, 1);
    }

    /** As above, acting on the mean of the last {@code averageLast} decisions. */
    public DecisionDispatch(final String bookName, final DecisionStrategy strategy, final int[] traded,
                            final InstrumentRegistry instruments, final PositionView positions, final int averageLast) {
        this.bookName = bookName;
        this.strategy = strategy;
        this.traded = traded.clone();
        this.bars = new InstrumentBars[instruments.size()];
        for (final int id : traded) {
            bars[id] = new InstrumentBars(instruments.get(id), positions, Indicators.declaredBy(strategy));
        }
        if (averageLast < 1) {
            throw new IllegalArgumentException("book " + bookName + ": average_last must be at least 1");
        }
        this.averageLast = averageLast;
        this.recent = new int[instruments.size()][averageLast > 1 ? averageLast : 0];
        this.next = new int[instruments.size()];
    }

    /** The bars and indicators of one traded instrument (its row is the latest closed bar). */
    public InstrumentBars bars(final int instrumentId) {
        return bars[instrumentId];
    }

    /**
     * A closed bar of {@code instrumentId} (start time, prices and volume fixed-point): records it and returns the
     * decision, {@link DecisionStrategy#BUY}, {@link DecisionStrategy#SELL} or {@link DecisionStrategy#HOLD}.
     *
     * @throws IllegalStateException when the strategy answers anything else
     */
    public int decide(final int instrumentId, final long startNanos, final long open, final long high, final long low,
                      final long close, final long volume) {
        final InstrumentBars instrument = bars[instrumentId];
        instrument.onBar(startNanos, open, high, low, close, volume);
        final int decision = strategy.decide(instrument.row());
        if (decision != DecisionStrategy.BUY && decision != DecisionStrategy.SELL && decision != DecisionStrategy.HOLD) {
            throw new IllegalStateException("strategy of book " + bookName + " returned " + decision
                + " (expected 1 buy, -1 sell or 0 hold)");
        }
        barsDecided++;
        if (instrument.rowReadNaN()) {
            warmUpBars++;
        }
        final int acted = averageLast == 1 ? decision : averageOfLast(instrumentId, decision);
        if (acted != DecisionStrategy.HOLD) {
            decisions++;
        }
        return acted;
    }

    /** Records {@code decision} in the instrument's ring and returns the mean of the last N rounded toward zero. */
    private int averageOfLast(final int instrumentId, final int decision) {
        final int[] last = recent[instrumentId];
        last[next[instrumentId]] = decision;
        next[instrumentId] = (next[instrumentId] + 1) % averageLast;
        int sum = 0;
        for (final int d : last) {
            sum += d;
        }
        // the mean rounded toward zero: ±1 only when all of the last N agree
        return sum / averageLast;
    }

    /** Closed bars the strategy was asked about. */
    public long barsDecided() {
        return barsDecided;
    }

    /** Bars on which the strategy read an indicator that was still NaN (warming up). */
    public long warmUpBars() {
        return warmUpBars;
    }

    /** Answers other than hold, after {@code average_last} (the answers the book acted on). */
    public long decisions() {
        return decisions;
    }

    /** Writes the counters and every instrument's bars and indicators for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("decisions " + bookName).writeLong(barsDecided).writeLong(warmUpBars).writeLong(decisions);
        for (final int id : traded) {
            bars[id].writeState(out);
            out.writeInt(next[id]);
            for (final int d : recent[id]) {
                out.writeInt(d);
            }
        }
    }

    /** Restores what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        in.section("decisions " + bookName);
        barsDecided = in.readLong();
        warmUpBars = in.readLong();
        decisions = in.readLong();
        for (final int id : traded) {
            bars[id].readState(in);
            next[id] = in.readInt();
            for (int i = 0; i < recent[id].length; i++) {
                recent[id][i] = in.readInt();
            }
        }
    }
}
