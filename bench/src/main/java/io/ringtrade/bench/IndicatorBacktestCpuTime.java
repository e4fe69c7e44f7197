package io.ringtrade.bench;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.logic.BusinessLogic;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link IndicatorBacktestBenchmark}'s two backtests timed by the thread's CPU time instead of the wall clock (a
 * shared machine's load disturbs it less), alternating: each round runs {@code sma_crossover} 50/200 and the
 * three-column strategy once each over the {@value MinuteBars#BARS} one-minute BTC/USD bars, fresh business logic
 * each time; the first round warms up. Prints nanoseconds of CPU per bar, fastest and median over the rounds.
 * <pre>
 *   BarSeriesSource ──► BacktestDriver ──► BusinessLogic ──► bars ──► row ──► decide ──► risk, orders, books
 *   java -Xms2g -Xmx2g -cp bench/target/benchmarks.jar io.ringtrade.bench.IndicatorBacktestCpuTime [rounds=8]
 * </pre>
 */
public final class IndicatorBacktestCpuTime {
    private IndicatorBacktestCpuTime() {
    }

    public static void main(final String[] args) {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        final BarSeriesData bars = MinuteBars.repeated(MinuteBars.original(), MinuteBars.BARS);
        final InstrumentRegistry instruments = BenchEngine.instruments();
        final BarSeriesSource source = new BarSeriesSource(bars, instruments.find(MinuteBars.SYMBOL).id());
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        RunConditions.print("IndicatorBacktestCpuTime", bars.size() + " one-minute BTC/USD bars per backtest, "
            + rounds + " rounds alternating sma_crossover 50/200 and three columns (the first warms up)",
            "load average at start: " + RunConditions.loadAverage());
        final double[] sma = new double[rounds - 1];
        final double[] three = new double[rounds - 1];
        for (int round = 0; round < rounds; round++) {
            final double smaNanos = cpuPerBar(threads, BenchEngine.backtestLogic(instruments, Interval.M1, 5), source,
                bars.size());
            final double threeNanos = cpuPerBar(threads, BenchEngine.singleBookLogic(instruments, "three_columns",
                IndicatorBacktestBenchmark.threeColumns(), Interval.M1, 5), source, bars.size());
            if (round > 0) {
                sma[round - 1] = smaNanos;
                three[round - 1] = threeNanos;
                System.out.printf(Locale.ROOT, "round %d (load %s): smaCrossover %.1f ns/bar, threeColumns %.1f ns/bar%n",
                    round, RunConditions.loadAverage(), smaNanos, threeNanos);
            }
        }
        Arrays.sort(sma);
        Arrays.sort(three);
        System.out.printf(Locale.ROOT, "CPU per bar, fastest / median: smaCrossover %.1f / %.1f ns (%.2f M bars/s at"
            + " the fastest), threeColumns %.1f / %.1f ns (%.2f M bars/s)%n", sma[0], sma[sma.length / 2],
            1_000 / sma[0], three[0], three[three.length / 2], 1_000 / three[0]);
    }

    private static double cpuPerBar(final ThreadMXBean threads, final BusinessLogic logic,
                                    final BarSeriesSource source, final int bars) {
        source.rewind();
        final long start = threads.getCurrentThreadCpuTime();
        BenchEngine.backtest(logic, source);
        return (threads.getCurrentThreadCpuTime() - start) / (double) bars;
    }
}
