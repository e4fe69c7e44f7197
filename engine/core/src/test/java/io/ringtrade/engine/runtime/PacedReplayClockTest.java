package io.ringtrade.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.api.money.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The paced replay's data clock, which the engine clock stamps time advances with on a recording: the first event's
 * time plus the wall time since the start times the speed, bounded by the event waiting to be published, unbounded
 * once the recording ended; unknown before the first event and at speed 0. The wall clock is the test's.
 */
class PacedReplayClockTest {
    private static final long T0 = 1_385_337_600_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    /** Trades at T0, T0 + 10 s and T0 + 20 s. */
    private static MarketDataSource threeTrades() {
        return new MarketDataSource() {
            private int next;

            @Override
            public boolean next(final EngineEvent slot) {
                if (next == 3) {
                    return false;
                }
                slot.setTrade(0, T0 + next++ * 10 * SECOND, FixedPoint.of(800), FixedPoint.of(1));
                return true;
            }
        };
    }

    private static void awaitValue(final LongSupplier actual, final long expected) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (actual.getAsLong() != expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        assertThat(actual.getAsLong()).isEqualTo(expected);
    }

    @Test
    void shouldRunTheDataClockAtTheSpeedBetweenEventsAndOnAfterTheLast() throws InterruptedException {
        final AtomicLong wall = new AtomicLong(1_000);
        final AtomicLong published = new AtomicLong();
        final PacedReplay replay = new PacedReplay(threeTrades(), slot -> published.incrementAndGet(), 10, wall::get);
        assertThat(replay.dataTimeNanos()).isEqualTo(TimerClock.UNKNOWN);
        final Thread feed = new Thread(replay, "paced-replay-test");
        feed.start();
        try {
            // the first trade goes at once; the second is due 1 s of wall time later (10 s of data at 10x)
            awaitValue(published::get, 1);
            wall.set(1_000 + 400_000_000L);
            awaitValue(replay::dataTimeNanos, T0 + 4 * SECOND);
            assertThat(published.get()).isOne();
            wall.set(1_000 + 3 * SECOND);
            awaitValue(published::get, 3);
            // the recording ended: the clock runs on at the speed
            awaitValue(replay::dataTimeNanos, T0 + 30 * SECOND);
        } finally {
            replay.stop();
            feed.join(TimeUnit.SECONDS.toMillis(5));
        }
        assertThat(replay.finished()).isTrue();
    }

    @Test
    void shouldHaveNoDataClockAsFastAsPossible() {
        final PacedReplay replay = new PacedReplay(threeTrades(), slot -> {
        }, 0, System::nanoTime);
        replay.run();
        assertThat(replay.published()).isEqualTo(3);
        assertThat(replay.dataTimeNanos()).isEqualTo(TimerClock.UNKNOWN);
    }
}
