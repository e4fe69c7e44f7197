package io.ringtrade.research.optimizer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Train/test windows cut from the timeline, worked out by hand. */
class WindowPlanTest {
    @Test
    void shouldTrainOnTheFirstFractionAndTestOnTheRestWarmedUpOnTheTrainBars() {
        final Fold fold = WindowPlan.split(252, 0.7);
        // floor(252 × 0.7) = 176
        assertThat(fold.train()).isEqualTo(new Window(0, 0, 176));
        assertThat(fold.test()).isEqualTo(new Window(0, 176, 252));
        assertThat(fold.test().warmupBars()).isEqualTo(176);
        assertThat(fold.test().tradedBars()).isEqualTo(76);
    }

    @Test
    void shouldRollDefaultFoldsOfTwoTestLengthsOfTrainingEndingAtTheLastBar() {
        // 252 bars, 3 folds: M = floor(252 / 5) = 50 test bars, N = 252 − 3 × 50 = 102 train bars
        final List<Fold> folds = WindowPlan.walkForward(252, 3, null, null);
        assertThat(folds).containsExactly(
            new Fold(1, new Window(0, 0, 102), new Window(0, 102, 152)),
            new Fold(2, new Window(50, 50, 152), new Window(50, 152, 202)),
            new Fold(3, new Window(100, 100, 202), new Window(100, 202, 252)));
    }

    @Test
    void shouldAlignGivenWindowsToTheEndOfTheData() {
        // N + K × M = 40 + 2 × 10 = 60 of 100 bars: the first 40 bars are left out
        assertThat(WindowPlan.walkForward(100, 2, 40, 10)).containsExactly(
            new Fold(1, new Window(40, 40, 80), new Window(40, 80, 90)),
            new Fold(2, new Window(50, 50, 90), new Window(50, 90, 100)));
    }

    @Test
    void shouldDeriveTheMissingLength() {
        // only N: M = floor((100 − 40) / 3) = 20; only M: N = 100 − 3 × 25 = 25
        assertThat(WindowPlan.walkForward(100, 3, 40, null).get(0)).isEqualTo(
            new Fold(1, new Window(0, 0, 40), new Window(0, 40, 60)));
        assertThat(WindowPlan.walkForward(100, 3, null, 25).get(2)).isEqualTo(
            new Fold(3, new Window(50, 50, 75), new Window(50, 75, 100)));
    }

    @Test
    void shouldRefuseFoldsThatDoNotFitTheData() {
        assertThatThrownBy(() -> WindowPlan.walkForward(100, 2, 60, 30)).isInstanceOf(OptimizerException.class)
            .hasMessage("--walk-forward 2 with 60 train and 30 test bars needs 120 bars (train + K × test, at least 2 "
                + "train and 1 test bar per fold); the data has 100");
        assertThatThrownBy(() -> WindowPlan.walkForward(100, 0, null, null))
            .hasMessage("--walk-forward must be at least 1, got 0");
        assertThatThrownBy(() -> WindowPlan.walkForward(100, 2, 1, null))
            .hasMessage("--train-bars must be at least 2, got 1");
        assertThatThrownBy(() -> WindowPlan.walkForward(100, 2, null, 0))
            .hasMessage("--test-bars must be at least 1, got 0");
    }

    @Test
    void shouldRefuseAFractionOutsideZeroToOneOrTooFewBars() {
        assertThatThrownBy(() -> WindowPlan.split(100, 1.0))
            .hasMessage("--train-fraction must be between 0 and 1 (exclusive), got 1.0");
        assertThatThrownBy(() -> WindowPlan.split(2, 0.5))
            .hasMessage("--train-fraction 0.5 of 2 bars leaves 1 train and 1 test bars; need at least 2 and 1");
    }
}
