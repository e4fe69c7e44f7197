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
    private BacktestDriver() {
    }

    /** Feeds every input of {@code source}, then finishes; returns the sequence after the last input. */
    public static long run(final BusinessLogic logic, final MarketDataSource source, final EventJournal journal,
                           final EffectSink effects) {
        final EngineEvent slot = new EngineEvent();
        long sequence = journal.entryCount();
        long lastTime = Long.MIN_VALUE;
        while (source.next(slot)) {
            slot.sequence = sequence++;
            lastTime = slot.eventTimeNanos;
            process(logic, journal, effects, slot);
        }
        journal.flush();
        logic.finish(lastTime == Long.MIN_VALUE ? 0 : lastTime, sequence);
        return sequence;
    }

    private static void process(final BusinessLogic logic, final EventJournal journal, final EffectSink effects,
                                final EngineEvent slot) {
        journal.append(slot);
        logic.onEvent(slot);
        for (int i = 0; i < slot.effects.size(); i++) {
            effects.release(slot.effects.order(i), slot);
        }
        slot.effects.clear();
    }
}
