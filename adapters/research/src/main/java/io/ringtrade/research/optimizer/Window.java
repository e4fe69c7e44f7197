package io.ringtrade.research.optimizer;

/**
 * A stretch of the timeline one backtest runs over: bars {@code feedFrom} … {@code to − 1} are fed to the business
 * logic, and orders are placed only from bar {@code tradeFrom} on; the bars before it warm the indicators up. Its
 * metrics cover bars {@code tradeFrom} … {@code to − 1} only. Immutable.
 *
 * @param feedFrom  first bar fed (the warm-up's start)
 * @param tradeFrom first bar that may trade and that the metrics cover
 * @param to        bar after the last one
 */
public record Window(int feedFrom, int tradeFrom, int to) {
    /** Checks {@code 0 ≤ feedFrom ≤ tradeFrom < to}. */
    public Window {
        if (feedFrom < 0 || tradeFrom < feedFrom || to <= tradeFrom) {
            throw new IllegalArgumentException("bad window " + feedFrom + ".." + tradeFrom + ".." + to);
        }
    }

    /** A window without warm-up: bars {@code from} … {@code to − 1}. */
    public static Window of(final int from, final int to) {
        return new Window(from, from, to);
    }

    /** Bars fed before trading starts. */
    public int warmupBars() {
        return tradeFrom - feedFrom;
    }

    /** Bars the metrics cover. */
    public int tradedBars() {
        return to - tradeFrom;
    }
}
