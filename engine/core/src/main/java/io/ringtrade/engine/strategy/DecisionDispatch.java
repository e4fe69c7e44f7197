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
 * trades ({@link InstrumentBars}) and asks the decision function about each closed bar. What the answer becomes is
 * {@link DecisionSizing}'s job. Business-logic thread; allocation-free per bar apart from what indicators need.
 */
public final class DecisionDispatch {
    private final String bookName;
    private final DecisionStrategy strategy;
    private final int[] traded;
    private final InstrumentBars[] bars;

    /** The stage for a book named {@code bookName} trading {@code traded} with {@code strategy}. */
    public DecisionDispatch(final String bookName, final DecisionStrategy strategy, final int[] traded,
                            final InstrumentRegistry instruments, final PositionView positions) {
        this.bookName = bookName;
        this.strategy = strategy;
        this.traded = traded.clone();
        this.bars = new InstrumentBars[instruments.size()];
        for (final int id : traded) {
            bars[id] = new InstrumentBars(instruments.get(id), positions, Indicators.declaredBy(strategy));
        }
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
        return decision;
    }

    /** Writes every instrument's bars and indicators for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("decisions " + bookName);
        for (final int id : traded) {
            bars[id].writeState(out);
        }
    }

    /** Restores what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        in.section("decisions " + bookName);
        for (final int id : traded) {
            bars[id].readState(in);
        }
    }
}
