package io.ringtrade.research.optimizer;

/**
 * How an optimization guards against overfitting. Immutable.
 *
 * @param kind          none (rank on all bars), a train/test split, or walk-forward folds
 * @param trainFraction the split's train share (split only)
 * @param folds         number of walk-forward folds (walk-forward only)
 * @param trainBars     walk-forward train bars, or null for the default
 * @param testBars      walk-forward test bars, or null for the default
 */
public record Validation(Kind kind, double trainFraction, int folds, Integer trainBars, Integer testBars) {
    /** The kinds of validation. */
    public enum Kind {
        /** Rank on every bar; the best combination's backtest over every bar is the output. */
        NONE,
        /** Rank on the first share of the bars, test the best on the rest. */
        SPLIT,
        /** Rolling train/test folds, out-of-sample results stitched. */
        WALK_FORWARD
    }

    /** No validation. */
    public static Validation none() {
        return new Validation(Kind.NONE, 0, 0, null, null);
    }

    /** A train/test split at {@code trainFraction}. */
    public static Validation split(final double trainFraction) {
        return new Validation(Kind.SPLIT, trainFraction, 0, null, null);
    }

    /** {@code folds} walk-forward folds. */
    public static Validation walkForward(final int folds, final Integer trainBars, final Integer testBars) {
        return new Validation(Kind.WALK_FORWARD, 0, folds, trainBars, testBars);
    }

    /** The label written in summary.json's run fields. */
    public String label() {
        return switch (kind) {
            case NONE -> "none";
            case SPLIT -> "train-test " + trainFraction;
            case WALK_FORWARD -> "walk-forward " + folds;
        };
    }
}
