package io.ringtrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.ringtrade.cli.JournalFixtures.assertSameBytes;
import static io.ringtrade.cli.JournalFixtures.rows;
import static io.ringtrade.cli.JournalFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine clock in a paper run: {@code market_maker} requotes on a 5-second timer, and the first 20 real Bitstamp
 * trades have gaps of 20 to 44 seconds, replayed at 60x. Between trades the clock journals {@code TIMER} time advances,
 * the timers fire on them (their quotes carry the time advance's journal index in their order ids), and
 * {@code replay} of the journal writes the run's files byte for byte.
 */
class EngineClockRunTest {
    private static final int TRADES = 20;

    @TempDir
    Path temp;

    /** A paced run's journal, what it wrote, and what replaying the journal printed. */
    private record PacedRun(Path trades, Path journal, Path out, CommandRunner.Result replayed) {
    }

    /** A journal entry of the engine clock: its index and event time. */
    private record TimeAdvance(long entry, long timeNanos) {
    }

    /**
     * Runs one book on the first {@code trades} real trades at 60x with {@code pipeline} added to the pipeline's
     * settings, replays the journal, and checks that the replay wrote the run's files byte for byte.
     */
    private PacedRun runAndReplay(final int trades, final String book, final String pipeline) throws Exception {
        final Path file = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), trades);
        final Path config = JournalFixtures.runConfig(temp.resolve("run.conf"), file, book);
        Files.writeString(config, Files.readString(config).replace("wait-strategy = blocking }",
            "wait-strategy = blocking, " + pipeline + " }"));
        final Path journal = temp.resolve("journal");
        final Path out = temp.resolve("out");
        final Path replay = temp.resolve("replay");
        succeeded(CommandRunner.run("run", "--config", config.toString(), "--journal", journal.toString(), "--out",
            out.toString(), "--speed", "60", "--exit-at-end"));
        final CommandRunner.Result replayed = succeeded(CommandRunner.run("replay", "--journal", journal.toString(),
            "--out", replay.toString()));
        assertSameBytes(out, replay, List.of("trades.csv", "orders.csv", "equity.csv"));
        return new PacedRun(file, journal, out, replayed);
    }

    /** Every entry of the journal, as "index time TYPE ..." lines of {@code journal dump}. */
    private static List<String[]> entries(final Path journal) {
        final List<String[]> entries = new ArrayList<>();
        for (final String line : CommandRunner.run("journal", "dump", journal.toString()).out().split("\n")) {
            final String[] f = line.split(" ");
            if (f.length >= 3 && f[0].chars().allMatch(Character::isDigit)) {
                entries.add(f);
            }
        }
        return entries;
    }

    private static List<TimeAdvance> timeAdvances(final List<String[]> entries) {
        final List<TimeAdvance> advances = new ArrayList<>();
        for (final String[] f : entries) {
            if (f[2].equals("TIMER")) {
                final Instant time = Instant.parse(f[1]);
                advances.add(new TimeAdvance(Long.parseLong(f[0]), time.getEpochSecond() * 1_000_000_000L
                    + time.getNano()));
            }
        }
        return advances;
    }

    /** Orders decided at one of the time advances: an order id is the journal index x 1000 + an ordinal. */
    private static boolean anyDecidedAt(final List<String> orders, final List<TimeAdvance> advances) {
        final Set<Long> entries = new HashSet<>();
        advances.forEach(advance -> entries.add(advance.entry()));
        return orders.stream().anyMatch(row -> entries.contains(Long.parseLong(row.split(",")[1]) / 1000));
    }

    @Test
    void shouldFireTimersOnTheClocksTimeAdvancesWhileNoMarketDataArrivesAndReplayThemByteForByte() throws Exception {
        final PacedRun run = runAndReplay(TRADES,
            "    { name = \"mm\", strategy = market_maker, params { requote_ms = 5000 }, symbols = [\"BTC/USD\"],"
                + " interval = 1m, cash = 10000 }", "timer-interval = 50ms");

        final Set<Long> tradeTimes = new HashSet<>();
        for (final String row : rows(run.trades())) {
            tradeTimes.add(Long.parseLong(row.split(",")[0]) * 1_000_000_000L);
        }
        final List<String[]> entries = entries(run.journal());
        final List<TimeAdvance> advances = timeAdvances(entries);
        assertThat(advances).isNotEmpty();
        // the time advances fall between trades (the replayed data's clock, never past the next trade)
        assertThat(advances).anyMatch(advance -> !tradeTimes.contains(advance.timeNanos()));
        // quotes decided at a time advance
        assertThat(anyDecidedAt(rows(run.out().resolve("orders.csv")), advances)).isTrue();
        // replay read the journal, nothing more: the 20 trades, the time advances and the stop's cancel-all
        assertThat(entries).hasSize(TRADES + advances.size() + 1);
        assertThat(run.replayed().out()).startsWith("replayed " + entries.size() + " entries from " + run.journal()
            + " in ");
    }

    /**
     * {@code pipeline.bar-close-delay}: a decision book (sma_crossover 1/2 on 1-minute bars, no event strategy) on the
     * first 60 real trades (ten minutes of data, ten seconds at 60x). The clock now runs for the bars alone, and a bar
     * closes once the data clock passes its end plus one second (17 ms of wall time) unless a trade of the next minute
     * comes first; decisions taken at a time advance carry its journal index in their order ids, and replay writes
     * the same files.
     */
    @Test
    void shouldCloseBarsOnTheClocksTimeAdvancesAndReplayThemByteForByte() throws Exception {
        final PacedRun run = runAndReplay(60,
            "    { name = \"sma\", strategy = sma_crossover, params { fast = 1, slow = 2 }, symbols = [\"BTC/USD\"],"
                + " interval = 1m, cash = 10000 }", "timer-interval = 20ms, bar-close-delay = 1s");

        final List<TimeAdvance> advances = timeAdvances(entries(run.journal()));
        assertThat(advances).as("the clock runs for bar closes without an event strategy").isNotEmpty();
        final List<String> orders = rows(run.out().resolve("orders.csv"));
        assertThat(orders).isNotEmpty();
        assertThat(anyDecidedAt(orders, advances)).as("a decision on a bar closed by a time advance").isTrue();
    }
}
