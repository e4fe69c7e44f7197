package io.ringtrade.engine.reconcile;

/**
 * One fill of an order as the venue records it (fixed-point 1e-8; the fee in the instrument's quote currency).
 * Immutable.
 *
 * @param fillId    the venue's id of the fill (trade id)
 * @param quantity  quantity filled
 * @param price     fill price
 * @param fee       fee charged
 * @param timeNanos when it filled, epoch nanoseconds (0 when the venue does not say)
 */
public record VenueFill(String fillId, long quantity, long price, long fee, long timeNanos) {
}
