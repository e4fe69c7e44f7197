package io.ringtrade.adapters.venue;

/**
 * Capped exponential back-off for reconnects: the first wait is {@code initial}, each further failure doubles it up
 * to {@code max}, a success resets it. Times in nanoseconds of a monotonic clock. Adapter thread.
 */
public final class Backoff {
    private final long initialNanos;
    private final long maxNanos;
    private long nextWaitNanos;
    private long retryAtNanos;
    private int failures;

    /** Back-off from {@code initialNanos} doubling to {@code maxNanos}. */
    public Backoff(final long initialNanos, final long maxNanos) {
        if (initialNanos <= 0 || maxNanos < initialNanos) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max");
        }
        this.initialNanos = initialNanos;
        this.maxNanos = maxNanos;
        this.nextWaitNanos = initialNanos;
    }

    /** A failure at {@code nowNanos}: returns how long to wait before the next try. */
    public long fail(final long nowNanos) {
        final long wait = nextWaitNanos;
        retryAtNanos = nowNanos + wait;
        nextWaitNanos = Math.min(maxNanos, nextWaitNanos * 2);
        failures++;
        return wait;
    }

    /** A success: the next failure waits {@code initial} again. */
    public void succeed() {
        nextWaitNanos = initialNanos;
        retryAtNanos = 0;
        failures = 0;
    }

    /** Whether a try is due at {@code nowNanos}. */
    public boolean due(final long nowNanos) {
        return failures == 0 || nowNanos - retryAtNanos >= 0;
    }

    /** Consecutive failures. */
    public int failures() {
        return failures;
    }

    /** When the next try is due (after a failure). */
    public long retryAtNanos() {
        return retryAtNanos;
    }
}
