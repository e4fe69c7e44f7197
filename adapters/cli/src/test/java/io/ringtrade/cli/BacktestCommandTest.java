package io.ringtrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code ringtrade backtest} command: output files, byte-identical reruns, one-line user errors. */
class BacktestCommandTest {
    @TempDir
    Path temp;

    @Test
    void shouldWriteByteIdenticalFilesOnTwoRunsWithTheSameArguments() throws Exception {
        final Path first = temp.resolve("first");
        final Path second = temp.resolve("second");
        assertThat(backtest(first).exitCode()).isZero();
        assertThat(backtest(second).exitCode()).isZero();
        for (final String file : List.of("trades.csv", "equity.csv", "orders.csv", "summary.json")) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void shouldWriteTheDocumentedHeadersAndOneEquityRowPerBar() throws Exception {
        final Path out = temp.resolve("out");
        final CommandRunner.Result result = backtest(out);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("trades.csv")).get(0))
            .isEqualTo("time,symbol,side,quantity,price,fee,strategy,order_id,realized_pnl,reason");
        final List<String> equity = Files.readAllLines(out.resolve("equity.csv"));
        assertThat(equity.get(0)).isEqualTo("time,equity,cash,positions_value,benchmark_equity");
        assertThat(equity).hasSize(1 + 252);
        // buy-and-hold bought at the first price, the first bar's open 553.82, marked at its close 549.03:
        // 10000 × 549.03 / 553.82 = 9913.509804633… → 9913.50980463
        assertThat(equity.get(1)).isEqualTo("2013-01-02T00:00:00Z,10000,10000,0,9913.50980463");
        final String summary = Files.readString(out.resolve("summary.json"));
        for (final String key : List.of("total_return", "cagr", "volatility", "sharpe", "sortino", "calmar",
            "max_drawdown", "max_drawdown_duration_bars", "win_rate", "profit_factor", "avg_win", "avg_loss",
            "trades", "exposure", "buy_and_hold_return", "final_equity")) {
            assertThat(summary).contains("\"" + key + "\":");
        }
        assertThat(result.out()).contains("Total return").contains("Buy & hold return");
    }

    @Test
    void shouldFillAtTheNextOpenWithSlippage() throws Exception {
        final Path out = temp.resolve("out");
        assertThat(backtest(out).exitCode()).isZero();
        // first trade: decided at the close of 2013-03-25, filled at the open of 2013-03-26 (461.45 in the file)
        // × (1 + 5 bps) = 461.680725; 10000 / (461.680725 × 1.001) = 21.6 → 21 shares (AAPL lot 1)
        final List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(trades.get(1)).startsWith("2013-03-26T00:00:00Z,AAPL,BUY,21,");
    }

    @Test
    void shouldRunTheMarketMakerOnTradeTicksAndRefuseItOnBars() throws Exception {
        final Path out = temp.resolve("mm");
        final CommandRunner.Result result = CommandRunner.run("backtest", "--strategy", "market_maker", "--data",
            RealData.bitstamp().toString(), "--ticks", "--interval", "1m", "--to", "2013-11-26", "--out",
            out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        final List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(trades.size()).isGreaterThan(10);
        assertThat(trades.subList(1, trades.size())).allMatch(line -> line.contains(",market_maker,"));
        final CommandRunner.Result bars = CommandRunner.run("backtest", "--strategy", "market_maker", "--data",
            RealData.bitstamp().toString(), "--interval", "1m", "--out", temp.resolve("bars").toString());
        assertThat(bars.exitCode()).isEqualTo(2);
        assertThat(bars.err().strip()).isEqualTo("ringtrade: strategy market_maker is an event strategy and needs "
            + "ticks: give trade files with --ticks (or --journal), not bars");
    }

    @Test
    void shouldManageAStopLossGivenOnTheCommandLineAndSayWhyEachFillHappened() throws Exception {
        final Path out = temp.resolve("sl");
        final CommandRunner.Result result = CommandRunner.run("backtest", "--strategy", "sma_crossover", "--param",
            "fast=5", "--param", "slow=20", "--param", "stop_loss=0.02", "--param", "trade_usd=2000", "--data",
            RealData.apple().toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        final List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(trades.stream().filter(line -> line.endsWith(",entry")).count()).isGreaterThan(2);
        assertThat(trades.stream().filter(line -> line.endsWith(",stop_loss")).count()).isPositive();
        assertThat(Files.readAllLines(out.resolve("entries.csv")).get(0))
            .isEqualTo("time,strategy,symbol,side,entry,quantity,price,average_price,position,order_id");
        final CommandRunner.Result zero = CommandRunner.run("backtest", "--strategy", "sma_crossover", "--param",
            "stop_loss=0", "--data", RealData.apple().toString(), "--out", temp.resolve("zero").toString());
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err().strip()).isEqualTo("ringtrade: strategy sma_crossover parameter stop_loss=0 is refused: "
            + "a stop-loss of 0 would stop out at the entry (leave stop_loss out for none)");
    }

    @Test
    void shouldBorrowWithLeverageAndPayTheRateOnWhatItBorrowed() throws Exception {
        // trade_usd 15,000 against 10,000 of cash: a cash account cannot pay for an entry, leverage 2 borrows for it
        final List<String> common = List.of("backtest", "--strategy", "sma_crossover", "--param", "fast=5", "--param",
            "slow=20", "--param", "trade_usd=15000", "--data", RealData.apple().toString());
        final Path cashAccount = backtestWith(common, "cash");
        final Path levered = backtestWith(common, "levered", "--max-leverage", "2");
        final Path paying = backtestWith(common, "paying", "--max-leverage", "2", "--borrow-rate-pct", "10");

        assertThat(Files.readAllLines(cashAccount.resolve("trades.csv"))).hasSize(1); // the header: nothing filled
        final List<String> fills = Files.readAllLines(levered.resolve("trades.csv"));
        assertThat(fills).hasSizeGreaterThan(10);
        assertThat(Files.readAllLines(paying.resolve("trades.csv"))).as("the same fills").isEqualTo(fills);
        // what the rate changed is the interest, and only that: the final equity is lower by what the audit lines say
        final List<BigDecimal> charges = charged(paying, "interest", "interest");
        assertThat(charges).hasSizeGreaterThan(50);
        assertThat(finalEquity(levered).subtract(finalEquity(paying))).isEqualByComparingTo(sum(charges));
        assertThat(Files.readString(paying.resolve("summary.json")))
            .contains("\"max_leverage\": \"2\"", "\"borrow_rate_pct\": \"10\"",
                "\"interest_paid\": " + sum(charges).toPlainString() + ",");
        assertThat(Files.readString(cashAccount.resolve("summary.json"))).doesNotContain("leverage", "borrow");

        final CommandRunner.Result low = CommandRunner.run("backtest", "--strategy", "sma_crossover", "--data",
            RealData.apple().toString(), "--max-leverage", "0.5", "--out", temp.resolve("low").toString());
        assertThat(low.exitCode()).isEqualTo(2);
        assertThat(low.err().strip()).isEqualTo("ringtrade: --max-leverage must be a decimal from 1 to 100, got 0.5");
        final CommandRunner.Result word = CommandRunner.run("backtest", "--strategy", "sma_crossover", "--data",
            RealData.apple().toString(), "--borrow-rate-pct", "ten", "--out", temp.resolve("word").toString());
        assertThat(word.exitCode()).isEqualTo(2);
        assertThat(word.err().strip()).isEqualTo("ringtrade: --borrow-rate-pct: 'ten' is not a decimal number");
        final CommandRunner.Result rule = CommandRunner.run("backtest", "--strategy", "sma_crossover", "--data",
            RealData.apple().toString(), "--margin-call", "sometimes", "--out", temp.resolve("rule").toString());
        assertThat(rule.exitCode()).isEqualTo(2);
        assertThat(rule.err().strip()).isEqualTo("ringtrade: --margin-call must be close or reduce, not 'sometimes'");
    }

    @Test
    void shouldPayTheShortFeeOnWhatTheShortsBorrowWithTheSameFills() throws Exception {
        // mean_reversion sells short with a fixed notional (its trade_usd), so the fee cannot change what it trades
        final List<String> common = List.of("backtest", "--strategy", "mean_reversion", "--allow-short", "--data",
            RealData.apple().toString());
        final Path free = backtestWith(common, "free");
        final Path paying = backtestWith(common, "fee", "--short-fee-pct", "3");
        final List<String> fills = Files.readAllLines(free.resolve("trades.csv"));
        assertThat(fills.stream().filter(line -> line.contains(",SELL,")).count()).isGreaterThan(10);
        assertThat(Files.readAllLines(paying.resolve("trades.csv"))).as("the same fills").isEqualTo(fills);
        final List<BigDecimal> charges = charged(paying, "short_fee", "fee");
        assertThat(charges).hasSizeGreaterThan(10);
        assertThat(finalEquity(free).subtract(finalEquity(paying))).isEqualByComparingTo(sum(charges));
        assertThat(Files.readString(paying.resolve("summary.json"))).contains("\"short_fee_pct\": \"3\"",
            "\"short_fees_paid\": " + sum(charges).toPlainString() + ",");
        assertThat(Files.readString(free.resolve("summary.json"))).doesNotContain("short_fees_paid");
    }

    private Path backtestWith(final List<String> common, final String name, final String... more) {
        final Path out = temp.resolve(name);
        final List<String> args = new java.util.ArrayList<>(common);
        args.addAll(List.of(more));
        args.addAll(List.of("--out", out.toString()));
        final CommandRunner.Result result = CommandRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return out;
    }

    /** The amounts ({@code key}, the line's last field) of the audit log's {@code event} lines. */
    private static List<BigDecimal> charged(final Path out, final String event, final String key)
        throws java.io.IOException {
        return Files.readAllLines(out.resolve("audit.log")).stream()
            .filter(line -> line.contains("\"event\":\"" + event + "\""))
            .map(line -> new BigDecimal(line.replaceAll(".*\"" + key + "\":\"([0-9.]+)\"}$", "$1"))).toList();
    }

    private static BigDecimal sum(final List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal finalEquity(final Path out) throws java.io.IOException {
        final List<String> rows = Files.readAllLines(out.resolve("equity.csv"));
        return new BigDecimal(rows.getLast().split(",")[1]);
    }

    @Test
    void shouldRefuseAnUnknownStrategyWithOneLine() {
        final CommandRunner.Result result = CommandRunner.run("backtest", "--strategy", "nope", "--data",
            RealData.apple().toString(), "--out", temp.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        // (the test classpath adds a test strategy after these)
        assertThat(result.err().strip()).startsWith("ringtrade: unknown strategy 'nope' (available: alpha,"
            + " bollinger_breakout, crypto_momentum, ensemble, grid_trading, macd_crossover, market_maker,"
            + " mean_reversion, momentum, rebalance, rsi_mean_reversion, rsi_threshold, sma_crossover,"
            + " stochastic_oscillator, swing, ta4j_rules, ta_regime, ");
    }

    @Test
    void shouldRefuseAnUnknownParameterWithOneLine() {
        final CommandRunner.Result result = CommandRunner.run("backtest", "--strategy", "sma_crossover", "--param",
            "fats=3", "--data", RealData.apple().toString(), "--out", temp.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip())
            .isEqualTo("ringtrade: strategy sma_crossover has no parameter 'fats' (parameters: fast, slow, trade_usd, "
                + "equity_fraction, quantity, stop_loss, take_profit, trailing_stop, time_stop_bars, max_adds, "
                + "average_last)");
    }

    @Test
    void shouldRefuseABadParameterValueWithOneLine() {
        final CommandRunner.Result result = CommandRunner.run("backtest", "--strategy", "sma_crossover", "--param",
            "fast=ten", "--data", RealData.apple().toString(), "--out", temp.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip())
            .isEqualTo("ringtrade: strategy sma_crossover parameter fast='ten' is not a whole number");
    }

    @Test
    void shouldRefuseAMissingFileWithOneLine() {
        final Path missing = temp.resolve("missing.csv");
        final CommandRunner.Result result = CommandRunner.run("backtest", "--strategy", "sma_crossover", "--data",
            missing.toString(), "--out", temp.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("ringtrade: " + missing + ": file not found");
    }

    @Test
    void shouldRefuseABadFileNamingFileAndLineWithoutAStackTrace() throws Exception {
        final Path bad = temp.resolve("bad.csv");
        Files.writeString(bad, "date,open,high,low,close,volume\n2013-01-02,1,2,0.5,1.5,10\n2013-01-03,1,2,0.5,abc,10\n");
        final CommandRunner.Result result = CommandRunner.run("backtest", "--strategy", "sma_crossover", "--data",
            bad.toString(), "--out", temp.resolve("out").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("ringtrade: " + bad + ":3: column 'close': 'abc' is not a number");
        assertThat(Files.exists(temp.resolve("out"))).isFalse();
    }

    @Test
    void shouldRefuseAnUnknownIntervalWithOneLine() {
        final CommandRunner.Result result = CommandRunner.run("backtest", "--strategy", "sma_crossover", "--interval",
            "2d", "--data", RealData.apple().toString(), "--out", temp.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip())
            .isEqualTo("ringtrade: unknown interval '2d' (expected one of 1m, 5m, 15m, 30m, 1h, 4h, 1d, 1wk, 1mo)");
    }

    @Test
    void shouldListStrategiesWithParametersAndDefaults() {
        final CommandRunner.Result result = CommandRunner.run("strategies");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("sma_crossover").contains("fast").contains("default 50")
            .contains("rsi_threshold").contains("buy_below");
        for (final String name : List.of("rsi_mean_reversion", "vwap", "macd_crossover", "stochastic_oscillator",
            "ta_regime", "swing", "ta4j_rules", "ensemble", "alpha", "momentum", "mean_reversion", "bollinger_breakout",
            "crypto_momentum")) {
            assertThat(result.out()).as(name).containsPattern("(?m)^" + name + " - \\S");
        }
        assertThat(result.out()).contains("    managed: trade_usd=3000.0 stop_loss=0.02 take_profit=0.04")
            .containsPattern("(?m)^    buy_below +double +default 30\\.0 +range 0\\.0\\.\\.100\\.0 +buy when RSI");
    }

    private CommandRunner.Result backtest(final Path out) {
        return CommandRunner.run("backtest", "--strategy", "sma_crossover", "--param", "fast=10", "--param", "slow=30",
            "--data", RealData.apple().toString(), "--symbol", "AAPL", "--commission-bps", "10", "--out", out.toString());
    }
}
