package io.ringtrade.engine.order;

import java.util.EnumMap;
import java.util.Map;

/**
 * The order life cycle as one transition table, (current state, transition) → next state, after NautilusTrader's
 * {@code _ORDER_STATE_TABLE}. A pair that is not in the table is illegal: the order manager refuses it loudly instead of
 * overwriting the state. The races the table settles:
 * <ul>
 *   <li>a fill that arrives after a cancel request wins: PENDING_CANCEL + FILL → FILLED, and the venue's later
 *       CANCEL_REJECT of the filled order leaves it FILLED; a PARTIAL_FILL keeps the cancel pending;</li>
 *   <li>a fill may arrive before the venue's ack (RELEASED + FILL → FILLED), and an ack after a cancel request keeps
 *       the cancel pending;</li>
 *   <li>a refused cancel or replace returns the order to the state it had before the request ({@link #RESUME}).</li>
 * </ul>
 * FILLED is reachable only after RELEASED. Immutable; safe on any thread.
 */
public final class OrderStateMachine {
    /**
     * Marker in the table: go back to the state the order had before its pending cancel or replace (ACCEPTED or
     * PARTIALLY_FILLED), which the order remembers.
     */
    public static final OrderState RESUME = null;

    private static final Map<OrderState, Map<OrderTransition, Target>> TABLE = new EnumMap<>(OrderState.class);

    /** A next state, or {@link #RESUME}. */
    private record Target(OrderState state) {
    }

    static {
        allow(OrderState.DECIDED, OrderTransition.RELEASE, OrderState.RELEASED);
        allow(OrderState.DECIDED, OrderTransition.RISK_REJECT, OrderState.REJECTED);
        allow(OrderState.DECIDED, OrderTransition.WAIT, OrderState.WAITING);
        allow(OrderState.WAITING, OrderTransition.RELEASE, OrderState.RELEASED);
        allow(OrderState.WAITING, OrderTransition.RISK_REJECT, OrderState.REJECTED);
        allow(OrderState.WAITING, OrderTransition.WITHDRAW, OrderState.CANCELLED);

        allow(OrderState.RELEASED, OrderTransition.ACK, OrderState.ACCEPTED);
        allow(OrderState.RELEASED, OrderTransition.REJECT, OrderState.REJECTED);
        allow(OrderState.RELEASED, OrderTransition.PARTIAL_FILL, OrderState.PARTIALLY_FILLED);
        allow(OrderState.RELEASED, OrderTransition.FILL, OrderState.FILLED);
        allow(OrderState.RELEASED, OrderTransition.CANCEL_REQUEST, OrderState.PENDING_CANCEL);
        allow(OrderState.RELEASED, OrderTransition.CANCEL_ACK, OrderState.CANCELLED);
        allow(OrderState.RELEASED, OrderTransition.EXPIRE, OrderState.EXPIRED);

        for (final OrderState working : new OrderState[] {OrderState.ACCEPTED, OrderState.PARTIALLY_FILLED}) {
            allow(working, OrderTransition.PARTIAL_FILL, OrderState.PARTIALLY_FILLED);
            allow(working, OrderTransition.FILL, OrderState.FILLED);
            allow(working, OrderTransition.CANCEL_REQUEST, OrderState.PENDING_CANCEL);
            allow(working, OrderTransition.CANCEL_ACK, OrderState.CANCELLED);
            allow(working, OrderTransition.REPLACE_REQUEST, OrderState.PENDING_REPLACE);
            allow(working, OrderTransition.EXPIRE, OrderState.EXPIRED);
        }

        allow(OrderState.PENDING_CANCEL, OrderTransition.ACK, OrderState.PENDING_CANCEL);
        allow(OrderState.PENDING_CANCEL, OrderTransition.REJECT, OrderState.REJECTED);
        allow(OrderState.PENDING_CANCEL, OrderTransition.PARTIAL_FILL, OrderState.PENDING_CANCEL);
        allow(OrderState.PENDING_CANCEL, OrderTransition.FILL, OrderState.FILLED);
        allow(OrderState.PENDING_CANCEL, OrderTransition.CANCEL_ACK, OrderState.CANCELLED);
        allow(OrderState.PENDING_CANCEL, OrderTransition.CANCEL_REJECT, RESUME);
        allow(OrderState.PENDING_CANCEL, OrderTransition.EXPIRE, OrderState.EXPIRED);

        allow(OrderState.PENDING_REPLACE, OrderTransition.PARTIAL_FILL, OrderState.PENDING_REPLACE);
        allow(OrderState.PENDING_REPLACE, OrderTransition.FILL, OrderState.FILLED);
        allow(OrderState.PENDING_REPLACE, OrderTransition.REPLACE_ACK, RESUME);
        allow(OrderState.PENDING_REPLACE, OrderTransition.REPLACE_REJECT, RESUME);
        allow(OrderState.PENDING_REPLACE, OrderTransition.CANCEL_REQUEST, OrderState.PENDING_CANCEL);
        allow(OrderState.PENDING_REPLACE, OrderTransition.CANCEL_ACK, OrderState.CANCELLED);
        allow(OrderState.PENDING_REPLACE, OrderTransition.EXPIRE, OrderState.EXPIRED);

        // the venue's "too late" answer to a cancel that lost the race against the fill
        allow(OrderState.FILLED, OrderTransition.CANCEL_REJECT, OrderState.FILLED);
    }

    private OrderStateMachine() {
    }

    private static void allow(final OrderState from, final OrderTransition on, final OrderState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(OrderTransition.class)).put(on, new Target(to));
    }

    /** Whether {@code on} is legal in state {@code from}. */
    public static boolean isLegal(final OrderState from, final OrderTransition on) {
        final Map<OrderTransition, Target> row = TABLE.get(from);
        return row != null && row.containsKey(on);
    }

    /**
     * The state after {@code on} in state {@code from}; {@code resumeTo} is the state before a pending cancel or
     * replace, used where the table says {@link #RESUME}.
     *
     * @throws IllegalStateException when the pair is not in the table
     */
    public static OrderState next(final OrderState from, final OrderTransition on, final OrderState resumeTo) {
        final Map<OrderTransition, Target> row = TABLE.get(from);
        final Target target = row == null ? null : row.get(on);
        if (target == null) {
            throw new IllegalStateException("illegal order transition " + on + " in state " + from);
        }
        return target.state() == RESUME ? resumeTo : target.state();
    }
}
