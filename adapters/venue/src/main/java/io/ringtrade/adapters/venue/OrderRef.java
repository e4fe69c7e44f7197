package io.ringtrade.adapters.venue;

/**
 * Which order a venue call is about: the engine's client order id, the venue's id when known (null before the venue
 * took it, or when a crash lost the answer), the venue's symbol, and what the order asked for (fixed-point 1e-8), so
 * a venue that does not keep client order ids can still find it. Immutable.
 *
 * @param clientOrderId the engine's client order id
 * @param venueOrderId  the venue's id, or null
 * @param symbol        the venue's symbol
 * @param instrumentId  interned instrument id
 * @param side          +1 buy, -1 sell
 * @param quantity      ordered quantity (0 for a notional order)
 * @param notional      money to spend of a notional order, else 0
 */
public record OrderRef(long clientOrderId, String venueOrderId, String symbol, int instrumentId, int side,
                       long quantity, long notional) {
}
