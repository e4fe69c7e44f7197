package io.ringtrade.research.optimizer;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.strategy.StrategyCatalog;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Twenty daily bars of {@code TEST} (2020-01-01 …) whose closes make {@code sma_crossover} fast=2 slow=3 cross up
 * exactly at bars 8 and 14 and down at bar 13; each bar opens at the previous close. Cash 10000, no costs.
 */
final class HandMadeSeries {
    /** Closes of bars 0 … 19. */
    static final long[] CLOSES = {10, 10, 10, 10, 10, 10, 10, 9, 12, 13, 14, 15, 13, 11, 17, 18, 19, 20, 21, 22};

    private HandMadeSeries() {
    }

    static BarSeriesData bars() {
        final int n = CLOSES.length;
        final long[] time = new long[n];
        final long[] open = new long[n];
        final long[] high = new long[n];
        final long[] low = new long[n];
        final long[] close = new long[n];
        final long[] volume = new long[n];
        for (int i = 0; i < n; i++) {
            time[i] = day(i);
            close[i] = FixedPoint.of(CLOSES[i]);
            open[i] = FixedPoint.of(i == 0 ? CLOSES[0] : CLOSES[i - 1]);
            high[i] = Math.max(open[i], close[i]);
            low[i] = Math.min(open[i], close[i]);
            volume[i] = FixedPoint.of(1000);
        }
        return BarSeriesData.of("TEST", time, open, high, low, close, volume);
    }

    /** Start of bar {@code i}, epoch nanoseconds. */
    static long day(final int i) {
        return LocalDate.of(2020, 1, 1).plusDays(i).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }

    /** Settings: sma_crossover on daily bars, 10000 cash, no slippage or commission, min notional 10. */
    static BacktestSettings settings(final InstrumentRegistry instruments) {
        return new BacktestSettings(StrategyCatalog.load(HandMadeSeries.class.getClassLoader()), "sma_crossover",
            instruments, Interval.D1, FixedPoint.of(10_000), 0, 0, false, FixedPoint.of(10), false, 0);
    }
}
