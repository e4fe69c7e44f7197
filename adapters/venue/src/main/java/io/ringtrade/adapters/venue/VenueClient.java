package io.ringtrade.adapters.venue;

import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.reconcile.VenueFill;
import io.ringtrade.engine.reconcile.VenueOrder;

import java.util.List;
import java.util.Map;

/**
 * One venue's API as the adapter uses it: the only venue-specific part of a live venue (XChange, Alpaca). Amounts go
 * in and out as fixed-point 1e-8; symbols are the venue's own (the adapter maps instruments). Every method may block
 * on the network and is called on the adapter's thread only (or on the start-up thread before the adapter starts, and
 * by {@code verify-venue}); failures are {@link VenueException}s sorted by what to do about them.
 */
public interface VenueClient extends AutoCloseable {
    /** A short name for messages, e.g. {@code xchange:SimulatedExchange}. */
    String name();

    /**
     * Places an order carrying {@code clientOrderId}, returning the venue's order id. A notional order is converted
     * where the venue cannot take one (XChange: at the current best ask).
     */
    String submit(OrderEffect order, String symbol, String clientOrderId) throws VenueException;

    /** Cancels a working order. */
    void cancel(String venueOrderId, String clientOrderId, String symbol) throws VenueException;

    /** Replaces a working order's quantity and price; returns the (possibly new) venue order id. */
    String replace(String venueOrderId, String clientOrderId, String symbol, long quantity, long price)
        throws VenueException;

    /**
     * The venue's record of one order, by its venue id when known, else by the client order id; null when the venue
     * does not know it.
     */
    VenueOrder query(OrderRef order) throws VenueException;

    /** The fills of one order, oldest first (empty when the venue does not list fills per order). */
    List<VenueFill> fills(String venueOrderId, String symbol) throws VenueException;

    /**
     * Orders open at the venue for these symbols (indexed by instrument id; null entries are skipped), with their
     * instrument ids; client order ids parsed (0 for foreign orders).
     */
    List<VenueOrder> openOrders(List<String> symbols) throws VenueException;

    /** Balances or positions by currency or symbol, fixed-point. */
    Map<String, Long> balances() throws VenueException;

    /**
     * What the account holds of each mapped symbol (null entries skipped) (the pair's base currency on a crypto exchange, the position on a
     * broker), keyed by the venue's symbol, fixed-point; reconciliation compares it with the books.
     */
    Map<String, Long> holdings(List<String> symbols) throws VenueException;

    /** The venue's clock in epoch ms, or -1 when it offers none. */
    long serverTimeMillis() throws VenueException;

    /** Whether the market is open (always, for venues that never close). */
    MarketClock marketClock() throws VenueException;

    /** Every instrument the venue lists, with tick and lot sizes. */
    List<VenueInstrument> instruments() throws VenueException;

    /** The latest quote and trade of a symbol. */
    Quote quote(String symbol) throws VenueException;

    /**
     * The shortest interval between two market-data polls the venue's published rate limits allow, in ms (0 when it
     * publishes none); the polling feed never asks more often than this.
     */
    default long minPollMillis() {
        return 0;
    }

    /** Who the account is, for the start-up line of a live run (no secrets). */
    String account() throws VenueException;

    @Override
    void close();
}
