package io.ringtrade.adapters.venue;

import io.ringtrade.engine.reconcile.VenueFill;
import io.ringtrade.engine.reconcile.VenueOrder;

/**
 * One order update a venue pushed on its stream: the venue's event name, the order as the venue has it after the event
 * (with the client order id it carries; instrument id -1, the adapter knows it), and for a fill the execution it
 * reports (null otherwise). Immutable; made on the stream's thread, read on the adapter's.
 *
 * @param event the venue's event name, e.g. {@code new}, {@code partial_fill}, {@code fill}, {@code canceled}
 * @param order the order after the event
 * @param fill  the execution a fill event reports, or null
 */
public record OrderUpdate(String event, VenueOrder order, VenueFill fill) {
}
