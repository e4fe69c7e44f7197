package io.ringtrade.adapters.venue;

/**
 * A venue's push stream of order updates (Alpaca's {@code trade_updates}), beside the adapter's polling: while the
 * stream is live the adapter takes order updates from it instead of polling; while it is down the adapter polls. The
 * stream reconnects itself with the adapter's capped back-off when {@link #maintain} finds it down, and counts its
 * sessions, so the adapter can poll once after each (re)connection for what happened while it was down.
 *
 * <p>Threads: {@link #maintain}, {@link #poll} and {@link #close} on the adapter's thread; the implementation receives
 * on its own (the HTTP client's) threads and hands updates over through a concurrent queue; {@link #live},
 * {@link #sessions} and {@link #status} from any thread.
 */
public interface OrderUpdateStream extends AutoCloseable {
    /**
     * Adapter thread: connects when the stream is down and its back-off allows, never waiting for the answer.
     *
     * @param nowNanos the adapter's monotonic clock
     */
    void maintain(long nowNanos);

    /** Whether the stream is connected, authorized and listening. */
    boolean live();

    /** How many times the stream became live; a change means updates may have been missed meanwhile. */
    int sessions();

    /** The next update received, oldest first, or null. */
    OrderUpdate poll();

    /** One phrase for the status line. */
    String status();

    @Override
    void close();
}
