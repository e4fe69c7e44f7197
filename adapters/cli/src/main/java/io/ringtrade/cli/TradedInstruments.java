package io.ringtrade.cli;

import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.TradingCalendar;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.config.InstrumentConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The instruments a backtest or an optimization over data files trades, with their price and quantity steps: the
 * shipped {@code config/instruments.conf}, {@code --tick-size} and {@code --lot-size} where given (they apply to every
 * traded symbol). A symbol given with {@code --symbol} that the file does not list needs both options; a symbol taken
 * from a file's name that it does not list trades with the finest steps (1e-8). {@link #describe} says which steps
 * each symbol uses, for the command's first line. Start-up thread only.
 */
final class TradedInstruments {
    /** Where the steps of listed symbols come from, as the first line of output names it. */
    static final String SOURCE = "instruments.conf";
    private static final long MAX_STEP = FixedPoint.of(1_000_000);

    private final InstrumentRegistry registry;
    private final List<String> descriptions;

    private TradedInstruments(final InstrumentRegistry registry, final List<String> descriptions) {
        this.registry = registry;
        this.descriptions = descriptions;
    }

    /**
     * The registry for {@code files}, whose symbols were given with {@code --symbol} when {@code symbolsGiven}.
     *
     * @param tickSize {@code --tick-size} text, or null
     * @param lotSize  {@code --lot-size} text, or null
     */
    static TradedInstruments of(final List<MarketDataInputs.DataFile> files, final boolean symbolsGiven,
                                final String tickSize, final String lotSize) {
        final long tick = tickSize == null ? 0 : step("--tick-size", tickSize);
        final long lot = lotSize == null ? 0 : step("--lot-size", lotSize);
        final List<InstrumentConfig> shipped = EngineConfigLoader.loadInstruments(EngineConfigLoader.INSTRUMENTS_LOCATION);
        final Set<String> traded = new LinkedHashSet<>();
        files.forEach(file -> traded.add(file.symbol()));
        final InstrumentRegistry registry = new InstrumentRegistry();
        for (final InstrumentConfig listed : shipped) {
            final boolean own = traded.contains(listed.symbol());
            registry.register(listed.symbol(), listed.currency(), own && tick > 0 ? tick : listed.tickSize(),
                own && lot > 0 ? lot : listed.lotSize(), listed.calendar());
        }
        final List<String> names = shipped.stream().map(InstrumentConfig::symbol).toList();
        final List<String> descriptions = new ArrayList<>();
        for (final String symbol : traded) {
            final boolean listed = names.contains(symbol);
            if (!listed && symbolsGiven && (tick == 0 || lot == 0)) {
                throw new UserException("--symbol " + symbol + ": not in " + SOURCE + " (" + String.join(", ", names)
                    + "), so its steps are unknown; give --tick-size and --lot-size to trade it (e.g. --tick-size 0.01"
                    + " --lot-size 1 for a share)");
            }
            if (!listed) {
                registry.register(symbol, "USD", tick > 0 ? tick : InstrumentRegistry.DEFAULT_TICK_SIZE,
                    lot > 0 ? lot : InstrumentRegistry.DEFAULT_LOT_SIZE, TradingCalendar.UNSPECIFIED);
            }
            final Instrument instrument = registry.find(symbol);
            final String steps = symbol + " tick " + FixedPoint.toString(instrument.tickSize()) + " lot "
                + FixedPoint.toString(instrument.lotSize());
            final String source;
            if (tick > 0 || lot > 0) {
                source = listed ? "--tick-size/--lot-size over " + SOURCE : "--tick-size/--lot-size";
            } else {
                source = listed ? SOURCE : "not in " + SOURCE + ": the finest steps; --symbol with --tick-size and"
                    + " --lot-size set them";
            }
            descriptions.add(steps + " (" + source + ")");
        }
        return new TradedInstruments(registry, descriptions);
    }

    /** The registry: the shipped instruments (ids in file order), then the unlisted traded symbols. */
    InstrumentRegistry registry() {
        return registry;
    }

    /** Which steps each traded symbol uses and where they come from, e.g. {@code AAPL tick 0.01 lot 1 (instruments.conf)}. */
    String describe() {
        return "steps: " + String.join(", ", descriptions);
    }

    private static long step(final String option, final String text) {
        final long value;
        try {
            value = FixedPoint.parse(text);
        } catch (final NumberFormatException e) {
            throw new UserException(option + ": '" + text + "' is not a decimal number");
        }
        if (value <= 0 || value > MAX_STEP) {
            throw new UserException(option + " must be above 0 and at most 1000000, got " + text);
        }
        return value;
    }

    /** Refuses a risk-free rate that cannot be a yearly fraction (5 for 5 % is the usual slip). */
    static double riskFreeRate(final double rate) {
        if (Double.isNaN(rate) || rate <= -1 || rate > 1) {
            throw new UserException("--risk-free-rate " + format(rate) + ": the rate is a yearly fraction between -1"
                + " and 1 (0.05 for 5 %)");
        }
        return rate;
    }

    private static String format(final double rate) {
        return rate == Math.rint(rate) && !Double.isInfinite(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
