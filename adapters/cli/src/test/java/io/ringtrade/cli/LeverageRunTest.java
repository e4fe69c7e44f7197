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
        final Path strategy = temp.resolve("AlwaysBuy.java");
        Files.writeString(strategy, ALWAYS_BUY, StandardCharsets.UTF_8);
        final Path file = temp.resolve("leverage-" + leverage + ".conf");
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
            leverage.isEmpty() ? "" : ", max-leverage = " + leverage), StandardCharsets.UTF_8);
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
