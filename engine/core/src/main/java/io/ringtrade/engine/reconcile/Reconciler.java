package io.ringtrade.engine.reconcile;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.UnreleasedRule;
import io.ringtrade.engine.order.OrderState;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * Reconciliation after a restart (DESIGN.md §4): compares the open orders the engine rebuilt from its journal with the
 * venue's record, matching by client order id, and turns every difference it can apply into an
 * {@code EXECUTION_REPORT} input, so that it is journaled and replay reproduces it:
 * <ul>
 *   <li>an order the venue has: an ack when the engine had only released it, then the fills that happened while the
 *       engine was down (the venue's own fills, oldest first, past what the engine already settled), then its end
 *       (cancelled, expired, rejected) when it ended there;</li>
 *   <li>an order the venue does not know and whose request left the process: marked lost ({@code LOST}), never sent
 *       again;</li>
 *   <li>an order the venue does not know and whose request never left (decided but unreleased before a crash):
 *       dropped as {@code NOT_SENT} by default, or sent now ({@link UnreleasedRule});</li>
 *   <li>an open order with a cancel pending that the venue still has open: the cancel is sent again.</li>
 * </ul>
 * Differences it cannot apply (an order of ours open at the venue that ended in the engine, a venue that filled less
 * than the engine settled, a holding short of what the books hold) are unresolved: the result is not clean. Stateless;
 * runs on the start-up thread, or the venue adapter's thread when retried.
 */
public final class Reconciler {
    private Reconciler() {
    }

    /**
     * Reconciles {@code engineOrders} with {@code venue}.
     *
     * @param bookPositions the books' holdings summed per instrument id (before the fills found here)
     * @param timeNanos     event time stamped on the reports (the adapter's report clock)
     * @param venueIds      interns the venue's order ids to the long that travels on the ring
     * @param symbols       names instruments in the differences
     */
    public static Reconciliation reconcile(final List<EngineOrder> engineOrders, final long[] bookPositions,
                                           final VenueRecord venue, final UnreleasedRule rule, final long timeNanos,
                                           final ToLongFunction<String> venueIds,
                                           final IntFunction<String> symbols) {
        final List<EngineEvent> inputs = new ArrayList<>();
        final List<EngineOrder> toSend = new ArrayList<>();
        final List<EngineOrder> cancels = new ArrayList<>();
        final List<String> differences = new ArrayList<>();
        final long[] expected = bookPositions.clone();
        int unresolved = 0;
        final Set<Long> open = new HashSet<>();
        try {
            for (final EngineOrder order : engineOrders) {
                open.add(order.clientOrderId());
                final VenueOrder found = venue.find(order);
                if (found == null) {
                    if (!venue.wasSent(order.clientOrderId())) {
                        if (rule == UnreleasedRule.SEND && order.state() == OrderState.RELEASED) {
                            toSend.add(order);
                            differences.add("order " + order.clientOrderId() + " was decided but never sent before the"
                                + " stop: sending it now (reconciliation.unreleased = send)");
                        } else {
                            inputs.add(report(timeNanos, order, 0, ReportKind.REJECT, VenueReason.NOT_SENT, 0, 0, 0));
                            differences.add("order " + order.clientOrderId() + " was decided but never sent before the"
                                + " stop: dropped (NOT_SENT)");
                        }
                    } else {
                        inputs.add(order.state() == OrderState.RELEASED
                            ? report(timeNanos, order, 0, ReportKind.REJECT, VenueReason.LOST, 0, 0, 0)
                            : report(timeNanos, order, 0, ReportKind.CANCEL_ACK, VenueReason.LOST, 0, 0, 0));
                        differences.add("order " + order.clientOrderId() + " was sent but " + venue.name()
                            + " does not know it: marked LOST, not sent again");
                    }
                    continue;
                }
                unresolved += applyKnown(order, found, venue, timeNanos, venueIds.applyAsLong(found.venueOrderId()),
                    inputs, cancels, differences, expected);
            }
            for (final VenueOrder atVenue : venue.openOrders()) {
                if (atVenue.clientOrderId() != 0 && open.contains(atVenue.clientOrderId())) {
                    continue;
                }
                if (atVenue.clientOrderId() != 0) {
                    unresolved++;
                    differences.add("UNRESOLVED: order " + atVenue.clientOrderId() + " (venue id "
                        + atVenue.venueOrderId() + ") is open at " + venue.name() + " but ended in the engine: cancel it"
                        + " at the venue");
                } else {
                    differences.add("foreign order " + atVenue.venueOrderId() + " open at " + venue.name()
                        + " (no client order id of this engine): left alone");
                }
            }
            final long[] held = venue.positions();
            if (held != null) {
                for (int id = 0; id < expected.length && id < held.length; id++) {
                    if (held[id] < expected[id]) {
                        unresolved++;
                        differences.add("UNRESOLVED: " + venue.name() + " holds " + FixedPoint.toString(held[id]) + " "
                            + symbols.apply(id) + " but the books hold " + FixedPoint.toString(expected[id]));
                    } else if (held[id] > expected[id]) {
                        differences.add(venue.name() + " holds " + FixedPoint.toString(held[id]) + " " + symbols.apply(id)
                            + ", more than the books' " + FixedPoint.toString(expected[id]) + " (left alone)");
                    }
                }
            }
        } catch (final VenueUnavailableException e) {
            return Reconciliation.incomplete(venue.name() + ": " + e.getMessage());
        }
        return new Reconciliation(inputs, toSend, cancels, differences, true, unresolved);
    }

    /** An order both sides know: ack, missed fills, end. Returns the number of unresolved differences. */
    private static int applyKnown(final EngineOrder order, final VenueOrder found, final VenueRecord venue,
                                  final long timeNanos, final long venueKey, final List<EngineEvent> inputs,
                                  final List<EngineOrder> cancels, final List<String> differences, final long[] expected)
        throws VenueUnavailableException {
        final long missing = found.filledQuantity() - order.filledQuantity();
        if (missing < 0) {
            differences.add("UNRESOLVED: order " + order.clientOrderId() + ": " + venue.name() + " filled "
                + FixedPoint.toString(found.filledQuantity()) + " but the engine settled "
                + FixedPoint.toString(order.filledQuantity()));
            return 1;
        }
        if (order.state() == OrderState.RELEASED && found.status() != VenueOrderStatus.REJECTED) {
            inputs.add(report(timeNanos, order, venueKey, ReportKind.ACK, VenueReason.NONE, 0, 0, 0));
            differences.add("order " + order.clientOrderId() + " reached " + venue.name() + " (venue id "
                + found.venueOrderId() + ") before the stop: acknowledged, not sent again");
        }
        if (missing > 0) {
            final boolean filledThere = found.status() == VenueOrderStatus.FILLED;
            final int applied = applyFills(order, found, venue.fills(order, found), missing, filledThere, timeNanos,
                venueKey, inputs);
            expected[order.instrumentId()] += order.side() * missing;
            differences.add("order " + order.clientOrderId() + ": " + applied + " fill" + (applied == 1 ? "" : "s")
                + " of " + FixedPoint.toString(missing) + " while the engine was down, applied");
        }
        switch (found.status()) {
            case OPEN -> {
                if (order.state() == OrderState.PENDING_CANCEL) {
                    cancels.add(order);
                    differences.add("order " + order.clientOrderId() + ": cancel pending and still open at "
                        + venue.name() + ": cancel sent again");
                } else if (order.state() == OrderState.PENDING_REPLACE) {
                    differences.add("UNRESOLVED: order " + order.clientOrderId() + ": replace pending, unknown at "
                        + venue.name());
                    return 1;
                }
            }
            case FILLED -> {
                // the last fill above ended it
            }
            case CANCELLED -> {
                inputs.add(report(timeNanos, order, venueKey, ReportKind.CANCEL_ACK, VenueReason.NONE, 0, 0, 0));
                differences.add("order " + order.clientOrderId() + " was cancelled at " + venue.name()
                    + " while the engine was down");
            }
            case EXPIRED -> {
                inputs.add(report(timeNanos, order, venueKey, ReportKind.EXPIRED, VenueReason.NONE, 0, 0, 0));
                differences.add("order " + order.clientOrderId() + " expired at " + venue.name());
            }
            case REJECTED -> {
                if (order.state() == OrderState.RELEASED) {
                    inputs.add(report(timeNanos, order, venueKey, ReportKind.REJECT, VenueReason.OTHER, 0, 0, 0));
                    differences.add("order " + order.clientOrderId() + " was rejected by " + venue.name());
                } else {
                    inputs.add(report(timeNanos, order, venueKey, ReportKind.CANCEL_ACK, VenueReason.OTHER, 0, 0, 0));
                    differences.add("order " + order.clientOrderId() + " was ended by " + venue.name());
                }
            }
            default -> throw new IllegalStateException("unknown status " + found.status());
        }
        return 0;
    }

    /**
     * The fills the engine lacks: the venue's fills past the quantity already settled; whatever the list does not
     * cover, at the average price that makes the totals agree. The last report is a FILL when the venue filled the
     * order completely. Returns the number of fill reports.
     */
    private static int applyFills(final EngineOrder order, final VenueOrder found, final List<VenueFill> fills,
                                  final long missing, final boolean filledThere, final long timeNanos,
                                  final long venueKey, final List<EngineEvent> inputs) {
        final List<long[]> parts = new ArrayList<>();
        long skip = order.filledQuantity();
        long left = missing;
        for (final VenueFill fill : fills) {
            if (left == 0) {
                break;
            }
            long quantity = fill.quantity();
            if (skip >= quantity) {
                skip -= quantity;
                continue;
            }
            quantity -= skip;
            skip = 0;
            quantity = Math.min(quantity, left);
            final long fee = fill.quantity() == 0 ? 0 : BigInteger.valueOf(fill.fee()).multiply(BigInteger.valueOf(quantity))
                .divide(BigInteger.valueOf(fill.quantity())).longValueExact();
            parts.add(new long[] {quantity, fill.price(), fee, fill.timeNanos()});
            left -= quantity;
        }
        if (left > 0) {
            // the venue lists no (more) fills: the rest at the price that makes the venue's average come out
            final BigInteger total = BigInteger.valueOf(found.averagePrice()).multiply(BigInteger.valueOf(found.filledQuantity()));
            BigInteger known = BigInteger.valueOf(order.filledNotional()).multiply(BigInteger.valueOf(FixedPoint.SCALE));
            for (final long[] part : parts) {
                known = known.add(BigInteger.valueOf(part[1]).multiply(BigInteger.valueOf(part[0])));
            }
            final long price = Math.max(1, total.subtract(known).divide(BigInteger.valueOf(left)).longValueExact());
            parts.add(new long[] {left, price, 0, 0});
        }
        for (int i = 0; i < parts.size(); i++) {
            final long[] part = parts.get(i);
            final boolean last = i == parts.size() - 1;
            inputs.add(report(timeNanos, order, venueKey,
                last && filledThere ? ReportKind.FILL : ReportKind.PARTIAL_FILL, VenueReason.NONE, part[0], part[1],
                part[2]));
        }
        return parts.size();
    }

    private static EngineEvent report(final long timeNanos, final EngineOrder order, final long venueKey,
                                      final int kind, final int reason, final long quantity, final long price,
                                      final long fee) {
        return new EngineEvent().setReport(timeNanos, order.clientOrderId(), venueKey, kind, reason, quantity, price, fee);
    }
}
