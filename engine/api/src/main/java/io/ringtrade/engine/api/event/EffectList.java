package io.ringtrade.engine.api.event;

/**
 * The effects (venue orders) one input caused, attached to that input's ring slot. Business logic appends;
 * the gateway reads them once the journal and business logic have both passed the slot, then the next use of
 * the slot clears them. Grows (rarely) when one input causes more orders than the slot has room for, and
 * keeps the larger capacity, so the steady state allocates nothing.
 */
public final class EffectList {
    private OrderEffect[] orders;
    private int size;

    /** An empty list with room for {@code initialCapacity} orders. */
    public EffectList(final int initialCapacity) {
        orders = new OrderEffect[Math.max(1, initialCapacity)];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = new OrderEffect();
        }
    }

    /** A reused entry to fill in, counted as added. */
    public OrderEffect addOrder() {
        if (size == orders.length) {
            final OrderEffect[] larger = java.util.Arrays.copyOf(orders, orders.length * 2);
            for (int i = orders.length; i < larger.length; i++) {
                larger[i] = new OrderEffect();
            }
            orders = larger;
        }
        return orders[size++];
    }

    /** Number of orders in the list. */
    public int size() {
        return size;
    }

    /** The order at {@code index} (0 ≤ index &lt; size). */
    public OrderEffect order(final int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return orders[index];
    }

    /** Empties the list, keeping its capacity. */
    public void clear() {
        size = 0;
    }
}
