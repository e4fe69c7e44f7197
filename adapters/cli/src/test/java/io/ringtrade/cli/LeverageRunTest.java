package io.ringtrade.cli;

import io.ringtrade.engine.api.money.FixedPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.ringtrade.cli.JournalFixtures.assertSameBytes;
import static io.ringtrade.cli.JournalFixtures.rows;
import static io.ringtrade.cli.JournalFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code max-leverage} through a configuration file, on the shipped Apple daily bars: a strategy that buys on its
 * first decision with {@code trade_usd = 15000} from a book of 10,000 is refused for cash as a cash account, and with
 * {@code max-leverage = 2} buys and holds, its cash negative to the end. The fill, the cash and the last equity row
 * are worked out here from the bar file alone, with plain decimal arithmetic.
 */
class LeverageRunTest {
    /** Buys at every decision; with managed sizing an entry is placed only while flat, so it buys once and holds. */
    private static final String ALWAYS_BUY = """
        import io.ringtrade.engine.api.strategy.DecisionStrategy;
        import io.ringtrade.engine.api.strategy.ParameterSpec;
        import io.ringtrade.engine.api.strategy.Parameters;
        import io.ringtrade.engine.api.strategy.StrategyDefinition;
        import java.util.List;

        public final class AlwaysBuy implements StrategyDefinition {
            public String name() { return "always_buy"; }
            public String description() { return "buys at every decision"; }
            public List<ParameterSpec> parameters() { return List.of(); }
            public DecisionStrategy create(final Parameters parameters) {
                return row -> DecisionStrategy.BUY;
            }
        }
        """;

    @TempDir
    Path temp;

    private Path config(final String leverage) throws IOException {
        return config(leverage, "");
    }

    /** {@code more}: further book keys, written after the leverage (", borrow-rate-pct = 10"). */
    private Path config(final String leverage, final String more) throws IOException {
        final Path strategy = temp.resolve("AlwaysBuy.java");
        Files.writeString(strategy, ALWAYS_BUY, StandardCharsets.UTF_8);
        final Path file = temp.resolve("leverage-" + leverage + more.replaceAll("[^a-z0-9]", "") + ".conf");
        Files.writeString(file, """
            ringtrade {
              status-interval = 0
              pipeline { ring-size = 1024, wait-strategy = blocking }
              feed { type = bars-replay, file = "%s", symbol = AAPL, speed = 0 }
              instruments = [ { symbol = AAPL, currency = USD, tick-size = 0.01, lot-size = 1 } ]
              books = [
                { name = levered, strategy-file = "%s", params { trade_usd = 15000 }, symbols = [AAPL],
                  interval = 1d, cash = 10000, slippage-bps = 5, commission-bps = 10%s }
              ]
            }
            """.formatted(RealData.apple().toAbsolutePath(), strategy,
            (leverage.isEmpty() ? "" : ", max-leverage = " + leverage) + more), StandardCharsets.UTF_8);
        return file;
    }

    private Path run(final String leverage) throws IOException {
        final Path out = temp.resolve("out-" + leverage);
        succeeded(CommandRunner.run("run", "--config", config(leverage).toString(), "--journal",
            temp.resolve("journal-" + leverage).toString(), "--out", out.toString(), "--exit-at-end"));
        return out;
    }

    @Test
    void shouldBuyBeyondCashWithLeverageTwoWhatACashAccountRefuses() throws IOException {
        final List<String> bars = Files.readAllLines(RealData.apple(), StandardCharsets.UTF_8);
        final BigDecimal firstClose = new BigDecimal(bars.get(1).split(",")[4]);
        final BigDecimal secondOpen = new BigDecimal(bars.get(2).split(",")[1]);
        final BigDecimal lastClose = new BigDecimal(bars.get(bars.size() - 1).split(",")[4]);
        // trade_usd 15000 at the first close, 549.03, is 27 whole shares; filled at the next open, 547.88, plus 5 bps
        // slippage = 548.15394; notional 14800.15638, commission 10 bps = 14.80015638
        final BigDecimal quantity = new BigDecimal("15000").divide(firstClose, 0, RoundingMode.FLOOR);
        final BigDecimal price = secondOpen.multiply(new BigDecimal("1.0005")).setScale(8, RoundingMode.HALF_UP);
        final BigDecimal notional = price.multiply(quantity);
        final BigDecimal fee = notional.multiply(new BigDecimal("0.001")).setScale(8, RoundingMode.HALF_UP);
        final BigDecimal cash = new BigDecimal("10000").subtract(notional).subtract(fee);
        final BigDecimal equity = cash.add(quantity.multiply(lastClose));
        assertThat(quantity).isEqualByComparingTo("27");
        assertThat(cash).isEqualByComparingTo("-4814.95653638");

        // a cash account: 27 shares cost about 14,846 by the pre-trade estimate, more than 10,000 of cash
        final Path cashAccount = run("");
        assertThat(rows(cashAccount.resolve("trades.csv"))).isEmpty();
        assertThat(rows(cashAccount.resolve("orders.csv"))).isNotEmpty()
            .allSatisfy(row -> assertThat(row).contains(",REJECTED,INSUFFICIENT_CASH,"));

        // leverage 2: 10,000 of cash + (2 − 1) × equity 10,000 pays for it
        final Path levered = run("2");
        final List<String> trades = rows(levered.resolve("trades.csv"));
        assertThat(trades).hasSize(1);
        final String[] fill = trades.get(0).split(",");
        assertThat(fill[3]).isEqualTo("27");
        assertThat(new BigDecimal(fill[4])).isEqualByComparingTo(price);
        assertThat(new BigDecimal(fill[5])).isEqualByComparingTo(fee);
        final List<String> equityRows = rows(levered.resolve("equity.csv"));
        final String[] last = equityRows.get(equityRows.size() - 1).split(",");
        assertThat(last[2]).isEqualTo(FixedPoint.toString(FixedPoint.parse(cash.toPlainString())));
        assertThat(last[1]).isEqualTo(FixedPoint.toString(FixedPoint.parse(equity.toPlainString())));
        assertThat(Files.readString(temp.resolve("journal-2").resolve(JournalManifest.FILE)))
            .contains("max-leverage = 2");
        // the configuration in force at start, in the audit log, names the leverage only where it is set
        assertThat(Files.readString(temp.resolve("journal-2").resolve("audit.log")))
            .contains("\"price_band_pct\":\"0\",\"max_leverage\":\"2\"}");
        assertThat(Files.readString(temp.resolve("journal-").resolve("audit.log"))).doesNotContain("leverage");
    }

    @Test
    void shouldChargeInterestOnTheBorrowedCashEveryDayUntilTheEndAndReplayIt() throws IOException {
        final List<String> bars = Files.readAllLines(RealData.apple(), StandardCharsets.UTF_8);
        final Path out = temp.resolve("out-interest");
        final Path journal = temp.resolve("journal-interest");
        succeeded(CommandRunner.run("run", "--config", config("2", ", borrow-rate-pct = 10").toString(), "--journal",
            journal.toString(), "--out", out.toString(), "--exit-at-end"));

        // bought at the second bar's open, leaving -4,814.95653638 of cash (the test above); from that day to the day
        // before the last bar's, every day ends borrowed: each costs cash x 10 / 36,500, rounded up to 1e-8, on the
        // cash the day before left (weekends and holidays too)
        final long days = ChronoUnit.DAYS.between(LocalDate.parse(bars.get(2).split(",")[0]),
            LocalDate.parse(bars.get(bars.size() - 1).split(",")[0]));
        BigDecimal cash = new BigDecimal("-4814.95653638");
        BigDecimal paid = BigDecimal.ZERO;
        final List<String> expected = new ArrayList<>();
        for (long day = 0; day < days; day++) {
            final BigDecimal interest = cash.negate().multiply(BigDecimal.TEN)
                .divide(new BigDecimal("36500"), 8, RoundingMode.CEILING);
            expected.add(FixedPoint.toString(FixedPoint.parse(interest.toPlainString())));
            cash = cash.subtract(interest);
            paid = paid.add(interest);
        }
        assertThat(expected.getFirst()).as("4,814.95653638 x 10 / 36,500 = 1.319166174...").isEqualTo("1.31916618");
        final List<String> audit = Files.readAllLines(journal.resolve("audit.log"), StandardCharsets.UTF_8);
        final List<String> charged = audit.stream().filter(line -> line.contains("\"event\":\"interest\""))
            .map(line -> line.replaceAll(".*\"interest\":\"([0-9.]+)\"}$", "$1")).toList();
        assertThat(charged).hasSize((int) days).containsExactlyElementsOf(expected);
        assertThat(audit.stream().filter(line -> line.contains("\"event\":\"interest\"")).findFirst().orElseThrow())
            .contains("\"book\":\"levered\",\"day\":\"2013-01-03\",\"cash\":\"-4814.95653638\",\"rate_pct\":\"10\"");
        final List<String> equityRows = rows(out.resolve("equity.csv"));
        final String[] last = equityRows.get(equityRows.size() - 1).split(",");
        assertThat(last[2]).as("the last row's cash").isEqualTo(FixedPoint.toString(FixedPoint.parse(cash.toPlainString())));
        assertThat(paid).isGreaterThan(new BigDecimal("480")); // about 10 % of 4,815 over the year
        assertThat(Files.readString(journal.resolve(JournalManifest.FILE))).contains("max-leverage = 2, borrow-rate-pct = 10");
        assertThat(audit.getFirst()).contains("\"max_leverage\":\"2\",\"borrow_rate_pct\":\"10\"}");

        // the replay charges the same, byte for byte
        final Path replayed = temp.resolve("replayed-interest");
        succeeded(CommandRunner.run("replay", "--journal", journal.toString(), "--out", replayed.toString()));
        assertSameBytes(out, replayed, List.of("trades.csv", "equity.csv", "orders.csv"));
        assertThat(Files.readAllLines(replayed.resolve("audit.log"), StandardCharsets.UTF_8).stream()
            .filter(line -> line.contains("\"event\":\"interest\"")).count()).isEqualTo(days);
    }

    @Test
    void shouldReplayWithTheJournalsLeverageAndRefuseARestartWithAnother() throws IOException {
        final Path levered = run("2");
        final Path replayed = temp.resolve("replayed");

        // the manifest's leverage decides the replay: the same buy beyond cash, byte for byte
        succeeded(CommandRunner.run("replay", "--journal", temp.resolve("journal-2").toString(), "--out",
            replayed.toString()));
        assertSameBytes(levered, replayed, List.of("trades.csv", "equity.csv", "orders.csv"));
        final CommandRunner.Result restart = CommandRunner.run("run", "--config", config("3").toString(), "--journal",
            temp.resolve("journal-2").toString(), "--out", temp.resolve("restart").toString(), "--exit-at-end");
        assertThat(restart.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(restart.err()).contains("books[0].max-leverage is 2 in the journal, 3 now");
    }
}
