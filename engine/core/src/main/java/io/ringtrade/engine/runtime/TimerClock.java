package io.ringtrade.engine.runtime;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.pipeline.StatusBoard;
import org.agrona.concurrent.Agent;

import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The engine clock of a paper or live run (DESIGN.md §2, the {@code Timer} input): every {@code interval} of wall time
 * it reads the run's clock — the wall clock for live market data, the paced replay's data clock for a recording — and,
 * when an event strategy's timer is due by then, or a bar being built is past its end plus the bar close delay
 * (business logic publishes the earliest due time on the {@link StatusBoard}), publishes a {@code TIMER} input
 * carrying that time. The input is journaled like any other, so
 * replay and recovery fire the same timers at the same place; a backtest or replay has no clock and gets no extra
 * inputs.
 *
 * <p>Its times never go back: each is at least the last it published (and business logic never lets a time advance
 * move its time back either, because this producer races the feed's for ring slots). At most one of its inputs is in
 * flight: it publishes the next only once business logic has processed the last, so a busy engine is not flooded with
 * time advances. A full ring skips the tick (the next one tries again).
 *
 * <p>An Agrona {@link Agent}: {@link #doWork} runs on the clock's own thread ({@code ringtrade-clock}, driven by a
 * sleeping idle strategy of the interval); the counters may be read from any thread.
 */
public final class TimerClock implements Agent {
    /** What a clock answers before it knows the time (a replay before its first event). */
    public static final long UNKNOWN = Long.MIN_VALUE;

    private final LongSupplier runClock;
    private final StatusBoard status;
    private final ToLongFunction<EngineEvent> offer;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final EngineEvent slot = new EngineEvent();
    private long nextCheck = Long.MIN_VALUE;
    private long inFlight = -1;
    private volatile long published;
    private volatile long lastTime = UNKNOWN;

    /**
     * A clock reading {@code runClock} (epoch nanoseconds of event time, or {@link #UNKNOWN}) every
     * {@code intervalNanos} of {@code nanoClock}, publishing through {@code offer} (which returns the input's sequence,
     * or -1 when it was not taken).
     */
    public TimerClock(final LongSupplier runClock, final StatusBoard status, final ToLongFunction<EngineEvent> offer,
                      final long intervalNanos, final LongSupplier nanoClock) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("timer interval must be positive, got " + intervalNanos + " ns");
        }
        this.runClock = runClock;
        this.status = status;
        this.offer = offer;
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
    }

    @Override
    public int doWork() {
        final long wall = nanoClock.getAsLong();
        if (nextCheck != Long.MIN_VALUE && wall - nextCheck < 0) {
            return 0;
        }
        nextCheck = wall + intervalNanos;
        if (inFlight >= 0 && status.lastSequence() < inFlight) {
            return 0;
        }
        final long clock = runClock.getAsLong();
        if (clock == UNKNOWN) {
            return 0;
        }
        final long time = Math.max(clock, lastTime);
        if (status.nextTimerNanos() > time) {
            return 0;
        }
        final long sequence = offer.applyAsLong(slot.setTimer(time));
        if (sequence < 0) {
            return 0;
        }
        inFlight = sequence;
        lastTime = time;
        published++;
        return 1;
    }

    @Override
    public String roleName() {
        return "ringtrade-clock";
    }

    /** Time advances published so far. Any thread. */
    public long published() {
        return published;
    }

    /** Event time of the last time advance published, or {@link #UNKNOWN}. Any thread. */
    public long lastTime() {
        return lastTime;
    }
}
