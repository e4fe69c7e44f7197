package io.ringtrade.engine.runtime;

import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.IterationStrategy;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.Strategy;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.FillModel;
import io.ringtrade.engine.config.MarginCallRule;
import io.ringtrade.engine.config.OnOpposite;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.strategy.StrategyCatalog;
import io.ringtrade.engine.strategy.StrategyCompileException;
import io.ringtrade.engine.strategy.StrategySourceFile;
import io.ringtrade.engine.strategy.StrategyStatePolicy;
import io.ringtrade.engine.strategy.StrategyStateStore;
import io.ringtrade.engine.venue.SimulatedFillModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a book is built from its configuration, used by {@code run}, {@code backtest}, {@code replay} and the
 * optimizer alike: the strategy found by name, its parameters checked against what it declares, its state cells
 * given and its fields checked ({@link StrategyStatePolicy}), the simulated venue's fill model (slippage, commission,
 * fill at close, participation) and the pre-trade limits (shorting, minimum notional, short cap). Defaults are
 * {@link BookConfig}'s, whichever command builds the book. Start-up thread only.
 */
public final class BookAssembly {
    private BookAssembly() {
    }

    /**
     * The book specifications for {@code books} over {@code instruments}.
     *
     * @throws IllegalArgumentException naming the book and what is wrong (an unknown strategy or parameter, a value
     *                                  out of range, fractional basis points, state the engine cannot snapshot)
     */
    public static List<BookSpec> assemble(final List<BookConfig> books, final InstrumentRegistry instruments,
                                          final StrategyCatalog catalog) {
        final List<BookSpec> specs = new ArrayList<>();
        for (final BookConfig book : books) {
            specs.add(assemble(book, instruments, catalog));
        }
        return specs;
    }

    /** The book specification for one book. */
    public static BookSpec assemble(final BookConfig book, final InstrumentRegistry instruments,
                                    final StrategyCatalog catalog) {
        final StrategyDefinition definition;
        final Parameters parameters;
        try {
            definition = definition(book, catalog);
            parameters = StrategyParameters.resolve(definition, book.params());
        } catch (final StrategyCompileException e) {
            throw e;
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("book " + book.name() + ": " + e.getMessage(), e);
        }
        final int[] traded = new int[book.symbols().size()];
        for (int i = 0; i < traded.length; i++) {
            final Instrument instrument = instruments.find(book.symbols().get(i));
            if (instrument == null) {
                throw new IllegalArgumentException("book " + book.name() + ": unknown symbol " + book.symbols().get(i));
            }
            traded[i] = instrument.id();
        }
        final StrategyStateStore state = new StrategyStateStore(book.name());
        final Strategy strategy;
        try {
            strategy = definition.create(parameters, state);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("book " + book.name() + ": " + e.getMessage(), e);
        }
        state.close();
        StrategyStatePolicy.check(strategy, book.name(), state);
        if (strategy instanceof IterationStrategy iteration) {
            // weights and the like are checked against the book here, at start, before any input
            try {
                iteration.check(book.symbols(), instruments.get(traded[0]).currency());
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException("book " + book.name() + ": " + e.getMessage(), e);
            }
        }
        if (book.onOpposite() == OnOpposite.REVERSE && !(strategy instanceof DecisionStrategy)) {
            // an iteration or event strategy places its own orders: what an opposite answer does is its own to say
            throw new IllegalArgumentException("book " + book.name() + ": on-opposite = reverse applies to a decision"
                + " strategy (an iteration or event strategy places its own entries and exits)");
        }
        final SimulatedFillModel fills = new SimulatedFillModel(
            wholeBps(book.name(), "slippage-bps", book.slippageBps()),
            wholeBps(book.name(), "commission-bps", book.commissionBps()), book.fill() == FillModel.CLOSE,
            book.participation());
        final RiskLimits limits = new RiskLimits(book.allowShort(), book.minNotional(), book.maxShortNotional(),
            book.limits().maxOrderNotional(), book.limits().maxPositionPct(), book.limits().maxDailyLoss(),
            book.limits().maxOrdersPerSecond(), book.limits().priceBandPct(),
            book.limits().maxLeverage() == 0 ? RiskLimits.CASH_ACCOUNT : book.limits().maxLeverage(),
            book.limits().maintenanceMarginPct(), book.limits().borrowRatePct(), book.limits().shortFeePct(),
            book.limits().marginCall() == MarginCallRule.REDUCE);
        return new BookSpec(book.name(), strategy, traded, book.interval(), book.cash(), fills, limits, state,
            parameters.positionRules(), book.onOpposite() == OnOpposite.REVERSE);
    }

    /**
     * The book's strategy: by name, from the catalog, after compiling the book's source file when it has one (once per
     * file); a book with a source file and no name takes the file's strategy when the file defines only one.
     */
    public static StrategyDefinition definition(final BookConfig book, final StrategyCatalog catalog) {
        if (!book.hasStrategyFile()) {
            return catalog.get(book.strategy());
        }
        final StrategySourceFile file = catalog.addSourceFile(Path.of(book.strategyFile()));
        if (book.strategy().isEmpty()) {
            if (file.definitions().size() != 1) {
                throw new IllegalArgumentException(book.strategyFile() + " defines " + file.definitions().size()
                    + " strategies (" + String.join(", ", file.definitions().stream().map(StrategyDefinition::name)
                    .toList()) + "): name one with strategy");
            }
            return file.definitions().get(0);
        }
        final StrategyDefinition named = catalog.get(book.strategy());
        if (!file.definitions().contains(named)) {
            throw new IllegalArgumentException(book.strategyFile() + " does not define strategy '" + book.strategy()
                + "' (it defines " + String.join(", ", file.definitions().stream().map(StrategyDefinition::name)
                .toList()) + ")");
        }
        return named;
    }

    /** Basis points from configuration (fixed-point) as the whole number the fill model works in. */
    private static long wholeBps(final String book, final String key, final long fixedBps) {
        if (fixedBps % FixedPoint.SCALE != 0) {
            throw new IllegalArgumentException("book " + book + ": " + key + " must be a whole number of basis points,"
                + " got " + FixedPoint.toString(fixedBps));
        }
        return fixedBps / FixedPoint.SCALE;
    }
}
