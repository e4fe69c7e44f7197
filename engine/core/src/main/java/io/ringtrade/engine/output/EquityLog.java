package io.ringtrade.engine.output;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * One row per bar: equity, cash, positions value, buy-and-hold benchmark equity and whether any position was
 * open (the source of {@code equity.csv} and of the metrics). Written by the business-logic thread; read after
 * the run stops.
 */
public final class EquityLog {
    private final LongColumn time = new LongColumn(1024);
    private final LongColumn equity = new LongColumn(1024);
    private final LongColumn cash = new LongColumn(1024);
    private final LongColumn positionsValue = new LongColumn(1024);
    private final LongColumn benchmark = new LongColumn(1024);
    private final LongColumn inPosition = new LongColumn(1024);

    /** Records one bar's row. */
    public void add(final long timeNanos, final long equityValue, final long cashValue, final long positions,
                    final long benchmarkEquity, final boolean anyPosition) {
        time.add(timeNanos);
        equity.add(equityValue);
        cash.add(cashValue);
        positionsValue.add(positions);
        benchmark.add(benchmarkEquity);
        inPosition.add(anyPosition ? 1 : 0);
    }

    /** Writes every column for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("equity");
        for (final LongColumn column : columns()) {
            column.writeState(out);
        }
    }

    /** Restores every column from a snapshot. */
    public void readState(final StateReader in) {
        in.section("equity");
        for (final LongColumn column : columns()) {
            column.readState(in);
        }
    }

    private LongColumn[] columns() {
        return new LongColumn[] {time, equity, cash, positionsValue, benchmark, inPosition};
    }

    /** Number of rows. */
    public int size() {
        return time.size();
    }

    /** Bar start time of a row. */
    public long time(final int row) {
        return time.get(row);
    }

    /** Equity. */
    public long equity(final int row) {
        return equity.get(row);
    }

    /** Cash. */
    public long cash(final int row) {
        return cash.get(row);
    }

    /** Positions value. */
    public long positionsValue(final int row) {
        return positionsValue.get(row);
    }

    /** Benchmark equity. */
    public long benchmark(final int row) {
        return benchmark.get(row);
    }

    /** Whether any position was open at the row. */
    public boolean inPosition(final int row) {
        return inPosition.get(row) != 0;
    }

    /** Times of all rows. */
    public long[] times() {
        return time.toArray();
    }

    /** Equity of all rows. */
    public long[] equities() {
        return equity.toArray();
    }

    /** Benchmark of all rows. */
    public long[] benchmarks() {
        return benchmark.toArray();
    }

    /** Position flags of all rows. */
    public boolean[] positionFlags() {
        final boolean[] flags = new boolean[size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = inPosition(i);
        }
        return flags;
    }
}
