package io.ringtrade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ringtrade.engine.api.strategy.Indicators;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ringtrade indicators} on the real files: the columns per bar, the choice of columns, and the refusals. */
class IndicatorsCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteEveryColumnOfEveryBarInTasOrder() throws IOException {
        final Path out = dir.resolve("apple.csv");
        final CommandRunner.Result result = CommandRunner.run("indicators", "--data", RealData.apple().toString(),
            "--symbol", "AAPL", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("wrote 252 bars × 86 columns to " + out);
        final List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(253);
        assertThat(lines.get(0)).isEqualTo("time,open,high,low,close,volume," + String.join(",", Indicators.columnNames()));
        final List<String> header = List.of(lines.get(0).split(","));
        final String[] day13 = lines.get(14).split(",", -1);
        assertThat(day13[0]).isEqualTo("2013-01-22T00:00:00Z");
        assertThat(day13[4]).as("close as a plain decimal").isEqualTo("504.77");
        // ta 0.11.0's momentum_rsi on this bar (the shared reference), and NaN as an empty cell before it
        assertThat(Double.parseDouble(day13[header.indexOf("momentum_rsi")])).isCloseTo(34.84305998800389, within(1e-9));
        assertThat(lines.get(13).split(",", -1)[header.indexOf("momentum_rsi")]).isEmpty();
        assertThat(lines.get(9).split(",", -1)[header.indexOf("volatility_atr")]).as("ta's ATR is 0.0 in its warm-up")
            .isEqualTo("0.0");

        // trend_sma_fast on the last bar is the mean of the last 12 closes, read back without loss
        BigDecimal sum = BigDecimal.ZERO;
        for (int row = 241; row <= 252; row++) {
            sum = sum.add(new BigDecimal(lines.get(row).split(",")[4]));
        }
        final String[] last = lines.get(252).split(",", -1);
        assertThat(Double.parseDouble(last[header.indexOf("trend_sma_fast")]))
            .isEqualTo(sum.divide(BigDecimal.valueOf(12), MathContext.DECIMAL128).doubleValue());
    }

    @Test
    void shouldWriteTheColumnsAskedForOnBarsBuiltFromTrades() throws IOException {
        final Path out = dir.resolve("btc.csv");
        final CommandRunner.Result result = CommandRunner.run("indicators", "--data", RealData.bitstamp().toString(),
            "--symbol", "BTC/USD", "--interval", "1h", "--from", "2013-11-26", "--to", "2013-11-27",
            "--columns", "momentum_rsi, trend_macd_diff,volatility_bbh", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        final List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("time,open,high,low,close,volume,momentum_rsi,trend_macd_diff,volatility_bbh");
        assertThat(lines).hasSize(1 + 48);
        assertThat(lines.get(1)).startsWith("2013-11-26T00:00:00Z,");
        assertThat(lines.get(48)).startsWith("2013-11-27T23:00:00Z,");
        assertThat(lines.get(48).split(",", -1)).hasSize(9).allSatisfy(cell -> assertThat(cell).isNotEmpty());
    }

    @Test
    void shouldRefuseAnUnknownColumnWithTheCloseMatches() {
        final CommandRunner.Result result = CommandRunner.run("indicators", "--data", RealData.apple().toString(),
            "--columns", "momentum_rsj", "--out", dir.resolve("x.csv").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip())
            .isEqualTo("ringtrade: --columns: unknown column 'momentum_rsj' (close matches: momentum_rsi)");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void shouldRefuseATradeFileWithoutAnInterval() {
        final CommandRunner.Result result = CommandRunner.run("indicators", "--data", RealData.bitstamp().toString(),
            "--out", dir.resolve("x.csv").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("ringtrade: " + RealData.bitstamp()
            + ": a trade file needs --interval to build bars, e.g. --interval 5m");
    }

    @Test
    void shouldRefuseAColumnGivenTwice() {
        final CommandRunner.Result result = CommandRunner.run("indicators", "--data", RealData.apple().toString(),
            "--columns", "momentum_rsi,momentum_rsi", "--out", dir.resolve("x.csv").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("ringtrade: --columns: momentum_rsi is given twice");
    }
}
