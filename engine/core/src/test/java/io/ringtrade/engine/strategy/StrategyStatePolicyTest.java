package io.ringtrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.DoubleCell;
import io.ringtrade.engine.api.strategy.LongArrayCell;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.snapshot.SnapshotFormatException;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Strategy state survives snapshots or is refused: a strategy may keep state only in the cells the engine gives it,
 * and the cells come back exactly from a snapshot.
 */
final class StrategyStatePolicyTest {
    private final StrategyStateStore state = new StrategyStateStore("b");

    /** Counts bars in a mutable field: the state a snapshot would lose. */
    private static final class Counting implements DecisionStrategy {
        private int bars;

        @Override
        public int decide(final Row row) {
            return ++bars > 10 ? BUY : HOLD;
        }
    }

    /** Keeps prices in an array. */
    private static final class Remembering implements DecisionStrategy {
        private final double[] last = new double[3];

        @Override
        public int decide(final Row row) {
            last[0] = row.close();
            return HOLD;
        }
    }

    /** Keeps what it must remember in the engine's cells, and its settings in final immutable fields. */
    private static final class Stateful implements DecisionStrategy {
        private final int period;
        private final String name;
        private final List<Integer> levels;
        private final DoubleCell high;
        private final LongArrayCell seen;

        Stateful(final StrategyStateStore state) {
            this.period = 3;
            this.name = "s";
            this.levels = List.of(1, 2, 3);
            this.high = state.doubleCell("high", Double.NaN);
            this.seen = state.longArray("seen", 2, 0);
        }

        @Override
        public int decide(final Row row) {
            high.set(Math.max(high.get(), row.high()));
            seen.set(0, seen.get(0) + period + name.length() + levels.size());
            return HOLD;
        }
    }

    @Test
    void shouldRefuseAMutableField() {
        assertThatThrownBy(() -> StrategyStatePolicy.check(new Counting(), "b", state))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("book b: the strategy keeps state the engine cannot snapshot: Counting.bars is not final"
                + " (keep what must be remembered between bars in StrategyState cells)");
    }

    @Test
    void shouldRefuseAnArrayEvenInAFinalField() {
        assertThatThrownBy(() -> StrategyStatePolicy.check(new Remembering(), "b", state))
            .hasMessageContaining("Remembering.last is an array");
    }

    @Test
    void shouldRefuseAMutableJdkObjectCapturedByALambda() {
        final List<Double> closes = new ArrayList<>();
        final DecisionStrategy lambda = row -> closes.add(row.close()) ? DecisionStrategy.HOLD : DecisionStrategy.BUY;

        assertThatThrownBy(() -> StrategyStatePolicy.check(lambda, "b", state))
            .hasMessageContaining("is a java.util.ArrayList, which can change");
    }

    @Test
    void shouldAcceptImmutableSettingsAndTheEnginesCells() {
        final Stateful strategy = new Stateful(state);
        state.close();
        final int period = 5;

        assertThatCode(() -> StrategyStatePolicy.check(strategy, "b", state)).doesNotThrowAnyException();
        assertThatCode(() -> StrategyStatePolicy.check((DecisionStrategy) row -> row.barIndex() > period ? 1 : 0, "b",
            state)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseCellsAskedForAfterTheStrategyWasBuilt() {
        state.close();

        assertThatThrownBy(() -> state.longCell("late", 0)).isInstanceOf(IllegalStateException.class)
            .hasMessage("book b: strategy state 'late' asked for after the strategy was built");
    }

    @Test
    void shouldRefuseACellNameUsedTwice() {
        state.longCell("n", 0);

        assertThatThrownBy(() -> state.doubleCell("n", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRestoreEveryCellExactlyFromASnapshot() {
        final DoubleCell high = state.doubleCell("high", 0);
        final LongArrayCell seen = state.longArray("seen", 2, 0);
        high.set(Double.longBitsToDouble(0x7ff8_0000_0000_0001L)); // a NaN with a payload: bits, not value
        seen.set(1, -42);
        final StateWriter out = new StateWriter();
        state.writeState(out);

        final StrategyStateStore fresh = new StrategyStateStore("b");
        final DoubleCell restoredHigh = fresh.doubleCell("high", 0);
        final LongArrayCell restoredSeen = fresh.longArray("seen", 2, 0);
        fresh.readState(new StateReader(out.toByteArray()));

        assertThat(Double.doubleToRawLongBits(restoredHigh.get())).isEqualTo(0x7ff8_0000_0000_0001L);
        assertThat(restoredSeen.get(1)).isEqualTo(-42);
    }

    @Test
    void shouldRefuseASnapshotOfOtherCells() {
        state.longCell("a", 1);
        final StateWriter out = new StateWriter();
        state.writeState(out);
        final StrategyStateStore other = new StrategyStateStore("b");
        other.longCell("b", 1);

        assertThatThrownBy(() -> other.readState(new StateReader(out.toByteArray())))
            .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("cell 'a' where 'b' was expected");
    }
}
