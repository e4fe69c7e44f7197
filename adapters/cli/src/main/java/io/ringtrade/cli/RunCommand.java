package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.MergedMarketDataSource;
import io.ringtrade.adapters.marketdata.PacedReplay;
import io.ringtrade.adapters.marketdata.TradeSeriesSource;
import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.Durability;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.config.FeedType;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.output.RunOutputWriter;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.pipeline.EnginePipeline;
import io.ringtrade.engine.pipeline.StatusBoard;
import io.ringtrade.engine.report.PerformanceSummary;
import io.ringtrade.journal.ChronicleEventJournal;
import io.ringtrade.journal.DurabilityPolicy;
import io.ringtrade.journal.JournalRetention;
import io.ringtrade.journal.SnapshotStore;
import io.ringtrade.engine.snapshot.SnapshotFormatException;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ringtrade run}: the long-running engine process. Feeds market data through the Disruptor pipeline into
 * the configured books (paper venue), prints a status line every few seconds, and on SIGINT/SIGTERM stops
 * cleanly: the feed stops, open orders are cancelled, the last bars close, the output files a backtest writes
 * go to the output directory and a final summary is printed.
 *
 * <p>Threads: the main thread assembles, then waits for a stop; the feed thread publishes; the ring's three
 * stage threads run journal, business logic and gateway; the status thread prints. The JVM's shutdown hook only
 * asks the main thread to stop and waits for it.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run the engine (paper) until stopped with SIGINT/SIGTERM; with no --config, the embedded default.")
public final class RunCommand implements Runnable {
    private static final long STOP_TIMEOUT_SECONDS = 20;

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "engine configuration (HOCON); default: the embedded config/default.conf")
    Path configFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: output-dir of the configuration, ./out/run)")
    Path out;

    @Option(names = "--speed", description = "replay speed as a multiple of real time, 0 = as fast as possible (default: from the configuration)")
    Double speed;

    @Option(names = "--exit-at-end", description = "stop by itself when the feed has no more data")
    boolean exitAtEnd;

    @Option(names = "--journal", paramLabel = "DIR", description = "journal directory (default: journal.dir of the configuration, ./data/journal)")
    Path journalDir;

    @Option(names = "--signals", paramLabel = "FILE", description = "replay recorded external signals (time,key,book,symbol,action,size_kind,size,price) with the feed")
    Path signalsFile;

    @Option(names = "--snapshot-interval", paramLabel = "N", description = "snapshot business state every N journaled inputs, 0 = never (default: journal.snapshot-interval of the configuration)")
    Long snapshotInterval;

    @Option(names = "--effects-log", paramLabel = "FILE", description = "append every released order (client order id, book, symbol, side, quantity) to FILE")
    Path effectsLogFile;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public void run() {
        final PrintWriter console = spec.commandLine().getOut();
        final EngineConfig config = configFile == null ? EngineConfigLoader.load(EngineConfigLoader.DEFAULT_LOCATION)
            : EngineConfigLoader.load(configFile);
        final Path outputDir = out != null ? out : config.outputDir();
        final Path journalPath = journalDir != null ? journalDir : config.journal().dir();
        final InstrumentRegistry instruments = config.newInstrumentRegistry();
        final String[] bookNames = config.books().stream().map(b -> b.name()).toArray(String[]::new);
        final FeedIdentity inputs = FeedIdentity.of(config.feed().file(), signalsFile);
        JournalManifest.checkInputs(journalPath, inputs);
        final MarketDataSource feedSource = feedSource(config, instruments, bookNames);
        final double replaySpeed = speed != null ? speed : config.feed().speed();

        JournalManifest.checkCompatible(journalPath, config);
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(journalPath,
                 config.journal().durability() == Durability.SYNC_ON_BATCH ? DurabilityPolicy.SYNC_ON_BATCH
                     : DurabilityPolicy.OS_CACHE, JournalOptions.rollCycle(config.journal()));
             EffectsLog effectsLog = effectsLogFile == null ? null : new EffectsLog(effectsLogFile, instruments, bookNames)) {
            JournalManifest.writeOrCheck(journalPath, config);
            JournalManifest.recordInputs(journalPath, inputs, journal.entryCount(), spec.commandLine().getErr());
            final JournalRetention retention = JournalOptions.retention(config.journal(), journalPath);
            final Recovered recovered = recover(journalPath, journal.entryCount(), config, instruments);
            final BusinessLogic logic = recovered.logic();
            final Recovery recovery = recovered.recovery();
            final long interval = snapshotInterval != null ? snapshotInterval : config.journal().snapshotInterval();
            if (interval < 0) {
                throw new UserException("--snapshot-interval must not be negative");
            }
            final java.util.concurrent.ExecutorService snapshotWriter = java.util.concurrent.Executors
                .newSingleThreadExecutor(task -> {
                    final Thread thread = new Thread(task, "ringtrade-snapshots");
                    thread.setDaemon(true);
                    return thread;
                });
            try {
                final EnginePipeline pipeline = new EnginePipeline(logic, journal,
                    effectsLog == null ? EffectSink.NONE : effectsLog, config.pipeline().ringSize(),
                    config.pipeline().waitStrategy(), recovery.entries(), interval,
                    (entries, state) -> snapshotWriter.execute(() -> retention.writeSnapshot(entries, state)));
                runLive(console, config, logic, pipeline, new SkippingSource(feedSource, recovery.feedEvents()),
                    replaySpeed, recovery, journalPath, outputDir);
            } finally {
                snapshotWriter.shutdown();
                try {
                    snapshotWriter.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * What recovery found: journal entries in all, feed inputs among them, entries covered by the snapshot used
     * (0 when none), the event time of the last entry (0 when none), and how long it took.
     */
    private record Recovery(long entries, long feedEvents, long fromSnapshot, long lastEventTime, long millis) {
    }

    /** Business logic rebuilt by recovery, and what recovery did. */
    private record Recovered(BusinessLogic logic, Recovery recovery) {
    }

    /**
     * Rebuilds every book, order, bar and indicator by replaying the journal through business logic with effects
     * suppressed (nothing is released: whatever those inputs caused was released, or not, before the stop). The
     * simulated venue has nothing to reconcile; live venues will reconcile here.
     */
    private Recovered recover(final Path journalPath, final long entries, final EngineConfig config,
                              final InstrumentRegistry instruments) {
        BusinessLogic logic = EngineAssembly.businessLogic(config, instruments);
        if (entries == 0) {
            return new Recovered(logic, new Recovery(0, 0, 0, 0, 0));
        }
        final long started = System.nanoTime();
        final PrintWriter err = spec.commandLine().getErr();
        long from = 0;
        final var snapshot = SnapshotStore.newestUsable(journalPath, entries, why -> err.println("ringtrade: " + why));
        if (snapshot.isPresent()) {
            try {
                logic.restore(snapshot.get().state());
                from = snapshot.get().entries();
            } catch (final SnapshotFormatException e) {
                err.println("ringtrade: snapshot " + snapshot.get().file() + " does not match this engine ("
                    + e.getMessage() + "); replaying the whole journal");
                logic = EngineAssembly.businessLogic(config, instruments);
            }
        }
        err.flush();
        long read = from;
        try (JournalInput input = JournalInput.open(journalPath, from, err)) {
            final EngineEvent slot = new EngineEvent();
            while (read < entries && input.next(slot)) {
                logic.onEvent(slot);
                slot.effects.clear();
                read++;
            }
        }
        if (read != entries) {
            throw new UserException("journal " + journalPath + " holds " + entries + " entries but only " + read
                + " could be replayed; refusing to continue on top of a gap");
        }
        return new Recovered(logic, new Recovery(entries, logic.feedInputsProcessed(), from,
            logic.lastEventTimeNanos(), (System.nanoTime() - started) / 1_000_000L));
    }

    private void runLive(final PrintWriter console, final EngineConfig config, final BusinessLogic logic,
                         final EnginePipeline pipeline, final MarketDataSource feedSource, final double replaySpeed,
                         final Recovery recovery, final Path journalPath, final Path outputDir) {
        final PacedReplay feed = new PacedReplay(feedSource, pipeline::publish, replaySpeed, System::nanoTime);
        final Thread feedThread = new Thread(feed, "ringtrade-feed");
        feedThread.setDaemon(true);

        // SIGINT/SIGTERM ask the main thread to stop cleanly; it then returns normally, so the process exits 0.
        // Any other JVM shutdown (System.exit elsewhere) still goes through the hook, which waits for the stop.
        final StopSignals signals = StopSignals.install(stopRequested::countDown);
        final Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await(STOP_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ringtrade-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        console.printf("ringtrade run: paper mode, %d books, feed %s (%s) at %sx, journal %s, ring %d, wait strategy %s, %d cores%n",
            config.books().size(), config.feed().file(), config.feed().symbol(), replaySpeed, journalPath,
            config.pipeline().ringSize(), pipeline.waitStrategy(), Runtime.getRuntime().availableProcessors());
        if (recovery.entries() > 0) {
            console.printf("recovered: replayed %d journaled events in %d ms (effects suppressed)%s; the feed resumes"
                + " after its %d journaled inputs%n", recovery.entries() - recovery.fromSnapshot(), recovery.millis(),
                recovery.fromSnapshot() > 0 ? " on top of the snapshot at entry " + recovery.fromSnapshot() : "",
                recovery.feedEvents());
        }
        console.flush();
        final long started = System.nanoTime();
        feedThread.start();
        final StatusLine status = new StatusLine(pipeline.status(), feed, console, started, recovery);
        final long statusNanos = config.statusInterval().toNanos();
        try {
            waitForStop(feed, pipeline, status, statusNanos);
            feed.stop();
            feedThread.join(TimeUnit.SECONDS.toMillis(5));
            // Restarted after the whole feed was journaled, the feed publishes nothing: the stop then happens at the
            // data time recovery reached, not at time 0.
            final long endTime = feed.lastEventTime() != 0 ? feed.lastEventTime() : recovery.lastEventTime();
            pipeline.publish(new EngineEvent().setCommand(endTime, CommandCode.CANCEL_ALL_ORDERS, -1, 0));
            pipeline.drainAndStop(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            logic.finish(endTime, logic.eventsProcessed());
            console.println(status.line());
            final Histogram latency = pipeline.status().tickToOrderSoFar();
            if (latency.getTotalCount() > 0) {
                console.printf("tick-to-order latency over the run (ingress to release, %d orders): p50 %.1f us, p99 %.1f us,"
                    + " max %.1f us%n", latency.getTotalCount(), latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
            }
            final PerformanceSummary summary = RunOutputs.write(logic, outputDir, null);
            console.println("stopped cleanly: open orders cancelled; all books together:");
            console.println(summary.toTable());
            for (final var book : logic.books()) {
                console.println("  book " + book.name() + ": equity " + FixedPoint.toString(book.equity()) + ", cash "
                    + FixedPoint.toString(book.cash()) + ", realized " + FixedPoint.toString(book.realizedPnl())
                    + ", fees " + FixedPoint.toString(book.feesPaid()));
            }
            console.println("wrote " + outputDir.resolve("trades.csv") + ", equity.csv, orders.csv, summary.json");
            console.flush();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
            signals.restore();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (final IllegalStateException alreadyShuttingDown) {
                // the JVM is exiting through the hook, which is waiting for this method to end
            }
        }
    }

    private void waitForStop(final PacedReplay feed, final EnginePipeline pipeline, final StatusLine status,
                             final long statusNanos) throws InterruptedException {
        long nextStatus = System.nanoTime() + statusNanos;
        while (!stopRequested.await(100, TimeUnit.MILLISECONDS)) {
            if (pipeline.failure() != null) {
                throw new IllegalStateException("engine stopped: " + pipeline.failure(), pipeline.failure());
            }
            if (exitAtEnd && feed.finished() && pipeline.status().events() >= feed.published()) {
                return;
            }
            if (statusNanos > 0 && System.nanoTime() >= nextStatus) {
                status.print();
                nextStatus += statusNanos;
            }
        }
    }

    private MarketDataSource feedSource(final EngineConfig config, final InstrumentRegistry instruments,
                                        final String[] bookNames) {
        if (config.feed().type() == FeedType.JOURNAL) {
            throw new UserException("feed.type = journal is for journal manifests; run needs trades-replay or bars-replay");
        }
        final Path file = DataFiles.resolve(config.feed());
        final String symbol = config.feed().symbol();
        final int instrument = instruments.intern(symbol);
        final boolean loop = config.feed().loop();
        final MarketDataSource market = config.feed().type() == FeedType.TRADES_REPLAY
            ? loop ? TradeSeriesSource.looping(MarketDataFiles.loadTrades(file, symbol), instrument)
                : new TradeSeriesSource(MarketDataFiles.loadTrades(file, symbol), instrument)
            : loop ? BarSeriesSource.looping(MarketDataFiles.loadBars(file, symbol), instrument)
                : new BarSeriesSource(MarketDataFiles.loadBars(file, symbol), instrument);
        if (signalsFile == null) {
            return market;
        }
        final java.util.Map<String, Integer> books = new java.util.LinkedHashMap<>();
        for (int i = 0; i < bookNames.length; i++) {
            books.put(bookNames[i], i);
        }
        // market data first on equal times: a signal at time t acts on the market as of t
        return new MergedMarketDataSource(java.util.List.of(market, SignalFile.load(signalsFile, books, instruments)));
    }

    /** Formats the periodic status line from the read model (never from business-logic state). */
    private static final class StatusLine {
        private final StatusBoard board;
        private final PacedReplay feed;
        private final PrintWriter console;
        private final long started;
        private final Recovery recovery;

        StatusLine(final StatusBoard board, final PacedReplay feed, final PrintWriter console, final long started,
                   final Recovery recovery) {
            this.board = board;
            this.feed = feed;
            this.console = console;
            this.started = started;
            this.recovery = recovery;
        }

        void print() {
            console.println(line());
            console.flush();
        }

        String line() {
            final long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            final StringBuilder line = new StringBuilder(200);
            line.append(String.format("[%02d:%02d:%02d] events %d orders %d fills %d rejected %d",
                seconds / 3600, seconds / 60 % 60, seconds % 60, board.events(), board.orders(), board.fills(),
                board.rejections()));
            if (recovery.entries() > 0) {
                line.append(" (replayed ").append(recovery.entries()).append(" in ").append(recovery.millis()).append(" ms)");
            }
            line.append(" journaled ").append(board.journaled());
            final String[] names = board.bookNames();
            for (int i = 0; i < names.length; i++) {
                line.append(" | ").append(names[i]).append(' ');
                FixedPoint.appendTo(line, Math.round(FixedPoint.toDouble(board.equity(i)) * 100) * 1_000_000L);
            }
            final Histogram latency = board.tickToOrderSinceLastCall();
            line.append(" | tick-to-order p99 ");
            line.append(latency.getTotalCount() == 0 ? "n/a"
                : String.format("%.1f us (%d orders)", latency.getValueAtPercentile(99) / 1000.0,
                    latency.getTotalCount()));
            if (feed.lastEventTime() != 0) {
                line.append(" | data time ").append(RunOutputWriter.isoTime(feed.lastEventTime()));
            }
            if (feed.finished()) {
                line.append(" | feed finished");
            }
            return line.toString();
        }
    }
}
