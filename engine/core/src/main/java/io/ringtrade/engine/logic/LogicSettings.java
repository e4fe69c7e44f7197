package io.ringtrade.engine.logic;

import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.output.OutputSink;

/**
 * Run-wide settings of business logic, beyond its books. Immutable.
 *
 * @param outputs           where result rows go
 * @param inputBars         the interval of bar inputs when books may resample them to a coarser interval (a
 *                          bars-replay feed); null when bar inputs are always at each book's own interval
 * @param periodsPerYear    bars per year for annualised metrics; 0 = the finest book interval's
 * @param riskFreeRate      annual risk-free rate for Sharpe and Sortino, as a fraction
 * @param tradingStartNanos decisions on bars starting before this time update indicators but place no orders, and
 *                          equity and metrics start here (walk-forward warm-up); {@link Long#MIN_VALUE} = always trade
 */
public record LogicSettings(OutputSink outputs, Interval inputBars, double periodsPerYear, double riskFreeRate,
                            long tradingStartNanos) {
    /** No outputs, bars at each book's interval, the clock's periods, no risk-free rate, trading from the start. */
    public static final LogicSettings DEFAULT = new LogicSettings(OutputSink.NONE, null, 0, 0, Long.MIN_VALUE);

    /** These settings with another output sink. */
    public LogicSettings withOutputs(final OutputSink sink) {
        return new LogicSettings(sink, inputBars, periodsPerYear, riskFreeRate, tradingStartNanos);
    }
}
