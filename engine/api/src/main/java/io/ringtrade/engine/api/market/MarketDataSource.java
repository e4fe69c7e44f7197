package io.ringtrade.engine.api.market;

import io.ringtrade.engine.api.event.EngineEvent;

/**
 * A finite, ordered stream of market-data inputs (a loaded file, a merge of files, a journal) that fills
 * caller-owned slots without allocating. Used by the backtest driver and by the paper feed. Single-threaded.
 */
public interface MarketDataSource {
    /**
     * Fills {@code slot} with the next event and returns true, or returns false at the end. The slot's
     * {@code sequence} and {@code ingressNanos} are left for the caller to set.
     */
    boolean next(EngineEvent slot);

    /**
     * {@link #next} into a slot that holds this source's previous event and that nothing has written since but its
     * owner's {@code sequence} and {@code ingressNanos} — a backtest driver's private slot, which business logic only
     * reads — so that a source may skip resetting the fields its events never set. Fills the slot exactly as
     * {@link #next} would.
     */
    default boolean nextIntoOwnSlot(final EngineEvent slot) {
        return next(slot);
    }

    /** Number of events this source holds in all, or -1 when unknown. */
    default long size() {
        return -1;
    }
}
