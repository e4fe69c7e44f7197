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

    @Test
    void shouldFireTimersOnTheClocksTimeAdvancesWhileNoMarketDataArrivesAndReplayThemByteForByte() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), TRADES);
        final Path config = JournalFixtures.runConfig(temp.resolve("run.conf"), trades,
            "    { name = \"mm\", strategy = market_maker, params { requote_ms = 5000 }, symbols = [\"BTC/USD\"],"
                + " interval = 1m, cash = 10000 }");
        Files.writeString(config, Files.readString(config).replace("wait-strategy = blocking }",
            "wait-strategy = blocking, timer-interval = 50ms }"));
        final Path journal = temp.resolve("journal");
        final Path out = temp.resolve("out");
        final Path replay = temp.resolve("replay");

        succeeded(CommandRunner.run("run", "--config", config.toString(), "--journal", journal.toString(), "--out",
            out.toString(), "--speed", "60", "--exit-at-end"));
        final CommandRunner.Result replayed = succeeded(CommandRunner.run("replay", "--journal", journal.toString(),
            "--out", replay.toString()));

        assertSameBytes(out, replay, List.of("trades.csv", "orders.csv", "equity.csv"));
        final Set<Long> tradeTimes = new HashSet<>();
        for (final String row : rows(trades)) {
            tradeTimes.add(Long.parseLong(row.split(",")[0]) * 1_000_000_000L);
        }
        // journal dump lines: "index time TYPE ..."
        final Set<Long> timerEntries = new HashSet<>();
        final List<Long> timerTimes = new ArrayList<>();
        long entries = 0;
        for (final String line : CommandRunner.run("journal", "dump", journal.toString()).out().split("\n")) {
            final String[] f = line.split(" ");
            if (f.length < 3 || !f[0].chars().allMatch(Character::isDigit)) {
                continue;
            }
            entries++;
            if (f[2].equals("TIMER")) {
                timerEntries.add(Long.parseLong(f[0]));
                final Instant time = Instant.parse(f[1]);
                timerTimes.add(time.getEpochSecond() * 1_000_000_000L + time.getNano());
            }
        }
        assertThat(timerEntries).isNotEmpty();
        // the time advances fall between trades (the replayed data's clock, never past the next trade)
        assertThat(timerTimes).anyMatch(time -> !tradeTimes.contains(time));
        // quotes decided at a time advance: order id = journal index × 1000 + ordinal
        final List<String> orders = rows(out.resolve("orders.csv"));
        assertThat(orders).anyMatch(row -> timerEntries.contains(Long.parseLong(row.split(",")[1]) / 1000));
        // replay read the journal, nothing more: the 20 trades, the time advances and the stop's cancel-all
        assertThat(entries).isEqualTo(TRADES + timerEntries.size() + 1);
        assertThat(replayed.out()).startsWith("replayed " + entries + " entries from " + journal + " in ");
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
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 60);
        final Path config = JournalFixtures.runConfig(temp.resolve("run.conf"), trades,
            "    { name = \"sma\", strategy = sma_crossover, params { fast = 1, slow = 2 }, symbols = [\"BTC/USD\"],"
                + " interval = 1m, cash = 10000 }");
        Files.writeString(config, Files.readString(config).replace("wait-strategy = blocking }",
            "wait-strategy = blocking, timer-interval = 20ms, bar-close-delay = 1s }"));
        final Path journal = temp.resolve("journal");
        final Path out = temp.resolve("out");
        final Path replay = temp.resolve("replay");

        succeeded(CommandRunner.run("run", "--config", config.toString(), "--journal", journal.toString(), "--out",
            out.toString(), "--speed", "60", "--exit-at-end"));
        succeeded(CommandRunner.run("replay", "--journal", journal.toString(), "--out", replay.toString()));

        assertSameBytes(out, replay, List.of("trades.csv", "orders.csv", "equity.csv"));
        final Set<Long> timerEntries = new HashSet<>();
        for (final String line : CommandRunner.run("journal", "dump", journal.toString()).out().split("\n")) {
            final String[] f = line.split(" ");
            if (f.length >= 3 && f[0].chars().allMatch(Character::isDigit) && f[2].equals("TIMER")) {
                timerEntries.add(Long.parseLong(f[0]));
            }
        }
        assertThat(timerEntries).as("the clock runs for bar closes without an event strategy").isNotEmpty();
        final List<String> orders = rows(out.resolve("orders.csv"));
        assertThat(orders).isNotEmpty();
        // decided at a bar close taken on a time advance: order id = journal index x 1000 + ordinal
        assertThat(orders).anyMatch(row -> timerEntries.contains(Long.parseLong(row.split(",")[1]) / 1000));
    }
}
