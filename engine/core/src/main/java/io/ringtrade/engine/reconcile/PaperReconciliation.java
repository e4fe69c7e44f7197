package io.ringtrade.engine.reconcile;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.config.UnreleasedRule;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.order.Order;
import io.ringtrade.engine.order.OrderState;
import io.ringtrade.engine.runtime.Engine;
import io.ringtrade.engine.runtime.StartupReconciliation;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Paper mode's reconciliation at start: the recovered open orders against the recovered simulated venue, through
 * the same {@link Reconciler} a live venue uses. Clean by construction (both sides come from one journal), so it
 * publishes nothing; a difference is printed, since it would mean recovery rebuilt the two sides differently. Start-up
 * thread.
 */
public final class PaperReconciliation implements StartupReconciliation {
    private final PrintWriter log;
    private Reconciliation last;

    /** Paper reconciliation writing any difference to {@code log}. */
    public PaperReconciliation(final PrintWriter log) {
        this.log = log;
    }

    @Override
    public List<EngineEvent> reconcile(final BusinessLogic recovered, final Engine.RecoveryReport recovery) {
        final Reconciliation result = Reconciler.reconcile(openOrders(recovered), bookPositions(recovered),
            new SimulatedVenueRecord(recovered.simulatedVenue()), UnreleasedRule.DROP, recovery.lastEventTime(),
            Long::parseLong, id -> recovered.instruments().get(id).symbol());
        last = result;
        if (!result.differences().isEmpty()) {
            log.println("ringtrade: paper " + result.summary());
            result.differences().forEach(line -> log.println("ringtrade:   " + line));
            log.flush();
        }
        return result.inputs();
    }

    /** What the last call found (null before any). */
    public Reconciliation last() {
        return last;
    }

    /**
     * Copies of the open orders of recovered business logic that went to a venue, in decision order (an order waiting
     * for cancels never left the engine: it stays waiting, and the reports reconciliation brings for the orders it
     * waits for decide it).
     */
    public static List<EngineOrder> openOrders(final BusinessLogic recovered) {
        final List<EngineOrder> orders = new ArrayList<>();
        for (Order order = recovered.orders().openOrders().first(); order != null;
             order = recovered.orders().openOrders().next(order)) {
            if (order.state != OrderState.WAITING) {
                orders.add(EngineOrder.of(order));
            }
        }
        return orders;
    }

    /** The books' holdings summed per instrument id. */
    public static long[] bookPositions(final BusinessLogic recovered) {
        final long[] positions = new long[recovered.instruments().size()];
        for (final Book book : recovered.books()) {
            for (int id = 0; id < positions.length; id++) {
                positions[id] = Math.addExact(positions[id], book.position(id));
            }
        }
        return positions;
    }
}
