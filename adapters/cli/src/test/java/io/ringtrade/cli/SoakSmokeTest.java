package io.ringtrade.cli;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.journal.JournalReader;
import io.ringtrade.journal.JournalStats;
import io.ringtrade.journal.SnapshotStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A short smoke of the soak setup (issue 6 §4; the ten-minute run and its figures are in BENCHMARKS.md): {@code run}
 * in its own JVM with {@code feed.loop = true} over the first {@value #TRADES} Bitstamp trades at full speed, a
 * minutely roll, retention of one second with an archive folder and a snapshot every {@value #SNAPSHOT_INTERVAL}
 * inputs, stopped with SIGTERM after a few seconds, then restarted on the same journal and stopped again. The runs
 * must stop cleanly and say nothing on stderr; the journal must hold several passes of the file, pass 2 starting one
 * span after pass 1 started; the restart must recover from a snapshot; {@code journal stats} must read the journal to
 * its end. Whether a minute boundary (and so a roll and a removal) falls inside the run is up to the wall clock: the
 * checks hold either way, and retention's own rules are tested in the journal module with a controlled clock.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SoakSmokeTest {
    private static final int TRADES = 2000;
    private static final long SNAPSHOT_INTERVAL = 50_000;
    private static final long RUN_MILLIS = 3_000;
    private static final long MAX_RUN_MILLIS = 40_000;
    private static final Pattern RECOVERED = Pattern.compile(
        "recovered \\d+ journaled events in \\d+ ms \\(snapshot at entry (\\d+) \\+ \\d+ replayed, effects suppressed\\);"
            + " the feed resumes after its (\\d+) journaled inputs");

    @TempDir
    Path tmp;

    private final List<Process> children = new ArrayList<>();

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
    void shouldLoopTheFeedRollRetainAndRecoverAcrossARestart() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(tmp.resolve("btc.csv"), TRADES);
        final Path journal = tmp.resolve("journal");
        final Path config = Files.writeString(tmp.resolve("soak.conf"), """
            ringtrade {
              status-interval = 0
              pipeline { ring-size = 4096, wait-strategy = blocking }
              journal { dir = "%s", roll-cycle = minutely, retain = 1s, archive-dir = "%s", snapshot-interval = %d }
              feed { type = trades-replay, file = "%s", symbol = "BTC/USD", speed = 0, loop = true }
              instruments = [ { symbol = "BTC/USD", currency = USD, tick-size = 0.01, lot-size = 0.00000001 } ]
              books = [
            %s
              ]
            }
            """.formatted(journal, tmp.resolve("archive"), SNAPSHOT_INTERVAL, trades,
            JournalFixtures.smaBook("btc-sma", 5, 20)), StandardCharsets.UTF_8);

        // the first run stops once it has written a snapshot (at least 50,000 inputs), so the second recovers from one
        runFor("first", config, () -> hasSnapshot(journal));
        final JournalStats first = JournalStats.compute(journal);
        assertThat(first.firstEntry() + first.entries()).as("entries after the first run").isGreaterThan(3L * TRADES);
        assertThat(first.rollCycle().label()).isEqualTo("minutely");
        assertPassTwoStartsOneSpanLater(trades, journal, first.firstEntry());

        final long stopEntry = first.firstEntry() + first.entries() - 1; // the first run's clean stop: a cancel-all

        runFor("second", config, () -> true);
        final Matcher recovered = RECOVERED.matcher(Files.readString(tmp.resolve("second.out")));
        assertThat(recovered.find()).as("second run's output:%n%s", Files.readString(tmp.resolve("second.out"))).isTrue();
        assertThat(Long.parseLong(recovered.group(1))).isPositive();
        final JournalStats second = JournalStats.compute(journal);
        assertTheFeedResumedOnTheNextEventOfTheLoop(trades, journal, stopEntry, second.firstEntry());
        assertThat(second.firstEntry() + second.entries()).isGreaterThan(first.firstEntry() + first.entries());
        // retention keeps the newest two snapshots, the base and at most one per cycle file
        assertThat(second.snapshotEntries()).isNotEmpty().hasSizeLessThanOrEqualTo(3 + second.cycleFiles().size());
        System.out.println("soak smoke: " + (first.firstEntry() + first.entries()) + " entries after the first run, "
            + (second.firstEntry() + second.entries()) + " after the second; " + second.cycleFiles().size()
            + " cycle files and " + second.snapshotEntries().size() + " snapshots kept, "
            + second.retentionLog().size() + " cycle files archived");
    }

    /** Entry {@code TRADES} (when still kept) is trade 0 again, one span (last − first + smallest gap) later. */
    private static void assertPassTwoStartsOneSpanLater(final Path trades, final Path journal, final long firstEntry)
        throws IOException {
        if (firstEntry > TRADES) {
            return; // retention already archived the first pass
        }
        final List<String> lines = Files.readAllLines(trades, StandardCharsets.UTF_8);
        final long first = seconds(lines.get(1));
        final long span = spanSeconds(lines);
        try (JournalReader reader = JournalReader.open(journal, TRADES)) {
            final EngineEvent slot = new EngineEvent();
            assertThat(reader.next(slot)).isTrue();
            assertThat(slot.eventTimeNanos).isEqualTo((first + span) * 1_000_000_000L);
        }
    }

    /**
     * The restart skipped the {@code stopEntry} feed inputs already journaled by counting them on the looping source:
     * the entry after the stop must be trade {@code stopEntry mod TRADES} of pass {@code stopEntry / TRADES}.
     */
    private static void assertTheFeedResumedOnTheNextEventOfTheLoop(final Path trades, final Path journal,
                                                                    final long stopEntry, final long firstEntry)
        throws IOException {
        if (stopEntry < firstEntry) {
            return; // retention already archived it
        }
        final List<String> lines = Files.readAllLines(trades, StandardCharsets.UTF_8);
        final long span = spanSeconds(lines);
        final String row = lines.get((int) (stopEntry % TRADES) + 1);
        try (JournalReader reader = JournalReader.open(journal, stopEntry)) {
            final EngineEvent slot = new EngineEvent();
            assertThat(reader.next(slot)).isTrue();
            assertThat(slot.type).isEqualTo(EventType.COMMAND);
            assertThat(reader.next(slot)).isTrue();
            assertThat(slot.type).isEqualTo(EventType.MARKET_DATA);
            assertThat(slot.eventTimeNanos).isEqualTo((seconds(row) + stopEntry / TRADES * span) * 1_000_000_000L);
            assertThat(slot.price).isEqualTo(FixedPoint.parse(row.split(",")[1]));
        }
    }

    /** Last time − first time + the smallest positive gap, in seconds, from the file's text. */
    private static long spanSeconds(final List<String> lines) {
        long smallestGap = Long.MAX_VALUE;
        for (int i = 2; i < lines.size(); i++) {
            final long gap = seconds(lines.get(i)) - seconds(lines.get(i - 1));
            if (gap > 0) {
                smallestGap = Math.min(smallestGap, gap);
            }
        }
        return seconds(lines.get(lines.size() - 1)) - seconds(lines.get(1)) + smallestGap;
    }

    private static long seconds(final String line) {
        return Long.parseLong(line.substring(0, line.indexOf(',')));
    }

    private static boolean hasSnapshot(final Path journal) throws IOException {
        final Path folder = journal.resolve(SnapshotStore.FOLDER);
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".bin"));
        }
    }

    /** What a run waits for, beyond its minimum time, before it is stopped. */
    @FunctionalInterface
    private interface Ready {
        boolean check() throws IOException;
    }

    /**
     * Runs the engine for at least {@link #RUN_MILLIS} and until {@code ready} (at most {@link #MAX_RUN_MILLIS}, so a
     * slow, loaded machine waits longer instead of failing), then stops it with SIGTERM.
     */
    private void runFor(final String name, final Path config, final Ready ready) throws Exception {
        final List<String> command = ChildJvm.ringtrade("256m");
        // one output directory for both runs: a restart continues the files the snapshots' rows are in
        command.addAll(List.of("run", "--config", config.toString(), "--out", tmp.resolve("out").toString()));
        final Process process = new ProcessBuilder(command).directory(tmp.toFile())
            .redirectOutput(tmp.resolve(name + ".out").toFile())
            .redirectError(tmp.resolve(name + ".err").toFile())
            .start();
        children.add(process);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(tmp.resolve(name + ".out")).contains("ringtrade run:")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                fail(name + " did not start; stderr:%n%s", Files.readString(tmp.resolve(name + ".err")));
            }
            Thread.sleep(50);
        }
        Thread.sleep(RUN_MILLIS);
        final long runDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_RUN_MILLIS - RUN_MILLIS);
        while (!ready.check() && process.isAlive() && System.nanoTime() < runDeadline) {
            Thread.sleep(100);
        }
        process.destroy(); // SIGTERM: the clean stop
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            fail(name + " did not stop within 60 s of SIGTERM");
        }
        final String err = Files.readString(tmp.resolve(name + ".err"));
        assertThat(process.exitValue()).as("%s exit code; stderr:%n%s", name, err).isZero();
        assertThat(err).as(name + " stderr").isEmpty();
        assertThat(Files.readString(tmp.resolve(name + ".out"))).contains("stopped cleanly");
    }
}
