package io.ringtrade.engine.reconcile;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.venue.SimulatedVenue;

import java.util.List;

/**
 * Paper mode's venue record: the recovered simulated venue's own working orders, read on the start-up thread after
 * recovery. Paper-mode reconciliation runs through the same {@link Reconciler} as a live venue's, so that path is
 * exercised on every paper restart; it should find nothing (both sides were rebuilt from one journal), and a
 * difference would point at a recovery bug. The simulated venue receives every released order synchronously, and
 * the books are its account, so holdings are not compared.
 */
public final class SimulatedVenueRecord implements VenueRecord {
    private final SimulatedVenue venue;

    /** The record of {@code venue}. */
    public SimulatedVenueRecord(final SimulatedVenue venue) {
        this.venue = venue;
    }

    @Override
    public String name() {
        return "the simulated venue";
    }

    @Override
    public VenueOrder find(final EngineOrder order) {
        final long filled = venue.workingFilledQuantity(order.instrumentId(), order.clientOrderId());
        if (filled < 0) {
            return null;
        }
        final long average = filled > 0 && order.filledQuantity() == filled
            ? FixedPoint.divideFloor(order.filledNotional(), filled) : 0;
        return new VenueOrder(order.clientOrderId(), Long.toString(order.clientOrderId()), order.instrumentId(),
            order.side(), order.quantity(), filled, average, VenueOrderStatus.OPEN);
    }

    @Override
    public List<VenueFill> fills(final EngineOrder order, final VenueOrder venueOrder) {
        return List.of();
    }

    @Override
    public List<VenueOrder> openOrders() {
        // every working order of the simulated venue is an open order of the engine: both come from one journal
        return List.of();
    }

    @Override
    public boolean wasSent(final long clientOrderId) {
        return true;
    }

    @Override
    public long[] positions() {
        return null;
    }
}
