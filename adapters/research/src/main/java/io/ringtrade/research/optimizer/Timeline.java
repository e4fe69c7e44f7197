package io.ringtrade.research.optimizer;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.MergedMarketDataSource;
import io.ringtrade.engine.api.market.MarketDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The market data of an optimization, loaded once and shared read-only by every job: the bars of each traded
 * instrument and the run's <em>timeline</em>, the distinct bar start times of all of them in order. Windows (train,
 * test, warm-up) are ranges of timeline positions ("bars"); each job gets its own {@link MarketDataSource} over a
 * window, reading the shared columns without copying them.
 *
 * <p>Immutable; built on the start-up thread and safely published to the jobs by the executor.
 */
public final class Timeline {
    private final List<BarSeriesData> series;
    private final int[] instrumentIds;
    private final long[] times;

    /** The bars of each instrument ({@code series.get(i)} for {@code instrumentIds[i]}), in the run's order. */
    public Timeline(final List<BarSeriesData> series, final int[] instrumentIds) {
        if (series.isEmpty() || series.size() != instrumentIds.length) {
            throw new IllegalArgumentException(series.size() + " series for " + instrumentIds.length + " instruments");
        }
        this.series = List.copyOf(series);
        this.instrumentIds = instrumentIds.clone();
        if (series.size() == 1) {
            final BarSeriesData bars = series.get(0);
            this.times = new long[bars.size()];
            for (int i = 0; i < times.length; i++) {
                times[i] = bars.timeNanos(i);
            }
        } else {
            final TreeSet<Long> all = new TreeSet<>();
            for (final BarSeriesData bars : series) {
                for (int i = 0; i < bars.size(); i++) {
                    all.add(bars.timeNanos(i));
                }
            }
            this.times = all.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** Number of bars (distinct bar times over all instruments). */
    public int bars() {
        return times.length;
    }

    /** Start time of bar {@code position}, epoch nanoseconds; {@link Long#MAX_VALUE} for the position after the last. */
    public long time(final int position) {
        return position >= times.length ? Long.MAX_VALUE : times[position];
    }

    /** The interned ids of the instruments, in the run's order. */
    public int[] instrumentIds() {
        return instrumentIds.clone();
    }

    /** The loaded bars of the instrument at {@code index} in the run's order. */
    public BarSeriesData series(final int index) {
        return series.get(index);
    }

    /** Number of instruments. */
    public int instruments() {
        return series.size();
    }

    /** The bars at positions {@code from} … {@code to − 1}, all instruments merged in time order (ties: run order). */
    public MarketDataSource source(final int from, final int to) {
        final List<MarketDataSource> sources = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            final BarSeriesData bars = series.get(i);
            sources.add(new BarWindowSource(bars, instrumentIds[i], firstAtOrAfter(bars, time(from)),
                firstAtOrAfter(bars, time(to))));
        }
        return sources.size() == 1 ? sources.get(0) : new MergedMarketDataSource(sources);
    }

    /** Number of bar inputs (over all instruments) before position {@code position}: the inputs a full run feeds first. */
    public long inputsBefore(final int position) {
        long count = 0;
        for (final BarSeriesData bars : series) {
            count += firstAtOrAfter(bars, time(position));
        }
        return count;
    }

    /** Index of the first bar of {@code bars} starting at or after {@code time}. */
    static int firstAtOrAfter(final BarSeriesData bars, final long time) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (bars.timeNanos(mid) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
