package io.ringtrade.engine.api.event;

import java.util.Arrays;

/**
 * The effects (venue requests) one input caused, attached to that input's ring slot. Business logic appends;
 * the gateway reads them once the journal and business logic have both passed the slot, then the next use of
 * the slot clears them. Grows (rarely) when one input causes more effects than the slot has room for, and
 * keeps the larger capacity, so the steady state allocates nothing.
 */
public final class EffectList {
    private OrderEffect[] effects;
    private int size;

    /** An empty list with room for {@code initialCapacity} effects. */
    public EffectList(final int initialCapacity) {
        effects = new OrderEffect[Math.max(1, initialCapacity)];
        for (int i = 0; i < effects.length; i++) {
            effects[i] = new OrderEffect();
        }
    }

    /** A reused, cleared entry to fill in, counted as added. */
    public OrderEffect add() {
        if (size == effects.length) {
            final OrderEffect[] larger = Arrays.copyOf(effects, effects.length * 2);
            for (int i = effects.length; i < larger.length; i++) {
                larger[i] = new OrderEffect();
            }
            effects = larger;
        }
        return effects[size++].clear();
    }

    /** Number of effects in the list. */
    public int size() {
        return size;
    }

    /** The effect at {@code index} (0 ≤ index &lt; size). */
    public OrderEffect get(final int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return effects[index];
    }

    /** Empties the list, keeping its capacity. */
    public void clear() {
        size = 0;
    }
}
