package io.ringtrade.adapters.venue;

/**
 * What the adapter's ledger ({@link OrderLedger}) remembers about venue order ids across restarts, for a venue client
 * that cannot learn it from the venue: the client order id an order was taken for (on a venue that keeps no client
 * order ids), and which order a replacement replaced (on a venue without a native replace, where one intent goes
 * through a chain of orders). Read on the adapter thread (or the start-up thread during reconciliation).
 */
public interface VenueOrderHistory {
    /** Remembers nothing: for one-off calls (verification, downloads) and tests without a ledger. */
    VenueOrderHistory NONE = new VenueOrderHistory() {
        @Override
        public long clientId(final String venueOrderId) {
            return 0;
        }

        @Override
        public String replaced(final String venueOrderId) {
            return null;
        }
    };

    /** The client order id recorded for {@code venueOrderId}, or 0. */
    long clientId(String venueOrderId);

    /**
     * The venue id of the order {@code venueOrderId} replaced (the one recorded before it for the same client order
     * id), or null.
     */
    String replaced(String venueOrderId);
}
