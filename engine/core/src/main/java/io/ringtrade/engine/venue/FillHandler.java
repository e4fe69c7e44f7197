package io.ringtrade.engine.venue;

/**
 * Settles what the simulated venue executes: sizes the fill against the book (cash-sized buys, no leverage),
 * charges commission, applies it to the book and records it. Called on the business-logic thread.
 */
public interface FillHandler {
    /**
     * The venue executes {@code order} at {@code executionPrice} (slippage already applied) at event time
     * {@code timeNanos}. Returns the quantity actually filled; 0 means the order could not be settled and the
     * venue cancels it.
     */
    long onExecution(Order order, long executionPrice, long timeNanos);

    /** The venue cancelled {@code order} ({@code reason} is a short code such as {@code OCO} or {@code STOP}). */
    void onCancel(Order order, String reason, long timeNanos);
}
