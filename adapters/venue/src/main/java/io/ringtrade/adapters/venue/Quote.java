package io.ringtrade.adapters.venue;

/**
 * The latest top of book and last trade of one instrument as a venue reports it, fixed-point 1e-8; a field the
 * venue left out (an illiquid instrument has no bid, or no ask) is 0. Immutable.
 *
 * @param timeMillis when the venue stamped it (epoch ms; 0 when it does not say)
 * @param bid        best bid, 0 when none
 * @param bidSize    size at the bid
 * @param ask        best ask, 0 when none
 * @param askSize    size at the ask
 * @param last       last trade price, 0 when none
 * @param lastSize   last trade size
 */
public record Quote(long timeMillis, long bid, long bidSize, long ask, long askSize, long last, long lastSize) {
    /**
     * Whether the quote can be used as a quote: both sides present, positive, and not crossed. A quote that is not is
     * marked unusable (counted, never published as a quote), so a missing field never crashes a strategy or an adapter.
     */
    public boolean usable() {
        return bid > 0 && ask > 0 && bid <= ask;
    }
}
