package io.ringtrade.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.snapshot.SnapshotFormatException;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;
import org.junit.jupiter.api.Test;

/**
 * The order-rate window resized by an operator keeps its latest releases, oldest first, whether or not its ring had
 * wrapped; a snapshot of a resized window restores into a window built for another limit.
 */
final class OrderRateTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldKeepTheLatestReleasesWhenLowered() {
        final OrderRate rate = new OrderRate(3);
        for (long t = 1; t <= 5; t++) {
            rate.record(t * 100); // the ring wrapped: it holds 300, 400, 500
        }
        rate.resize(2); // keeps 400 and 500
        assertThat(rate.limit()).isEqualTo(2);
        assertThat(rate.allows(400 + SECOND - 1)).as("400 still inside (t − 1 s, t]").isFalse();
        assertThat(rate.allows(400 + SECOND)).as("400 has left, 500 alone is inside").isTrue();
        rate.record(400 + SECOND); // now 500 and 400 + 1 s
        assertThat(rate.allows(500 + SECOND - 1)).isFalse();
        assertThat(rate.allows(500 + SECOND)).isTrue();
    }

    @Test
    void shouldLetOrdersThroughUntilARaisedWindowFillsAndStartEmptyFromNoLimit() {
        final OrderRate rate = new OrderRate(2);
        rate.record(10);
        rate.record(20);
        assertThat(rate.allows(30)).isFalse();
        rate.resize(4); // 10 and 20 kept, room for two more in the same second
        assertThat(rate.allows(30)).isTrue();
        rate.record(30);
        rate.record(40);
        assertThat(rate.allows(50)).isFalse();
        assertThat(rate.allows(10 + SECOND)).isTrue();

        final OrderRate none = new OrderRate(0);
        none.record(10); // no limit: nothing kept
        none.resize(1);
        assertThat(none.allows(11)).isTrue();
        none.resize(0);
        assertThat(none.limit()).isZero();
        assertThat(none.allows(12)).isTrue();
    }

    @Test
    void shouldRestoreAResizedWindowIntoOneBuiltForAnotherLimit() {
        final OrderRate rate = new OrderRate(5);
        rate.record(100);
        rate.record(200);
        rate.record(300);
        rate.resize(2);
        final StateWriter out = new StateWriter();
        rate.writeState(out);

        final OrderRate restored = new OrderRate(5);
        restored.readState(new StateReader(out.toByteArray()));
        assertThat(restored.limit()).isEqualTo(2);
        assertThat(restored.allows(200 + SECOND - 1)).isFalse();
        assertThat(restored.allows(200 + SECOND)).isTrue();
        final StateWriter again = new StateWriter();
        restored.writeState(again);
        assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
    }

    @Test
    void shouldRefuseAWindowNoEngineWrites() {
        final StateWriter out = new StateWriter();
        out.writeInt(0).writeInt(3).writeLongs(new long[2], 2); // three releases in a window of two
        assertThatThrownBy(() -> new OrderRate(2).readState(new StateReader(out.toByteArray())))
            .isInstanceOf(SnapshotFormatException.class)
            .hasMessage("order-rate window of 2 with 3 releases, next at 0, is not one this engine writes");
    }
}
