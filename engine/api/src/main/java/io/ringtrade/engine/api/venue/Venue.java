package io.ringtrade.engine.api.venue;

import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.OrderEffect;

/**
 * A trading venue as the engine sees it (DESIGN.md §2): it takes requests and answers with
 * {@link io.ringtrade.engine.api.event.ExecutionReport}s (ack, reject, partial fill, fill, cancel ack, cancel
 * reject, expiry, replace ack or reject), each naming the client order id.
 *
 * <p>Two kinds of implementation share this interface. The simulated venue lives inside business logic and
 * answers synchronously through an {@link ExecutionReportListener}, on the business-logic thread. A live venue
 * adapter runs on its own thread (an Agrona agent fed by a bounded queue from the gateway): it must return at once,
 * never block the caller, and publish what the venue answers as {@code EXECUTION_REPORT} inputs on the ring.
 */
public interface Venue {
    /** Places a new order ({@link EffectKind#SUBMIT}). */
    void submit(OrderEffect order);

    /** Cancels one working order ({@link EffectKind#CANCEL}). */
    void cancel(OrderEffect cancel);

    /** Replaces one working order's quantity and price ({@link EffectKind#REPLACE}). */
    void replace(OrderEffect replace);

    /** Cancels every working order of a book, or of one instrument of it ({@link EffectKind#CANCEL_ALL}). */
    void cancelAll(OrderEffect cancelAll);

    /** Routes an effect to the method for its kind. */
    default void release(final OrderEffect effect) {
        switch (effect.kind) {
            case EffectKind.SUBMIT -> submit(effect);
            case EffectKind.CANCEL -> cancel(effect);
            case EffectKind.REPLACE -> replace(effect);
            case EffectKind.CANCEL_ALL -> cancelAll(effect);
            default -> throw new IllegalArgumentException("unknown effect kind " + effect.kind);
        }
    }
}
