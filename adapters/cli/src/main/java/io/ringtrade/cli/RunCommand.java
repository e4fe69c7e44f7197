package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.MergedMarketDataSource;
import io.ringtrade.adapters.marketdata.TradeSeriesSource;
import io.ringtrade.engine.api.event.TradingCommand;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.Durability;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.config.FeedType;
import io.ringtrade.engine.output.OutputFiles;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.pipeline.PipelineFailure;
import io.ringtrade.engine.pipeline.StatusBoard;
import io.ringtrade.engine.runtime.Engine;
import io.ringtrade.engine.runtime.PacedReplay;
import io.ringtrade.engine.runtime.RecoveryStoppedException;
import io.ringtrade.engine.strategy.StrategyCatalog;
import io.ringtrade.journal.ChronicleEventJournal;
import io.ringtrade.journal.DurabilityPolicy;
import io.ringtrade.journal.JournalDevice;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ringtrade run}: the long-running engine process. Parses the options, resolves the feed and the journal, and
 * hands them to {@link Engine}, which recovers from the journal and runs the pipeline; prints a status line every few
 * seconds; on SIGINT/SIGTERM asks the engine to stop cleanly and prints the result. When a pipeline stage fails the
 * engine halts, releasing nothing further, and the command exits 1 naming the input and the exception.
 *
 * <p>Threads: the main thread assembles, waits for a stop and prints; the engine's threads do the rest. The JVM's
 * shutdown hook only asks the main thread to stop and waits for it.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run the engine (paper, or live with --live) until stopped with SIGINT/SIGTERM; with no --config, the embedded default.")
public final class RunCommand implements Callable<Integer> {
    private static final long STOP_TIMEOUT_SECONDS = 25;

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

    @Option(names = "--live", description = "confirm that mode = live sends real orders to the configured venue (required for live, refused for paper)")
    boolean live;

    @Option(names = "--effects-log", paramLabel = "FILE", description = "append every released venue request (client order id, kind, book, symbol, side, quantity) to FILE")
    Path effectsLogFile;

    @Option(names = "--http-port", paramLabel = "N", description = "serve the ops HTTP API on port N (0 = any free port; default: ringtrade.http.port, off when 0 there)")
    Integer httpPort;

    @Mixin
    StrategySources sources = new StrategySources();

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    /** What asked the run to stop ({@code SIGINT}, {@code SIGTERM}, a JVM shutdown), or null: the feed ended. */
    private volatile String stopCause;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        final PrintWriter console = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final StrategyCatalog catalog = sources.catalog();
        EngineConfig config = StrategySources.resolveBooks(new EngineConfigLoader()
            .location(configFile == null ? EngineConfigLoader.DEFAULT_LOCATION : configFile.toString())
            .strategies(catalog).load(), catalog);
        final Path outputDir = out != null ? out : config.outputDir();
        final Path journalPath = journalDir != null ? journalDir : config.journal().dir();
        if (httpPort != null) {
            if (httpPort < 0 || httpPort > 65_535) {
                throw new UserException("--http-port must be 0 to 65535, got " + httpPort);
            }
            // 0 on the command line means "any free port", not "off": the banner says which one
            config = config.withHttp(config.http().withPort(httpPort == 0 ? -1 : httpPort));
        }
        if (snapshotInterval != null && snapshotInterval < 0) {
            throw new UserException("--snapshot-interval must not be negative");
        }
        final InstrumentRegistry instruments = config.newInstrumentRegistry();
        final String[] bookNames = config.books().stream().map(BookConfig::name).toArray(String[]::new);
        final boolean venueFeed = config.feed().type() == FeedType.VENUE;
        // live market data has no file to identify: a restart never winds it forward
        final FeedIdentity inputs = venueFeed ? null : FeedIdentity.of(config.feed().file(), signalsFile);
        if (inputs != null) {
            JournalManifest.checkInputs(journalPath, inputs);
        }
        final Feed feed = venueFeed ? new Feed(null, null) : feedSource(config, instruments, bookNames);
        if (feed.barInterval() != null) {
            config = withFeedInterval(config, feed.barInterval());
        }
        JournalManifest.checkCompatible(journalPath, config);
        JournalManifest.checkStrategyFiles(journalPath, config, catalog);
        try (LiveSession session = LiveSession.open(config, journalPath, live, err);
             ChronicleEventJournal journal = ChronicleEventJournal.open(journalPath,
                 config.journal().durability() == Durability.SYNC_ON_BATCH ? DurabilityPolicy.SYNC_ON_BATCH
                     : DurabilityPolicy.OS_CACHE, JournalOptions.rollCycle(config.journal()));
             EffectsLog effectsLog = effectsLogFile == null ? null : new EffectsLog(effectsLogFile, instruments, bookNames);
             OperatorControls controls = new OperatorControls(config, journalPath, console)) {
            JournalManifest.writeOrCheck(journalPath, config, catalog);
            if (inputs != null) {
                JournalManifest.recordInputs(journalPath, inputs, journal.entryCount(), err);
            }
            final Engine.Context context = new Engine.Context()
                .config(config)
                .catalog(catalog)
                .journal(journal)
                .journalAccess(new ChronicleJournalAccess(journalPath, journal.entryCount(), err))
                .snapshots(new JournalSnapshots(journalPath, JournalOptions.retention(config.journal(), journalPath)))
                .feed(session.feed(feed.source(), instruments))
                .liveFeed(session.liveFeed())
                .reconciliation(session.reconciliation())
                .effects(session.effects(effectsLog == null ? EffectSink.NONE : effectsLog))
                .outputDir(outputDir)
                .inputBars(feed.barInterval())
                .auditLog(controls.audit())
                .hooks(controls.hooks())
                .beforeFeed(controls::beforeFeed)
                .log(err);
            if (speed != null) {
                context.speed(speed);
            }
            if (snapshotInterval != null) {
                context.snapshotInterval(snapshotInterval);
            }
            final Engine engine;
            try {
                engine = Engine.start(context);
            } catch (final RecoveryStoppedException e) {
                throw JournalErrors.stopped(journalPath, e);
            }
            session.start(engine);
            return runUntilStopped(console, err, config, engine, journal, outputDir, controls, session);
        }
    }

    /** The feed's inputs, and the interval of its bars when it replays bars. */
    private record Feed(MarketDataSource source, Interval barInterval) {
    }

    private int runUntilStopped(final PrintWriter console, final PrintWriter err, final EngineConfig config,
                                final Engine engine, final ChronicleEventJournal journal, final Path outputDir,
                                final OperatorControls controls, final LiveSession session) {
        final Path journalPath = journal.directory();
        // SIGINT/SIGTERM ask the main thread to stop cleanly; it then returns normally, so the process exits 0.
        // Any other JVM shutdown (System.exit elsewhere) still goes through the hook, which waits for the stop.
        final StopSignals signals = StopSignals.install(signal -> {
            stopCause = signal;
            stopRequested.countDown();
        });
        final Thread hook = new Thread(() -> {
            if (stopCause == null) {
                stopCause = "a JVM shutdown";
            }
            stopRequested.countDown();
            try {
                stopped.await(STOP_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ringtrade-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        final Engine.RecoveryReport recovery = engine.recovery();
        console.printf("ringtrade run: %s, %d books, feed %s (%s)%s, journal %s, ring %d, wait strategy %s, layout %s, "
            + "%d cores%n",
            session.live() ? "LIVE mode on " + session.account() : "paper mode", config.books().size(),
            session.liveFeed() ? config.venue().label() + " live market data" : config.feed().file(),
            config.feed().symbol(), session.liveFeed() ? "" : " at " + (speed != null ? speed : config.feed().speed()) + "x",
            journalPath, config.pipeline().ringSize(), engine.waitStrategy(), engine.layout(),
            Runtime.getRuntime().availableProcessors());
        final OptionalInt readAhead = JournalDevice.readAheadKib(journalPath);
        if (!journal.preparesNextCycle() && readAhead.isPresent()
            && readAhead.getAsInt() > JournalDevice.NOTABLE_READ_AHEAD_KIB) {
            console.printf("journal: its disk reads ahead %d KiB and, with the pretoucher off, nothing prepares the next"
                + " cycle's file: the first append of each new cycle file (the daily roll) takes milliseconds on the"
                + " journal thread; 128 KiB keeps it near 2 ms (README, Journal)%n",
                readAhead.getAsInt());
        }
        if (session.live()) {
            console.println("venue: " + session.reconciliationSummary() + " (" + journalPath.resolve(LiveVenues.RECONCILIATION_LOG)
                + ")");
        }
        if (!controls.describeHttp().isEmpty()) {
            console.println(controls.describeHttp());
        }
        if (recovery.entries() > 0) {
            // one meaning of "recovered" in this line and the status line: every journaled event the state covers
            console.printf("recovered %d journaled events in %d ms (%s%d replayed, effects suppressed); the feed resumes"
                + " after its %d journaled inputs%n", recovered(recovery), recovery.millis(),
                recovery.fromSnapshot() > 0 ? "snapshot at entry " + recovery.fromSnapshot() + " + " : "",
                recovery.replayed(), recovery.feedInputs());
        }
        console.flush();
        final StatusLine status = new StatusLine(engine.status(), engine.feed(), console, System.nanoTime(), recovery,
            session, !session.liveFeed() && (speed != null ? speed : config.feed().speed()) == 0);
        try {
            waitForStop(engine, status, config.statusInterval().toNanos());
            controls.stopEdges();
            session.stopFeed();
            if (!session.settle(engine)) {
                console.println("venue: requests still unanswered at the stop; the next start reconciles them");
            }
            final Engine.StopReport report = engine.stop();
            session.drain();
            console.println(status.finalLine(stopCause, report.endTimeNanos()));
            if (report.failure() != null) {
                return failed(err, report.failure());
            }
            final Histogram latency = engine.status().tickToOrderSoFar();
            if (latency.getTotalCount() > 0) {
                console.printf("tick-to-order latency over the run (ingress to release, %d orders): p50 %.1f us, p99 %.1f us,"
                    + " max %.1f us%s%n", latency.getTotalCount(), latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0,
                    status.asFastAsPossible ? StatusLine.QUEUEING : "");
            }
            console.println("stopped cleanly: open orders cancelled; all books together:");
            console.println(report.summary().toTable());
            for (final Book book : engine.logic().books()) {
                console.println("  book " + book.name() + ": equity " + FixedPoint.toString(book.equity()) + ", cash "
                    + FixedPoint.toString(book.cash()) + ", realized " + FixedPoint.toString(book.realizedPnl())
                    + ", fees " + FixedPoint.toString(book.feesPaid()));
            }
            console.println(WrittenFiles.line(outputDir));
            console.flush();
            return 0;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.EXIT_FAILURE;
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

    private static int failed(final PrintWriter err, final PipelineFailure failure) {
        err.println("ringtrade: engine HALTED: " + failure.describe() + "; nothing that input or any later one caused"
            + " was released");
        failure.cause().printStackTrace(err);
        err.flush();
        return Main.EXIT_FAILURE;
    }

    private void waitForStop(final Engine engine, final StatusLine status, final long statusNanos)
        throws InterruptedException {
        long nextStatus = System.nanoTime() + statusNanos;
        while (!stopRequested.await(100, TimeUnit.MILLISECONDS)) {
            if (engine.failure() != null) {
                return;
            }
            if (exitAtEnd && engine.feedDone()) {
                return;
            }
            if (statusNanos > 0 && System.nanoTime() >= nextStatus) {
                status.print();
                nextStatus += statusNanos;
            }
        }
    }

    private Feed feedSource(final EngineConfig config, final InstrumentRegistry instruments, final String[] bookNames) {
        if (config.feed().type() == FeedType.JOURNAL) {
            throw new UserException("feed.type = journal is for journal manifests; run needs trades-replay or bars-replay");
        }
        final Path file = DataFiles.resolve(config.feed());
        final String symbol = config.feed().symbol();
        final int instrument = instruments.intern(symbol);
        final boolean loop = config.feed().loop();
        final MarketDataSource market;
        Interval barInterval = null;
        if (config.feed().type() == FeedType.TRADES_REPLAY) {
            market = loop ? TradeSeriesSource.looping(MarketDataFiles.loadTrades(file, symbol), instrument)
                : new TradeSeriesSource(MarketDataFiles.loadTrades(file, symbol), instrument);
        } else {
            final BarSeriesData bars = MarketDataFiles.loadBars(file, symbol);
            barInterval = FeedIntervals.of(config, bars);
            market = loop ? BarSeriesSource.looping(bars, instrument) : new BarSeriesSource(bars, instrument);
        }
        if (signalsFile == null) {
            return new Feed(market, barInterval);
        }
        final Map<String, Integer> books = new LinkedHashMap<>();
        for (int i = 0; i < bookNames.length; i++) {
            books.put(bookNames[i], i);
        }
        // market data first on equal times: a signal at time t acts on the market as of t
        return new Feed(new MergedMarketDataSource(List.of(market, SignalFile.load(signalsFile, books, instruments))),
            barInterval);
    }

    private static EngineConfig withFeedInterval(final EngineConfig config, final Interval interval) {
        return config.withFeed(config.feed().withInterval(interval));
    }

    /** Journaled events the recovered state covers: those under the snapshot it started from and those replayed. */
    private static long recovered(final Engine.RecoveryReport recovery) {
        return recovery.fromSnapshot() + recovery.replayed();
    }

    /** Formats the periodic status line from the read model (never from business-logic state). */
    private static final class StatusLine {
        private final StatusBoard board;
        private final PacedReplay feed;
        private final PrintWriter console;
        private final long started;
        /** Why latency is long at speed 0: inputs wait for the ones published before them. */
        static final String QUEUEING = " (speed 0: the feed publishes as fast as it can, so this is mostly queueing behind"
            + " the backlog; BENCHMARKS.md has the pipeline's own latency)";

        private final Engine.RecoveryReport recovery;
        private final LiveSession session;
        private final boolean asFastAsPossible;

        StatusLine(final StatusBoard board, final PacedReplay feed, final PrintWriter console, final long started,
                   final Engine.RecoveryReport recovery, final LiveSession session, final boolean asFastAsPossible) {
            this.session = session;
            this.board = board;
            this.feed = feed;
            this.console = console;
            this.started = started;
            this.recovery = recovery;
            this.asFastAsPossible = asFastAsPossible;
        }

        /** The line printed after the stop: how the run ended instead of the feed's state. */
        String finalLine(final String stoppedBy, final long endTimeNanos) {
            final String line = line(false);
            if (stoppedBy == null) {
                return line + (endTimeNanos != 0 ? " | data time " + OutputFiles.isoTime(endTimeNanos) : "")
                    + (feed.finished() ? " | feed finished" : "");
            }
            return line + " | stopped by " + stoppedBy + (endTimeNanos != 0 ? " at data time "
                + OutputFiles.isoTime(endTimeNanos) : "");
        }

        void print() {
            console.println(line());
            console.flush();
        }

        String line() {
            return line(true);
        }

        private String line(final boolean withFeedState) {
            final long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            final StringBuilder line = new StringBuilder(200);
            line.append(String.format("[%02d:%02d:%02d] events %d orders %d fills %d rejected %d",
                seconds / 3600, seconds / 60 % 60, seconds % 60, board.events(), board.orders(), board.fills(),
                board.rejections()));
            if (recovery.entries() > 0) {
                line.append(" (").append(recovered(recovery)).append(" recovered)");
            }
            line.append(" journaled ").append(board.journaled());
            line.append(" | trading ").append(TradingCommand.stateName(board.globalState()));
            final String[] names = board.bookNames();
            for (int i = 0; i < names.length; i++) {
                line.append(" | ").append(names[i]).append(' ');
                FixedPoint.appendTo(line, Math.round(FixedPoint.toDouble(board.equity(i)) * 100) * 1_000_000L);
            }
            final Histogram latency = board.tickToOrderSinceLastCall();
            line.append(" | tick-to-order p99 ");
            line.append(latency.getTotalCount() == 0 ? "n/a"
                : String.format("%.1f us (%d orders%s)", latency.getValueAtPercentile(99) / 1000.0,
                    latency.getTotalCount(), asFastAsPossible ? ", queueing at speed 0" : ""));
            if (withFeedState && feed.lastEventTime() != 0) {
                line.append(" | data time ").append(OutputFiles.isoTime(feed.lastEventTime()));
            }
            if (withFeedState && feed.finished()) {
                line.append(" | feed finished");
            }
            line.append(session.status());
            return line.toString();
        }
    }
}
