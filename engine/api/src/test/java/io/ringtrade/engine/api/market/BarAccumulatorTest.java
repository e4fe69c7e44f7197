package io.ringtrade.engine.api.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link BarAccumulator}'s bars: OHLCV worked out by hand, and bar boundaries (found from the previous bar's end when
 * the next input falls in the very next bar) equal to {@link Interval#bucketStart} for every input, across gaps,
 * calendar intervals and a restore.
 */
final class BarAccumulatorTest {
    private static final long MINUTE = 60_000_000_000L;

    @Test
    void shouldBuildOneMinuteBarsFromTrades() {
        final BarAccumulator bars = new BarAccumulator(Interval.M1);
        final long t0 = Instant.parse("2024-03-01T10:00:05Z").getEpochSecond() * 1_000_000_000L;
        bars.addTrade(t0, 100, 2);
        bars.addTrade(t0 + 10_000_000_000L, 105, 1);
        bars.addTrade(t0 + 20_000_000_000L, 98, 3);
        assertThat(bars.wouldClose(t0 + 54_999_999_999L)).isFalse();
        assertThat(bars.wouldClose(t0 + 55_000_000_000L)).isTrue(); // 10:01:00
        assertThat(bars.startNanos()).isEqualTo(t0 - 5_000_000_000L);
        assertThat(bars.endNanos()).isEqualTo(t0 + 55_000_000_000L);
        assertThat(new long[] {bars.open(), bars.high(), bars.low(), bars.close(), bars.volume()})
            .containsExactly(100, 105, 98, 98, 6);
        bars.reset();
        // the next input skips 10:01 and 10:02: its bar is 10:03, not the one after the last
        bars.addTrade(t0 + 3 * MINUTE, 101, 1);
        assertThat(bars.startNanos()).isEqualTo(t0 - 5_000_000_000L + 3 * MINUTE);
        bars.reset();
        bars.addTrade(t0 + 4 * MINUTE - 5_000_000_000L, 102, 1); // 10:04:00 exactly: the very next bar
        assertThat(bars.startNanos()).isEqualTo(t0 - 5_000_000_000L + 4 * MINUTE);
        assertThat(bars.endNanos()).isEqualTo(t0 - 5_000_000_000L + 5 * MINUTE);
    }

    @Test
    void shouldStartEveryBarWhereBucketStartSaysForEveryInterval() {
        final SplittableRandom random = new SplittableRandom(42L);
        for (final Interval interval : Interval.values()) {
            final BarAccumulator bars = new BarAccumulator(interval);
            long time = Instant.parse("2019-12-30T23:59:00Z").getEpochSecond() * 1_000_000_000L;
            for (int i = 0; i < 3_000; i++) {
                // mostly the same or the next bar, sometimes a gap of several bars
                final long step = random.nextInt(10) == 0 ? interval.nanos() * random.nextInt(2, 6)
                    : random.nextLong(1, interval.nanos());
                time += step;
                if (bars.wouldClose(time)) {
                    bars.reset();
                }
                bars.addTrade(time, 100, 1);
                assertThat(bars.startNanos()).as("%s at %s", interval, time).isEqualTo(interval.bucketStart(time));
                assertThat(bars.endNanos()).as("%s at %s", interval, time)
                    .isEqualTo(interval.nextBucketStart(interval.bucketStart(time)));
            }
        }
    }

    @Test
    void shouldFindTheBarFromScratchAfterARestoreWithoutABar() {
        final BarAccumulator bars = new BarAccumulator(Interval.W1);
        bars.restore(false, false, 0, 0, 0, 0, 0, 0);
        // 1970-01-01 (epoch 0) is a Thursday, not a week's start: the bar must not be taken to start at 0's end
        final long thursdayNoon = Instant.parse("1970-01-08T12:00:00Z").getEpochSecond() * 1_000_000_000L;
        bars.addTrade(thursdayNoon, 100, 1);
        assertThat(bars.startNanos()).isEqualTo(Instant.parse("1970-01-05T00:00:00Z").getEpochSecond() * 1_000_000_000L);
    }

    @Test
    void shouldFoldALateInputIntoTheBarBeingBuiltOrAfterTheLastOneClosed() {
        final BarAccumulator bars = new BarAccumulator(Interval.M1);
        assertThat(bars.notBefore(5 * MINUTE + 7)).as("no bar yet: every time is on time").isEqualTo(5 * MINUTE + 7);
        bars.addTrade(5 * MINUTE + 10, 100, 1);
        assertThat(bars.notBefore(4 * MINUTE + 59)).as("before the bar being built").isEqualTo(5 * MINUTE);
        assertThat(bars.notBefore(5 * MINUTE + 30)).isEqualTo(5 * MINUTE + 30);
        assertThat(bars.endedBy(6 * MINUTE - 1)).isFalse();
        assertThat(bars.endedBy(6 * MINUTE)).isTrue();
        bars.reset(); // closed on the clock
        assertThat(bars.endedBy(7 * MINUTE)).as("nothing is being built").isFalse();
        assertThat(bars.notBefore(5 * MINUTE + 50)).as("stamped in the closed bar").isEqualTo(6 * MINUTE);
        assertThat(bars.notBefore(6 * MINUTE + 3)).isEqualTo(6 * MINUTE + 3);
        bars.addTrade(bars.notBefore(5 * MINUTE + 50), 101, 2);
        assertThat(bars.startNanos()).as("the late trade opens the next bar").isEqualTo(6 * MINUTE);
        assertThat(bars.open()).isEqualTo(101);
    }

    @Test
    void shouldKeepTheLastBarsEndThroughARestore() {
        final BarAccumulator bars = new BarAccumulator(Interval.M1);
        bars.restore(false, true, 5 * MINUTE, 0, 0, 0, 0, 0); // the bar of minute 5 closed before the snapshot
        assertThat(bars.hasBar()).isFalse();
        assertThat(bars.boundaryKnown()).isTrue();
        assertThat(bars.notBefore(5 * MINUTE + 50)).isEqualTo(6 * MINUTE);
        final BarAccumulator fresh = new BarAccumulator(Interval.M1);
        fresh.restore(false, false, 0, 0, 0, 0, 0, 0);
        assertThat(fresh.notBefore(5 * MINUTE + 50)).isEqualTo(5 * MINUTE + 50);
    }
}
