package io.ringtrade.adapters.venue;

import io.ringtrade.engine.reconcile.EngineOrder;
import io.ringtrade.engine.reconcile.VenueFill;
import io.ringtrade.engine.reconcile.VenueOrder;
import io.ringtrade.engine.reconcile.VenueRecord;
import io.ringtrade.engine.reconcile.VenueUnavailableException;

import java.util.List;
import java.util.Map;

/**
 * A live venue's record for {@link io.ringtrade.engine.reconcile.Reconciler}: asks the venue's API through its
 * {@link VenueClient}, finds orders by the venue id the ledger recorded or else by client order id, and knows from the
 * ledger which requests left the process. With {@code openOrders} and {@code positions} turned off it serves the
 * adapter's polling of its working orders, so polling and reconciliation after a restart are one code path. Adapter
 * or start-up thread.
 */
final class ClientVenueRecord implements VenueRecord {
    private final VenueClient client;
    private final OrderLedger ledger;
    private final SymbolMap symbols;
    private final boolean whole;
    private final Map<String, String> venueIdsSeen;
    private final BalancePositions balances;
    private VenueException lastFailure;

    /** The venue's holdings per instrument id. */
    @FunctionalInterface
    interface BalancePositions {
        long[] positions() throws VenueException;
    }

    ClientVenueRecord(final VenueClient client, final OrderLedger ledger, final SymbolMap symbols, final boolean whole,
                      final Map<String, String> venueIdsSeen, final BalancePositions balances) {
        this.client = client;
        this.ledger = ledger;
        this.symbols = symbols;
        this.whole = whole;
        this.venueIdsSeen = venueIdsSeen;
        this.balances = balances;
    }

    @Override
    public String name() {
        return client.name();
    }

    @Override
    public VenueOrder find(final EngineOrder order) throws VenueUnavailableException {
        final String known = ledger.venueId(order.clientOrderId());
        try {
            final VenueOrder found = client.query(new OrderRef(order.clientOrderId(), known,
                symbols.venueSymbol(order.instrumentId()), order.instrumentId(), order.side(), order.quantity(),
                order.notional()));
            if (found != null) {
                venueIdsSeen.put(Long.toString(order.clientOrderId()), found.venueOrderId());
                if (known == null) {
                    ledger.taken(order.clientOrderId(), found.venueOrderId());
                }
            }
            return found;
        } catch (final VenueException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<VenueFill> fills(final EngineOrder order, final VenueOrder venueOrder) throws VenueUnavailableException {
        try {
            return client.fills(venueOrder.venueOrderId(), symbols.venueSymbol(order.instrumentId()));
        } catch (final VenueException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<VenueOrder> openOrders() throws VenueUnavailableException {
        if (!whole) {
            return List.of();
        }
        try {
            return client.openOrders(symbols.venueSymbols()).stream().map(this::withLedgerId).toList();
        } catch (final VenueException e) {
            throw unavailable(e);
        }
    }

    /** A venue that does not keep client order ids: the ledger names the order by its venue id. */
    private VenueOrder withLedgerId(final VenueOrder order) {
        if (order.clientOrderId() != 0) {
            return order;
        }
        final long id = ledger.clientId(order.venueOrderId());
        return id == 0 ? order : new VenueOrder(id, order.venueOrderId(), order.instrumentId(), order.side(),
            order.quantity(), order.filledQuantity(), order.averagePrice(), order.status());
    }

    @Override
    public boolean wasSent(final long clientOrderId) {
        return !whole || ledger.wasSent(clientOrderId);
    }

    @Override
    public long[] positions() throws VenueUnavailableException {
        if (!whole || balances == null) {
            return null;
        }
        try {
            return balances.positions();
        } catch (final VenueException e) {
            throw unavailable(e);
        }
    }

    /** The failure behind the last {@link VenueUnavailableException}, or null. */
    VenueException lastFailure() {
        return lastFailure;
    }

    private VenueUnavailableException unavailable(final VenueException e) {
        lastFailure = e;
        return new VenueUnavailableException(e.kind() + ": " + e.getMessage(), e);
    }
}
