package io.ringtrade.adapters.venue;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.config.VenueConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Instruments to the venue's symbols or pairs and back, from {@code ringtrade.venue.symbols}: when it lists any, only
 * the listed instruments trade on the venue (the others have no venue symbol); when it is empty every instrument keeps
 * its own symbol. Checked at start against what the venue lists ({@link #check}). Immutable after construction; any
 * thread.
 */
public final class SymbolMap {
    private final String[] venueSymbols;
    private final Map<String, Integer> instruments = new HashMap<>();

    /** The map for the registered instruments. */
    public SymbolMap(final InstrumentRegistry registry, final VenueConfig venue) {
        venueSymbols = new String[registry.size()];
        for (int id = 0; id < registry.size(); id++) {
            final String symbol = registry.get(id).symbol();
            if (venue.symbols().isEmpty() || venue.symbols().containsKey(symbol)) {
                venueSymbols[id] = venue.venueSymbol(symbol);
                instruments.put(venueSymbols[id], id);
            }
        }
    }

    /** The venue's symbol of an instrument, or null when it does not trade there. */
    public String venueSymbol(final int instrumentId) {
        return venueSymbols[instrumentId];
    }

    /** The instrument id of a venue symbol, or -1. */
    public int instrument(final String venueSymbol) {
        final Integer id = instruments.get(venueSymbol);
        return id == null ? -1 : id;
    }

    /** The venue symbol of each instrument id, null for an instrument that does not trade on the venue. */
    public List<String> venueSymbols() {
        return Arrays.asList(venueSymbols.clone());
    }

    /**
     * The mapped symbols the venue does not list, as messages ({@code BTC/USD -> XBT/USD: not listed by kraken}); empty
     * when every one is listed.
     */
    public List<String> check(final InstrumentRegistry registry, final List<VenueInstrument> listed, final String venue) {
        final Map<String, VenueInstrument> bySymbol = new HashMap<>();
        for (final VenueInstrument instrument : listed) {
            bySymbol.put(instrument.symbol(), instrument);
        }
        final List<String> problems = new ArrayList<>();
        for (int id = 0; id < venueSymbols.length; id++) {
            if (venueSymbols[id] != null && !bySymbol.containsKey(venueSymbols[id])) {
                problems.add(registry.get(id).symbol() + " -> " + venueSymbols[id] + ": not listed by " + venue);
            }
        }
        return problems;
    }
}
