package io.ringtrade.engine.order;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The open orders (decided and not yet terminal), found by client order id and kept in decision order. An order
 * leaves the table when it reaches a terminal state; its object returns to a pool, so the steady state allocates
 * nothing and memory is bounded by the number of orders open at once, not by the length of the run.
 *
 * <p>Business-logic thread.
 */
public final class OrderTable {
    private final Long2ObjectHashMap<Order> byId = new Long2ObjectHashMap<>();
    private Order[] pool = new Order[64];
    private int pooled;
    private Order first;
    private Order last;
    private int size;

    /** A fresh order, DECIDED, appended to the open list; the caller fills it and then {@link #index}es it. */
    public Order open(final long id) {
        final Order order = pooled > 0 ? pool[--pooled] : new Order();
        order.clear();
        order.id = id;
        order.previous = last;
        if (last == null) {
            first = order;
        } else {
            last.next = order;
        }
        last = order;
        size++;
        byId.put(id, order);
        return order;
    }

    /** The open order with this id, or null. */
    public Order find(final long id) {
        return byId.get(id);
    }

    /** Removes a (now terminal) order and returns its object to the pool. */
    public void close(final Order order) {
        if (byId.remove(order.id) != order) {
            throw new IllegalStateException("order " + order.id + " is not open");
        }
        if (order.previous == null) {
            first = order.next;
        } else {
            order.previous.next = order.next;
        }
        if (order.next == null) {
            last = order.previous;
        } else {
            order.next.previous = order.previous;
        }
        size--;
        order.previous = null;
        order.next = null;
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = order;
    }

    /** The oldest open order, or null; follow {@link #next}. */
    public Order first() {
        return first;
    }

    /** The open order after {@code order} in decision order, or null. */
    public Order next(final Order order) {
        return order.next;
    }

    /** Number of open orders. */
    public int size() {
        return size;
    }

    /** Calls {@code action} for each open order in decision order (not on the hot path: it may capture). */
    public void forEach(final Consumer<Order> action) {
        for (Order order = first; order != null; order = order.next) {
            action.accept(order);
        }
    }
}
