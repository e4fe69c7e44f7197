package io.ringtrade.engine.order;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * Client order ids, derived from the journal so they are the same in every replay and unique for the whole life of
 * a journal: id = input sequence × {@value #PER_INPUT} + the order's ordinal among the orders that input caused.
 * The end of a run ({@code finish}, which is not an input) continues the ordinals of the last input processed, so
 * the first input after a restart (whose sequence is higher) can never reuse an id. 0 is never an id: it means "no
 * order" to every caller ({@code OrderManager.decide} returns it for a refusal, strategies and managed positions keep
 * it for none), so input 0 numbers its orders from ordinal 1. Business-logic thread.
 */
public final class ClientOrderIds {
    /** Orders one input may cause; more are refused with {@link OrderReason#TOO_MANY_ORDERS}. */
    public static final int PER_INPUT = 1000;

    private long sequence = -1;
    private int ordinal;

    /** A new input starts: its orders count from ordinal 0 (from 1 for input 0, so that no id is 0). */
    public void beginInput(final long inputSequence) {
        if (inputSequence < 0 || inputSequence > Long.MAX_VALUE / PER_INPUT - 1) {
            throw new IllegalArgumentException("input sequence out of range: " + inputSequence);
        }
        sequence = inputSequence;
        ordinal = inputSequence == 0 ? 1 : 0;
    }

    /** Whether another id is available for the current input. */
    public boolean hasNext() {
        return sequence >= 0 && ordinal < PER_INPUT;
    }

    /** Whether the next id is the current input's last one. */
    public boolean isLast() {
        return ordinal == PER_INPUT - 1;
    }

    /** The next id of the current input. */
    public long next() {
        if (!hasNext()) {
            throw new IllegalStateException(sequence < 0 ? "no input yet" : "input " + sequence + " used all "
                + PER_INPUT + " order ids");
        }
        return sequence * PER_INPUT + ordinal++;
    }

    /** The sequence ids are drawn from now. */
    public long sequence() {
        return sequence;
    }

    /** Writes the position for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("client-order-ids").writeLong(sequence).writeInt(ordinal);
    }

    /** Restores the position from a snapshot. */
    public void readState(final StateReader in) {
        in.section("client-order-ids");
        sequence = in.readLong();
        ordinal = in.readInt();
    }
}
