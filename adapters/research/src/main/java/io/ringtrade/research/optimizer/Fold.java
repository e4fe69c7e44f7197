package io.ringtrade.research.optimizer;

/**
 * One train/test pair of a validation: the grid is ranked on {@code train}, and its best combination is run on
 * {@code test}, whose warm-up is the train window (the test's indicators never start cold, and never warm up on test
 * bars). Immutable.
 *
 * @param number 1-based fold number ({@code 1} for a single train/test split)
 * @param train  the in-sample window, without warm-up
 * @param test   the out-of-sample window, warmed up on the train bars
 */
public record Fold(int number, Window train, Window test) {
}
