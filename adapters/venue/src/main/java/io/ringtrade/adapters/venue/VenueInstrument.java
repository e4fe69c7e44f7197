package io.ringtrade.adapters.venue;

/**
 * An instrument as the venue lists it, for {@code ringtrade instruments --venue}: its symbol there, the quote
 * currency, and its tick and lot sizes (fixed-point 1e-8; 0 when the venue does not say). Immutable.
 *
 * @param symbol   the venue's symbol or pair
 * @param currency the quote currency
 * @param tickSize price step
 * @param lotSize  quantity step
 */
public record VenueInstrument(String symbol, String currency, long tickSize, long lotSize) {
}
