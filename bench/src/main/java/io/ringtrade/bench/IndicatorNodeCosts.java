package io.ringtrade.bench;

import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.IndicatorSpec;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.indicator.InstrumentBars;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Where the full row's time goes, indicator by indicator: each of the row's indicators alone in its own
 * {@link InstrumentBars} (declared through a one-column {@link Indicators}), fed the same bars, timed by the fastest
 * of the 1,000-bar bursts (wall clock, the closest to an undisturbed core on a shared machine) and by thread CPU time;
 * beside them the bars alone (the row's own cost, subtracted from each) and the full row, so that the sum of the
 * parts can be compared with the whole. A profiling aid, not part of any suite.
 * <pre>
 *   for each indicator of the full row:  InstrumentBars(that indicator) ──► onBar ──► Row.get(its first output)
 *   java -Xms2g -Xmx2g -cp bench/target/benchmarks.jar io.ringtrade.bench.IndicatorNodeCosts [bars=1000000] [passes=3]
 * </pre>
 */
public final class IndicatorNodeCosts {
    private static final Instrument INSTRUMENT = new Instrument(0, MinuteBars.SYMBOL, "USD", 1_000_000L, 1L);
    private static final int BURST = 1_000;

    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;
    private final int bars;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private double blackhole;

    private IndicatorNodeCosts(final int bars) {
        final var data = MinuteBars.repeated(MinuteBars.original(), MinuteBars.BARS);
        this.bars = Math.min(bars, data.size());
        open = new long[this.bars];
        high = new long[this.bars];
        low = new long[this.bars];
        close = new long[this.bars];
        volume = new long[this.bars];
        for (int i = 0; i < this.bars; i++) {
            open[i] = data.open(i);
            high[i] = data.high(i);
            low[i] = data.low(i);
            close[i] = data.close(i);
            volume[i] = data.volume(i);
        }
    }

    public static void main(final String[] args) {
        final int bars = args.length > 0 ? Integer.parseInt(args[0]) : MinuteBars.BARS;
        final int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final IndicatorNodeCosts run = new IndicatorNodeCosts(bars);
        // one column name per indicator: the first column that reads it
        final List<IndicatorSpec> specs = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (final String name : Indicators.columnNames()) {
            final Indicators one = new Indicators();
            one.column(name);
            final IndicatorSpec spec = one.specs().get(0);
            if (!specs.contains(spec)) {
                specs.add(spec);
                names.add(name);
            }
        }
        RunConditions.print("IndicatorNodeCosts", run.bars + " one-minute BTC/USD bars, " + specs.size()
            + " indicators, " + passes + " passes (the first warms up)", "load average at start: "
            + RunConditions.loadAverage());
        final double[][] best = new double[specs.size() + 3][2];
        for (final double[] row : best) {
            Arrays.fill(row, Double.MAX_VALUE);
        }
        for (int pass = 0; pass < passes; pass++) {
            for (int s = 0; s < specs.size(); s++) {
                keepBest(best[s], run.single(names.get(s)));
            }
            keepBest(best[specs.size()], run.single(null));
            keepBest(best[specs.size() + 1], run.full(true));
            keepBest(best[specs.size() + 2], run.full(false));
        }
        final double barsOnly = best[specs.size()][0];
        double sum = 0;
        System.out.println("indicator: fastest burst ns/bar (less bars alone) / CPU ns/bar");
        for (int s = 0; s < specs.size(); s++) {
            final double own = best[s][0] - barsOnly;
            sum += own;
            System.out.printf(Locale.ROOT, "%-28s %8.1f %8.1f%n", specs.get(s), own, best[s][1]);
        }
        System.out.printf(Locale.ROOT, "bars alone %.1f ns; sum of the parts %.1f ns; full row %.1f ns (CPU %.1f);"
            + " load at end %s%n", barsOnly, sum + barsOnly, best[specs.size() + 1][0], best[specs.size() + 1][1],
            RunConditions.loadAverage());
        System.out.printf(Locale.ROOT, "full row without reading the columns %.1f ns (CPU %.1f)%n",
            best[specs.size() + 2][0], best[specs.size() + 2][1]);
        System.out.println("# blackhole " + run.blackhole);
    }

    private static void keepBest(final double[] best, final double[] measured) {
        best[0] = Math.min(best[0], measured[0]);
        best[1] = Math.min(best[1], measured[1]);
    }

    private double[] single(final String name) {
        final Indicators indicators = new Indicators();
        final Column column = name == null ? null : indicators.column(name);
        return timed(new InstrumentBars(INSTRUMENT, id -> false, indicators),
            row -> column == null ? row.close() : row.get(column));
    }

    private double[] full(final boolean read) {
        final Indicators indicators = new Indicators();
        final Column[] columns = Indicators.columnNames().stream().map(indicators::column).toArray(Column[]::new);
        return timed(new InstrumentBars(INSTRUMENT, id -> false, indicators), row -> {
            if (!read) {
                return row.close();
            }
            double sum = 0;
            for (final Column column : columns) {
                sum += row.get(column);
            }
            return sum;
        });
    }

    /**
     * Feeds every bar to {@code row} and reads the row after each with {@code read}: {fastest burst of
     * {@value #BURST} bars per bar, thread CPU time per bar over the whole pass}, both in nanoseconds.
     */
    private double[] timed(final InstrumentBars row, final ToDoubleFunction<Row> read) {
        double sink = 0;
        long fastest = Long.MAX_VALUE;
        final long cpu0 = threads.getCurrentThreadCpuTime();
        for (int b = 0; b + BURST <= bars; b += BURST) {
            final long t0 = System.nanoTime();
            for (int i = b; i < b + BURST; i++) {
                row.onBar(i * 60_000_000_000L, open[i], high[i], low[i], close[i], volume[i]);
                sink += read.applyAsDouble(row.row());
            }
            fastest = Math.min(fastest, System.nanoTime() - t0);
        }
        final long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        blackhole += sink;
        return new double[] {fastest / (double) BURST, cpu / (double) bars};
    }
}
