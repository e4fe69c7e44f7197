package io.ringtrade.engine.runtime;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.journal.JournalAccess;
import io.ringtrade.engine.api.journal.JournalCursor;
import io.ringtrade.engine.api.journal.Snapshots;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.audit.AuditLog;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.Mode;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.CsvOutputWriter;
import io.ringtrade.engine.output.OutputFiles;
import io.ringtrade.engine.output.OutputRows;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.pipeline.EnginePipeline;
import io.ringtrade.engine.pipeline.GatewayHooks;
import io.ringtrade.engine.pipeline.Notifier;
import io.ringtrade.engine.pipeline.PipelineFailure;
import io.ringtrade.engine.pipeline.StatusBoard;
import io.ringtrade.engine.reconcile.PaperReconciliation;
import io.ringtrade.engine.report.PerformanceSummary;
import io.ringtrade.engine.snapshot.SnapshotFormatException;
import io.ringtrade.engine.strategy.StrategyCatalog;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingIdleStrategy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The long-running engine (DESIGN.md §3–4) as one type with one life: {@link #start} builds business logic from the
 * configuration, recovers it from the journal (newest usable snapshot, then the journal's tail, effects suppressed,
 * output files cut back to what the snapshot covers and regenerated from there), starts the pipeline and the feed;
 * {@link #stop} stops the feed, journals the clean stop's cancel-all, drains the pipeline, ends the input, closes the
 * output files and writes {@code summary.json}. The command line only parses arguments, builds a {@link Context}
 * and calls these.
 *
 * <p>Fail closed: when a pipeline stage fails the engine releases nothing further, {@link #failure} says which input
 * and why, and {@link #stop} halts without finishing the input (the caller exits non-zero). Recovery that meets an
 * entry business logic cannot process stops there with {@link RecoveryStoppedException}, naming the entry.
 *
 * <p>Threads: start and stop on the caller's (main) thread; then the feed thread publishes, the ring's three stage
 * threads run journal, business logic and gateway, a snapshot thread stores snapshots, the output thread writes the
 * result files, and — when a book runs an event strategy or {@code pipeline.bar-close-delay} is set,
 * {@code pipeline.timer-interval} is not 0 and the feed has a pace (live market data, or a recording at a speed above
 * 0) — the clock thread journals {@link TimerClock} time advances.
 */
public final class Engine {
    private static final long STOP_TIMEOUT_SECONDS = 20;

    private final Context context;
    private final BusinessLogic logic;
    private final CsvOutputWriter outputs;
    private final RecoveryReport recovery;
    /** Inputs business logic had processed when recovery ended: what the feed's inputs are counted on top of. */
    private final long eventsAfterRecovery;
    private final long lastOfflineCommandAtStart;
    private final EnginePipeline pipeline;
    private final PacedReplay feed;
    private final Thread feedThread;
    private final TimerClock clock;
    private final AgentRunner clockRunner;
    private final ExecutorService snapshotWriter;
    private boolean stopped;

    /**
     * Everything the engine needs, set fluently, checked once by {@link #conclude()} (after Aeron's
     * {@code Context.conclude()}): a complete context or one exception naming what is missing or wrong.
     */
    public static final class Context {
        private EngineConfig config;
        private StrategyCatalog catalog;
        private EventJournal journal;
        private JournalAccess journalAccess;
        private Snapshots snapshots = Snapshots.NONE;
        private MarketDataSource feed;
        private double speed = Double.NaN;
        private EffectSink effects = EffectSink.NONE;
        private Path outputDir;
        private long snapshotInterval = -1;
        private Interval inputBars;
        private LongSupplier nanoClock = System::nanoTime;
        private LongSupplier wallClock = () -> System.currentTimeMillis() * 1_000_000L;
        private PrintWriter log;
        private AuditLog auditLog;
        private GatewayHooks hooks = GatewayHooks.NONE;
        private Consumer<Engine> beforeFeed = engine -> {
        };
        private StartupReconciliation reconciliation;
        private boolean liveFeed;
        private boolean concluded;

        /** The validated configuration (instruments, books, pipeline, journal settings). */
        public Context config(final EngineConfig value) {
            this.config = value;
            return this;
        }

        /** Where strategies are found by name. */
        public Context catalog(final StrategyCatalog value) {
            this.catalog = value;
            return this;
        }

        /** The journal, open for appending (the caller owns and closes it after {@link Engine#stop}). */
        public Context journal(final EventJournal value) {
            this.journal = value;
            return this;
        }

        /** Read access to the same journal, for recovery. */
        public Context journalAccess(final JournalAccess value) {
            this.journalAccess = value;
            return this;
        }

        /** Where snapshots are kept (default none). */
        public Context snapshots(final Snapshots value) {
            this.snapshots = value;
            return this;
        }

        /** Every input of the feed from its start, in order (recovery skips what the journal already holds). */
        public Context feed(final MarketDataSource value) {
            this.feed = value;
            return this;
        }

        /** Replay speed of the feed: a multiple of real time, 0 = as fast as possible (default: the config's). */
        public Context speed(final double value) {
            this.speed = value;
            return this;
        }

        /** Where released effects go (default nowhere: the simulated venue lives inside business logic). */
        public Context effects(final EffectSink value) {
            this.effects = value;
            return this;
        }

        /** Where the result files go (default: the config's output directory). */
        public Context outputDir(final Path value) {
            this.outputDir = value;
            return this;
        }

        /** Journaled inputs between snapshots, 0 = never (default: the config's). */
        public Context snapshotInterval(final long value) {
            this.snapshotInterval = value;
            return this;
        }

        /** The interval of a bars-replay feed's bars, so books can resample them (null: bars are at each book's). */
        public Context inputBars(final Interval value) {
            this.inputBars = value;
            return this;
        }

        /** The monotonic clock for pacing and latency (default {@link System#nanoTime}); business logic never reads it. */
        public Context nanoClock(final LongSupplier value) {
            this.nanoClock = value;
            return this;
        }

        /**
         * The wall clock in epoch nanoseconds the engine clock stamps its time advances with on live market data
         * (default {@link System#currentTimeMillis}, the clock the venue feed stamps its polls with); business logic
         * never reads it.
         */
        public Context wallClock(final LongSupplier value) {
            this.wallClock = value;
            return this;
        }

        /**
         * The audit log business logic's lines go to (owned by the caller, beside the journal); default: {@code
         * audit.log} in the output directory.
         */
        public Context auditLog(final AuditLog value) {
            this.auditLog = value;
            return this;
        }

        /** Where notifications go, who hears of released commands, how often the state view is published. */
        public Context hooks(final GatewayHooks value) {
            this.hooks = value;
            return this;
        }

        /**
         * Called once the pipeline runs and before the feed starts (on the starting thread): the offline kill switch
         * publishes the commands waiting in its queue here, so that they act before any new market data.
         */
        public Context beforeFeed(final Consumer<Engine> value) {
            this.beforeFeed = value;
            return this;
        }

        /** Where the engine writes messages about itself (recovery, snapshots). */
        public Context log(final PrintWriter value) {
            this.log = value;
            return this;
        }

        /**
         * How the recovered state is reconciled with the venue before trading (default: paper mode's, against the
         * simulated venue's own state); a live venue adapter gives its own.
         */
        public Context reconciliation(final StartupReconciliation value) {
            this.reconciliation = value;
            return this;
        }

        /**
         * Whether the feed is live market data (true) rather than a recording replayed from its start (false, the
         * default): a live feed is not wound forward past the inputs the journal already holds on a restart.
         */
        public Context liveFeed(final boolean value) {
            this.liveFeed = value;
            return this;
        }

        /**
         * Checks the context once and fills defaults from the configuration.
         *
         * @throws IllegalArgumentException naming the first missing or invalid setting
         */
        public Context conclude() {
            if (concluded) {
                return this;
            }
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(journal, "journal");
            Objects.requireNonNull(journalAccess, "journalAccess");
            Objects.requireNonNull(snapshots, "snapshots");
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(effects, "effects");
            Objects.requireNonNull(nanoClock, "nanoClock");
            Objects.requireNonNull(wallClock, "wallClock");
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(hooks, "hooks");
            Objects.requireNonNull(beforeFeed, "beforeFeed");
            if (Double.isNaN(speed)) {
                speed = config.feed().speed();
            }
            if (!(speed >= 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("speed must be 0 or a positive number, got " + speed);
            }
            if (snapshotInterval < 0) {
                snapshotInterval = config.journal().snapshotInterval();
            }
            if (outputDir == null) {
                outputDir = config.outputDir();
            }
            if (config.books().isEmpty()) {
                throw new IllegalArgumentException("the configuration has no books");
            }
            if (reconciliation == null) {
                reconciliation = new PaperReconciliation(log);
            }
            concluded = true;
            return this;
        }
    }

    /**
     * What recovery did: the journal's entries, the feed inputs among them, the entries the snapshot used covered
     * (0 when none), the entries replayed on top of it, the event time of the last entry (0 when none), and how long
     * it took.
     */
    public record RecoveryReport(long entries, long feedInputs, long fromSnapshot, long replayed, long lastEventTime,
                                 long millis) {
    }

    /** What {@link #stop} found: the summary of all books (null after a failure) and the failure, if any. */
    public record StopReport(PerformanceSummary summary, PipelineFailure failure, long endTimeNanos) {
    }

    private Engine(final Context context, final BusinessLogic logic, final CsvOutputWriter outputs,
                   final RecoveryReport recovery) {
        this.context = context;
        this.logic = logic;
        this.outputs = outputs;
        this.recovery = recovery;
        // not recovery.entries(): entries passed over with `journal skip` were journaled but never processed
        this.eventsAfterRecovery = logic.eventsProcessed();
        this.lastOfflineCommandAtStart = logic.tradingStates().lastOfflineCommand();
        this.snapshotWriter = Executors.newSingleThreadExecutor(task -> {
            final Thread thread = new Thread(task, "ringtrade-snapshots");
            thread.setDaemon(true);
            return thread;
        });
        final long interval = context.snapshotInterval;
        this.pipeline = new EnginePipeline(logic, context.journal, context.effects,
            context.config.pipeline().ringSize(), context.config.pipeline().waitStrategy(), recovery.entries(), interval,
            this::onSnapshot, context.nanoClock, context.hooks, context.config.pipeline().layout());
        this.feed = new PacedReplay(context.liveFeed ? context.feed : new SkippingSource(context.feed,
            recovery.feedInputs()), pipeline::publish, context.speed, context.nanoClock);
        this.feedThread = new Thread(feed, "ringtrade-feed");
        this.feedThread.setDaemon(true);
        final long timerInterval = context.config.pipeline().timerInterval().toNanos();
        // the clock follows the feed's pace: live data runs on the wall clock, a recording on its data clock; a
        // recording replayed as fast as possible has no pace, and its data fires the timers
        final LongSupplier runClock = context.liveFeed ? context.wallClock
            : context.speed > 0 ? feed::dataTimeNanos : null;
        if (timerInterval > 0 && runClock != null && (logic.hasEventStrategies() || logic.closesBarsOnTime())) {
            this.clock = new TimerClock(runClock, pipeline.status(), pipeline::offer, timerInterval, context.nanoClock);
            this.clockRunner = new AgentRunner(new SleepingIdleStrategy(timerInterval),
                error -> context.log.println("ringtrade: engine clock: " + error), null, clock);
        } else {
            this.clock = null;
            this.clockRunner = null;
        }
    }

    /**
     * Builds, recovers and starts the engine.
     *
     * @throws RecoveryStoppedException when an entry of the journal cannot be processed
     * @throws IllegalArgumentException when the configuration's books cannot be built
     */
    public static Engine start(final Context context) {
        context.conclude();
        final Recovered recovered = recover(context);
        // reconcile with the venue while business logic is idle, then publish what it found before any feed input
        final List<EngineEvent> reconciled = context.reconciliation.reconcile(recovered.logic(), recovered.report());
        final Engine engine = new Engine(context, recovered.logic(), recovered.outputs(), recovered.report());
        try {
            for (final EngineEvent input : reconciled) {
                engine.pipeline.publish(input);
            }
            context.beforeFeed.accept(engine);
        } catch (final RuntimeException e) {
            engine.pipeline.halt();
            engine.outputs.close();
            throw e;
        }
        engine.feedThread.start();
        if (engine.clockRunner != null) {
            AgentRunner.startOnThread(engine.clockRunner, task -> {
                final Thread thread = new Thread(task, "ringtrade-clock");
                thread.setDaemon(true);
                return thread;
            });
        }
        return engine;
    }

    private record Recovered(BusinessLogic logic, CsvOutputWriter outputs, RecoveryReport report) {
    }

    /**
     * Rebuilds business logic from the journal with effects suppressed (nothing is released: whatever those inputs
     * caused was released, or not, before the stop). Starts from the newest snapshot whose rows the output files
     * still hold, cutting the files back to them; without one, from the journal's start with new files.
     */
    private static Recovered recover(final Context context) {
        final long started = System.nanoTime();
        final long entries = context.journalAccess.entryCount();
        final InstrumentRegistry instruments = context.config.newInstrumentRegistry();
        final String[] symbols = symbols(instruments);
        final String[] currencies = new String[instruments.size()];
        for (int id = 0; id < currencies.length; id++) {
            currencies[id] = instruments.get(id).currency();
        }
        final String[] books = context.config.books().stream().map(b -> b.name()).toArray(String[]::new);
        BusinessLogic logic = null;
        CsvOutputWriter outputs = null;
        long from = 0;
        if (entries > 0) {
            for (final Snapshots.Stored snapshot : context.snapshots.candidates(entries,
                why -> context.log.println("ringtrade: " + why))) {
                final byte[] state = snapshot.state();
                final OutputRows rows;
                try {
                    final BusinessLogic probe = newLogic(context, instruments, OutputSink.NONE);
                    probe.restore(state);
                    rows = probe.outputRows();
                } catch (final SnapshotFormatException e) {
                    context.log.println("ringtrade: snapshot " + snapshot.name() + " does not match this engine ("
                        + e.getMessage() + "); trying an older one");
                    continue;
                }
                outputs = CsvOutputWriter.open(context.outputDir, rows, symbols, currencies, books, context.auditLog);
                if (outputs == null) {
                    context.log.println("ringtrade: the files in " + context.outputDir + " do not hold the rows snapshot "
                        + snapshot.name() + " covers; trying an older one");
                    continue;
                }
                logic = newLogic(context, instruments, outputs);
                logic.restore(state);
                from = snapshot.entries();
                break;
            }
        }
        if (logic == null) {
            outputs = CsvOutputWriter.open(context.outputDir, OutputRows.NONE, symbols, currencies, books,
                context.auditLog);
            logic = newLogic(context, instruments, outputs);
        }
        context.log.flush();
        final long replayed = replay(context.journalAccess, logic, from, entries);
        return new Recovered(logic, outputs, new RecoveryReport(entries, logic.feedInputsProcessed(), from, replayed,
            logic.lastEventTimeNanos(), (System.nanoTime() - started) / 1_000_000L));
    }

    private static BusinessLogic newLogic(final Context context, final InstrumentRegistry instruments,
                                          final OutputSink sink) {
        return configuredLogic(context.config, instruments, context.catalog, sink, context.inputBars);
    }

    /**
     * Business logic as a configured run has it (run, recovery, replay): the configured books, the engine-wide risk
     * settings, books on the live venue when {@code mode = live}, bar inputs at {@code inputBars} (null: each book's
     * own interval). Start-up thread only.
     */
    public static BusinessLogic configuredLogic(final EngineConfig config, final InstrumentRegistry instruments,
                                                final StrategyCatalog catalog, final OutputSink sink,
                                                final Interval inputBars) {
        final List<BookSpec> specs = BookAssembly.assemble(config.books(), instruments, catalog);
        final Duration barCloseDelay = config.pipeline().barCloseDelay();
        return new BusinessLogic(instruments, specs, new LogicSettings(sink, inputBars, 0, 0, Long.MIN_VALUE,
            config.risk(), config.mode() == Mode.LIVE, barCloseDelay == null ? LogicSettings.BARS_CLOSE_AT_NEXT_INPUT
            : barCloseDelay.toNanos(), config.mode() != Mode.LIVE || config.venue().replacesInPlace()));
    }

    /** For {@link #replay}: read to the journal's last complete entry. */
    public static final long TO_THE_END = -1;

    /**
     * Feeds entries {@code from} to {@code entries} (or {@link #TO_THE_END}) of a journal into {@code logic}, effects
     * suppressed; returns how many it processed.
     *
     * @throws RecoveryStoppedException when business logic cannot process an entry
     * @throws IllegalStateException when the journal holds fewer readable entries than it says
     */
    public static long replay(final JournalAccess journal, final BusinessLogic logic, final long from,
                              final long entries) {
        long processed = 0;
        try (JournalCursor cursor = journal.open(from)) {
            final EngineEvent slot = new EngineEvent();
            while ((entries == TO_THE_END || cursor.nextEntry() < entries) && cursor.next(slot)) {
                try {
                    logic.onEvent(slot);
                } catch (final RuntimeException e) {
                    throw new RecoveryStoppedException(slot, e);
                }
                slot.effects.clear();
                processed++;
            }
            if (entries != TO_THE_END && cursor.nextEntry() < entries) {
                throw new IllegalStateException("the journal holds " + entries + " entries but only "
                    + cursor.nextEntry() + " could be read; refusing to continue on top of a gap");
            }
        }
        return processed;
    }

    private static String[] symbols(final InstrumentRegistry instruments) {
        final String[] symbols = new String[instruments.size()];
        for (int id = 0; id < symbols.length; id++) {
            symbols[id] = instruments.get(id).symbol();
        }
        return symbols;
    }

    /**
     * On the business-logic thread: a snapshot was taken. Its rows are synced to disk before the snapshot is stored,
     * on the snapshot thread, so a stored snapshot never covers rows the files lack.
     */
    private void onSnapshot(final long entries, final byte[] state) {
        final long token = outputs.sync();
        snapshotWriter.execute(() -> {
            if (outputs.awaitSynced(token, STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                context.snapshots.write(entries, state);
            }
        });
    }

    // ---- running ------------------------------------------------------------------------------------------------

    /** What recovery did. */
    public RecoveryReport recovery() {
        return recovery;
    }

    /** The read model for the status line and the ops API. */
    public StatusBoard status() {
        return pipeline.status();
    }

    /** Inputs published but not yet through every stage. */
    public long backlog() {
        return pipeline.backlog();
    }

    /** The feed (progress, data time). */
    public PacedReplay feed() {
        return feed;
    }

    /** The wait strategy in use. */
    public String waitStrategy() {
        return pipeline.waitStrategy();
    }

    /** The pipeline layout in use ({@code auto} resolved for this machine), e.g. {@code fused}. */
    public String layout() {
        return pipeline.layout().label();
    }

    /** Why the pipeline failed, or null while it runs. */
    public PipelineFailure failure() {
        return pipeline.failure();
    }

    /** Whether the feed has published everything and business logic has processed it. */
    public boolean feedDone() {
        return feed.finished()
            && pipeline.status().events() >= eventsAfterRecovery + feed.published() + timeAdvancesPublished();
    }

    /** Time advances the engine clock has journaled in this run (0 without a clock). */
    public long timeAdvancesPublished() {
        return clock == null ? 0 : clock.published();
    }

    /**
     * Publishes an input from another producer without waiting and returns its sequence (journal entry), or -1 when
     * the ring is full or the engine has stopped (the ops API then answers 503).
     */
    public long offer(final EngineEvent input) {
        return pipeline.offer(input);
    }

    /**
     * The event time commands from operators are stamped with: the latest the feed published, or where recovery
     * ended. Business logic reads no clock, and a paper run replays old data, so an operator's command is placed at
     * the data's "now".
     */
    public long dataTimeNanos() {
        return Math.max(Math.max(feed.lastEventTime(), recovery.lastEventTime()), clockTime());
    }

    private long clockTime() {
        return clock == null || clock.lastTime() == TimerClock.UNKNOWN ? 0 : clock.lastTime();
    }

    /**
     * The number of the last offline command (kill switch or limit change) business logic had applied when recovery
     * ended: the offline command queue is read from the next one. Call before the feed starts (from
     * {@link Context#beforeFeed}).
     */
    public long lastOfflineCommandAtStart() {
        return lastOfflineCommandAtStart;
    }

    /** Publishes an input from another producer (signals, commands); blocks while the ring is full. */
    public void publish(final EngineEvent input) {
        pipeline.publish(input);
    }

    /**
     * Stops the engine. Without a failure: stops the feed, journals the clean stop's cancel-all, drains the
     * pipeline, ends the input (the last bars close, the last equity row), closes the output files (deriving
     * {@code orders.csv}) and writes {@code summary.json}. After a failure: halts, closes what was written and writes
     * no summary. Idempotent; call on the thread that started the engine.
     */
    public StopReport stop() {
        if (stopped) {
            throw new IllegalStateException("stopped already");
        }
        stopped = true;
        feed.stop();
        if (clockRunner != null) {
            // waits for the clock's thread: no time advance follows the stop's command
            clockRunner.close();
        }
        try {
            feedThread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Restarted after the whole feed was journaled, the feed publishes nothing: the stop then happens at the data
        // time recovery reached, not at time 0; nor before the clock's last time advance.
        final long endTime = Math.max(feed.lastEventTime() != 0 ? feed.lastEventTime() : recovery.lastEventTime(),
            clockTime());
        PipelineFailure failed = pipeline.failure();
        if (failed == null) {
            try {
                pipeline.publish(new EngineEvent().setCommand(endTime, CommandCode.CANCEL_ALL_ORDERS, -1, 0));
                pipeline.drainAndStop(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (final EnginePipeline.PipelineFailedException | IllegalStateException e) {
                failed = pipeline.failure();
                if (failed == null) {
                    throw e;
                }
            }
        }
        if (failed != null) {
            pipeline.halt();
        } else {
            logic.finish();
        }
        snapshotWriter.shutdown();
        try {
            snapshotWriter.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed != null) {
            try {
                outputs.close();
            } catch (final RuntimeException e) {
                context.log.println("ringtrade: after the failure, the output files could not be closed: " + e);
            }
            return new StopReport(null, failed, endTime);
        }
        outputs.close();
        final PerformanceSummary summary = logic.summary();
        writeSummary(context.outputDir, summary.toJson());
        return new StopReport(summary, null, endTime);
    }

    /** Business logic, for reading after {@link #stop} (the books' final state). */
    public BusinessLogic logic() {
        if (!stopped) {
            throw new IllegalStateException("business logic is owned by its thread until the engine stops");
        }
        return logic;
    }

    /** Where the result files go. */
    public Path outputDir() {
        return context.outputDir;
    }

    /** Writes {@code summary.json} into {@code dir}. */
    public static void writeSummary(final Path dir, final String json) {
        try {
            Files.writeString(dir.resolve(OutputFiles.SUMMARY), json, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(OutputFiles.SUMMARY) + ": " + e.getMessage(), e);
        }
    }
}
