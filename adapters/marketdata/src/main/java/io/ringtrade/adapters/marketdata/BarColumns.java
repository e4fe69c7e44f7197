package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.market.BarAccumulator;

/**
 * Bars being collected by a loader or an aggregation, before they become a {@link BarSeriesData}. Callers check
 * each row before adding it; this class only stores. Loading thread only.
 */
final class BarColumns {
    private final String symbol;
    private final LongColumn timeNanos;
    private final LongColumn open;
    private final LongColumn high;
    private final LongColumn low;
    private final LongColumn close;
    private final LongColumn volume;

    BarColumns(final String symbol, final int initialCapacity) {
        this.symbol = symbol;
        timeNanos = new LongColumn(initialCapacity);
        open = new LongColumn(initialCapacity);
        high = new LongColumn(initialCapacity);
        low = new LongColumn(initialCapacity);
        close = new LongColumn(initialCapacity);
        volume = new LongColumn(initialCapacity);
    }

    void add(final long time, final long o, final long h, final long l, final long c, final long v) {
        timeNanos.add(time);
        open.add(o);
        high.add(h);
        low.add(l);
        close.add(c);
        volume.add(v);
    }

    void addFrom(final BarAccumulator bar) {
        add(bar.startNanos(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    int size() {
        return timeNanos.size();
    }

    long lastTimeNanos() {
        return timeNanos.get(timeNanos.size() - 1);
    }

    BarSeriesData build() {
        return new BarSeriesData(symbol, timeNanos.toArray(), open.toArray(), high.toArray(), low.toArray(),
            close.toArray(), volume.toArray());
    }
}
