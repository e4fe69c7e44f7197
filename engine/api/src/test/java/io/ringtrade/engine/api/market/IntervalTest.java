package io.ringtrade.engine.api.market;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Interval boundaries (UTC, weeks from Monday, calendar months) and the bar accumulator built on them. */
class IntervalTest {
    private static long nanos(final String instant) {
        final Instant parsed = Instant.parse(instant);
        return parsed.getEpochSecond() * 1_000_000_000L + parsed.getNano();
    }

    @Test
    void shouldFindTheBucketAndTheNextOneForFixedIntervals() {
        final long t = nanos("2013-11-25T10:47:13Z");
        assertThat(Interval.M15.bucketStart(t)).isEqualTo(nanos("2013-11-25T10:45:00Z"));
        assertThat(Interval.M15.nextBucketStart(nanos("2013-11-25T10:45:00Z"))).isEqualTo(nanos("2013-11-25T11:00:00Z"));
        assertThat(Interval.H4.bucketStart(t)).isEqualTo(nanos("2013-11-25T08:00:00Z"));
        assertThat(Interval.D1.nextBucketStart(nanos("2013-11-25T00:00:00Z"))).isEqualTo(nanos("2013-11-26T00:00:00Z"));
    }

    @Test
    void shouldStartWeeksOnMondayAndMonthsOnTheFirst() {
        // 2013-12-01 is a Sunday: its week began on Monday 2013-11-25
        assertThat(Interval.W1.bucketStart(nanos("2013-12-01T23:59:59Z"))).isEqualTo(nanos("2013-11-25T00:00:00Z"));
        assertThat(Interval.W1.nextBucketStart(nanos("2013-11-25T00:00:00Z"))).isEqualTo(nanos("2013-12-02T00:00:00Z"));
        assertThat(Interval.MO1.bucketStart(nanos("2012-02-29T12:00:00Z"))).isEqualTo(nanos("2012-02-01T00:00:00Z"));
        assertThat(Interval.MO1.nextBucketStart(nanos("2012-02-01T00:00:00Z"))).isEqualTo(nanos("2012-03-01T00:00:00Z"));
        assertThat(Interval.MO1.nextBucketStart(nanos("2013-12-01T00:00:00Z"))).isEqualTo(nanos("2014-01-01T00:00:00Z"));
    }

    @Test
    void shouldAnnualiseDailyBarsWith252Periods() {
        assertThat(Interval.D1.periodsPerYear()).isEqualTo(252.0);
        assertThat(Interval.H1.periodsPerYear()).isEqualTo(6_048.0);
        assertThat(Interval.W1.periodsPerYear()).isEqualTo(52.0);
        assertThat(Interval.MO1.periodsPerYear()).isEqualTo(12.0);
    }

    @Test
    void shouldRefuseAnUnknownLabelListingTheAcceptedOnes() {
        assertThatThrownBy(() -> Interval.parse("2d")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown interval '2d' (expected one of 1m, 5m, 15m, 30m, 1h, 4h, 1d, 1wk, 1mo)");
    }

    @Test
    void shouldCloseAWeeklyBarOnlyWhenTheNextWeekBegins() {
        final BarAccumulator week = new BarAccumulator(Interval.W1);
        week.addTrade(nanos("2013-11-25T00:00:01Z"), 800, 1);
        week.addTrade(nanos("2013-11-28T12:00:00Z"), 900, 2);
        assertThat(week.wouldClose(nanos("2013-12-01T23:59:59Z"))).isFalse();
        assertThat(week.wouldClose(nanos("2013-12-02T00:00:00Z"))).isTrue();
        assertThat(week.startNanos()).isEqualTo(nanos("2013-11-25T00:00:00Z"));
        assertThat(new long[] {week.open(), week.high(), week.low(), week.close(), week.volume()})
            .containsExactly(800, 900, 800, 900, 3);
    }

    @Test
    void shouldCheckCalendarBoundariesWithoutAllocatingPerInput() {
        final BarAccumulator month = new BarAccumulator(Interval.MO1);
        month.addTrade(nanos("2013-11-25T00:00:00Z"), 800, 1);
        final long time = nanos("2013-11-26T00:00:00Z");
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 100_000; i++) { // warm up
            month.wouldClose(time + i);
        }
        final long before = threads.getThreadAllocatedBytes(Thread.currentThread().threadId());
        boolean closed = false;
        for (int i = 0; i < 100_000; i++) {
            closed |= month.wouldClose(time + i);
            month.addTrade(time + i, 801, 1);
        }
        final long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before;
        assertThat(closed).isFalse();
        // 100,000 inputs: one LocalDate per input would be over 2 MB
        assertThat(allocated).isLessThan(1024);
    }

    @Test
    void shouldRestoreABarBeingBuiltWithItsEnd() {
        final BarAccumulator day = new BarAccumulator(Interval.D1);
        day.restore(true, true, nanos("2013-11-25T00:00:00Z"), 800, 810, 790, 805, 7);
        assertThat(day.wouldClose(nanos("2013-11-25T23:00:00Z"))).isFalse();
        assertThat(day.wouldClose(nanos("2013-11-26T00:00:00Z"))).isTrue();
    }

    @Test
    void shouldFindTheNextBarFromTheLastBarsEndAndAnyOtherBarFromScratch() {
        for (final Interval interval : Interval.values()) {
            final long start = interval.bucketStart(nanos("2024-01-29T13:17:00Z"));
            final long end = interval.nextBucketStart(start);
            final long after = interval.nextBucketStart(end);
            // in the very next bar: its start is the known end
            assertThat(interval.bucketStartAfter(end, end)).as(interval.label()).isEqualTo(end);
            assertThat(interval.bucketStartAfter(end, after - 1)).as(interval.label()).isEqualTo(end);
            // two bars on, and before the known end: from scratch
            assertThat(interval.bucketStartAfter(end, after)).as(interval.label()).isEqualTo(after);
            assertThat(interval.bucketStartAfter(end, end - 1)).as(interval.label()).isEqualTo(start);
        }
        // 1mo: January 2024's end is February's start, and February is 29 days long
        assertThat(Interval.MO1.bucketStartAfter(nanos("2024-02-01T00:00:00Z"), nanos("2024-02-29T23:59:59Z")))
            .isEqualTo(nanos("2024-02-01T00:00:00Z"));
        assertThat(Interval.MO1.bucketStartAfter(nanos("2024-02-01T00:00:00Z"), nanos("2024-03-01T00:00:00Z")))
            .isEqualTo(nanos("2024-03-01T00:00:00Z"));
    }
}
