package io.ringtrade.engine.runtime;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.MarketDataSource;

/**
 * A source whose first {@code skip} events were already journaled before a restart: recovery replayed them, so the
 * feed resumes with the next one. Exact because feeds are deterministic files. Single-threaded.
 */
public final class SkippingSource implements MarketDataSource {
    private final MarketDataSource source;
    private long toSkip;

    /** A source that drops the first {@code skip} events of {@code source}. */
    public SkippingSource(final MarketDataSource source, final long skip) {
        this.source = source;
        this.toSkip = skip;
    }

    @Override
    public boolean next(final EngineEvent slot) {
        while (toSkip > 0) {
            if (!source.next(slot)) {
                toSkip = 0;
                return false;
            }
            toSkip--;
        }
        return source.next(slot);
    }
}
