package io.ringtrade.adapters.venue;

import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.reconcile.VenueFill;
import io.ringtrade.engine.reconcile.VenueOrder;

import java.util.List;
import java.util.Map;

/**
 * A {@link VenueClient} whose every call holds one lock: for a venue object shared with other threads that does not
 * synchronize itself (XChange's simulated exchange, shared with the liquidity account on the feed thread). Any thread.
 */
public final class LockedVenueClient implements VenueClient {
    private final VenueClient client;
    private final Object lock;

    /** {@code client}, called under {@code lock}. */
    public LockedVenueClient(final VenueClient client, final Object lock) {
        this.client = client;
        this.lock = lock;
    }

    @Override
    public String name() {
        return client.name();
    }

    @Override
    public String submit(final OrderEffect order, final String symbol, final String clientOrderId)
        throws VenueException {
        synchronized (lock) {
            return client.submit(order, symbol, clientOrderId);
        }
    }

    @Override
    public void cancel(final String venueOrderId, final String clientOrderId, final String symbol)
        throws VenueException {
        synchronized (lock) {
            client.cancel(venueOrderId, clientOrderId, symbol);
        }
    }

    @Override
    public String replace(final String venueOrderId, final String clientOrderId, final String symbol,
                          final long quantity, final long price) throws VenueException {
        synchronized (lock) {
            return client.replace(venueOrderId, clientOrderId, symbol, quantity, price);
        }
    }

    @Override
    public VenueOrder query(final OrderRef order) throws VenueException {
        synchronized (lock) {
            return client.query(order);
        }
    }

    @Override
    public List<VenueFill> fills(final String venueOrderId, final String symbol) throws VenueException {
        synchronized (lock) {
            return client.fills(venueOrderId, symbol);
        }
    }

    @Override
    public List<VenueOrder> openOrders(final List<String> symbols) throws VenueException {
        synchronized (lock) {
            return client.openOrders(symbols);
        }
    }

    @Override
    public Map<String, Long> balances() throws VenueException {
        synchronized (lock) {
            return client.balances();
        }
    }

    @Override
    public Map<String, Long> holdings(final List<String> symbols) throws VenueException {
        synchronized (lock) {
            return client.holdings(symbols);
        }
    }

    @Override
    public long serverTimeMillis() throws VenueException {
        synchronized (lock) {
            return client.serverTimeMillis();
        }
    }

    @Override
    public MarketClock marketClock() throws VenueException {
        synchronized (lock) {
            return client.marketClock();
        }
    }

    @Override
    public List<VenueInstrument> instruments() throws VenueException {
        synchronized (lock) {
            return client.instruments();
        }
    }

    @Override
    public Quote quote(final String symbol) throws VenueException {
        synchronized (lock) {
            return client.quote(symbol);
        }
    }

    @Override
    public long minPollMillis() {
        return client.minPollMillis();
    }

    @Override
    public String account() throws VenueException {
        synchronized (lock) {
            return client.account();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
