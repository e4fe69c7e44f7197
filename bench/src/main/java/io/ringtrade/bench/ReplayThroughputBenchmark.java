package io.ringtrade.bench;

import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.TradeSeriesSource;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.journal.JournalReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Replay throughput: a whole journal of {@code events} (default 1,000,000) market-data entries (1-minute bars, or trade
 * ticks) read and fed through business logic with one {@code sma_crossover} (50/200) book on 1-minute bars, as
 * {@code ringtrade replay} and recovery do. JMH scores invocations per second; events per second is the score times
 * {@code events} ({@link BenchSuite} reports it so). Two baselines over the same events in the same run:
 * <pre>
 *   ours, journalReplay (one thread):
 *
 *     cq4 files (page cache) ──► JournalReader.next ──► BacktestDriver ──► BusinessLogic.onEvent
 *                                (Chronicle tailer,      (one reused        (bars, SMA(50/200), strategy, risk,
 *                                 header check,           EngineEvent)       orders, books, equity/order/fill logs)
 *                                 JournalLayout.decode                         │
 *                                 + checksum)                                  └──► EventJournal.none(), EffectSink.NONE
 *
 *   BASELINE memoryReplay:    BarSeriesSource / TradeSeriesSource (long columns) ──► BacktestDriver ──► the same logic
 *   BASELINE journalReadOnly: JournalReader.next only (no business logic): the journal's share on its own
 * </pre>
 * The journal is written once per trial into a directory under {@code bench/target} (deleted at the end) and is
 * then in the page cache: this measures replay from memory-mapped files, not from a cold disk. Fresh business logic
 * per invocation, built outside the timed region; opening the reader is inside it.
 * {@code input=bars}: the 1M-bar setup of {@link BacktestThroughputBenchmark}. {@code input=trades}: the 100,000
 * Bitstamp trades repeated with shifted times to 1M ticks, each tick building the 1-minute bars.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--enable-native-access=ALL-UNNAMED", "-Dchronicle.analytics.disable=true", "-Xms2g", "-Xmx2g"})
public class ReplayThroughputBenchmark {
    /** The events, in memory and in a journal, built once per trial. */
    @State(Scope.Benchmark)
    public static class Input {
        @Param({"bars", "trades"})
        public String input;
        /** Entries in the journal: one invocation replays them all. */
        @Param("1000000")
        public int events;
        InstrumentRegistry instruments;
        int instrument;
        MarketDataSource memory;
        Runnable rewind;
        Path dir;

        @Setup(Level.Trial)
        public void build() {
            instruments = BenchEngine.instruments();
            instrument = BenchEngine.instrument(instruments);
            if (input.equals("bars")) {
                final BarSeriesSource source = new BarSeriesSource(MinuteBars.repeated(MinuteBars.original(), events),
                    instrument);
                memory = source;
                rewind = source::rewind;
            } else {
                final TradeSeriesSource source = new TradeSeriesSource(JournalFixtures.repeatedTrades(
                    MarketDataFiles.loadTrades(MinuteBars.tradeFile(), MinuteBars.SYMBOL), events), instrument);
                memory = source;
                rewind = source::rewind;
            }
            dir = JournalFixtures.newDirectory("replay-" + input + "-");
            final long written = JournalFixtures.importInto(dir, memory);
            rewind.run();
            final BusinessLogic check = BenchEngine.backtestLogic(instruments, Interval.M1, 5);
            final long replayed;
            try (JournalFixtures.JournalSource source = new JournalFixtures.JournalSource(dir, 0)) {
                replayed = BenchEngine.backtest(check, source);
            }
            final BusinessLogic fromMemory = BenchEngine.backtestLogic(instruments, Interval.M1, 5);
            BenchEngine.backtest(fromMemory, memory);
            rewind.run();
            if (check.fills() != fromMemory.fills() || check.outputRows().equity() != fromMemory.outputRows().equity()) {
                throw new IllegalStateException("journal replay and memory replay differ: " + check.fills() + " vs "
                    + fromMemory.fills() + " fills");
            }
            RunConditions.print("ReplayThroughputBenchmark input=" + input,
                "disk: " + JournalFixtures.disk(dir),
                "journal: " + written + " " + input + " entries, " + JournalFixtures.size(dir) + " bytes, written in setup"
                    + " (page cache warm)",
                "strategy: " + BenchEngine.BACKTEST_DESCRIPTION,
                "one replay: " + replayed + " inputs, " + check.ordersAccepted() + " orders, " + check.fills()
                    + " fills, " + check.outputRows().equity() + " equity rows (memory replay: the same)");
        }

        @TearDown(Level.Trial)
        public void delete() {
            JournalFixtures.delete(dir);
        }
    }

    /** Fresh business logic per invocation. */
    @State(Scope.Thread)
    public static class Logic {
        BusinessLogic logic;

        @Setup(Level.Invocation)
        public void invocation(final Input input) {
            input.rewind.run();
            logic = BenchEngine.backtestLogic(input.instruments, Interval.M1, 5);
        }
    }

    /** Ours: the replay path, journal → reader → driver → business logic. */
    @Benchmark
    public long journalReplay(final Input input, final Logic run) {
        try (JournalFixtures.JournalSource source = new JournalFixtures.JournalSource(input.dir, 0)) {
            return BenchEngine.backtest(run.logic, source) + run.logic.fills();
        }
    }

    /** BASELINE: the same events from memory through the same driver and logic. */
    @Benchmark
    public long memoryReplay(final Input input, final Logic run) {
        return BenchEngine.backtest(run.logic, input.memory) + run.logic.fills();
    }

    /** BASELINE: reading and decoding the journal only. */
    @Benchmark
    public long journalReadOnly(final Input input) {
        final EngineEvent slot = new EngineEvent();
        long sum = 0;
        try (JournalReader reader = JournalReader.open(input.dir)) {
            while (reader.next(slot)) {
                sum += slot.eventTimeNanos;
            }
            if (reader.nextEntry() != input.events) {
                throw new IllegalStateException("read " + reader.nextEntry() + " entries");
            }
        }
        return sum;
    }
}
