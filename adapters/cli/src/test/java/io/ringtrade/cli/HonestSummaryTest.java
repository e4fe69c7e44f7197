package io.ringtrade.cli;

import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.ringtrade.cli.JournalFixtures.rows;
import static io.ringtrade.cli.JournalFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Summaries that do not mislead: buy-and-hold from the first price whatever the interval, annualisation by the
 * instrument's calendar, no CAGR on a run of days, positions still open at the end with their unrealized P&amp;L, and
 * a reason when there are no trades.
 */
class HonestSummaryTest {
    @TempDir
    Path temp;

    private CommandRunner.Result backtest(final Path out, final String... args) {
        final List<String> all = new ArrayList<>(List.of("backtest", "--out", out.toString()));
        all.addAll(List.of(args));
        return succeeded(CommandRunner.run(all.toArray(String[]::new)));
    }

    private static String json(final Path out, final String key) throws IOException {
        final Matcher value = Pattern.compile("\"" + key + "\": ([^,\\n]+)").matcher(Files.readString(out.resolve(
            "summary.json")));
        assertThat(value.find()).as(key).isTrue();
        return value.group(1);
    }

    @Test
    void shouldMeasureBuyAndHoldFromTheFirstOpenAtEveryInterval() throws IOException {
        final List<String> apple = Files.readAllLines(RealData.apple());
        final BigDecimal firstOpen = new BigDecimal(apple.get(1).split(",")[1]);
        final BigDecimal lastClose = new BigDecimal(apple.get(apple.size() - 1).split(",")[4]);
        // 10000 × last / first, at 1e-8 half up, as a return rounded to 10 significant digits
        final BigDecimal benchmark = new BigDecimal(10_000).multiply(lastClose).divide(firstOpen, 8, RoundingMode.HALF_UP);
        final String expected = benchmark.subtract(new BigDecimal(10_000)).divide(new BigDecimal(10_000))
            .round(new MathContext(10, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();

        for (final String interval : List.of("1d", "1wk", "1mo")) {
            final Path out = temp.resolve(interval);
            backtest(out, "--strategy", "sma_crossover", "--param", "fast=2", "--param", "slow=3", "--data",
                RealData.apple().toString(), "--symbol", "AAPL", "--interval", interval);
            assertThat(json(out, "buy_and_hold_return")).as(interval).isEqualTo(expected);
        }
    }

    @Test
    void shouldAnnualiseByTheInstrumentsCalendar() throws IOException {
        // the same hourly Bitstamp bars as BTC/USD (calendar 24x7: 8760 bars a year) and as a symbol without a
        // calendar (252 days of 24 hours: 6048): the same trades, volatility scaled by √(8760 / 6048)
        final Path bars = JournalFixtures.bitstampBars(temp.resolve("btc-1h.csv"),
            Interval.H1, 1_000);
        final Path crypto = temp.resolve("crypto");
        final Path plain = temp.resolve("plain");
        backtest(crypto, "--strategy", "sma_crossover", "--param", "fast=3", "--param", "slow=8", "--data",
            bars.toString(), "--symbol", "BTC/USD", "--interval", "1h");
        backtest(plain, "--strategy", "sma_crossover", "--param", "fast=3", "--param", "slow=8", "--data",
            bars.toString(), "--symbol", "XBT", "--tick-size", "0.01", "--lot-size", "0.00000001", "--interval", "1h");

        assertThat(json(crypto, "total_return")).isEqualTo(json(plain, "total_return"));
        assertThat(Double.parseDouble(json(crypto, "volatility")) / Double.parseDouble(json(plain, "volatility")))
            .isCloseTo(Math.sqrt(8_760.0 / 6_048.0), within(1e-8));
    }

    @Test
    void shouldWithholdCagrOnARunOfDaysAndReportTheOpenPosition() throws IOException {
        final Path out = temp.resolve("eth");
        final CommandRunner.Result result = backtest(out, "--strategy", "sma_crossover", "--param", "fast=5",
            "--param", "slow=20", "--data", RealData.dir().resolve("ETH-USD-PT5M-2023-3-13_2023-3-15.json").toString(),
            "--symbol", "ETH/USD", "--interval", "5m");

        assertThat(json(out, "cagr")).isEqualTo("null");
        assertThat(json(out, "calmar")).isEqualTo("null");
        assertThat(Double.parseDouble(json(out, "days"))).isLessThan(30);
        assertThat(result.out()).contains("CAGR                     n/a (< 30 days)");
        // the position the last buy opened, marked at the last close: (close − fill price) × quantity
        final List<String> fills = rows(out.resolve("trades.csv"));
        final String[] lastBuy = fills.get(fills.size() - 1).split(",");
        assertThat(lastBuy[2]).isEqualTo("BUY");
        final List<String> prices = rows(out.resolve("prices.csv"));
        final long lastClose = FixedPoint.parse(prices.get(prices.size() - 1).split(",")[2]);
        final long unrealized = FixedPoint.multiply(lastClose - FixedPoint.parse(lastBuy[4]),
            FixedPoint.parse(lastBuy[3]));
        assertThat(json(out, "open_positions")).isEqualTo("1");
        assertThat(json(out, "unrealized_pnl")).isEqualTo(FixedPoint.toString(unrealized));
        assertThat(result.out()).contains("Open at the end         1 (unrealized " + FixedPoint.toString(unrealized)
            + ")");
    }

    @Test
    void shouldSayWhyABacktestHasNoTrades() throws IOException {
        final CommandRunner.Result warmUp = backtest(temp.resolve("aapl"), "--strategy", "sma_crossover", "--data",
            RealData.apple().toString(), "--symbol", "AAPL");
        final CommandRunner.Result tooCoarse = backtest(temp.resolve("eth"), "--strategy", "sma_crossover", "--param",
            "fast=5", "--param", "slow=20", "--data",
            RealData.dir().resolve("ETH-USD-PT5M-2023-3-13_2023-3-15.json").toString(), "--symbol", "ETH/USD");

        assertThat(warmUp.out()).contains("note: 0 trades: sma_crossover decided nothing on its 252 bars at 1d; its"
            + " indicators were still warming up (NaN) on 200 of them, so it could decide on 52");
        assertThat(Files.readString(temp.resolve("aapl").resolve("summary.json"))).contains("\"notes\": [\"0 trades:"
            + " sma_crossover decided nothing on its 252 bars at 1d;");
        assertThat(tooCoarse.out()).contains("note: 0 trades: sma_crossover decided nothing on its 3 bars at 1d; its"
            + " indicators were still warming up (NaN) on all of them: the data is shorter than its warm-up (more data,"
            + " or a finer interval)");
    }
}
