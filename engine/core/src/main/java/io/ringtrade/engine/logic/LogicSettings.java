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
 * @param barCloseDelayNanos bars also close on the engine clock: a {@code TIMER} input at or after a bar's end plus
 *                          this delay closes it, and inputs stamped in a bar already closed are folded into the
 *                          next; {@link #BARS_CLOSE_AT_NEXT_INPUT} (-1) = bars close only at the first input after
 *                          their end
 * @param venueReplaces     whether the venue changes a working order in place, so an order may be replaced; false for
 *                          a venue whose replace is a cancel and a new order (XChange's generic API), where a crash
 *                          between the two would leave the new order untracked: the order manager then refuses every
 *                          replace, and strategies cancel and place
 */
public record LogicSettings(OutputSink outputs, Interval inputBars, double periodsPerYear, double riskFreeRate,
                            long tradingStartNanos, RiskSettings risk, boolean liveVenue, long barCloseDelayNanos,
                            boolean venueReplaces) {
    /** {@link #barCloseDelayNanos} of runs whose bars close only when a later input arrives (backtests). */
    public static final long BARS_CLOSE_AT_NEXT_INPUT = -1;

    /** No outputs, bars at each book's interval, the clock's periods, no risk-free rate, trading from the start. */
    public static final LogicSettings DEFAULT = new LogicSettings(OutputSink.NONE, null, 0, 0, Long.MIN_VALUE);

    /** Settings with the default risk settings (no global caps; large transactions from 10,000), simulated venue. */
    public LogicSettings(final OutputSink outputs, final Interval inputBars, final double periodsPerYear,
                         final double riskFreeRate, final long tradingStartNanos) {
        this(outputs, inputBars, periodsPerYear, riskFreeRate, tradingStartNanos, RiskSettings.DEFAULT, false);
    }

    /** Settings whose bars close only at the next input. */
    public LogicSettings(final OutputSink outputs, final Interval inputBars, final double periodsPerYear,
                         final double riskFreeRate, final long tradingStartNanos, final RiskSettings risk,
                         final boolean liveVenue) {
        this(outputs, inputBars, periodsPerYear, riskFreeRate, tradingStartNanos, risk, liveVenue,
            BARS_CLOSE_AT_NEXT_INPUT, true);
    }

    /** Rejects a negative delay other than {@link #BARS_CLOSE_AT_NEXT_INPUT}. */
    public LogicSettings {
        if (barCloseDelayNanos < BARS_CLOSE_AT_NEXT_INPUT) {
            throw new IllegalArgumentException("bar close delay must be >= 0 (or -1 = at the next input), got "
                + barCloseDelayNanos);
        }
    }

    /** Whether bars also close on the engine clock's time advances. */
    public boolean closesBarsOnTime() {
        return barCloseDelayNanos >= 0;
    }

    /** These settings with bars closing on the engine clock {@code delayNanos} after their end (-1 = not). */
    public LogicSettings withBarCloseDelay(final long delayNanos) {
        return new LogicSettings(outputs, inputBars, periodsPerYear, riskFreeRate, tradingStartNanos, risk, liveVenue,
            delayNanos, venueReplaces);
    }

    /** These settings with another output sink. */
    public LogicSettings withOutputs(final OutputSink sink) {
        return new LogicSettings(sink, inputBars, periodsPerYear, riskFreeRate, tradingStartNanos, risk, liveVenue,
            barCloseDelayNanos, venueReplaces);
    }

    /** These settings with other risk settings. */
    public LogicSettings withRisk(final RiskSettings settings) {
        return new LogicSettings(outputs, inputBars, periodsPerYear, riskFreeRate, tradingStartNanos, settings,
            liveVenue, barCloseDelayNanos, venueReplaces);
    }

    /** These settings with the books on a live venue ({@code true}) or the simulated one. */
    public LogicSettings withLiveVenue(final boolean live) {
        return new LogicSettings(outputs, inputBars, periodsPerYear, riskFreeRate, tradingStartNanos, risk, live,
            barCloseDelayNanos, venueReplaces);
    }

    /** These settings on a venue that replaces orders in place ({@code true}) or only by cancel and place. */
    public LogicSettings withVenueReplaces(final boolean replaces) {
        return new LogicSettings(outputs, inputBars, periodsPerYear, riskFreeRate, tradingStartNanos, risk, liveVenue,
            barCloseDelayNanos, replaces);
    }
}
