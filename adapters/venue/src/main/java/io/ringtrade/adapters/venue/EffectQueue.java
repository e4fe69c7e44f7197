package io.ringtrade.adapters.venue;

import io.ringtrade.engine.api.event.OrderEffect;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded hand-off from the gateway to a venue adapter: a single-producer, single-consumer ring of pre-allocated
 * {@link OrderEffect} slots, so releasing an effect copies its fields and allocates nothing. The gateway thread
 * {@link #offer}s (never waits: a full queue answers false and the gateway fails closed); the adapter's thread
 * {@link #peek}s and {@link #remove}s.
 */
public final class EffectQueue {
    private final OrderEffect[] slots;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();

    /** A queue of {@code capacity} slots (a power of two). */
    public EffectQueue(final int capacity) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("queue capacity must be a power of two, got " + capacity);
        }
        slots = new OrderEffect[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new OrderEffect();
        }
        mask = capacity - 1;
    }

    /** Gateway thread: copies {@code effect} in; false when the queue is full. */
    public boolean offer(final OrderEffect effect) {
        final long position = tail.getPlain();
        if (position - head.getAcquire() >= slots.length) {
            return false;
        }
        slots[(int) (position & mask)].copyFrom(effect);
        tail.setRelease(position + 1);
        return true;
    }

    /** Adapter thread: the oldest effect, left in the queue, or null when empty. */
    public OrderEffect peek() {
        final long position = head.getPlain();
        return position == tail.getAcquire() ? null : slots[(int) (position & mask)];
    }

    /** Adapter thread: drops the oldest effect (after {@link #peek}). */
    public void remove() {
        head.setRelease(head.getPlain() + 1);
    }

    /** Effects waiting (any thread; a moment's view). */
    public int size() {
        return (int) (tail.getAcquire() - head.getAcquire());
    }

    /** Slots in all. */
    public int capacity() {
        return slots.length;
    }
}
