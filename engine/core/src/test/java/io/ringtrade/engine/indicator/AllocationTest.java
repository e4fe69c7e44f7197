package io.ringtrade.engine.indicator;

import static io.ringtrade.engine.indicator.Values.AAPL;
import static io.ringtrade.engine.indicator.Values.FLAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.strategy.Row;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Steady state allocates nothing: appending bars, updating native indicators and reading them (and reading
 * named columns already computed at this bar). Measured with the thread's allocated-bytes counter; the bound
 * leaves room for the counter's own bookkeeping, not for a per-bar allocation (which would be megabytes here).
 */
class AllocationTest {
    private static final int BARS = 200_000;
    private static final long DAY_NANOS = 86_400_000_000_000L;
    private static final long BOUND_BYTES = 4_096;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final AppleBars apple = AppleBars.load();
    /** Keeps the JIT from discarding the reads. */
    private double blackhole;

    @Test
    void shouldNotAllocateWhenUpdatingAndReadingNativeIndicators() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        double sink = run(bars, 0, 5_000); // warm up: create the indicators, let the JIT settle
        final long before = allocatedBytes();
        sink += run(bars, 5_000, BARS);
        final long allocated = allocatedBytes() - before;
        blackhole = sink;
        assertThat(allocated).as("bytes allocated over %d bars", BARS - 5_000).isLessThan(BOUND_BYTES);
    }

    private double run(final InstrumentBars bars, final int from, final int to) {
        double sink = 0;
        for (int i = from; i < to; i++) {
            final int j = i % apple.size();
            bars.onBar(apple.start[0] + i * DAY_NANOS, apple.open[j], apple.high[j], apple.low[j], apple.close[j],
                apple.volume[j]);
            final Row row = bars.row();
            sink += row.sma(20) + row.sma(50, 3) + row.ema(12) + row.ema(26, 1) + row.rsi(14) + row.rsi(14, 2)
                + row.close(5) + row.close() + row.volume() + (row.inPosition() ? 1 : 0);
        }
        return sink;
    }

    @Test
    void shouldNotAllocateWhenReadingNamedColumnsAlreadyComputedAtThisBar() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        apple.feed(bars, 0, apple.size());
        double sink = read(bars.row(), 10_000);
        final long before = allocatedBytes();
        sink += read(bars.row(), 100_000);
        final long allocated = allocatedBytes() - before;
        blackhole = sink;
        assertThat(allocated).isLessThan(BOUND_BYTES);
    }

    private static double read(final Row row, final int times) {
        double sink = 0;
        for (int i = 0; i < times; i++) {
            sink += row.get("trend_macd_diff") + row.get("volatility_bbh", 3) + row.get("momentum_rsi", 1);
        }
        return sink;
    }

    private long allocatedBytes() {
        return threads.getThreadAllocatedBytes(Thread.currentThread().threadId());
    }
}
