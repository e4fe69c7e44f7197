package io.ringtrade.adapters.venue;

/**
 * Whether the venue's market is open, as the venue says, and when that changes (epoch milliseconds; 0 when the
 * venue does not say). A venue that trades around the clock is always open. Immutable.
 *
 * @param open        open now
 * @param nextOpenMillis  when it next opens
 * @param nextCloseMillis when it next closes
 */
public record MarketClock(boolean open, long nextOpenMillis, long nextCloseMillis) {
    /** A market that never closes (crypto exchanges). */
    public static final MarketClock ALWAYS_OPEN = new MarketClock(true, 0, 0);
}
