package io.ringtrade.cli;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.output.OutputFiles;
import io.ringtrade.journal.JournalException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Passes a run's market data through unchanged and keeps the closes it saw, for {@code prices.csv}
 * ({@code time,symbol,close}): the report draws the price line and the fill markers from it. A bar input gives its
 * close at its start time; trades give, per instrument and bar of {@code interval}, the last trade price at the bar's
 * start time. Other inputs pass without a row. Kept on the command-line side: business logic never sees it.
 *
 * <p>Runs on the thread that drives the run; appends amortised allocation-free.
 */
final class PriceTape implements MarketDataSource {
    /** The file's name. */
    static final String FILE = "prices.csv";
    /** Header of prices.csv. */
    static final String HEADER = "time,symbol,close";

    private final MarketDataSource source;
    private final InstrumentRegistry instruments;
    private final Interval interval;
    private final long[] bucketStart;
    private final long[] bucketEnd;
    private final long[] bucketLast;
    private long[] times = new long[1024];
    private int[] ids = new int[1024];
    private long[] closes = new long[1024];
    private int size;

    /** A tape over {@code source}; {@code interval} buckets trade inputs (bar inputs are kept as they are). */
    PriceTape(final MarketDataSource source, final InstrumentRegistry instruments, final Interval interval) {
        this.source = source;
        this.instruments = instruments;
        this.interval = interval;
        this.bucketStart = new long[instruments.size()];
        this.bucketEnd = new long[instruments.size()];
        this.bucketLast = new long[instruments.size()];
        Arrays.fill(bucketStart, Long.MIN_VALUE);
    }

    @Override
    public boolean next(final EngineEvent slot) {
        if (!source.next(slot)) {
            flushBuckets();
            return false;
        }
        if (slot.type == EventType.MARKET_DATA && slot.instrumentId >= 0 && slot.instrumentId < bucketStart.length) {
            if (slot.marketDataKind == MarketDataKind.BAR) {
                add(slot.eventTimeNanos, slot.instrumentId, slot.close);
            } else if (slot.marketDataKind == MarketDataKind.TRADE) {
                onTrade(slot.instrumentId, slot.eventTimeNanos, slot.price);
            }
        }
        return true;
    }

    @Override
    public long size() {
        return source.size();
    }

    private void onTrade(final int id, final long time, final long price) {
        if (bucketStart[id] == Long.MIN_VALUE || time >= bucketEnd[id] || time < bucketStart[id]) {
            if (bucketStart[id] != Long.MIN_VALUE) {
                add(bucketStart[id], id, bucketLast[id]);
            }
            bucketStart[id] = interval.bucketStart(time);
            bucketEnd[id] = interval.nextBucketStart(bucketStart[id]);
        }
        bucketLast[id] = price;
    }

    private void flushBuckets() {
        for (int id = 0; id < bucketStart.length; id++) {
            if (bucketStart[id] != Long.MIN_VALUE) {
                add(bucketStart[id], id, bucketLast[id]);
                bucketStart[id] = Long.MIN_VALUE;
            }
        }
    }

    private void add(final long time, final int id, final long close) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
            closes = Arrays.copyOf(closes, size * 2);
        }
        times[size] = time;
        ids[size] = id;
        closes[size] = close;
        size++;
    }

    /**
     * Writes {@code file} from the market data of the journal in {@code dir}, read once more after a replay (which
     * reads the journal through the engine, not through a source this tape could wrap). Returns false, writing
     * nothing, when the journal no longer starts at entry 0 (retention removed its first entries).
     */
    static boolean writeFromJournal(final Path dir, final InstrumentRegistry instruments, final Interval interval,
                                    final Path file) {
        final PriceTape tape;
        try (JournalInput input = JournalInput.open(dir, new PrintWriter(Writer.nullWriter()))) {
            tape = new PriceTape(input, instruments, interval);
            final EngineEvent slot = new EngineEvent();
            while (tape.next(slot)) {
                slot.effects.clear();
            }
        } catch (final JournalException e) {
            return false;
        }
        tape.write(file);
        return true;
    }

    /** Rows kept so far. */
    int rows() {
        return size;
    }

    /** Writes prices.csv: rows in time order, then instrument id order. */
    void write(final Path file) {
        flushBuckets();
        final int[] order = IntStream.range(0, size).boxed()
            .sorted(Comparator.<Integer>comparingLong(i -> times[i]).thenComparingInt(i -> ids[i]))
            .mapToInt(Integer::intValue).toArray();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            final StringBuilder row = new StringBuilder(64);
            for (final int i : order) {
                row.setLength(0);
                row.append(OutputFiles.isoTime(times[i])).append(',').append(instruments.get(ids[i]).symbol())
                    .append(',');
                FixedPoint.appendTo(row, closes[i]).append('\n');
                out.append(row);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
