package io.ringtrade.research.optimizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the timeline into the windows of a validation. Stateless.
 *
 * <ul>
 *   <li>{@link #split}: the first {@code floor(bars × fraction)} bars train, the rest test.</li>
 *   <li>{@link #walkForward}: K rolling folds; fold i (0-based) trains on bars {@code off + i·M} …
 *   {@code off + i·M + N − 1} and tests on the M bars after them, where N = train bars, M = test bars and
 *   {@code off = bars − (N + K·M)}, so the last test window ends at the last bar. Without {@code --test-bars},
 *   M = floor(bars / (K + 2)) (or floor((bars − N) / K) when N is given); without {@code --train-bars},
 *   N = bars − K·M, so the train windows are about twice as long as the test windows by default.</li>
 * </ul>
 * Each test window warms up on its fold's train bars.
 */
public final class WindowPlan {
    /** Fewest bars a train window may have. */
    public static final int MIN_TRAIN_BARS = 2;

    private WindowPlan() {
    }

    /**
     * One train/test split of {@code bars} bars at {@code trainFraction}.
     *
     * @throws OptimizerException when the fraction is not strictly between 0 and 1 or leaves a side too small
     */
    public static Fold split(final int bars, final double trainFraction) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new OptimizerException("--train-fraction must be between 0 and 1 (exclusive), got " + trainFraction);
        }
        final int train = (int) Math.floor(bars * trainFraction);
        if (train < MIN_TRAIN_BARS || bars - train < 1) {
            throw new OptimizerException("--train-fraction " + trainFraction + " of " + bars + " bars leaves " + train
                + " train and " + (bars - train) + " test bars; need at least " + MIN_TRAIN_BARS + " and 1");
        }
        return new Fold(1, Window.of(0, train), new Window(0, train, bars));
    }

    /**
     * {@code folds} rolling walk-forward folds over {@code bars} bars; {@code trainBars} and {@code testBars} may be
     * null for the defaults above.
     *
     * @throws OptimizerException when the folds do not fit the data
     */
    public static List<Fold> walkForward(final int bars, final int folds, final Integer trainBars,
                                         final Integer testBars) {
        if (folds < 1) {
            throw new OptimizerException("--walk-forward must be at least 1, got " + folds);
        }
        if (trainBars != null && trainBars < MIN_TRAIN_BARS) {
            throw new OptimizerException("--train-bars must be at least " + MIN_TRAIN_BARS + ", got " + trainBars);
        }
        if (testBars != null && testBars < 1) {
            throw new OptimizerException("--test-bars must be at least 1, got " + testBars);
        }
        final int test;
        if (testBars != null) {
            test = testBars;
        } else if (trainBars != null) {
            test = (bars - trainBars) / folds;
        } else {
            test = bars / (folds + 2);
        }
        final long train = trainBars != null ? trainBars : bars - (long) folds * test;
        final long needed = train + (long) folds * test;
        if (test < 1 || train < MIN_TRAIN_BARS || needed > bars) {
            throw new OptimizerException("--walk-forward " + folds + " with " + train + " train and " + test
                + " test bars needs " + needed + " bars (train + K × test, at least " + MIN_TRAIN_BARS
                + " train and 1 test bar per fold); the data has " + bars);
        }
        final int offset = (int) (bars - needed);
        final List<Fold> out = new ArrayList<>(folds);
        for (int i = 0; i < folds; i++) {
            final int trainFrom = offset + i * test;
            final int testFrom = trainFrom + (int) train;
            out.add(new Fold(i + 1, Window.of(trainFrom, testFrom), new Window(trainFrom, testFrom, testFrom + test)));
        }
        return out;
    }
}
