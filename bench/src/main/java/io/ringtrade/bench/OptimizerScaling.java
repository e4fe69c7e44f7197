package io.ringtrade.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.strategy.StrategyCatalog;
import io.ringtrade.research.optimizer.BacktestSettings;
import io.ringtrade.research.optimizer.Optimization;
import io.ringtrade.research.optimizer.ParameterGrid;
import io.ringtrade.research.optimizer.ProgressListener;
import io.ringtrade.research.optimizer.RankMetric;
import io.ringtrade.research.optimizer.ResultRow;
import io.ringtrade.research.optimizer.Timeline;
import io.ringtrade.research.optimizer.Validation;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Strategy;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BacktestExecutor;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.reports.TradingStatement;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The optimizer's throughput and scaling harness: a 10 × 10 {@code sma_crossover} grid (fast 5…50 step 5, slow
 * 100…280 step 20; every combination valid) over the 1,000,000 one-minute BTC/USD bars of {@link MinuteBars}, run
 * with 1 and 2 jobs, each in a fresh JVM, alternating, and, as the baseline in the same run, ta4j 0.22.2's
 * {@code BacktestExecutor} on the same 100 strategies and bars with 1 and 2 threads.
 *
 * <pre>
 *   ours (what `ringtrade optimize` runs):
 *     MinuteBars (loaded once) ──► Timeline (shared, read-only)
 *        GridRunner, N job threads: each takes the next combination ──► EngineBacktest (own BusinessLogic,
 *        own cursor over the shared columns) ──► metrics ──► results[index]
 *     then results.csv and the best combination's files (timed as "total", not in combinations/s)
 *
 *   BASELINE, ta4j 0.22.2:
 *     BaseBarSeries (DoubleNum) ──► BacktestExecutor.execute(10 strategies at a time) inside a ForkJoinPool of
 *     N threads (its parallel stream runs there); TradeOnNextOpenModel, the same commission, no slippage
 * </pre>
 *
 * ta4j gets its strategies ten at a time because each keeps two SMA and two cross caches of a million entries
 * alive until its executor call returns: all hundred at once need about 6 GB.
 *
 * <p>CPU: the process CPU time (every thread, the collector's included) over the grid, per combination and over
 * the wall time; on a shared machine the CPU/wall ratio says how much of the two cores the run actually got.
 *
 * <p>Memory: each child JVM records the largest heap occupancy after a collection (GC notifications, all pools
 * summed) and a sampled peak of the used heap; with the data shared, the 2-job figure should exceed the 1-job one
 * by about one job's own state, not by another copy of the data. Times are wall clock ({@code System.nanoTime})
 * around one pass over the grid after a warm-up pass over 4 combinations. Usage, from the repository root after
 * {@code scripts/bench optimize} built the jar: {@code java -cp bench/target/benchmarks.jar
 * io.ringtrade.bench.OptimizerScaling [rounds [ours|ta4j|both]]}.
 */
public final class OptimizerScaling {
    private static final String GRID_FAST = "fast=5:50:5";
    private static final String GRID_SLOW = "slow=100:280:20";
    private static final int[] JOBS = {1, 2};
    private static final String CHILD_HEAP = "-Xmx4g";
    /** ta4j keeps a cached value object per bar per indicator: ten strategies' caches need about 4 GB. */
    private static final String TA4J_HEAP = "-Xmx8g";
    /**
     * Commission on every fill. The repeated bars let a winning combination compound a hundred times over; with no
     * commission some reach equity beyond the fixed-point range, which the engine refuses (long overflow).
     */
    private static final long COMMISSION_BPS = 10;

    private OptimizerScaling() {
    }

    /** {@code [rounds [ours|ta4j|both]]} runs the parent; {@code child ours|ta4j JOBS} one measurement. */
    public static void main(final String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("child")) {
            child(args[1], Integer.parseInt(args[2]));
            return;
        }
        final int rounds = args.length >= 1 ? Integer.parseInt(args[0]) : 2;
        final String[] sides = args.length >= 2 && !args[1].equals("both") ? new String[] {args[1]}
            : new String[] {"ours", "ta4j"};
        RunConditions.print("OptimizerScaling (parent)", "grid: sma_crossover " + GRID_FAST + " " + GRID_SLOW
                + " (100 combinations), " + MinuteBars.BARS + " 1m bars of " + MinuteBars.FILE,
            "each measurement in a fresh JVM: " + CHILD_HEAP + " (ours), " + TA4J_HEAP + " (ta4j), no other flags",
            "rounds: " + rounds + ", jobs " + JOBS[0] + " then " + JOBS[1] + " in each round, ours then ta4j");
        for (int round = 1; round <= rounds; round++) {
            for (final String side : sides) {
                for (final int jobs : JOBS) {
                    fork(side, jobs, round);
                }
            }
        }
    }

    private static void fork(final String side, final int jobs, final int round) throws Exception {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(side.equals("ours") ? CHILD_HEAP : TA4J_HEAP);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OptimizerScaling.class.getName());
        command.addAll(List.of("child", side, Integer.toString(jobs)));
        final String before = loadAverage();
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    System.out.println(String.format(Locale.ROOT, "round %d %-4s jobs=%d: %s; load %s -> %s", round,
                        side, jobs, line.substring(7), before, loadAverage()));
                } else {
                    System.out.println("  | " + line);
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(side + " jobs=" + jobs + " failed with " + process.exitValue());
        }
    }

    private static void child(final String side, final int jobs) throws Exception {
        final BarSeriesData bars = MinuteBars.repeated(MinuteBars.original(), MinuteBars.BARS);
        final HeapWatch heap = new HeapWatch();
        if (side.equals("ours")) {
            ours(bars, jobs, heap);
        } else {
            ta4j(bars, jobs, heap);
        }
    }

    private static void ours(final BarSeriesData bars, final int jobs, final HeapWatch heap) throws IOException {
        final InstrumentRegistry instruments = BenchEngine.instruments();
        final Timeline timeline = new Timeline(List.of(bars), new int[] {instruments.find(MinuteBars.SYMBOL).id()});
        final StrategyCatalog catalog = StrategyCatalog.load(OptimizerScaling.class.getClassLoader());
        final BacktestSettings settings = new BacktestSettings(catalog, "sma_crossover", instruments, Interval.M1,
            FixedPoint.of(10_000), 5, COMMISSION_BPS, false, FixedPoint.of(10), false, 0);
        final StrategyDefinition definition = catalog.get("sma_crossover");
        final Path out = Files.createDirectories(Path.of("bench", "target", "optimizer-bench", "jobs-" + jobs));
        // warm-up: 4 combinations through the same path
        new Optimization(settings, ParameterGrid.of(definition, List.of("fast=5,10", "slow=100,120")), timeline,
            RankMetric.SHARPE, 1, Validation.none(), jobs).run(out, new LinkedHashMap<>(), ProgressListener.NONE);
        heap.reset();
        final GridClock clock = new GridClock(heap);
        final long start = System.nanoTime();
        final Optimization.Outcome outcome = new Optimization(settings,
            ParameterGrid.of(definition, List.of(GRID_FAST, GRID_SLOW)), timeline, RankMetric.SHARPE, 1,
            Validation.none(), jobs).run(out, new LinkedHashMap<>(), clock);
        final double total = (System.nanoTime() - start) / 1e9;
        final double grid = clock.seconds();
        int check = -1;
        for (final ResultRow row : outcome.rows()) {
            if (row.parameters().get("fast").equals("50") && row.parameters().get("slow").equals("200")) {
                check = row.summary().trades();
            }
        }
        System.out.println(String.format(Locale.ROOT, "RESULT %d backtests in %.2f s = %.2f combinations/s "
                + "(%.2f M bars/s), %.3f CPU-s per combination, CPU/wall %.2f; whole command %.2f s; grid heap after GC"
                + " peak %s, sampled peak %d MiB; data %d MiB; fast=50 slow=200: %d round trips",
            outcome.rows().size(), grid, outcome.rows().size() / grid,
            outcome.rows().size() * (MinuteBars.BARS / 1e6) / grid, clock.cpuSeconds() / outcome.rows().size(),
            clock.cpuSeconds() / grid, total, afterGc(clock.afterGcPeak), clock.sampledPeak >> 20,
            (long) bars.size() * 6 * 8 >> 20, check));
        heap.stop();
    }

    private static void ta4j(final BarSeriesData bars, final int jobs, final HeapWatch heap) throws Exception {
        final BarSeries series = MinuteBars.ta4jSeries(bars);
        final BacktestExecutor executor = new BacktestExecutor(series,
            new LinearTransactionCostModel(COMMISSION_BPS / 10_000.0), new ZeroCostModel(), new TradeOnNextOpenModel());
        final ForkJoinPool pool = new ForkJoinPool(jobs);
        // warm-up: 4 strategies
        pool.submit(() -> executor.execute(List.of(strategy(series, 5, 100), strategy(series, 5, 120),
            strategy(series, 10, 100), strategy(series, 10, 120)), series.numFactory().numOf(1))).get();
        heap.reset();
        final long cpuStart = processCpuNanos();
        final long start = System.nanoTime();
        int strategies = 0;
        int check = -1;
        for (int fast = 5; fast <= 50; fast += 5) {
            final List<Strategy> batch = new ArrayList<>();
            for (int slow = 100; slow <= 280; slow += 20) {
                batch.add(strategy(series, fast, slow));
            }
            final List<TradingStatement> statements = pool.submit(() -> executor.execute(batch,
                series.numFactory().numOf(1))).get();
            strategies += statements.size();
            if (fast == 50) {
                check = statements.get(5).getTradingRecord().getPositionCount();
            }
        }
        final double grid = (System.nanoTime() - start) / 1e9;
        final double cpu = (processCpuNanos() - cpuStart) / 1e9;
        pool.shutdown();
        System.out.println(String.format(Locale.ROOT, "RESULT %d backtests in %.2f s = %.2f combinations/s "
                + "(%.2f M bars/s), %.3f CPU-s per combination, CPU/wall %.2f; heap after GC peak %s, sampled "
                + "peak %d MiB; fast=50 slow=200: %d positions", strategies, grid, strategies / grid,
            strategies * (MinuteBars.BARS / 1e6) / grid, cpu / strategies, cpu / grid, afterGc(heap.afterGcPeak()),
            heap.sampledPeak() >> 20, check));
        heap.stop();
    }

    /** A peak after collections, or "no collection" when none ran (nothing to measure, nothing collected). */
    private static String afterGc(final long bytes) {
        return bytes == 0 ? "none (no collection ran)" : (bytes >> 20) + " MiB";
    }

    private static Strategy strategy(final BarSeries series, final int fast, final int slow) {
        final ClosePriceIndicator close = new ClosePriceIndicator(series);
        final SMAIndicator fastSma = new SMAIndicator(close, fast);
        final SMAIndicator slowSma = new SMAIndicator(close, slow);
        return new BaseStrategy("sma_crossover " + fast + "/" + slow, new CrossedUpIndicatorRule(fastSma, slowSma),
            new CrossedDownIndicatorRule(fastSma, slowSma), slow);
    }

    private static String loadAverage() {
        try {
            final String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0];
        } catch (final IOException e) {
            return "?";
        }
    }

    /** Process CPU time (all threads, including the collector's), nanoseconds. */
    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    /**
     * The grid phase's wall and CPU time, from the optimizer's own start and finish callbacks, and the heap peaks
     * at its end (before the best run's files are written).
     */
    private static final class GridClock implements ProgressListener {
        private final HeapWatch heap;
        private long started;
        private long finished;
        private long cpuStarted;
        private long cpuFinished;
        long afterGcPeak;
        long sampledPeak;

        GridClock(final HeapWatch heap) {
            this.heap = heap;
        }

        @Override
        public void started(final long total) {
            cpuStarted = processCpuNanos();
            started = System.nanoTime();
        }

        @Override
        public void advanced(final long done, final long total) {
        }

        @Override
        public void finished(final long done, final long total, final boolean stopped) {
            finished = System.nanoTime();
            cpuFinished = processCpuNanos();
            afterGcPeak = heap.afterGcPeak();
            sampledPeak = heap.sampledPeak();
        }

        double seconds() {
            return (finished - started) / 1e9;
        }

        double cpuSeconds() {
            return (cpuFinished - cpuStarted) / 1e9;
        }
    }

    /** Largest heap occupancy after a collection (all pools) and a 10 ms sample of the used heap. */
    private static final class HeapWatch {
        private final AtomicLong afterGc = new AtomicLong();
        private final AtomicLong sampled = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        HeapWatch() {
            for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        final GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = 0;
                        for (final MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                            used += usage.getUsed();
                        }
                        final long total = used;
                        afterGc.accumulateAndGet(total, Math::max);
                    }
                }, null, null);
            }
            sampler = Thread.ofPlatform().daemon(true).name("heap-sampler").start(() -> {
                while (running) {
                    sampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                        Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (final InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void reset() {
            System.gc();
            try {
                Thread.sleep(200); // the collection's notification arrives asynchronously: let it land first
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            afterGc.set(0);
            sampled.set(0);
        }

        long afterGcPeak() {
            return afterGc.get();
        }

        long sampledPeak() {
            return sampled.get();
        }

        void stop() {
            running = false;
            sampler.interrupt();
        }
    }
}
