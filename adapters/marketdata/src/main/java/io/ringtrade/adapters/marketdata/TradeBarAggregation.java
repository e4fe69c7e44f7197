package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.market.BarAccumulator;
import io.ringtrade.engine.api.market.Interval;

/**
 * Turns loaded trades into time bars with the engine's one aggregation rule, {@link BarAccumulator}: a bar per
 * interval that has trades, starting at the interval's start (UTC), open the first trade's price, close the last
 * one's, high/low the extremes, volume the summed quantity. Intervals without trades produce no bar. Zero-quantity
 * trades count as prices like any other trade.
 *
 * <p>Stateless; called on the loading thread.
 */
public final class TradeBarAggregation {
    private TradeBarAggregation() {
    }

    /** The bars of {@code interval} built from {@code trades}, for the same symbol. */
    public static BarSeriesData aggregate(final TradeSeriesData trades, final Interval interval) {
        final BarAccumulator accumulator = new BarAccumulator(interval);
        final BarColumns bars = new BarColumns(trades.symbol(), 64);
        for (int i = 0; i < trades.size(); i++) {
            final long time = trades.timeNanos(i);
            if (accumulator.wouldClose(time)) {
                bars.addFrom(accumulator);
                accumulator.reset();
            }
            accumulator.addTrade(time, trades.price(i), trades.quantity(i));
        }
        if (accumulator.hasBar()) {
            bars.addFrom(accumulator);
        }
        return bars.build();
    }
}
