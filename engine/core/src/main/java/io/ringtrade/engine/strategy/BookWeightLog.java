package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.strategy.WeightLog;
import io.ringtrade.engine.output.OutputStreams;

import java.util.List;

/**
 * The {@link WeightLog} of one book's strategy: the members' names, and once business logic is built, the output
 * streams its rows go to ({@code weights.csv}, counted in snapshots). Before it is connected (a strategy built outside
 * business logic) rows go nowhere. Created on the start-up thread; records on the business-logic thread without
 * allocating.
 */
public final class BookWeightLog implements WeightLog {
    private final List<String> members;
    private OutputStreams outputs;
    private int bookIndex;

    BookWeightLog(final List<String> members) {
        this.members = List.copyOf(members);
    }

    /** The members' names, in member order. */
    public List<String> members() {
        return members;
    }

    /** Sends the rows to {@code streams} as book {@code book}'s. Called once, by business logic's constructor. */
    public void connect(final OutputStreams streams, final int book) {
        this.outputs = streams;
        this.bookIndex = book;
        streams.weightMembers(book, members.toArray(String[]::new));
    }

    @Override
    public void record(final long timeNanos, final int member, final double oldWeight, final double newWeight,
                       final Reason reason, final double reward, final long trades) {
        if (member < 0 || member >= members.size()) {
            throw new IllegalArgumentException("weight of member " + member + " of " + members.size());
        }
        if (outputs != null) {
            outputs.weight(timeNanos, bookIndex, member, oldWeight, newWeight, reason.ordinal(), reward, trades);
        }
    }
}
