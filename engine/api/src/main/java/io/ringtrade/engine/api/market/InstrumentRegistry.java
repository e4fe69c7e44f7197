package io.ringtrade.engine.api.market;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns instrument symbols to dense {@code int} ids at the edge, so that strings never travel on the ring.
 * Ids are assigned in registration order, which the configuration and the command line fix, so the same run
 * always gets the same ids.
 *
 * <p>Filled during start-up on the main thread, read-only afterwards (safe publication through the ring's
 * start); not for registration while the engine runs.
 */
public final class InstrumentRegistry {
    /** Price step used for symbols registered without configuration. */
    public static final long DEFAULT_TICK_SIZE = 1L;
    /** Quantity step used for symbols registered without configuration. */
    public static final long DEFAULT_LOT_SIZE = 1L;

    private final List<Instrument> byId = new ArrayList<>();
    private final Map<String, Instrument> bySymbol = new HashMap<>();

    /** Registers a symbol with its steps, or returns the existing registration of the symbol. */
    public Instrument register(final String symbol, final String currency, final long tickSize, final long lotSize) {
        return register(symbol, currency, tickSize, lotSize, TradingCalendar.UNSPECIFIED);
    }

    /** Registers a symbol with its steps and calendar, or returns the existing registration of the symbol. */
    public Instrument register(final String symbol, final String currency, final long tickSize, final long lotSize,
                               final TradingCalendar calendar) {
        final Instrument existing = bySymbol.get(symbol);
        if (existing != null) {
            return existing;
        }
        final Instrument instrument = new Instrument(byId.size(), symbol, currency, tickSize, lotSize, calendar);
        byId.add(instrument);
        bySymbol.put(symbol, instrument);
        return instrument;
    }

    /** The id for a symbol, registering it with the default (finest) steps when unknown. */
    public int intern(final String symbol) {
        final Instrument existing = bySymbol.get(symbol);
        return existing != null ? existing.id() : register(symbol, "USD", DEFAULT_TICK_SIZE, DEFAULT_LOT_SIZE).id();
    }

    /** The instrument with this id. */
    public Instrument get(final int id) {
        return byId.get(id);
    }

    /** The instrument for a symbol, or null. */
    public Instrument find(final String symbol) {
        return bySymbol.get(symbol);
    }

    /** Number of registered instruments (ids are 0 .. size-1). */
    public int size() {
        return byId.size();
    }
}
