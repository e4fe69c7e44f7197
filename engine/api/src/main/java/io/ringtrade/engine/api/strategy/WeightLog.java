package io.ringtrade.engine.api.strategy;

/**
 * Where a strategy that weighs members (the {@code ensemble}) records every change of a member's weight, one row of the
 * run's {@code weights.csv} each, so that the learning is auditable and replay reproduces it byte for byte. A strategy
 * gets its log once, at creation, from {@link StrategyState#weightLog}, keeps it in a final field and calls
 * {@link #record} while deciding; the engine counts the rows in its snapshots like any output file's.
 *
 * <p>Business-logic thread; {@link #record} allocates nothing.
 */
public interface WeightLog {
    /** Why a weight changed. The labels are what {@code weights.csv}'s {@code reason} column says. */
    enum Reason {
        /** The starting weight, recorded at the first bar. */
        START("start"),
        /** A learning step after the member closed a trade. */
        LEARN("learn"),
        /** A learning step that the cap on one adjustment limited. */
        LEARN_CAPPED("learn_capped"),
        /** Rescaled so the weights sum to 1 after another member's weight moved. */
        NORMALISE("normalise"),
        /** Raised to the floor, or lowered to pay for another member's rise to it. */
        FLOOR("floor");

        private final String label;

        Reason(final String label) {
            this.label = label;
        }

        /** The label written in {@code weights.csv}. */
        public String label() {
            return label;
        }
    }

    /**
     * Member {@code member} (its index in the list given to {@link StrategyState#weightLog}) changed from
     * {@code oldWeight} to {@code newWeight} at {@code timeNanos} (the deciding bar's start) for {@code reason};
     * {@code reward} is the reward the member's trades earned (NaN when it has none yet) and {@code trades} the
     * number of trades it has closed.
     */
    void record(long timeNanos, int member, double oldWeight, double newWeight, Reason reason, double reward,
                long trades);

    /** A log that keeps nothing. */
    WeightLog NONE = (timeNanos, member, oldWeight, newWeight, reason, reward, trades) -> {
    };
}
