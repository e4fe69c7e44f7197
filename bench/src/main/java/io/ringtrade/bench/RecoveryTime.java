package io.ringtrade.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.TradeSeriesData;
import io.ringtrade.adapters.marketdata.TradeSeriesSource;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.journal.JournalReader;
import io.ringtrade.journal.SnapshotStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Recovery time of a journal of {@code N} (default 10,000,000) trade ticks into the three books of the shipped
 * configuration, with and without a snapshot, timed single-shot with {@link System#nanoTime} in one JVM (a harness,
 * not JMH: recovery happens once, at start-up, so the first, cold pass is the number that matters; later passes
 * show the warm cost).
 * <pre>
 *   setup: Bitstamp trades ×100 (shifted times) ──► ChronicleEventJournal ──► DIR (cq4 files, page cache)
 *
 *   (a) full recovery, as RunCommand.recover with no snapshot:
 *       new BusinessLogic(3 books) ◄── onEvent ◄── JournalReader.next (entry 0 .. N-1), effects cleared
 *
 *   (b) recovery from a snapshot taken at entry S (default 9,900,000):
 *       SnapshotStore.newestUsable(DIR) ──► new BusinessLogic.restore(state) ◄── onEvent ◄── JournalReader(from S)
 *
 *   (c) taking that snapshot on the business thread: BusinessLogic.snapshot() after S entries (serialising), and
 *       SnapshotStore.write (file + fsync; the engine does this on its snapshot-writer thread)
 *
 *   (a, cold disk) with --cold-disk: one more full recovery after sync and /proc/sys/vm/drop_caches = 3, so the
 *       journal is read from the disk instead of the page cache (needs the right to write there: root)
 *
 *   BASELINE: the same N trades from memory (TradeSeriesSource ──► onEvent) into the same fresh logic
 * </pre>
 * (b) must end in the state (a) ends in: the harness compares the two states' snapshot bytes and says so. The
 * journal lives under {@code bench/target} (file system printed) and is deleted at the end. Arguments:
 * {@code --json FILE}, {@code --entries N} (default 10,000,000), {@code --snapshot-at N} (default 99 % of the
 * entries), {@code --passes N} (default 3), {@code --cold-disk} (the full run passes it; never the suite's smoke test,
 * since it empties the whole machine's page cache).
 */
public final class RecoveryTime {
    /** Snapshots taken untimed before the warm timings: a running engine's first 50 M inputs at the default interval. */
    private static final int WARM_SNAPSHOTS = 500;

    private RecoveryTime() {
    }

    /** Builds the journal, runs the passes, prints one line per pass and a summary. */
    public static void main(final String[] args) {
        int entries = 10_000_000;
        long snapshotAt = -1;
        int passes = 3;
        boolean coldDisk = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> i++;
                case "--cold-disk" -> coldDisk = true;
                case "--entries" -> entries = Integer.parseInt(args[++i]);
                case "--snapshot-at" -> snapshotAt = Long.parseLong(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (snapshotAt < 0) {
            snapshotAt = entries / 100 * 99;
        }
        final JsonObject out = new JsonObject();
        final DefaultBooks books = DefaultBooks.load();
        final InstrumentRegistry instruments = books.instruments();
        final int instrument = instruments.find(MinuteBars.SYMBOL).id();
        final TradeSeriesData original = MarketDataFiles.loadTrades(MinuteBars.tradeFile(), MinuteBars.SYMBOL);
        final TradeSeriesSource memory = new TradeSeriesSource(JournalFixtures.repeatedTrades(original, entries),
            instrument);
        final Path dir = JournalFixtures.newDirectory("recovery-");
        try {
            RunConditions.print("RecoveryTime",
                "disk before: " + JournalFixtures.disk(dir),
                "books: " + books.describe() + " (config/default.conf)",
                "input: " + entries + " trade ticks = " + original.size() + " Bitstamp trades repeated with shifted times;"
                    + " snapshot at entry " + snapshotAt + "; " + passes + " passes of each case",
                "timing: System.nanoTime, single shot per pass, same JVM; the first pass of (a) runs in a cold JVM");
            out.add("conditions", RunConditions.json());
            out.addProperty("disk", JournalFixtures.disk(dir));
            out.addProperty("books", books.describe());
            out.addProperty("entries", entries);
            out.addProperty("snapshotAt", snapshotAt);
            long t0 = System.nanoTime();
            final long written = JournalFixtures.importInto(dir, memory);
            long t1 = System.nanoTime();
            memory.rewind();
            System.out.printf("setup: wrote %,d entries (%,d bytes) in %.2f s (%,.0f entries/s); disk now: %s%n", written,
                JournalFixtures.size(dir), seconds(t0, t1), written / seconds(t0, t1), JournalFixtures.disk(dir));
            out.addProperty("journalBytes", JournalFixtures.size(dir));
            out.addProperty("writePerSecond", Math.round(written / seconds(t0, t1)));

            // (a) cold first: nothing on this JVM has run business logic or the reader before.
            final double[] full = new double[passes];
            byte[] fullState = null;
            for (int p = 0; p < passes; p++) {
                t0 = System.nanoTime();
                final BusinessLogic logic = books.newLogic(instruments);
                final long read = replay(logic, dir, 0, entries);
                t1 = System.nanoTime();
                full[p] = seconds(t0, t1);
                check(read, entries);
                System.out.printf("(a) full replay, pass %d%s: %,d entries in %.3f s = %,.0f entries/s; %d orders, %d fills%n",
                    p + 1, p == 0 ? " (cold JVM)" : "", read, full[p], read / full[p], logic.ordersAccepted(),
                    logic.fills());
                fullState = logic.snapshot();
            }
            if (coldDisk) {
                out.addProperty("coldDiskReplaySeconds", coldDiskReplay(books, instruments, dir, entries, fullState));
            }

            // (c) the snapshot at entry S, taken as the business thread would, then written as the writer thread would.
            final BusinessLogic atSnapshot = books.newLogic(instruments);
            check(replay(atSnapshot, dir, 0, snapshotAt), snapshotAt);
            final double[] take = new double[passes + 2];
            byte[] state = null;
            for (int p = 0; p < take.length; p++) {
                t0 = System.nanoTime();
                state = atSnapshot.snapshot();
                t1 = System.nanoTime();
                take[p] = seconds(t0, t1);
            }
            // a running engine takes one every snapshot-interval inputs (100,000 by default): 500 of them is 50 M
            // inputs, after which the serialising code is compiled; time five more
            for (int p = 0; p < WARM_SNAPSHOTS; p++) {
                state = atSnapshot.snapshot();
            }
            final double[] warmTake = new double[5];
            for (int p = 0; p < warmTake.length; p++) {
                t0 = System.nanoTime();
                state = atSnapshot.snapshot();
                t1 = System.nanoTime();
                warmTake[p] = seconds(t0, t1);
            }
            t0 = System.nanoTime();
            final Path file = SnapshotStore.write(dir, snapshotAt, state);
            t1 = System.nanoTime();
            final double write = seconds(t0, t1);
            System.out.printf("(c) snapshot at entry %,d: %,d bytes of state (%s); BusinessLogic.snapshot() took %s ms"
                + " (first .. last), %s ms after %d more; SnapshotStore.write (incl. fsync) %.1f ms; equity rows %,d, fills %,d, orders %,d%n",
                snapshotAt, state.length, file.getFileName(), millis(take), millis(warmTake), WARM_SNAPSHOTS, write * 1e3, atSnapshot.outputRows().equity(),
                atSnapshot.fills(), atSnapshot.ordersAccepted());

            // (b) recovery from the snapshot, then the tail.
            final double[] fromSnapshot = new double[passes];
            boolean same = true;
            for (int p = 0; p < passes; p++) {
                t0 = System.nanoTime();
                final BusinessLogic logic = books.newLogic(instruments);
                final Optional<SnapshotStore.Snapshot> snapshot = SnapshotStore.newestUsable(dir, entries,
                    why -> System.out.println("  skipped: " + why));
                final long from = snapshot.orElseThrow().entries();
                final long t1a = System.nanoTime();
                logic.restore(snapshot.get().state());
                final long t1b = System.nanoTime();
                final long read = replay(logic, dir, from, entries);
                t1 = System.nanoTime();
                fromSnapshot[p] = seconds(t0, t1);
                check(read, entries - from);
                same &= Arrays.equals(logic.snapshot(), fullState);
                System.out.printf("(b) snapshot + tail, pass %d: %.3f s (read snapshot %.1f ms, restore %.1f ms, replay %,d"
                    + " entries %.1f ms)%n", p + 1, fromSnapshot[p], (t1a - t0) / 1e6, (t1b - t1a) / 1e6, read,
                    (t1 - t1b) / 1e6);
            }
            System.out.println("(b) ends in the same state as (a), byte for byte: " + (same ? "yes" : "NO"));
            out.add("fullReplaySeconds", array(full));
            out.add("snapshotTakeMs", array(take, 1e3));
            out.add("snapshotTakeWarmMs", array(warmTake, 1e3));
            out.addProperty("warmSnapshots", WARM_SNAPSHOTS);
            out.addProperty("snapshotBytes", state.length);
            out.addProperty("snapshotWriteMs", LatencyReport.round(write * 1e3));
            out.add("fromSnapshotSeconds", array(fromSnapshot));
            out.addProperty("sameState", same);

            // BASELINE: the same inputs from memory.
            final double[] baseline = new double[passes];
            for (int p = 0; p < passes; p++) {
                memory.rewind();
                t0 = System.nanoTime();
                final BusinessLogic logic = books.newLogic(instruments);
                final long read = replay(logic, memory);
                t1 = System.nanoTime();
                baseline[p] = seconds(t0, t1);
                check(read, entries);
                System.out.printf("BASELINE memory replay, pass %d: %,d entries in %.3f s = %,.0f entries/s%n", p + 1,
                    read, baseline[p], read / baseline[p]);
            }
            System.out.printf("%nsummary: full %s s; snapshot+tail %s s; memory baseline %s s; snapshot %,d bytes,"
                + " taking it %s ms%n", secondsList(full), secondsList(fromSnapshot), secondsList(baseline), state.length,
                millis(take));
            out.add("memoryReplaySeconds", array(baseline));
            out.addProperty("loadAfter", RunConditions.loadAverage());
            final Path json = ResultFile.jsonArgument(args);
            if (json != null) {
                ResultFile.write(json, out);
            }
        } finally {
            JournalFixtures.delete(dir);
            System.out.println("deleted " + dir);
        }
    }

    /**
     * One more full recovery with the journal out of the page cache (sync, then drop_caches), in the warm JVM; its
     * seconds, or -1 (and a line saying why) when this process may not drop the cache.
     */
    private static double coldDiskReplay(final DefaultBooks books, final InstrumentRegistry instruments, final Path dir,
                                         final int entries, final byte[] fullState) {
        final Path dropCaches = Path.of("/proc/sys/vm/drop_caches");
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            Files.writeString(dropCaches, "3");
        } catch (final IOException refused) {
            System.out.println("(a) cold disk: not measured, " + dropCaches + " is not writable here ("
                + refused.getMessage() + ")");
            return -1;
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
        final long t0 = System.nanoTime();
        final BusinessLogic logic = books.newLogic(instruments);
        final long read = replay(logic, dir, 0, entries);
        final long t1 = System.nanoTime();
        check(read, entries);
        final double seconds = seconds(t0, t1);
        System.out.printf("(a) full replay from a dropped page cache (warm JVM): %,d entries in %.3f s = %,.0f"
            + " entries/s; same state as the cached replay: %s%n", read, seconds, read / seconds,
            Arrays.equals(logic.snapshot(), fullState) ? "yes" : "NO");
        return seconds;
    }

    /** RunCommand.recover's loop: entries from {@code from} up to {@code entries} into {@code logic}, effects dropped. */
    private static long replay(final BusinessLogic logic, final Path dir, final long from, final long entries) {
        long read = from;
        try (JournalReader reader = JournalReader.open(dir, from)) {
            final EngineEvent slot = new EngineEvent();
            while (read < entries && reader.next(slot)) {
                logic.onEvent(slot);
                slot.effects.clear();
                read++;
            }
        }
        return read - from;
    }

    private static long replay(final BusinessLogic logic, final MarketDataSource source) {
        final EngineEvent slot = new EngineEvent();
        long sequence = 0;
        while (source.next(slot)) {
            slot.sequence = sequence++;
            logic.onEvent(slot);
            slot.effects.clear();
        }
        return sequence;
    }

    private static void check(final long read, final long expected) {
        if (read != expected) {
            throw new IllegalStateException("replayed " + read + " entries, expected " + expected);
        }
    }

    private static JsonArray array(final double[] values) {
        return array(values, 1);
    }

    private static JsonArray array(final double[] values, final double scale) {
        final JsonArray out = new JsonArray();
        for (final double value : values) {
            out.add(LatencyReport.round(value * scale));
        }
        return out;
    }

    private static double seconds(final long t0, final long t1) {
        return (t1 - t0) / 1e9;
    }

    private static String millis(final double[] seconds) {
        final StringBuilder out = new StringBuilder();
        for (final double s : seconds) {
            out.append(out.isEmpty() ? "" : ", ").append(String.format("%.1f", s * 1e3));
        }
        return out.toString();
    }

    private static String secondsList(final double[] seconds) {
        final StringBuilder out = new StringBuilder();
        for (final double s : seconds) {
            out.append(out.isEmpty() ? "" : ", ").append(String.format("%.3f", s));
        }
        return out.toString();
    }
}
