package io.ringtrade.bench;

import io.ringtrade.adapters.marketdata.TradeSeriesData;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.journal.ChronicleEventJournal;
import io.ringtrade.journal.JournalReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the journal benchmarks share: scratch journal directories (under {@code bench/target} unless
 * {@code -Dringtrade.bench.dir} says otherwise, never {@code /dev/shm}), deleted afterwards; importing a source into
 * a journal the way the engine numbers its inputs; the Bitstamp trades repeated with shifted times; and a journal read
 * back as a {@link MarketDataSource}, which is how {@code ringtrade replay} feeds {@code BacktestDriver}. Used on the
 * benchmark thread in setup, never timed unless a benchmark says so.
 */
final class JournalFixtures {
    private JournalFixtures() {
    }

    /** A new empty directory for a journal. */
    static Path newDirectory(final String prefix) {
        final String configured = System.getProperty("ringtrade.bench.dir");
        final Path base;
        if (configured != null) {
            base = Path.of(configured);
        } else if (Files.isDirectory(Path.of("bench/target"))) {
            base = Path.of("bench/target");
        } else if (Files.isDirectory(Path.of("target"))) {
            base = Path.of("target");
        } else {
            base = Path.of(System.getProperty("java.io.tmpdir"));
        }
        try {
            return Files.createTempDirectory(base.toAbsolutePath(), prefix);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir} and everything in it; quietly does nothing when it is null or gone. */
    static void delete(final Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Total bytes of the files under {@code dir}. */
    static long size(final Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file system {@code dir} lives on and its folder: "ext4 /dev/vda, 80 GiB free, journals under DIR". */
    static String disk(final Path dir) {
        try {
            final FileStore store = Files.getFileStore(dir);
            return store.type() + " " + store.name() + ", " + (store.getUsableSpace() >> 30) + " GiB free, journals under "
                + dir.toAbsolutePath().getParent();
        } catch (final IOException e) {
            return "unknown file system (" + e.getMessage() + ")";
        }
    }

    /** Appends every input of {@code source} to a new journal in {@code dir}, numbered from 0; returns the count. */
    static long importInto(final Path dir, final MarketDataSource source) {
        final EngineEvent slot = new EngineEvent();
        long sequence = 0;
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            while (source.next(slot)) {
                slot.sequence = sequence++;
                journal.append(slot);
                if ((sequence & 1023) == 0) {
                    journal.flush();
                }
            }
            journal.flush();
        }
        return sequence;
    }

    /** {@code count} trades: the original ones repeated with shifted times (span of the file plus one second). */
    static TradeSeriesData repeatedTrades(final TradeSeriesData original, final int count) {
        final int n = original.size();
        final long span = original.timeNanos(n - 1) - original.timeNanos(0) + 1_000_000_000L;
        final long[] time = new long[count];
        final long[] price = new long[count];
        final long[] quantity = new long[count];
        for (int i = 0; i < count; i++) {
            final int from = i % n;
            time[i] = original.timeNanos(from) + (long) (i / n) * span;
            price[i] = original.price(from);
            quantity[i] = original.quantity(from);
        }
        return TradeSeriesData.of(original.symbol(), time, price, quantity);
    }

    /** A journal read from entry {@code from} as a source, as {@code ringtrade replay} and recovery read it. */
    static final class JournalSource implements MarketDataSource, AutoCloseable {
        private final JournalReader reader;

        JournalSource(final Path dir, final long from) {
            this.reader = JournalReader.open(dir, from);
        }

        @Override
        public boolean next(final EngineEvent slot) {
            return reader.next(slot);
        }

        long entriesRead() {
            return reader.nextEntry();
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
