package io.ringtrade.engine.reconcile;

/**
 * What a venue says about one order: its ids, how much of it filled at what average price, and its status.
 * Fixed-point 1e-8 amounts, already converted at the edge from the venue's units. Immutable.
 *
 * @param clientOrderId  the engine's client order id it carries (0 when the venue gives none: a foreign order)
 * @param venueOrderId   the venue's own id
 * @param instrumentId   interned instrument id, -1 when the venue's symbol maps to no configured instrument
 * @param side           +1 buy, -1 sell
 * @param quantity       ordered quantity
 * @param filledQuantity filled so far
 * @param averagePrice   average fill price, 0 when nothing filled
 * @param status         where the venue has it
 */
public record VenueOrder(long clientOrderId, String venueOrderId, int instrumentId, int side, long quantity,
                         long filledQuantity, long averagePrice, VenueOrderStatus status) {
}
