package io.ringtrade.research.optimizer;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.strategy.StrategyCatalog;

/**
 * What every backtest of one optimization shares: the strategy, the instruments, the bar interval, the costs and
 * rules (as {@code ringtrade backtest} takes them) and the annualisation. Immutable; shared by all jobs.
 *
 * @param catalog        the strategies found
 * @param strategy       the strategy's name in the catalog
 * @param instruments    the registry the data was interned in (read-only once jobs start)
 * @param interval       bar interval the book decides on
 * @param cash           starting cash, fixed-point
 * @param slippageBps    slippage in whole basis points
 * @param commissionBps  commission in whole basis points
 * @param allowShort     whether a sell while flat opens a short
 * @param minNotional    smallest order notional, fixed-point
 * @param fillAtClose    fill at the signal bar's close instead of the next open
 * @param riskFreeRate   annual risk-free rate for sharpe and sortino
 */
public record BacktestSettings(StrategyCatalog catalog, String strategy, InstrumentRegistry instruments,
                               Interval interval, long cash, long slippageBps, long commissionBps, boolean allowShort,
                               long minNotional, boolean fillAtClose, double riskFreeRate) {
    /** The strategy's definition. */
    public StrategyDefinition definition() {
        return catalog.get(strategy);
    }
}
