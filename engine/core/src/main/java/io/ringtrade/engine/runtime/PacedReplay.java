package io.ringtrade.engine.runtime;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.MarketDataSource;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Replays a recorded market-data source as a live feed: publishes each event when as much wall time has passed
 * since the first event as data time, divided by {@code speed} (600 = ten minutes of data per second; 0 = as
 * fast as the ring takes them). The wall clock is read here, at the edge, never in business logic.
 *
 * <p>Runs on its own thread ({@link #run()}); {@link #stop()} and the progress getters may be called from any
 * thread.
 */
public final class PacedReplay implements Runnable {
    private static final long MAX_PARK_NANOS = 50_000_000L;

    private final MarketDataSource source;
    private final Consumer<EngineEvent> publisher;
    private final double speed;
    private final LongSupplier nanoClock;
    private volatile boolean running = true;
    private volatile boolean finished;
    private volatile long published;
    private volatile long lastEventTime;
    /** Data time of the event read and about to be published (the data clock's bound); MAX once the source ended. */
    private volatile long nextEventTime = Long.MIN_VALUE;
    /** Data time of the first event, or MIN before it; written after {@link #wallStart}, which it publishes. */
    private volatile long firstEventTime = Long.MIN_VALUE;
    private long wallStart;

    /**
     * A replay of {@code source} into {@code publisher} at {@code speed} × real time, pacing with
     * {@code nanoClock} (normally {@link System#nanoTime}).
     */
    public PacedReplay(final MarketDataSource source, final Consumer<EngineEvent> publisher, final double speed,
                       final LongSupplier nanoClock) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("replay speed must be 0 or a positive number, got " + speed);
        }
        this.source = source;
        this.publisher = publisher;
        this.speed = speed;
        this.nanoClock = nanoClock;
    }

    @Override
    public void run() {
        final EngineEvent slot = new EngineEvent();
        wallStart = nanoClock.getAsLong();
        while (running) {
            if (!source.next(slot)) {
                // the recording is over: its data clock runs on, as a quiet market's would
                nextEventTime = Long.MAX_VALUE;
                break;
            }
            nextEventTime = slot.eventTimeNanos;
            if (firstEventTime == Long.MIN_VALUE) {
                firstEventTime = slot.eventTimeNanos;
            }
            if (speed > 0) {
                final long due = wallStart + (long) ((slot.eventTimeNanos - firstEventTime) / speed);
                long wait;
                while (running && (wait = due - nanoClock.getAsLong()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
                }
                if (!running) {
                    break;
                }
            }
            try {
                publisher.accept(slot);
            } catch (final RuntimeException refused) {
                // the pipeline stopped taking inputs (it failed, or is stopping): the feed ends here, quietly; the
                // engine reports why
                break;
            }
            lastEventTime = slot.eventTimeNanos;
            published++;
        }
        finished = true;
    }

    /**
     * The data clock of a paced replay, for the engine clock: the first event's data time plus the wall time since the
     * replay started times the speed, never past the event about to be published (so a time advance journaled from it
     * never overtakes the data), and unbounded once the recording has ended. {@link Long#MIN_VALUE} before the first
     * event and at speed 0 (as fast as possible: data time has no pace to follow). Any thread.
     */
    public long dataTimeNanos() {
        final long first = firstEventTime;
        if (speed == 0 || first == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        final double elapsed = (nanoClock.getAsLong() - wallStart) * speed;
        final long now = elapsed >= Long.MAX_VALUE - (double) first ? Long.MAX_VALUE : first + (long) elapsed;
        return Math.min(now, nextEventTime);
    }

    /** Asks the replay to stop before its next event. */
    public void stop() {
        running = false;
    }

    /** True once the replay has published its last event or was stopped. */
    public boolean finished() {
        return finished;
    }

    /** Events published so far. */
    public long published() {
        return published;
    }

    /** Data time of the last published event (epoch nanos), or 0. */
    public long lastEventTime() {
        return lastEventTime;
    }
}
