package io.ringtrade.engine.logic;

import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.risk.RiskSettings;

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
 * @param risk              the engine-wide risk settings (global caps, limits on all books together, the
 *                          large-transaction threshold)
 * @param liveVenue         the books trade on a live venue (mode = live): orders leave as effects and the venue's
 *                          answers come back as {@code EXECUTION_REPORT} inputs; false = the simulated venue inside
 */
public record LogicSettings(OutputSink outputs, Interval inputBars, double periodsPerYear, double riskFreeRate,
                            long tradingStartNanos, RiskSettings risk, boolean liveVenue) {
    /** No outputs, bars at each book's interval, the clock's periods, no risk-free rate, trading from the start. */
    public static final LogicSettings DEFAULT = new LogicSettings(OutputSink.NONE, null, 0, 0, Long.MIN_VALUE);

    /** Settings with the default risk settings (no global caps; large transactions from 10,000), simulated venue. */
    public LogicSettings(final OutputSink outputs, final Interval inputBars, final double periodsPerYear,
                         final double riskFreeRate, final long tradingStartNanos) {
        this(outputs, inputBars, periodsPerYear, riskFreeRate, tradingStartNanos, RiskSettings.DEFAULT, false);
    }

    /** These settings with another output sink. */
    public LogicSettings withOutputs(final OutputSink sink) {
        return new LogicSettings(sink, inputBars, periodsPerYear, riskFreeRate, tradingStartNanos, risk, liveVenue);
    }

    /** These settings with other risk settings. */
    public LogicSettings withRisk(final RiskSettings settings) {
        return new LogicSettings(outputs, inputBars, periodsPerYear, riskFreeRate, tradingStartNanos, settings,
            liveVenue);
    }

    /** These settings with the books on a live venue ({@code true}) or the simulated one. */
    public LogicSettings withLiveVenue(final boolean live) {
        return new LogicSettings(outputs, inputBars, periodsPerYear, riskFreeRate, tradingStartNanos, risk, live);
    }
}
