package io.ringtrade.engine.output;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.WeightLog;
import io.ringtrade.engine.audit.AuditFormat;
import io.ringtrade.engine.audit.AuditLog;
import io.ringtrade.engine.order.FillReason;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderState;
import io.ringtrade.engine.order.OrderTransition;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Streams a run's rows to {@code trades.csv}, {@code equity.csv}, {@code order_events.csv},
 * {@code round_trips.csv}, {@code large_transactions.csv} and {@code entries.csv} (and {@code weights.csv} when a
 * book's strategy keeps a weight log: the file exists only then), and business logic's audit lines to an
 * {@link AuditLog}, as they happen, off the business-logic thread: the business-logic thread writes fixed binary
 * records ({@link OutputRecords}) into a bounded single-producer ring (Agrona's {@link OneToOneRingBuffer}) without
 * allocating, and a writer thread formats them into the files. When the ring is full the business-logic thread
 * waits (backpressure) rather than dropping a row or growing memory. At {@link #close} the writer drains the
 * ring, closes the files and derives {@code orders.csv} from {@code order_events.csv} ({@link OrdersCsv}).
 *
 * <p>{@link #sync} puts a marker in the ring; once the writer reaches it, everything before it is flushed and forced to
 * the device, which {@link #awaitSynced} waits for: a snapshot is only stored after the rows it covers are on disk, so
 * that recovery can always cut the files back to the snapshot's rows.
 *
 * <p>Threads: the OutputSink methods and {@link #sync} on the business-logic thread (one producer); the writer on its
 * own thread ({@code ringtrade-outputs}); {@link #awaitSynced} and {@link #close} on any other thread.
 */
public final class CsvOutputWriter implements OutputSink, AutoCloseable {
    /** Default ring capacity: 65,536 rows in flight. */
    public static final int DEFAULT_CAPACITY = 1 << 16;

    private static final OrderTransition[] TRANSITIONS = OrderTransition.values();
    private static final OrderState[] STATES = OrderState.values();
    private static final WeightLog.Reason[] REASONS = WeightLog.Reason.values();

    private final Path dir;
    private final String[] symbols;
    private final String[] bookNames;
    private final String[] currencies;
    private final AuditLog audit;
    private final boolean ownsAudit;
    private final RingBuffer<OutputRecord> ring;
    private final EventPoller<OutputRecord> poller;
    private final Thread thread;
    private final StreamedFiles files;
    private final AtomicLong synced = new AtomicLong(-1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closing;
    private long syncTokens;
    private boolean closed;
    /** weights.csv, opened when the first book with a weight log announces its members; then written by the writer. */
    private volatile Writer weights;
    /** Weighted members' names by book (null for books without a weight log); set at start, read by the writer. */
    private final String[][] weightMembers;

    /** The streamed files, open for appending. */
    private record StreamedFiles(Writer trades, Writer equity, Writer orderEvents, Writer roundTrips,
                                 Writer largeTransactions, Writer entries) {
        void flushAndForce() throws IOException {
            entries.flushAndForce();
            trades.flushAndForce();
            equity.flushAndForce();
            orderEvents.flushAndForce();
            roundTrips.flushAndForce();
            largeTransactions.flushAndForce();
        }

        void close() throws IOException {
            entries.close();
            trades.close();
            equity.close();
            orderEvents.close();
            roundTrips.close();
            largeTransactions.close();
        }
    }

    /** A buffered text writer over a file whose bytes can be forced to the device. */
    private static final class Writer {
        private final FileOutputStream stream;
        private final BufferedWriter text;

        Writer(final Path file) throws IOException {
            this.stream = new FileOutputStream(file.toFile(), true);
            this.text = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }

        void append(final CharSequence row) throws IOException {
            text.append(row);
        }

        void flushAndForce() throws IOException {
            text.flush();
            stream.getChannel().force(false);
        }

        void close() throws IOException {
            text.close();
        }
    }

    private CsvOutputWriter(final Path dir, final String[] symbols, final String[] currencies,
                            final String[] bookNames, final AuditLog audit, final boolean ownsAudit,
                            final int capacity) throws IOException {
        this.dir = dir;
        this.symbols = symbols.clone();
        this.currencies = currencies.clone();
        this.bookNames = bookNames.clone();
        this.audit = audit;
        this.ownsAudit = ownsAudit;
        // one producer at a time (the business-logic thread, then the thread that finishes the run), handed over
        // through the ring's barriers; the multi-producer sequencer does not insist on a single thread for life
        this.ring = RingBuffer.createMultiProducer(OutputRecord::new, capacity);
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.files = new StreamedFiles(new Writer(dir.resolve(OutputFiles.TRADES)), new Writer(dir.resolve(OutputFiles.EQUITY)),
            new Writer(dir.resolve(OutputFiles.ORDER_EVENTS)), new Writer(dir.resolve(OutputFiles.ROUND_TRIPS)),
            new Writer(dir.resolve(OutputFiles.LARGE_TRANSACTIONS)), new Writer(dir.resolve(OutputFiles.ENTRIES)));
        this.weightMembers = new String[bookNames.length][];
        this.thread = new Thread(this::drainUntilClosed, "ringtrade-outputs");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Opens the output files in {@code dir} (created if needed) keeping exactly the rows {@code keep} counts (all
     * new files when it is {@link OutputRows#NONE}) and starts the writer thread. Returns null, touching no file
     * beyond what it checked, when an existing file holds fewer rows than {@code keep} or another header: the caller
     * then recovers from an earlier point.
     *
     * @param symbols   instrument symbols by id
     * @param bookNames book names by index
     */
    public static CsvOutputWriter open(final Path dir, final OutputRows keep, final String[] symbols,
                                       final String[] bookNames) {
        return open(dir, keep, symbols, bookNames, DEFAULT_CAPACITY);
    }

    /** As {@link #open(Path, OutputRows, String[], String[])} with a ring of {@code capacity} rows (a power of two). */
    public static CsvOutputWriter open(final Path dir, final OutputRows keep, final String[] symbols,
                                       final String[] bookNames, final int capacity) {
        return open(dir, keep, symbols, new String[symbols.length], bookNames, null, capacity);
    }

    /**
     * Opens the output files as {@link #open(Path, OutputRows, String[], String[])} does, with the instruments'
     * currencies for {@code large_transactions.csv}, writing business logic's audit lines to {@code audit} (owned by
     * the caller), or, when it is null, to {@code dir/audit.log} (a new file when {@code keep} has no rows, else the
     * file continued).
     */
    public static CsvOutputWriter open(final Path dir, final OutputRows keep, final String[] symbols,
                                       final String[] currencies, final String[] bookNames, final AuditLog audit) {
        return open(dir, keep, symbols, currencies, bookNames, audit, DEFAULT_CAPACITY);
    }

    private static CsvOutputWriter open(final Path dir, final OutputRows keep, final String[] symbols,
                                        final String[] currencies, final String[] bookNames, final AuditLog audit,
                                        final int capacity) {
        try {
            Files.createDirectories(dir);
            if (keep.any()) {
                // check every file before cutting any, so a refusal leaves them all as they were
                if (!hasRows(dir.resolve(OutputFiles.TRADES), keep.fills())
                    || !hasRows(dir.resolve(OutputFiles.EQUITY), keep.equity())
                    || !hasRows(dir.resolve(OutputFiles.ORDER_EVENTS), keep.orderEvents())
                    || !hasRows(dir.resolve(OutputFiles.ROUND_TRIPS), keep.roundTrips())
                    || !hasRows(dir.resolve(OutputFiles.LARGE_TRANSACTIONS), keep.largeTransactions())
                    || !hasRows(dir.resolve(OutputFiles.ENTRIES), keep.entries())
                    || !hasRows(dir.resolve(OutputFiles.WEIGHTS), keep.weights())) {
                    return null;
                }
            }
            keep(dir, OutputFiles.TRADES, OutputFiles.TRADES_HEADER, keep.fills());
            keep(dir, OutputFiles.EQUITY, OutputFiles.EQUITY_HEADER, keep.equity());
            keep(dir, OutputFiles.ORDER_EVENTS, OutputFiles.ORDER_EVENTS_HEADER, keep.orderEvents());
            keep(dir, OutputFiles.ROUND_TRIPS, OutputFiles.ROUND_TRIPS_HEADER, keep.roundTrips());
            keep(dir, OutputFiles.LARGE_TRANSACTIONS, OutputFiles.LARGE_TRANSACTIONS_HEADER, keep.largeTransactions());
            if (keep.weights() > 0) {
                keep(dir, OutputFiles.WEIGHTS, OutputFiles.WEIGHTS_HEADER, keep.weights());
            } else {
                Files.deleteIfExists(dir.resolve(OutputFiles.WEIGHTS));
            }
            keep(dir, OutputFiles.ENTRIES, OutputFiles.ENTRIES_HEADER, keep.entries());
            Files.deleteIfExists(dir.resolve(OutputFiles.ORDERS));
            final String[] named = new String[symbols.length];
            for (int i = 0; i < named.length; i++) {
                named[i] = i < currencies.length && currencies[i] != null ? currencies[i] : "";
            }
            final boolean owns = audit == null;
            final AuditLog log = !owns ? audit : keep.any() ? AuditLog.continueFile(dir.resolve(AuditLog.FILE))
                : AuditLog.create(dir.resolve(AuditLog.FILE));
            return new CsvOutputWriter(dir, symbols, named, bookNames, log, owns, capacity);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write output to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasRows(final Path file, final long rows) throws IOException {
        if (rows == 0) {
            return true;
        }
        if (!Files.isRegularFile(file)) {
            return false;
        }
        long lines = 0;
        try (var in = Files.newInputStream(file)) {
            final byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0 && lines <= rows) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines >= rows + 1;
    }

    private static void keep(final Path dir, final String name, final String header, final long rows) {
        if (!OutputFiles.keepRows(dir.resolve(name), header, rows)) {
            throw new IllegalStateException(dir.resolve(name) + " changed while it was being prepared");
        }
    }

    // ---- producer side: the business-logic thread ------------------------------------------------------------

    @Override
    public void fill(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                     final long quantity, final long price, final long fee, final long orderId,
                     final long realizedPnl) {
        fill(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, realizedPnl, 0);
    }

    @Override
    public void entry(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                      final int entry, final long quantity, final long price, final long averagePrice,
                      final long position, final long orderId) {
        final long sequence = claim();
        final long[] v = slot(sequence, OutputRecord.ENTRY);
        v[0] = timeNanos;
        v[1] = bookIndex;
        v[2] = instrumentId;
        v[3] = side;
        v[4] = entry;
        v[5] = quantity;
        v[6] = price;
        v[7] = averagePrice;
        v[8] = position;
        v[9] = orderId;
        ring.publish(sequence);
    }

    @Override
    public void fill(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                     final long quantity, final long price, final long fee, final long orderId,
                     final long realizedPnl, final int reason) {
        final long sequence = claim();
        final long[] v = slot(sequence, OutputRecord.FILL);
        v[0] = timeNanos;
        v[1] = bookIndex;
        v[2] = instrumentId;
        v[3] = side;
        v[4] = quantity;
        v[5] = price;
        v[6] = fee;
        v[7] = orderId;
        v[8] = realizedPnl;
        v[9] = reason;
        ring.publish(sequence);
    }

    @Override
    public void equity(final long barTimeNanos, final long equity, final long cash, final long positionsValue,
                       final long benchmark, final boolean inPosition) {
        final long sequence = claim();
        final long[] v = slot(sequence, OutputRecord.EQUITY);
        v[0] = barTimeNanos;
        v[1] = equity;
        v[2] = cash;
        v[3] = positionsValue;
        v[4] = benchmark;
        v[5] = inPosition ? 1 : 0;
        ring.publish(sequence);
    }

    @Override
    public void orderEvent(final long timeNanos, final long orderId, final int bookIndex, final int instrumentId,
                           final int side, final int orderType, final long quantity, final long notional,
                           final long price, final int transition, final int state, final int reason,
                           final long lastQuantity, final long lastPrice, final long filledQuantity) {
        final long sequence = claim();
        final long[] v = slot(sequence, OutputRecord.ORDER_EVENT);
        v[0] = timeNanos;
        v[1] = orderId;
        v[2] = bookIndex;
        v[3] = instrumentId;
        v[4] = side;
        v[5] = orderType;
        v[6] = quantity;
        v[7] = notional;
        v[8] = price;
        v[9] = transition;
        v[10] = state;
        v[11] = reason;
        v[12] = lastQuantity;
        v[13] = lastPrice;
        v[14] = filledQuantity;
        ring.publish(sequence);
    }

    @Override
    public void roundTrip(final int bookIndex, final int instrumentId, final long openedNanos, final long closedNanos,
                          final long pnl) {
        final long sequence = claim();
        final long[] v = slot(sequence, OutputRecord.ROUND_TRIP);
        v[0] = bookIndex;
        v[1] = instrumentId;
        v[2] = openedNanos;
        v[3] = closedNanos;
        v[4] = pnl;
        ring.publish(sequence);
    }

    @Override
    public void largeTransaction(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                                 final long quantity, final long price, final long notional) {
        final long sequence = claim();
        final long[] v = slot(sequence, OutputRecord.LARGE);
        v[0] = timeNanos;
        v[1] = bookIndex;
        v[2] = instrumentId;
        v[3] = side;
        v[4] = quantity;
        v[5] = price;
        v[6] = notional;
        ring.publish(sequence);
    }

    @Override
    public void audit(final long timeNanos, final long entry, final int ordinal, final int kind, final int bookIndex,
                      final int instrumentId, final long a, final long b, final long c, final long d, final long e,
                      final long f) {
        final long sequence = claim();
        final long[] v = slot(sequence, OutputRecord.AUDIT);
        v[0] = timeNanos;
        v[1] = entry;
        v[2] = ordinal;
        v[3] = kind;
        v[4] = bookIndex;
        v[5] = instrumentId;
        v[6] = a;
        v[7] = b;
        v[8] = c;
        v[9] = d;
        v[10] = e;
        v[11] = f;
        ring.publish(sequence);
    }

    /**
     * Opens {@code weights.csv} (continuing the rows {@link #open} kept, or new with its header) and remembers book
     * {@code bookIndex}'s member names. Called while business logic is built, before any row.
     */
    @Override
    public void weightMembers(final int bookIndex, final String[] members) {
        weightMembers[bookIndex] = members.clone();
        if (weights == null) {
            try {
                final Path file = dir.resolve(OutputFiles.WEIGHTS);
                if (!Files.isRegularFile(file)) {
                    Files.writeString(file, OutputFiles.WEIGHTS_HEADER + "\n", StandardCharsets.UTF_8);
                }
                weights = new Writer(file);
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot write " + dir.resolve(OutputFiles.WEIGHTS) + ": "
                    + e.getMessage(), e);
            }
        }
    }

    @Override
    public void weight(final long timeNanos, final int bookIndex, final int member, final double oldWeight,
                       final double newWeight, final int reason, final double reward, final long trades) {
        final long sequence = claim();
        final long[] v = slot(sequence, OutputRecord.WEIGHT);
        v[0] = timeNanos;
        v[1] = bookIndex;
        v[2] = member;
        v[3] = Double.doubleToRawLongBits(oldWeight);
        v[4] = Double.doubleToRawLongBits(newWeight);
        v[5] = reason;
        v[6] = Double.doubleToRawLongBits(reward);
        v[7] = trades;
        ring.publish(sequence);
    }

    /**
     * Puts a sync marker after every row written so far and returns its token; {@link #awaitSynced} with that token
     * returns once those rows are flushed and forced to the device. Business-logic thread.
     */
    public long sync() {
        final long token = syncTokens++;
        final long sequence = claim();
        slot(sequence, OutputRecord.SYNC)[0] = token;
        ring.publish(sequence);
        return token;
    }

    /** The next slot, waiting while the ring is full (the writer is behind). */
    private long claim() {
        failIfWriterFailed();
        return ring.next();
    }

    private long[] slot(final long sequence, final int type) {
        final OutputRecord record = ring.get(sequence);
        record.type = type;
        return record.values;
    }

    private void failIfWriterFailed() {
        final Throwable cause = failure.get();
        if (cause != null) {
            throw new IllegalStateException("the output writer failed: " + cause.getMessage(), cause);
        }
    }

    // ---- consumer side: the writer thread --------------------------------------------------------------------

    private void drainUntilClosed() {
        final RowFormatter formatter = new RowFormatter();
        int idle = 0;
        try {
            while (true) {
                final EventPoller.PollState state = poller.poll(formatter);
                if (state == EventPoller.PollState.PROCESSING) {
                    idle = 0;
                    continue;
                }
                if (closing && poller.getSequence().get() >= ring.getCursor()) {
                    break;
                }
                // back off: spin a little, then yield, then park up to a millisecond
                idle++;
                if (idle < 100) {
                    Thread.onSpinWait();
                } else if (idle < 200) {
                    Thread.yield();
                } else {
                    LockSupport.parkNanos(Math.min(1_000_000L, 1_000L << Math.min(10, idle - 200)));
                }
            }
            files.close();
            if (weights != null) {
                weights.close();
            }
        } catch (final Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Formats one record into its file; runs on the writer thread. */
    private final class RowFormatter implements EventPoller.Handler<OutputRecord> {
        private final StringBuilder row = new StringBuilder(256);

        @Override
        public boolean onEvent(final OutputRecord record, final long sequence, final boolean endOfBatch)
            throws IOException {
            final long[] v = record.values;
            row.setLength(0);
            switch (record.type) {
                case OutputRecord.FILL -> {
                    row.append(OutputFiles.isoTime(v[0])).append(',').append(symbols[(int) v[2]]).append(',')
                        .append(v[3] > 0 ? "BUY" : "SELL").append(',');
                    FixedPoint.appendTo(row, v[4]).append(',');
                    FixedPoint.appendTo(row, v[5]).append(',');
                    FixedPoint.appendTo(row, v[6]).append(',');
                    row.append(bookNames[(int) v[1]]).append(',').append(v[7]).append(',');
                    FixedPoint.appendTo(row, v[8]).append(',').append(FillReason.of((int) v[9]).label()).append('\n');
                    files.trades().append(row);
                }
                case OutputRecord.ENTRY -> {
                    row.append(OutputFiles.isoTime(v[0])).append(',').append(bookNames[(int) v[1]]).append(',')
                        .append(symbols[(int) v[2]]).append(',').append(v[3] > 0 ? "BUY" : "SELL").append(',')
                        .append(v[4]).append(',');
                    FixedPoint.appendTo(row, v[5]).append(',');
                    FixedPoint.appendTo(row, v[6]).append(',');
                    FixedPoint.appendTo(row, v[7]).append(',');
                    FixedPoint.appendTo(row, v[8]).append(',').append(v[9]).append('\n');
                    files.entries().append(row);
                }
                case OutputRecord.EQUITY -> {
                    row.append(OutputFiles.isoTime(v[0])).append(',');
                    FixedPoint.appendTo(row, v[1]).append(',');
                    FixedPoint.appendTo(row, v[2]).append(',');
                    FixedPoint.appendTo(row, v[3]).append(',');
                    FixedPoint.appendTo(row, v[4]).append('\n');
                    files.equity().append(row);
                }
                case OutputRecord.ORDER_EVENT -> {
                    row.append(OutputFiles.isoTime(v[0])).append(',').append(v[1]).append(',')
                        .append(bookNames[(int) v[2]]).append(',').append(symbols[(int) v[3]]).append(',')
                        .append(v[4] > 0 ? "BUY" : "SELL").append(',').append(OrderType.name((int) v[5])).append(',');
                    FixedPoint.appendTo(row, v[6]).append(',');
                    FixedPoint.appendTo(row, v[7]).append(',');
                    FixedPoint.appendTo(row, v[8]).append(',').append(TRANSITIONS[(int) v[9]].name()).append(',')
                        .append(STATES[(int) v[10]].name()).append(',').append(OrderReason.of((int) v[11]).label())
                        .append(',');
                    FixedPoint.appendTo(row, v[12]).append(',');
                    FixedPoint.appendTo(row, v[13]).append(',');
                    FixedPoint.appendTo(row, v[14]).append('\n');
                    files.orderEvents().append(row);
                }
                case OutputRecord.ROUND_TRIP -> {
                    row.append(OutputFiles.isoTime(v[2])).append(',').append(OutputFiles.isoTime(v[3])).append(',')
                        .append(bookNames[(int) v[0]]).append(',').append(symbols[(int) v[1]]).append(',');
                    FixedPoint.appendTo(row, v[4]).append('\n');
                    files.roundTrips().append(row);
                }
                case OutputRecord.LARGE -> {
                    row.append(OutputFiles.isoTime(v[0])).append(',').append(bookNames[(int) v[1]]).append(',')
                        .append(symbols[(int) v[2]]).append(',').append(v[3] > 0 ? "BUY" : "SELL").append(',');
                    FixedPoint.appendTo(row, v[4]).append(',');
                    FixedPoint.appendTo(row, v[5]).append(',');
                    FixedPoint.appendTo(row, v[6]).append(',').append(currencies[(int) v[2]]).append('\n');
                    files.largeTransactions().append(row);
                }
                case OutputRecord.AUDIT -> {
                    AuditFormat.engineLine(row, v[0], v[1], (int) v[2], (int) v[3], (int) v[4], (int) v[5], v[6], v[7],
                        v[8], v[9], v[10], v[11], symbols, bookNames);
                    audit.engine(v[1], (int) v[2], row);
                }
                case OutputRecord.WEIGHT -> {
                    row.append(OutputFiles.isoTime(v[0])).append(',').append(bookNames[(int) v[1]]).append(',')
                        .append(weightMembers[(int) v[1]][(int) v[2]]).append(',')
                        .append(Double.longBitsToDouble(v[3])).append(',').append(Double.longBitsToDouble(v[4]))
                        .append(',').append(REASONS[(int) v[5]].label()).append(',');
                    final double reward = Double.longBitsToDouble(v[6]);
                    if (!Double.isNaN(reward)) {
                        row.append(reward);
                    }
                    row.append(',').append(v[7]).append('\n');
                    weights.append(row);
                }
                case OutputRecord.SYNC -> {
                    files.flushAndForce();
                    if (weights != null) {
                        weights.flushAndForce();
                    }
                    audit.force();
                    synced.set(v[0]);
                }
                default -> throw new IllegalStateException("unknown output record type " + record.type);
            }
            return true;
        }
    }

    // ---- control ------------------------------------------------------------------------------------------------

    /**
     * Waits until the writer has flushed and forced every row before sync marker {@code token}. Returns false when
     * the writer failed, or did not get there within the timeout.
     */
    public boolean awaitSynced(final long token, final long timeout, final TimeUnit unit) {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (synced.get() < token) {
            if (failure.get() != null || !thread.isAlive() || System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return true;
    }

    /**
     * Drains the ring, closes the four files and derives {@code orders.csv}. Call after the business-logic thread has
     * stopped writing. Idempotent.
     *
     * @throws UncheckedIOException or IllegalStateException when the writer failed
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        try {
            thread.join();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the output files", e);
        }
        if (ownsAudit) {
            audit.close();
        }
        failIfWriterFailed();
        OrdersCsv.derive(dir.resolve(OutputFiles.ORDER_EVENTS), dir.resolve(OutputFiles.ORDERS));
    }
}
