package io.ringtrade.engine.indicator;

import static io.ringtrade.engine.indicator.Values.AAPL;
import static io.ringtrade.engine.indicator.Values.FLAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.Row;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bar-close path allocates nothing: updating every column (and parametric indicators) and reading them through
 * handles, through the parametric accessors and through the position views an ensemble gives its members. Measured with the thread's allocated-bytes counter over 200,000
 * bars after a warm-up; the bound leaves room for the counter's own bookkeeping, not for a per-bar allocation
 * (which would be megabytes here). The JMH {@code -prof gc} benchmark in {@code bench} measures the same path.
 */
class AllocationTest {
    private static final int BARS = 200_000;
    private static final long BOUND_BYTES = 4_096;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final AppleBars apple = AppleBars.load();
    /** Keeps the JIT from discarding the reads. */
    private double blackhole;

    @Test
    void shouldNotAllocateWhenUpdatingAndReadingEveryColumn() {
        final Indicators indicators = SnapshotExactnessTest.declareEverything();
        final List<Column> columns = Indicators.columnNames().stream().map(indicators::column).toList();
        final Column[] all = columns.toArray(new Column[0]);
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, indicators);
        double sink = run(bars, all, 0, 20_000);
        final long before = allocatedBytes();
        sink += run(bars, all, 20_000, BARS);
        final long allocated = allocatedBytes() - before;
        blackhole = sink;
        assertThat(allocated).as("bytes allocated over %d bars", BARS - 20_000).isLessThan(BOUND_BYTES);
    }

    private double run(final InstrumentBars bars, final Column[] columns, final int from, final int to) {
        double sink = 0;
        for (int i = from; i < to; i++) {
            feed(bars, i);
            final Row row = bars.row();
            for (final Column column : columns) {
                sink += row.get(column) + row.get(column, 3);
            }
            sink += row.sma(50) + row.rsi(7, 1) + row.atr(5) + row.cci(10) + row.vwap(20) + row.mfi(7, 2) + row.obv()
                + row.close(5) + row.volume() + (row.inPosition() ? 1 : 0);
            // what an ensemble asks for each member: the row as a virtual long, flat or short would see it
            sink += row.withPosition(i & 1).rsi(7) + row.withPosition(-1).position() + row.withPosition(1).close();
        }
        return sink;
    }

    @Test
    void shouldNotAllocateForAStrategyThatDeclaresNothing() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        double sink = 0;
        for (int i = 0; i < 20_000; i++) {
            feed(bars, i);
            sink += read(bars.row());
        }
        final long before = allocatedBytes();
        for (int i = 20_000; i < BARS; i++) {
            feed(bars, i);
            sink += read(bars.row());
        }
        final long allocated = allocatedBytes() - before;
        blackhole = sink;
        assertThat(allocated).isLessThan(BOUND_BYTES);
    }

    private static double read(final Row row) {
        return row.sma(20) + row.sma(50, 3) + row.ema(12) + row.ema(26, 1) + row.rsi(14) + row.rsi(14, 2);
    }

    /** Apple's year over and over; prices repeat, which the indicators do not mind. */
    private void feed(final InstrumentBars bars, final int i) {
        final int j = i % apple.size();
        bars.onBar(apple.start[0] + i * 86_400_000_000_000L, apple.open[j], apple.high[j], apple.low[j],
            apple.close[j], apple.volume[j]);
    }

    private long allocatedBytes() {
        return threads.getThreadAllocatedBytes(Thread.currentThread().threadId());
    }
}
