package io.ringtrade.cli;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.FillModel;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.risk.BookRules;
import io.ringtrade.engine.strategy.StrategyCatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds business logic from an engine configuration: instruments, one book per configured strategy instance
 * with validated parameters. Start-up thread only.
 */
final class EngineAssembly {
    private EngineAssembly() {
    }

    /** Business logic for the configured books. */
    static BusinessLogic businessLogic(final EngineConfig config, final InstrumentRegistry instruments) {
        final StrategyCatalog catalog = StrategyCatalog.load(EngineAssembly.class.getClassLoader());
        final List<BookSpec> books = new ArrayList<>();
        for (final BookConfig book : config.books()) {
            final StrategyDefinition definition = catalog.get(book.strategy());
            final Parameters parameters;
            try {
                parameters = Parameters.resolve(book.strategy(), definition.parameters(), book.params());
            } catch (final IllegalArgumentException e) {
                throw new UserException("book " + book.name() + ": " + e.getMessage());
            }
            final int[] traded = book.symbols().stream().mapToInt(s -> instruments.find(s).id()).toArray();
            final BookRules rules = new BookRules(wholeBps(book.name(), "slippage-bps", book.slippageBps()),
                wholeBps(book.name(), "commission-bps", book.commissionBps()), book.allowShort(),
                book.minNotional(), book.fill() == FillModel.CLOSE);
            books.add(new BookSpec(book.name(), definition.create(parameters), traded, book.interval(), book.cash(),
                rules));
        }
        return new BusinessLogic(instruments, books);
    }

    /** Basis points from configuration (fixed-point) as the whole number the fill model works in. */
    private static long wholeBps(final String book, final String key, final long fixedBps) {
        if (fixedBps % FixedPoint.SCALE != 0) {
            throw new UserException("book " + book + ": " + key + " must be a whole number of basis points, got "
                + FixedPoint.toString(fixedBps));
        }
        return fixedBps / FixedPoint.SCALE;
    }
}
