package io.ringtrade.bench;

import com.google.gson.JsonObject;
import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.logic.BusinessLogic;
import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Where a backtest's time goes: the backtest of {@link BacktestThroughputBenchmark} ({@code ringtradeDirect}: the
 * command line's path, one thread, sma_crossover 50/200 over {@code --bars} one-minute bars, fresh business logic per
 * run) run back to back, warm, under Java Flight Recorder. The recording keeps only what the summary reads: execution
 * samples every {@value #SAMPLE_MILLIS} ms, allocation samples (throttled to {@value #ALLOCATION_SAMPLES_PER_SECOND}
 * per second) and collections, so the file stays small enough to keep beside the results. {@link JfrSummary} turns it
 * into the hot methods and allocation sites that BENCHMARKS.md shows.
 * <pre>
 *   main thread: [warm-up: runs until --warmup-s has passed] ──► JFR start ──► runs until --record-s has passed
 *                ──► JFR stop, file written (--jfr) ──► JfrSummary ──► --json
 * </pre>
 * Arguments: {@code --json FILE}, {@code --jfr FILE} (default bench/target/backtest.jfr), {@code --bars N} (default
 * 1,000,000), {@code --warmup-s N} (default 10), {@code --record-s N} (default 20).
 */
public final class BacktestProfile {
    private static final int SAMPLE_MILLIS = 2;
    private static final int ALLOCATION_SAMPLES_PER_SECOND = 500;

    private BacktestProfile() {
    }

    /** Profiles and writes the recording and its summary. */
    public static void main(final String[] args) throws IOException {
        Path jfr = Path.of("bench/target/backtest.jfr");
        int bars = 1_000_000;
        int warmupSeconds = 10;
        int recordSeconds = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> i++;
                case "--jfr" -> jfr = Path.of(args[++i]);
                case "--bars" -> bars = Integer.parseInt(args[++i]);
                case "--warmup-s" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--record-s" -> recordSeconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        final BarSeriesData series = MinuteBars.repeated(MinuteBars.original(), bars);
        final InstrumentRegistry instruments = BenchEngine.instruments();
        final BarSeriesSource source = new BarSeriesSource(series, BenchEngine.instrument(instruments));
        RunConditions.print("BacktestProfile", "input: " + bars + " 1m bars from " + MinuteBars.FILE,
            "strategy: " + BenchEngine.BACKTEST_DESCRIPTION,
            "profile: " + warmupSeconds + " s warm-up, then JFR for " + recordSeconds + " s (execution samples every "
                + SAMPLE_MILLIS + " ms, allocation samples " + ALLOCATION_SAMPLES_PER_SECOND + "/s)");
        final JsonObject conditions = RunConditions.json();

        runFor(source, instruments, warmupSeconds);
        Files.createDirectories(jfr.toAbsolutePath().getParent());
        final long runs;
        final long nanos;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(SAMPLE_MILLIS));
            recording.enable("jdk.ObjectAllocationSample").with("throttle", ALLOCATION_SAMPLES_PER_SECOND + "/s");
            recording.enable("jdk.GarbageCollection");
            recording.setDestination(jfr);
            recording.start();
            final long t0 = System.nanoTime();
            runs = runFor(source, instruments, recordSeconds);
            nanos = System.nanoTime() - t0;
            recording.stop();
        }
        final double barsPerSecond = (double) runs * bars / (nanos / 1e9);
        System.out.printf("recorded %d runs of %,d bars: %,.0f bars/s; %s (%,d bytes)%n", runs, bars, barsPerSecond, jfr,
            Files.size(jfr));

        final JsonObject out = JfrSummary.summarize(jfr);
        out.add("conditions", conditions);
        out.addProperty("bars", bars);
        out.addProperty("warmupSeconds", warmupSeconds);
        out.addProperty("recordSeconds", recordSeconds);
        out.addProperty("runs", runs);
        out.addProperty("barsPerSecond", Math.round(barsPerSecond));
        out.addProperty("jfrFile", jfr.getFileName().toString());
        out.addProperty("jfrBytes", Files.size(jfr));
        out.addProperty("loadAfter", RunConditions.loadAverage());
        System.out.println(JfrSummary.describe(out));
        final Path json = ResultFile.jsonArgument(args);
        if (json != null) {
            ResultFile.write(json, out);
        }
    }

    /** Whole backtests back to back until {@code seconds} have passed (at least one); returns how many ran. */
    private static long runFor(final BarSeriesSource source, final InstrumentRegistry instruments, final int seconds) {
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long runs = 0;
        do {
            source.rewind();
            final BusinessLogic logic = BenchEngine.backtestLogic(instruments, Interval.M1, 5);
            BenchEngine.backtest(logic, source);
            runs++;
        } while (System.nanoTime() < end);
        return runs;
    }
}
