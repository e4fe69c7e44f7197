package io.ringtrade.adapters.venue;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.api.market.MarketDataSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Live market data from a venue by REST polling, within its rate limits: every {@code pollInterval} it asks the
 * latest quote of each symbol and turns it into inputs, a TRADE when the last trade changed and a QUOTE when both
 * sides are there. A quote missing a side (an illiquid instrument has no bid, or no ask), or crossed, is marked
 * unusable: counted and not published, so a missing field never reaches a strategy as a zero price. Event times are
 * the venue's stamp, else the wall clock read here, at the edge. The feed of a dry run ({@code feed.type = venue}
 * with {@code mode = paper}) and of a live run. Runs on the feed thread; {@link #close} from any thread ends it.
 */
public final class VenueMarketData implements MarketDataSource {
    private final VenueClient client;
    private final List<String> symbols;
    private final long pollNanos;
    private final LongSupplier wallMillis;
    private final ArrayDeque<EngineEvent> ready = new ArrayDeque<>();
    private final long[] lastPrice;
    private final long[] lastTime;
    private volatile boolean closed;
    private volatile long unusableQuotes;
    private volatile long failures;
    private volatile String lastFailure = "";

    /**
     * Polls {@code symbols} (the venue's, indexed by instrument id; null: not polled) every {@code pollNanos}, or less
     * often when the venue's published rate limits ask for it ({@link VenueClient#minPollMillis}).
     */
    public VenueMarketData(final VenueClient client, final List<String> symbols, final long pollNanos,
                           final LongSupplier wallMillis) {
        this.client = client;
        this.symbols = new ArrayList<>(symbols);
        this.pollNanos = Math.max(pollNanos, TimeUnit.MILLISECONDS.toNanos(client.minPollMillis()));
        this.wallMillis = wallMillis;
        this.lastPrice = new long[symbols.size()];
        this.lastTime = new long[symbols.size()];
    }

    @Override
    public boolean next(final EngineEvent slot) {
        while (ready.isEmpty()) {
            if (closed) {
                return false;
            }
            poll();
            if (ready.isEmpty()) {
                LockSupport.parkNanos(pollNanos);
            }
        }
        final EngineEvent event = ready.removeFirst();
        slot.clear();
        slot.copyInputFrom(event);
        return true;
    }

    /** The interval between polls in use. */
    public long pollNanos() {
        return pollNanos;
    }

    /** One round of questions to the venue. */
    void poll() {
        for (int id = 0; id < symbols.size(); id++) {
            if (symbols.get(id) == null) {
                continue;
            }
            final Quote quote;
            try {
                quote = client.quote(symbols.get(id));
            } catch (final VenueException e) {
                failures++;
                lastFailure = e.getMessage();
                continue;
            }
            final long time = TimeUnit.MILLISECONDS.toNanos(quote.timeMillis() > 0 ? quote.timeMillis()
                : wallMillis.getAsLong());
            if (quote.last() > 0 && (quote.last() != lastPrice[id] || time != lastTime[id])) {
                lastPrice[id] = quote.last();
                lastTime[id] = time;
                ready.add(new EngineEvent().setTrade(id, time, quote.last(), Math.max(0, quote.lastSize())));
            }
            if (!quote.usable()) {
                unusableQuotes++;
                continue;
            }
            final EngineEvent event = new EngineEvent();
            event.clear();
            event.type = EventType.MARKET_DATA;
            event.marketDataKind = MarketDataKind.QUOTE;
            event.instrumentId = id;
            event.eventTimeNanos = time;
            event.bidPrice = quote.bid();
            event.bidQuantity = quote.bidSize();
            event.askPrice = quote.ask();
            event.askQuantity = quote.askSize();
            ready.add(event);
        }
    }

    /** Ends the feed: {@link #next} returns false at its next look. */
    public void close() {
        closed = true;
    }

    /** Quotes marked unusable (a side missing or crossed). */
    public long unusableQuotes() {
        return unusableQuotes;
    }

    /** Polls that failed, and the last failure. */
    public String failures() {
        return failures == 0 ? "" : failures + " failed polls (last: " + lastFailure + ")";
    }
}
