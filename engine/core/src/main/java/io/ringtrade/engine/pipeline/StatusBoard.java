package io.ringtrade.engine.pipeline;

import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.view.EngineView;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The read model other threads may look at (DESIGN.md §3: nobody reads business-logic state directly): counters,
 * per-book equity and the global trading state that the business-logic thread publishes at the end of each batch
 * with release semantics, the latest {@link EngineView} (an immutable copy handed over with a volatile write), the
 * tick-to-order latency the gateway records, and each stage's latency (from an input's ingress to the stage being
 * done with it, sampled once per batch). Read by the status line, the ops API and its metrics.
 */
public final class StatusBoard {
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong orders = new AtomicLong();
    private final AtomicLong fills = new AtomicLong();
    private final AtomicLong rejections = new AtomicLong();
    private final AtomicLong journaled = new AtomicLong();
    private final AtomicLong lastSequence = new AtomicLong(-1);
    private final AtomicLong nextTimer = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLongArray equity;
    private final Book[] books;
    private final String[] bookNames;
    // One writer each (the journal, business-logic and gateway stage threads record their own stage; the gateway the
    // tick-to-order): single-writer recorders, whose interval histograms are plain ones a reader adds without taking
    // a lock per bucket (the concurrent kind made a polled GET /status cost about 1 ms of the HTTP thread's time).
    private final SingleWriterRecorder tickToOrder = new SingleWriterRecorder(3);
    private final Histogram tickToOrderTotal = new Histogram(3);
    private final AtomicInteger globalState = new AtomicInteger();
    private final SingleWriterRecorder[] stageRecorders = {new SingleWriterRecorder(3), new SingleWriterRecorder(3),
        new SingleWriterRecorder(3), new SingleWriterRecorder(3)};
    private final Histogram[] stageTotals = {new Histogram(3), new Histogram(3), new Histogram(3), new Histogram(3)};
    // each recorder's last interval histogram, handed back to it for the next interval: without it every read swapped
    // in a freshly allocated histogram (hundreds of KB for nanosecond ranges), so a polled GET /status made the
    // engine's JVM collect garbage. Guarded by the stage's total, like the total itself.
    private final Histogram[] stageIntervals = new Histogram[4];
    // GET /status's percentiles, each stage's last reading and when it was taken: folding an interval into a total
    // and walking it to a percentile touches a few hundred KB per stage, which made a /status polled 100 times a
    // second cost the HTTP thread about 2 % of the machine. Guarded by the stage's total.
    private final long[][] percentileReadings = new long[4][];
    private final double[][] percentilesRead = new double[4][];
    private final long[] percentileReadAtNanos = new long[4];
    private final LongSupplier readClock;
    private volatile EngineView view = EngineView.empty();

    /** Stage index: the journal (ingress to appended and, at end of batch, flushed). */
    public static final int STAGE_JOURNAL = 0;
    /** Stage index: business logic (ingress to processed). */
    public static final int STAGE_LOGIC = 1;
    /** Stage index: the gateway (ingress to released). */
    public static final int STAGE_GATEWAY = 2;
    /** Not a stage: tick to order, ingress to the release of the order an input caused (for the metrics). */
    public static final int TICK_TO_ORDER = 3;

    /** How long {@link #stagePercentiles} reuses a reading: a dashboard polling faster sees the same numbers. */
    public static final long PERCENTILES_REUSED_NANOS = 100_000_000L;

    /** A board for the books of {@code logic}. */
    public StatusBoard(final BusinessLogic logic) {
        this(logic, System::nanoTime);
    }

    /**
     * A board for the books of {@code logic} whose {@link #stagePercentiles} readings age by {@code readClock}
     * (nanoseconds, monotonic; read only by the threads that ask for percentiles, never by business logic).
     */
    public StatusBoard(final BusinessLogic logic, final LongSupplier readClock) {
        this.readClock = readClock;
        // the books are fixed at construction: keep the array, so that publishing allocates nothing per batch
        books = logic.books();
        bookNames = Arrays.stream(books).map(b -> b.name()).toArray(String[]::new);
        equity = new AtomicLongArray(bookNames.length);
        publish(logic);
    }

    /** Business-logic thread: publishes its counters and the books' equity (of the books it was built with). */
    public void publish(final BusinessLogic logic) {
        events.setRelease(logic.eventsProcessed());
        orders.setRelease(logic.ordersAccepted());
        fills.setRelease(logic.fills());
        rejections.setRelease(logic.risk().totalRejections());
        globalState.setRelease(logic.tradingStates().global().code());
        lastSequence.setRelease(logic.lastSequence());
        nextTimer.setRelease(logic.nextTimerNanos());
        for (int i = 0; i < books.length; i++) {
            equity.setRelease(i, books[i].equity());
        }
    }

    /** The sequence (journal entry) of the last input business logic processed, or -1 before any. Any thread. */
    public long lastSequence() {
        return lastSequence.getAcquire();
    }

    /**
     * The event time at which the earliest armed event-strategy timer, or the earliest bar close on the clock, is due
     * ({@link Long#MAX_VALUE} when none is): the engine clock journals a time advance once its clock reaches it. Any
     * thread.
     */
    public long nextTimerNanos() {
        return nextTimer.getAcquire();
    }

    /** Journal thread: entries journaled. */
    public void publishJournaled(final long count) {
        journaled.setRelease(count);
    }

    /** Gateway thread: one tick-to-order latency sample in nanoseconds. */
    public void recordTickToOrder(final long nanos) {
        tickToOrder.recordValue(Math.max(0, nanos));
        stageRecorders[TICK_TO_ORDER].recordValue(Math.max(0, nanos));
    }

    /** The stage's own thread, and only it (one writer per stage): one latency sample (ingress to the stage done), ns. */
    public void recordStage(final int stage, final long nanos) {
        stageRecorders[stage].recordValue(Math.max(0, nanos));
    }

    /**
     * The latency recorded for {@code stage} (a {@code STAGE_*} index or {@link #TICK_TO_ORDER}) over the run so far,
     * a copy. For the metrics; any thread.
     */
    public Histogram stageLatencySoFar(final int stage) {
        synchronized (stageTotals[stage]) {
            addInterval(stage);
            return stageTotals[stage].copy();
        }
    }

    /** Folds what the stage's recorder has taken since the last read into its total; hold the total's lock. */
    private void addInterval(final int stage) {
        stageIntervals[stage] = stageRecorders[stage].getIntervalHistogram(stageIntervals[stage]);
        stageTotals[stage].add(stageIntervals[stage]);
    }

    /**
     * The value at {@code percentile} of the latency recorded for {@code stage} over the run so far, and how many
     * samples there are, without copying the histogram (for {@code GET /status}, which is polled). A reading taken
     * less than {@link #PERCENTILES_REUSED_NANOS} ago for the same percentiles is returned again instead of being
     * taken anew. Any thread.
     *
     * @return {count, value at the percentile in nanoseconds} for each of {@code percentiles}: {count, p1, p2, ...}
     */
    public long[] stagePercentiles(final int stage, final double... percentiles) {
        synchronized (stageTotals[stage]) {
            final long now = readClock.getAsLong();
            if (percentileReadings[stage] != null && now - percentileReadAtNanos[stage] < PERCENTILES_REUSED_NANOS
                && Arrays.equals(percentilesRead[stage], percentiles)) {
                return percentileReadings[stage].clone();
            }
            addInterval(stage);
            final long[] out = new long[percentiles.length + 1];
            out[0] = stageTotals[stage].getTotalCount();
            for (int i = 0; i < percentiles.length; i++) {
                out[i + 1] = out[0] == 0 ? 0 : stageTotals[stage].getValueAtPercentile(percentiles[i]);
            }
            percentileReadings[stage] = out;
            percentilesRead[stage] = percentiles.clone();
            percentileReadAtNanos[stage] = now;
            return out.clone();
        }
    }

    /** Business-logic thread: publishes a new state view. */
    public void publishView(final EngineView latest) {
        view = latest;
    }

    /** The latest state view published by business logic (an empty one before the first). */
    public EngineView view() {
        return view;
    }

    /** The global trading state's code as of the last batch (0 ACTIVE, 1 REDUCE_ONLY, 2 HALTED). */
    public int globalState() {
        return globalState.getAcquire();
    }

    /** Inputs processed by business logic. */
    public long events() {
        return events.getAcquire();
    }

    /** Orders accepted. */
    public long orders() {
        return orders.getAcquire();
    }

    /** Fills. */
    public long fills() {
        return fills.getAcquire();
    }

    /** Risk rejections. */
    public long rejections() {
        return rejections.getAcquire();
    }

    /** Entries journaled. */
    public long journaled() {
        return journaled.getAcquire();
    }

    /** Book names in index order. */
    public String[] bookNames() {
        return bookNames.clone();
    }

    /** Latest published equity of book {@code index}, fixed-point. */
    public long equity(final int index) {
        return equity.getAcquire(index);
    }

    /**
     * Tick-to-order latency recorded since the previous call (also added to the whole-run histogram). Called by
     * the status line only.
     */
    public synchronized Histogram tickToOrderSinceLastCall() {
        final Histogram interval = tickToOrder.getIntervalHistogram();
        tickToOrderTotal.add(interval);
        return interval;
    }

    /** Tick-to-order latency over the whole run so far. */
    public synchronized Histogram tickToOrderSoFar() {
        tickToOrderTotal.add(tickToOrder.getIntervalHistogram());
        return tickToOrderTotal.copy();
    }
}
