package io.ringtrade.adapters.venue;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.reconcile.VenueOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.LongSupplier;

/**
 * What {@code ringtrade verify-venue} checks before a live run, one verdict each: credentials (the account can be
 * read), connectivity (the venue answers market data), clock skew (against the venue's clock, where it has one),
 * symbol mapping (every mapped instrument is listed), balances (the account holds the books' cash in their currency)
 * and open orders (they can be listed; how many carry a client order id). A failing check says why; the others still
 * run. Any thread (one at a time).
 */
public final class VenueVerification {
    private VenueVerification() {
    }

    /** One check's verdict: {@code ok} and what was seen, or the reason it failed. */
    public record Check(String name, boolean ok, String detail) {
        /** The line {@code verify-venue} prints: {@code name: ok (detail)} or {@code name: FAIL: why}. */
        public String line() {
            return String.format("%-15s %s", name + ":", ok ? "ok" + (detail.isEmpty() ? "" : " (" + detail + ")")
                : "FAIL: " + detail);
        }
    }

    /** Runs every check of {@code client} for {@code config}; {@code wallMillis} is the local clock. */
    public static List<Check> run(final VenueClient client, final EngineConfig config, final LongSupplier wallMillis) {
        final InstrumentRegistry instruments = config.newInstrumentRegistry();
        final SymbolMap symbols = new SymbolMap(instruments, config.venue());
        final List<Check> checks = new ArrayList<>();
        try {
            checks.add(new Check("credentials", true, client.account()));
        } catch (final VenueException e) {
            checks.add(new Check("credentials", false, e.getMessage()));
        }
        final String probe = firstSymbol(symbols);
        try {
            final long started = System.nanoTime();
            final Quote quote = client.quote(probe);
            checks.add(new Check("connectivity", true, probe + " last " + FixedPoint.toString(quote.last()) + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms" + (quote.usable() ? "" : "; quote unusable (a side"
                + " is missing)")));
        } catch (final VenueException e) {
            checks.add(new Check("connectivity", false, e.getMessage()));
        }
        try {
            final long before = wallMillis.getAsLong();
            final long venue = client.serverTimeMillis();
            final long after = wallMillis.getAsLong();
            if (venue < 0) {
                checks.add(new Check("clock skew", true, client.name() + " offers no clock; not checked"));
            } else {
                final long skew = venue - (before + after) / 2;
                final long limit = config.venue().maxClockSkew().toMillis();
                checks.add(new Check("clock skew", Math.abs(skew) <= limit, Math.abs(skew) <= limit ? skew + " ms"
                    : "the venue's clock is " + skew + " ms from this machine's (at most " + limit + " ms): sync the"
                    + " clock (NTP)"));
            }
        } catch (final VenueException e) {
            checks.add(new Check("clock skew", false, e.getMessage()));
        }
        try {
            final List<String> problems = symbols.check(instruments, client.instruments(), client.name());
            final StringJoiner mapped = new StringJoiner(", ");
            for (int id = 0; id < instruments.size(); id++) {
                if (symbols.venueSymbol(id) != null) {
                    mapped.add(instruments.get(id).symbol() + " -> " + symbols.venueSymbol(id));
                }
            }
            checks.add(problems.isEmpty() ? new Check("symbol mapping", true, mapped.toString())
                : new Check("symbol mapping", false, String.join("; ", problems)));
        } catch (final VenueException e) {
            checks.add(new Check("symbol mapping", false, e.getMessage()));
        }
        try {
            final Map<String, Long> balances = client.balances();
            long needed = 0;
            String currency = "USD";
            for (final BookConfig book : config.books()) {
                needed += book.cash();
                currency = config.instrument(book.symbols().getFirst()).map(i -> i.currency()).orElse(currency);
            }
            final long held = balances.getOrDefault(currency, 0L);
            final StringJoiner shown = new StringJoiner(", ");
            balances.forEach((name, amount) -> shown.add(name + " " + FixedPoint.toString(amount)));
            checks.add(held >= needed ? new Check("balances", true, shown.toString())
                : new Check("balances", false, "the books' cash adds up to " + FixedPoint.toString(needed) + " "
                    + currency + " but the account holds " + FixedPoint.toString(held) + " " + currency));
        } catch (final VenueException e) {
            checks.add(new Check("balances", false, e.getMessage()));
        }
        try {
            int ours = 0;
            final List<VenueOrder> open = client.openOrders(symbols.venueSymbols());
            for (final VenueOrder order : open) {
                ours += order.clientOrderId() != 0 ? 1 : 0;
            }
            checks.add(new Check("open orders", true, open.size() + " open, " + ours + " with a client order id"));
        } catch (final VenueException e) {
            checks.add(new Check("open orders", false, e.getMessage()));
        }
        return checks;
    }

    private static String firstSymbol(final SymbolMap symbols) {
        for (final String symbol : symbols.venueSymbols()) {
            if (symbol != null) {
                return symbol;
            }
        }
        return "";
    }
}
