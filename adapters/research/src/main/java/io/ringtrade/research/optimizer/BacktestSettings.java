package io.ringtrade.research.optimizer;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.config.BookLimits;
import io.ringtrade.engine.config.OnOpposite;
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
 * @param onOpposite     what an opposite answer does to an open position (close, or reverse with shorts)
 * @param leverage       the book's leverage terms (max-leverage, maintenance-margin-pct, borrow-rate-pct; the other
 *                       limits are off): {@link BookLimits#NONE} for a cash account
 */
public record BacktestSettings(StrategyCatalog catalog, String strategy, InstrumentRegistry instruments,
                               Interval interval, long cash, long slippageBps, long commissionBps, boolean allowShort,
                               long minNotional, boolean fillAtClose, double riskFreeRate, OnOpposite onOpposite,
                               BookLimits leverage) {
    /** Settings of a cash account. */
    public BacktestSettings(final StrategyCatalog catalog, final String strategy, final InstrumentRegistry instruments,
                            final Interval interval, final long cash, final long slippageBps, final long commissionBps,
                            final boolean allowShort, final long minNotional, final boolean fillAtClose,
                            final double riskFreeRate, final OnOpposite onOpposite) {
        this(catalog, strategy, instruments, interval, cash, slippageBps, commissionBps, allowShort, minNotional,
            fillAtClose, riskFreeRate, onOpposite, BookLimits.NONE);
    }

    /** Settings whose opposite answers only close. */
    public BacktestSettings(final StrategyCatalog catalog, final String strategy, final InstrumentRegistry instruments,
                            final Interval interval, final long cash, final long slippageBps, final long commissionBps,
                            final boolean allowShort, final long minNotional, final boolean fillAtClose,
                            final double riskFreeRate) {
        this(catalog, strategy, instruments, interval, cash, slippageBps, commissionBps, allowShort, minNotional,
            fillAtClose, riskFreeRate, OnOpposite.CLOSE);
    }

    /** The strategy's definition. */
    public StrategyDefinition definition() {
        return catalog.get(strategy);
    }
}
