package io.ringtrade.bench;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.indicator.InstrumentBars;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The cases of {@link IndicatorRowBenchmark}, timed two ways that a shared machine disturbs less than JMH's wall
 * clock: the benchmark thread's CPU time over all bars (the wall clock also counts the time the thread waits for a
 * core when the load exceeds the cores; CPU time leaves it out but still includes what sharing caches costs), and
 * the fastest (and the median) of the 1,000-bar bursts the run is cut into, wall clock (the fastest burst is one that
 * ran undisturbed, with its caches warm). Each pass runs every case over all {@value MinuteBars#BARS} bars (ta4j
 * over the first 100,000, which its cost makes enough), fresh instances per pass; the first pass warms up and is
 * not reported.
 * <pre>
 *   java -Xms2g -Xmx2g -cp bench/target/benchmarks.jar io.ringtrade.bench.IndicatorRowCpuTime [passes=5]
 * </pre>
 */
public final class IndicatorRowCpuTime {
    private static final Instrument INSTRUMENT = new Instrument(0, MinuteBars.SYMBOL, "USD", 1_000_000L, 1L);
    private static final int TA4J_BARS = 100_000;

    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private double blackhole;

    private IndicatorRowCpuTime(final BarSeriesData bars) {
        final int n = bars.size();
        open = new long[n];
        high = new long[n];
        low = new long[n];
        close = new long[n];
        volume = new long[n];
        for (int i = 0; i < n; i++) {
            open[i] = bars.open(i);
            high[i] = bars.high(i);
            low[i] = bars.low(i);
            close[i] = bars.close(i);
            volume[i] = bars.volume(i);
        }
    }

    public static void main(final String[] args) {
        final int passes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        final IndicatorRowCpuTime run = new IndicatorRowCpuTime(
            MinuteBars.repeated(MinuteBars.original(), MinuteBars.BARS));
        RunConditions.print("IndicatorRowCpuTime", "input: " + MinuteBars.BARS + " one-minute BTC/USD bars ("
            + MinuteBars.FILE + ", aggregated and repeated); thread CPU time per bar, " + passes + " passes",
            "load average at start: " + loadAverage());
        System.out.println("case: thread CPU time per bar / fastest 1,000-bar burst per bar / median burst per bar");
        for (int pass = 0; pass < passes; pass++) {
            final double[] full = run.fullRow();
            final double[] three = run.threeColumns();
            final double[] smas = run.smaPair();
            final double[] nothing = run.barsOnly();
            final double[] ta4j = run.ta4j();
            if (pass > 0) {
                System.out.printf(Locale.ROOT, "pass %d (load %s): fullRow %s | threeColumns %s | smaPair %s |"
                    + " barsOnly %s | BASELINE ta4jNineteenColumns %s%n", pass, loadAverage(), format(full),
                    format(three), format(smas), format(nothing), format(ta4j));
            }
        }
        System.out.println("# blackhole " + run.blackhole);
    }

    private static String format(final double[] nanos) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ns", nanos[0], nanos[1], nanos[2]);
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** One case: feeds bar {@code i} and reads what the case reads; returns something to keep the JIT honest. */
    private interface BarCase {
        double bar(int i);
    }

    /** Bars per burst for the best-burst figure: short enough that some bursts run without being descheduled. */
    private static final int BURST = 1_000;

    /** Per-bar thread CPU time over {@code count} bars, and the fastest and the median 1,000-bar burst (wall clock). */
    private double[] time(final BarCase bars, final int count) {
        double sink = 0;
        final int bursts = count / BURST;
        final long[] burstNanos = new long[bursts];
        final long start = threads.getCurrentThreadCpuTime();
        for (int b = 0; b < bursts; b++) {
            final long t0 = System.nanoTime();
            for (int i = b * BURST; i < (b + 1) * BURST; i++) {
                sink += bars.bar(i);
            }
            burstNanos[b] = System.nanoTime() - t0;
        }
        final long cpu = threads.getCurrentThreadCpuTime() - start;
        blackhole += sink;
        java.util.Arrays.sort(burstNanos);
        return new double[] {cpu / (double) (bursts * BURST), burstNanos[0] / (double) BURST,
            burstNanos[bursts / 2] / (double) BURST};
    }

    private double[] fullRow() {
        final Indicators indicators = new Indicators();
        final Column[] columns = Indicators.columnNames().stream().map(indicators::column).toArray(Column[]::new);
        final InstrumentBars bars = new InstrumentBars(INSTRUMENT, id -> false, indicators);
        return time(i -> {
            bars.onBar(i * 60_000_000_000L, open[i], high[i], low[i], close[i], volume[i]);
            final Row row = bars.row();
            double sum = 0;
            for (final Column column : columns) {
                sum += row.get(column);
            }
            return sum;
        }, close.length);
    }

    private double[] threeColumns() {
        final Indicators indicators = new Indicators();
        final Column rsi = indicators.column("momentum_rsi");
        final Column histogram = indicators.column("trend_macd_diff");
        final Column upper = indicators.column("volatility_bbh");
        final InstrumentBars bars = new InstrumentBars(INSTRUMENT, id -> false, indicators);
        return time(i -> {
            bars.onBar(i * 60_000_000_000L, open[i], high[i], low[i], close[i], volume[i]);
            final Row row = bars.row();
            return row.get(rsi) + row.get(histogram) + row.get(upper);
        }, close.length);
    }

    /** What sma_crossover (50/200) reads: two SMAs, now and one bar back. */
    private double[] smaPair() {
        final Indicators indicators = new Indicators().maxBarsAgo(1);
        final Column fast = indicators.sma(50);
        final Column slow = indicators.sma(200);
        final InstrumentBars bars = new InstrumentBars(INSTRUMENT, id -> false, indicators);
        return time(i -> {
            bars.onBar(i * 60_000_000_000L, open[i], high[i], low[i], close[i], volume[i]);
            final Row row = bars.row();
            return row.get(fast) + row.get(slow) + row.get(fast, 1) + row.get(slow, 1);
        }, close.length);
    }

    private double[] barsOnly() {
        final InstrumentBars bars = new InstrumentBars(INSTRUMENT, id -> false, new Indicators());
        return time(i -> {
            bars.onBar(i * 60_000_000_000L, open[i], high[i], low[i], close[i], volume[i]);
            return bars.row().close();
        }, close.length);
    }

    private double[] ta4j() {
        final Ta4jNineteenColumns columns = new Ta4jNineteenColumns();
        return time(i -> columns.onBar(i * 60_000_000_000L, open[i], high[i], low[i], close[i], volume[i]), TA4J_BARS);
    }
}
