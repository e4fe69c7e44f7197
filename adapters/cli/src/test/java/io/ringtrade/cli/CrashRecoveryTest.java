package io.ringtrade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.journal.JournalDump;
import io.ringtrade.journal.JournalException;
import io.ringtrade.journal.JournalReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of DESIGN.md §4: {@code ringtrade run} processes in their own JVMs, killed with SIGKILL at moments a
 * fixed-seed {@link Random} chooses while they are processing, and restarted each time on the same journal, must end
 * with the same books, trades and orders as one uninterrupted run, and must never release a client order id twice.
 *
 * <p>Inputs: the first {@value #TRADES} real Bitstamp trades, three books on 1m and 5m bars, and a signal file with
 * retried alert ids (same key sent again), so that idempotency is exercised within a run and across restarts. The
 * feed is paced so that one run lasts a couple of seconds; wall time only decides when to kill, nothing asserts on
 * it. The effects log stands where a venue would be: an input journaled whose orders were not yet released when the
 * process died is recovered with effects suppressed, so in paper mode (no venue to reconcile with) its orders are
 * never released; the log may therefore miss ids the reference released, but must never hold one twice.
 *
 * <p>Also: a process killed after its whole feed was journaled restarts, feeds nothing and stops at the last data time;
 * a journal cut inside its last entry replays up to its last complete entry and says where it stopped; and a second
 * engine on a journal another engine holds is refused with one line.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CrashRecoveryTest {
    private static final long SEED = 20_131_125L;
    private static final int TRADES = 6000;
    private static final int KILLS = 5;
    /** Wall seconds one uninterrupted run of the paced feed lasts. */
    private static final double RUN_SECONDS = 2.5;
    private static final long PROCESS_TIMEOUT_SECONDS = 60;
    private static final Pattern RECOVERED = Pattern.compile("(?m)^recovered (\\d+) journaled events");
    private static final List<String> COMPARED = List.of("trades.csv", "orders.csv", "equity.csv",
        "order_events.csv", "round_trips.csv");

    @TempDir
    Path tmp;

    private final List<Process> children = new ArrayList<>();
    private Path trades;
    private Path config;
    private Path signals;
    private int signalCount;
    /** "time,book" of the first buy or sell of each alert id, and of every retry. */
    private final List<String> firstSignals = new ArrayList<>();
    private final List<String> retries = new ArrayList<>();
    private double speed;

    @BeforeEach
    void prepareInputs() throws IOException {
        final List<String> lines;
        try (var all = Files.lines(RealData.bitstamp(), StandardCharsets.UTF_8)) {
            lines = all.limit(TRADES + 1L).toList();
        }
        trades = Files.write(tmp.resolve("trades.csv"), lines, StandardCharsets.UTF_8);
        final long firstSecond = Long.parseLong(lines.get(1).split(",", 2)[0]);
        final long lastSecond = Long.parseLong(lines.get(lines.size() - 1).split(",", 2)[0]);
        speed = (lastSecond - firstSecond) / RUN_SECONDS;
        signals = writeSignals(tmp.resolve("signals.csv"), firstSecond, lastSecond);
        config = Files.writeString(tmp.resolve("engine.conf"), """
            ringtrade {
              mode = paper
              output-dir = "%s"
              status-interval = 0
              instruments = [
                { symbol = "BTC/USD", currency = USD, tick-size = 0.01, lot-size = 0.00000001 }
              ]
              pipeline { ring-size = 4096, wait-strategy = auto }
              journal { dir = "%s", durability = os-cache, snapshot-interval = 0 }
              feed { type = trades-replay, file = "%s", symbol = "BTC/USD", speed = 0 }
              books = [
                {
                  name = "btc-sma", strategy = sma_crossover, params { fast = 5, slow = 20 }
                  symbols = ["BTC/USD"], interval = 1m, cash = 10000
                  slippage-bps = 5, commission-bps = 10, allow-short = false, min-notional = 10, fill = next-open
                }
                {
                  name = "btc-rsi", strategy = rsi_threshold, params { period = 14, buy_below = 30, sell_above = 70 }
                  symbols = ["BTC/USD"], interval = 1m, cash = 10000
                  slippage-bps = 5, commission-bps = 10, allow-short = false, min-notional = 10, fill = next-open
                }
                {
                  name = "btc-sma-5m", strategy = sma_crossover, params { fast = 5, slow = 20 }
                  symbols = ["BTC/USD"], interval = 5m, cash = 10000
                  slippage-bps = 5, commission-bps = 10, allow-short = false, min-notional = 10, fill = next-open
                }
              ]
            }
            """.formatted(tmp.resolve("default-out"), tmp.resolve("default-journal"), trades),
            StandardCharsets.UTF_8);
    }

    /**
     * Forty alerts spread over the data, market and limit, buy, sell and close, on all books; every fifth is sent
     * again a second later (a sender's retry) and three early ones again near the end (a retry after an outage).
     */
    private Path writeSignals(final Path file, final long firstSecond, final long lastSecond) throws IOException {
        final String[] books = {"btc-sma", "btc-rsi", "btc-sma-5m"};
        final String[] kinds = {"buy,notional,1500,", "buy,quantity,0.5,790", "sell,quantity,0.25,", "close,quantity,0,",
            "buy,notional,800,", "sell,notional,400,"};
        record Signal(long second, String line) {
        }
        final List<Signal> list = new ArrayList<>();
        final int count = 40;
        final long step = (lastSecond - firstSecond) / (count + 2);
        for (int i = 0; i < count; i++) {
            final long second = firstSecond + step * (i + 1) + 7 * i;
            final String rest = "tv-" + i + "," + books[i % books.length] + ",BTC/USD," + kinds[i % kinds.length];
            list.add(new Signal(second, rest));
            if (!kinds[i % kinds.length].startsWith("close")) {
                firstSignals.add(Instant.ofEpochSecond(second) + "," + books[i % books.length]);
            }
            if (i % 5 == 0) {
                list.add(new Signal(second + 1, rest));
                retries.add(Instant.ofEpochSecond(second + 1) + "," + books[i % books.length]);
            }
            if (i == 2 || i == 3 || i == 10) {
                list.add(new Signal(lastSecond - 600 + i, rest));
                retries.add(Instant.ofEpochSecond(lastSecond - 600 + i) + "," + books[i % books.length]);
            }
        }
        list.sort(Comparator.comparingLong(Signal::second));
        final StringBuilder text = new StringBuilder("time,key,book,symbol,action,size_kind,size,price\n");
        for (final Signal signal : list) {
            text.append(Instant.ofEpochSecond(signal.second())).append(',').append(signal.line()).append('\n');
        }
        signalCount = list.size();
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @AfterEach
    void killChildren() throws InterruptedException {
        for (final Process child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void shouldEndWithTheSameBooksAfterRepeatedKillsAndNeverReleaseAnOrderTwice() throws Exception {
        // The reference: one uninterrupted run.
        final Path refJournal = tmp.resolve("journal-ref");
        final Path refOut = tmp.resolve("out-ref");
        final Path refEffects = tmp.resolve("effects-ref.log");
        final Process reference = start("ref", refJournal, refOut, refEffects, true);
        assertFinishedCleanly("ref", reference);
        assertThat(output("ref")).doesNotContain("recovered");

        // The crash runs: killed at journal sizes a seeded Random picks, restarted on the same journal each time.
        final Path journal = tmp.resolve("journal");
        final Path out = tmp.resolve("out");
        final Path effects = tmp.resolve("effects.log");
        final long inputs = TRADES + signalCount;
        final Random random = new Random(SEED);
        final long[] killAt = new long[KILLS];
        for (int k = 0; k < KILLS; k++) {
            killAt[k] = (long) (inputs * (0.05 + 0.8 * random.nextDouble()));
        }
        Arrays.sort(killAt);
        final List<Long> recovered = new ArrayList<>();
        final List<Long> journaledAtKill = new ArrayList<>();
        try (JournalWatcher watcher = new JournalWatcher(journal)) {
            for (int k = 0; k < KILLS; k++) {
                final long before = recovered.isEmpty() ? 0 : recovered.get(recovered.size() - 1);
                final long target = Math.max(killAt[k], before + 20);
                final String name = "crash-" + k;
                final Process process = start(name, journal, out, effects, false);
                final long seen = watcher.awaitEntries(target, process, name);
                process.destroyForcibly();
                assertThat(process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
                journaledAtKill.add(seen);
                if (k > 0) {
                    recovered.add(recoveredEntries(name));
                } else {
                    assertThat(output(name)).doesNotContain("recovered");
                    recovered.add(0L);
                }
            }
        }
        final Process last = start("final", journal, out, effects, true);
        assertFinishedCleanly("final", last);
        recovered.add(recoveredEntries("final"));
        recovered.remove(0);
        // Every restart recovered at least what the killed process had been seen to journal, and moved on.
        for (int k = 0; k < recovered.size(); k++) {
            assertThat(recovered.get(k)).as("entries recovered by restart %d", k + 1)
                .isGreaterThanOrEqualTo(journaledAtKill.get(k));
            if (k > 0) {
                assertThat(recovered.get(k)).isGreaterThan(recovered.get(k - 1));
            }
        }

        for (final String file : COMPARED) {
            assertThat(out.resolve(file)).as(file).hasSameBinaryContentAs(refOut.resolve(file));
        }
        assertThat(Files.size(refOut.resolve("trades.csv"))).isGreaterThan(100);
        // The feed resumed exactly after its journaled inputs: the journals hold the same inputs (ingress aside).
        assertThat(journalLines(journal)).hasSize((int) inputs + 1).isEqualTo(journalLines(refJournal));
        assertRetriesPlacedNoOrder(refOut);

        final List<String> refReleased = Files.readAllLines(refEffects, StandardCharsets.UTF_8);
        final List<String> released = Files.readAllLines(effects, StandardCharsets.UTF_8);
        assertThat(duplicateIds(refReleased)).as("ids released twice by the reference").isEmpty();
        assertThat(duplicateIds(released)).as("ids released twice across crashes").isEmpty();
        // Same inputs in the same order give the same orders: whatever the crash runs released, the reference did.
        assertThat(refReleased).containsAll(released);
        final Set<String> missing = new LinkedHashSet<>(ids(refReleased));
        missing.removeAll(ids(released));
        System.out.printf(Locale.ROOT, "crash test: kills at journal entries %s (targets %s), restarts recovered %s;"
                + " reference released %d orders, crash runs %d, missing %s (journaled, not released before a kill),"
                + " duplicates 0%n", journaledAtKill, Arrays.toString(killAt), recovered, refReleased.size(),
            released.size(), missing);
    }

    @Test
    void shouldStampTheStopWithTheLastDataTimeWhenRestartedAfterTheWholeFeedWasJournaled() throws Exception {
        final Path journal = tmp.resolve("journal");
        final Path out = tmp.resolve("out");
        final Path effects = tmp.resolve("effects.log");
        final Process first = start("first", journal, out, effects, false, "--speed", "0");
        try (JournalWatcher watcher = new JournalWatcher(journal)) {
            watcher.awaitEntries(TRADES + signalCount, first, "first");
        }
        first.destroyForcibly();
        assertThat(first.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        final Process last = start("last", journal, out, effects, true, "--speed", "0");
        assertFinishedCleanly("last", last);
        assertThat(recoveredEntries("last")).isEqualTo(TRADES + signalCount);

        final List<String> entries = journalLines(journal);
        assertThat(entries).hasSize(TRADES + signalCount + 1);
        final String lastInputTime = entries.get(entries.size() - 2).split(" ", 3)[1];
        assertThat(entries.get(entries.size() - 1)).startsWith((TRADES + signalCount) + " " + lastInputTime
            + " COMMAND ").contains("code=CANCEL_ALL_ORDERS");
        assertThat(duplicateIds(Files.readAllLines(effects, StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void shouldReplayAJournalCutInsideItsLastEntryUpToTheLastCompleteEntry() throws Exception {
        final Path journal = tmp.resolve("journal");
        final Path runOut = tmp.resolve("out-run");
        final Process run = start("run", journal, runOut, tmp.resolve("effects.log"), true, "--speed", "0");
        assertFinishedCleanly("run", run);

        // Intact, the journal replays to the trades and orders the run wrote.
        final Path intactOut = tmp.resolve("out-intact");
        final CommandRunner.Result intact = CommandRunner.run("replay", "--journal", journal.toString(),
            "--out", intactOut.toString());
        assertThat(intact.exitCode()).as(intact.err()).isZero();
        for (final String file : COMPARED) {
            assertThat(intactOut.resolve(file)).as(file).hasSameBinaryContentAs(runOut.resolve(file));
        }
        final long entries = entryCount(journal);
        assertThat(intact.out()).contains("replayed " + entries + " entries");

        // Cut the last daily file six bytes before the end of its last entry, as an interrupted copy would.
        final Path cycleFile = lastCycleFile(journal);
        final long[] lastEntry = lastExcerpt(journal);
        try (FileChannel channel = FileChannel.open(cycleFile, StandardOpenOption.WRITE)) {
            channel.truncate(lastEntry[1] - 6);
        }
        final CommandRunner.Result cut = CommandRunner.run("replay", "--journal", journal.toString(),
            "--out", tmp.resolve("out-cut").toString());
        assertThat(cut.exitCode()).as(cut.err()).isZero();
        final long complete = entries - 1;
        assertThat(cut.err()).contains("ringtrade: journal " + journal + ": incomplete entry after entry "
            + (complete - 1) + " (" + complete + " complete entries read); input ends at the last complete entry ("
            + complete + " entries read)");
        assertThat(cut.out()).contains("replayed " + complete + " entries");
    }

    @Test
    void shouldRefuseASecondEngineOnALockedJournalWithOneLine() throws Exception {
        final Path journal = tmp.resolve("journal");
        final Process first = start("first", journal, tmp.resolve("out-first"), tmp.resolve("effects-first.log"), false,
            "--speed", Double.toString(speed / 10));
        try (JournalWatcher watcher = new JournalWatcher(journal)) {
            watcher.awaitEntries(1, first, "first");
        }
        final Process second = start("second", journal, tmp.resolve("out-second"), tmp.resolve("effects-second.log"),
            true);
        assertThat(second.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(Main.EXIT_USAGE);
        assertThat(first.isAlive()).isTrue();
        final List<String> lines = Files.readAllLines(tmp.resolve("second.err"), StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank()).toList();
        assertThat(lines).containsExactly("ringtrade: journal " + journal + " is locked by a running engine (pid "
            + first.pid() + ")");
        assertThat(tmp.resolve("out-second")).doesNotExist();
        first.destroyForcibly();
        first.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Process start(final String name, final Path journal, final Path out, final Path effects,
                          final boolean exitAtEnd, final String... extra) throws IOException {
        final List<String> command = ChildJvm.ringtrade("256m");
        command.addAll(List.of("run", "--config", config.toString(), "--journal", journal.toString(),
            "--out", out.toString(), "--signals", signals.toString(), "--effects-log", effects.toString()));
        if (extra.length == 0) {
            command.addAll(List.of("--speed", Double.toString(speed)));
        }
        command.addAll(List.of(extra));
        if (exitAtEnd) {
            command.add("--exit-at-end");
        }
        final Process process = new ProcessBuilder(command).directory(tmp.toFile())
            .redirectOutput(tmp.resolve(name + ".out").toFile())
            .redirectError(tmp.resolve(name + ".err").toFile())
            .start();
        children.add(process);
        return process;
    }

    private String output(final String name) throws IOException {
        return Files.readString(tmp.resolve(name + ".out"), StandardCharsets.UTF_8);
    }

    private String errors(final String name) throws IOException {
        return Files.readString(tmp.resolve(name + ".err"), StandardCharsets.UTF_8);
    }

    private void assertFinishedCleanly(final String name, final Process process) throws Exception {
        if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            fail(name + " did not finish within " + PROCESS_TIMEOUT_SECONDS + " s");
        }
        assertThat(process.exitValue()).as("%s exit code; stderr:%n%s", name, errors(name)).isZero();
        assertThat(output(name)).contains("ringtrade run:").contains("stopped cleanly");
    }

    private long recoveredEntries(final String name) throws IOException {
        final Matcher matcher = RECOVERED.matcher(output(name));
        assertThat(matcher.find()).as("%s printed a recovered line; stdout:%n%s", name, output(name)).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** The client order ids of the orders submitted (cancels name no new order). */
    private static List<String> ids(final List<String> effectLines) {
        return effectLines.stream().filter(line -> line.contains(",SUBMIT,"))
            .map(line -> line.substring(0, line.indexOf(','))).toList();
    }

    private static List<String> duplicateIds(final List<String> effectLines) {
        final Map<String, Integer> counts = new HashMap<>();
        for (final String id : ids(effectLines)) {
            counts.merge(id, 1, Integer::sum);
        }
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }

    /** Every entry as {@code journal dump} prints it, without the ingress time (wall clock, differs per run). */
    private static List<String> journalLines(final Path journal) {
        final List<String> lines = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            final EngineEvent slot = new EngineEvent();
            while (reader.next(slot)) {
                lines.add(JournalDump.format(reader.lastEntry(), slot).replaceFirst(" ingress=\\d+", ""));
            }
        }
        return lines;
    }

    /**
     * Retried alerts (same key again) placed no order: at a retry's time its book has only a row rejected as
     * DUPLICATE in orders.csv (the trace the signal leaves), while every first buy or sell has an order row (accepted
     * or rejected).
     */
    private void assertRetriesPlacedNoOrder(final Path out) throws IOException {
        final Set<String> orders = new LinkedHashSet<>();
        final Set<String> duplicates = new LinkedHashSet<>();
        for (final String line : Files.readAllLines(out.resolve("orders.csv"), StandardCharsets.UTF_8)) {
            final String[] f = line.split(",", -1);
            (f[9].equals("DUPLICATE") ? duplicates : orders).add(f[0] + "," + f[2]);
        }
        assertThat(orders).containsAll(firstSignals).doesNotContainAnyElementsOf(retries);
        assertThat(duplicates).containsAll(retries);
    }

    private static long entryCount(final Path journal) {
        try (JournalReader reader = JournalReader.open(journal)) {
            final EngineEvent slot = new EngineEvent();
            while (reader.next(slot)) {
                // count
            }
            return reader.nextEntry();
        }
    }

    private static Path lastCycleFile(final Path journal) throws IOException {
        try (var files = Files.list(journal)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".cq4")).max(Comparator.naturalOrder())
                .orElseThrow();
        }
    }

    /** File offsets {start, end} of the payload of the last excerpt, read with Chronicle's own tailer. */
    private static long[] lastExcerpt(final Path dir) {
        final long[] last = new long[2];
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.single(dir.toFile()).readOnly(true).build();
             ExcerptTailer tailer = queue.createTailer()) {
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return last;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    last[0] = bytes.readPosition();
                    last[1] = bytes.readLimit();
                }
            }
        }
    }

    /**
     * Counts the entries of a journal another process is appending to. An append in progress looks like a torn
     * entry to the reader, which then stops for good; the watcher reopens and counts again.
     */
    private static final class JournalWatcher implements AutoCloseable {
        private final Path dir;
        private final EngineEvent slot = new EngineEvent();
        private JournalReader reader;

        JournalWatcher(final Path dir) {
            this.dir = dir;
        }

        /** Waits until the journal holds at least {@code target} entries; returns how many it saw. */
        long awaitEntries(final long target, final Process writer, final String name) throws Exception {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_TIMEOUT_SECONDS);
            while (true) {
                final long count = count();
                if (count >= target) {
                    return count;
                }
                if (!writer.isAlive()) {
                    fail(name + " exited with " + writer.exitValue() + " before journaling " + target + " entries");
                }
                if (System.nanoTime() > deadline) {
                    fail(name + " journaled only " + count + " of " + target + " entries in time");
                }
                Thread.sleep(5);
            }
        }

        private long count() {
            try {
                if (reader == null) {
                    reader = JournalReader.open(dir);
                }
                while (reader.next(slot)) {
                    // advance to the end
                }
                return reader.nextEntry();
            } catch (final JournalException e) {
                // not created yet, or an append in progress: read again from the start next time
                final long count = reader == null ? 0 : reader.nextEntry();
                close();
                return count;
            }
        }

        @Override
        public void close() {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }
    }
}
