package io.ringtrade.engine.backtest;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.pipeline.EffectSink;

/**
 * Runs business logic directly from a source on the calling thread, with no ring (DESIGN.md §3): each input is
 * numbered, optionally journaled, processed, and its effects released, in that order; at the end
 * {@link BusinessLogic#finish} closes the last bars and the last equity row (not an input, so not journaled).
 * Produces the same outputs as feeding the same inputs through {@link io.ringtrade.engine.pipeline.EnginePipeline}.
 */
public final class BacktestDriver {
    /** For {@link #feed}: keep the sequences the source's inputs carry (a journal's own indexes). */
    public static final long SOURCE_SEQUENCES = -1;

    private BacktestDriver() {
    }

    /** Feeds every input of {@code source}, then finishes; returns the sequence after the last input. */
    public static long run(final BusinessLogic logic, final MarketDataSource source, final EventJournal journal,
                           final EffectSink effects) {
        final long next = feed(logic, source, journal, effects, journal.entryCount());
        journal.flush();
        logic.finish();
        return next;
    }

    /**
     * Feeds every input of {@code source}, numbering them from {@code firstSequence} (or keeping their own with
     * {@link #SOURCE_SEQUENCES}), without finishing; returns the sequence after the last input.
     */
    public static long feed(final BusinessLogic logic, final MarketDataSource source, final EventJournal journal,
                            final EffectSink effects, final long firstSequence) {
        // the slot is this loop's alone and business logic only reads it, so after the first input the source may
        // fill it without resetting what its events never set (MarketDataSource.nextIntoOwnSlot)
        final EngineEvent slot = new EngineEvent();
        long sequence = firstSequence == SOURCE_SEQUENCES ? 0 : firstSequence;
        boolean first = true;
        while (first ? source.next(slot) : source.nextIntoOwnSlot(slot)) {
            first = false;
            if (firstSequence == SOURCE_SEQUENCES) {
                sequence = slot.sequence + 1;
            } else {
                slot.sequence = sequence++;
            }
            journal.append(slot);
            logic.onEvent(slot);
            for (int i = 0; i < slot.effects.size(); i++) {
                effects.release(slot.effects.get(i), slot);
            }
            slot.effects.clear();
        }
        return sequence;
    }
}
