package io.ringtrade.bench;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.venue.SimulatedFillModel;
import io.ringtrade.strategies.SmaCrossover;

import java.util.List;
import java.util.Map;

/**
 * Builds the business logic the way {@code ringtrade backtest --strategy sma_crossover --param fast=50
 * --param slow=200 --interval 1m} does: one book, BTC/USD with the shipped tick and lot size, the command
 * line's default cash (10,000), slippage (5 bps), commission (0), minimum notional (10) and next-open fills.
 */
final class BacktestSetup {
    static final int FAST = 50;
    static final int SLOW = 200;
    static final String DESCRIPTION = "sma_crossover fast=" + FAST + " slow=" + SLOW
        + ", 1 book, cash 10000, slippage 5 bps, commission 0, fill next-open";

    private BacktestSetup() {
    }

    /** An instrument registry holding BTC/USD (id 0) as config/instruments.conf defines it. */
    static InstrumentRegistry instruments() {
        final InstrumentRegistry registry = new InstrumentRegistry();
        registry.register(MinuteBars.SYMBOL, "USD", FixedPoint.parse("0.01"), FixedPoint.parse("0.00000001"));
        return registry;
    }

    /** Fresh business logic (empty books, bars and logs) for one sma_crossover book on {@code interval} bars. */
    static BusinessLogic newLogic(final InstrumentRegistry instruments, final Interval interval) {
        return newLogic(instruments, interval, 5);
    }

    /** The same with {@code slippageBps} instead of the command line's 5. */
    static BusinessLogic newLogic(final InstrumentRegistry instruments, final Interval interval, final long slippageBps) {
        final SmaCrossover definition = new SmaCrossover();
        final Parameters parameters = Parameters.resolve(definition.name(), definition.parameters(),
            Map.of("fast", Integer.toString(FAST), "slow", Integer.toString(SLOW)));
        final int instrument = instruments.find(MinuteBars.SYMBOL).id();
        final BookSpec book = new BookSpec(definition.name(), definition.create(parameters), new int[] {instrument},
            interval, FixedPoint.of(10_000), new SimulatedFillModel(slippageBps, 0, false, 0),
            RiskLimits.longOnly(FixedPoint.of(10)));
        return new BusinessLogic(instruments, List.of(book));
    }
}
