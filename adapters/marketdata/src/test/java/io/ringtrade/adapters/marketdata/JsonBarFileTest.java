package io.ringtrade.adapters.marketdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.ringtrade.adapters.marketdata.TestFiles.assertBarsRefused;
import static io.ringtrade.adapters.marketdata.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class JsonBarFileTest {
    private static final long MILLI = 1_000_000L;

    @TempDir
    Path dir;

    private static String bar(final long endTime, final String o, final String h, final String l, final String c,
                              final String v) {
        return "{\"endTime\": " + endTime + ", \"openPrice\": " + o + ", \"highPrice\": " + h + ", \"lowPrice\": " + l
            + ", \"closePrice\": " + c + ", \"volume\": " + v + ", \"amount\": 0.0}";
    }

    @Test
    void shouldStartEachBarOneBarLengthBeforeTheMillisecondAfterItsEnd() {
        // Bars ending 18:04:59.999 and 18:14:59.999 (one missing bar between): the length is the smallest gap.
        final Path file = write(dir, "eth.json",
            "{",
            "  \"name\": \"ETH/USD_PT5M@BinanceUS\", \"meta\": {\"tags\": [1, true, null, \"a\\\"b\"]},",
            "  \"ohlc\": [",
            "    " + bar(1678730699999L, "1673.58", "1677.62", "1672.44", "1672.99", "65.3033") + ",",
            "    " + bar(1678730999999L, "1673.04", "1673.04", "1665.4", "1670.41", "1.5E-4") + ",",
            "    " + bar(1678731599999L, "1675.31", "1678.24", "1675.31", "1676", "0") + "",
            "  ]",
            "}");

        final BarSeriesData bars = MarketDataFiles.loadBars(file, "ETH/USD");

        assertThat(bars.size()).isEqualTo(3);
        assertThat(bars.timeNanos(0)).isEqualTo(1678730400000L * MILLI);
        assertThat(bars.timeNanos(1)).isEqualTo(1678730700000L * MILLI);
        assertThat(bars.timeNanos(2)).isEqualTo(1678731300000L * MILLI);
        assertThat(bars.open(0)).isEqualTo(167_358_000_000L);
        assertThat(bars.high(0)).isEqualTo(167_762_000_000L);
        assertThat(bars.low(0)).isEqualTo(167_244_000_000L);
        assertThat(bars.close(0)).isEqualTo(167_299_000_000L);
        assertThat(bars.volume(0)).isEqualTo(6_530_330_000L);
        assertThat(bars.volume(1)).isEqualTo(15_000L);
    }

    @Test
    void shouldReportMissingBarKeyOnTheBarsLine() {
        final Path file = write(dir, "x.json",
            "{\"ohlc\": [",
            bar(1000L, "1", "1", "1", "1", "1") + ",",
            "{\"endTime\": 2000, \"openPrice\": 1, \"highPrice\": 1, \"lowPrice\": 1, \"volume\": 1}",
            "]}");

        assertBarsRefused(file, ":3: bar is missing 'closePrice'");
    }

    @Test
    void shouldReportNonNumberInJson() {
        final Path file = write(dir, "x.json", "{\"ohlc\": [", bar(1000L, "1", "\"x\"", "1", "1", "1"), "]}");

        assertBarsRefused(file, ":2: 'highPrice' should be a number but is '\"'");
    }

    @Test
    void shouldReportDuplicateEndTime() {
        final Path file = write(dir, "x.json",
            "{\"ohlc\": [",
            bar(1000L, "1", "1", "1", "1", "1") + ",",
            bar(1000L, "1", "1", "1", "1", "1"),
            "]}");

        assertBarsRefused(file, ":3: duplicate endTime 1000 (also on line 2)");
    }

    @Test
    void shouldReportEndTimeGoingBackwards() {
        final Path file = write(dir, "x.json",
            "{\"ohlc\": [",
            bar(2000L, "1", "1", "1", "1", "1") + ",",
            bar(1000L, "1", "1", "1", "1", "1"),
            "]}");

        assertBarsRefused(file, ":3: endTime 1000 goes backwards (previous bar 2000)");
    }

    @Test
    void shouldReportInconsistentJsonBar() {
        final Path file = write(dir, "x.json", "{\"ohlc\": [", bar(1000L, "1", "2", "3", "1", "1"), "]}");

        assertBarsRefused(file, ":2: high 2 is below low 3");
    }

    @Test
    void shouldReportSingleBarWhoseStartCannotBeInferred() {
        final Path file = write(dir, "x.json", "{\"ohlc\": [", bar(1000L, "1", "1", "1", "1", "1"), "]}");

        assertBarsRefused(file, ":2: only one bar: its length, and so its start time, cannot be inferred");
    }

    @Test
    void shouldReportBrokenSyntaxWithLine() {
        final Path file = write(dir, "x.json", "{\"ohlc\": [", bar(1000L, "1", "1", "1", "1", "1"), "}");

        assertBarsRefused(file, ":3: expected ']' but found '}'");
    }

    @Test
    void shouldReportMissingOhlc() {
        final Path file = write(dir, "x.json", "{\"name\": \"x\"}");

        assertBarsRefused(file, ": missing 'ohlc' array (not a ta4j bar file)");
    }

    @Test
    void shouldReportEmptyOhlc() {
        final Path file = write(dir, "x.json", "{\"ohlc\": []}");

        assertBarsRefused(file, ": no data rows ('ohlc' is empty)");
    }

    @Test
    void shouldReportEmptyJsonFile() {
        final Path file = write(dir, "x.json");

        assertBarsRefused(file, ": empty file");
    }

    @Test
    void shouldReportTextAfterTheObject() {
        final Path file = write(dir, "x.json", "{\"ohlc\": []}", "x");

        assertBarsRefused(file, ":2: unexpected text after the end of the JSON object");
    }

    @Test
    void shouldReportFractionalEndTime() {
        final Path file = write(dir, "x.json", "{\"ohlc\": [", bar(1000L, "1", "1", "1", "1", "1")
            .replace("1000", "1000.5"), "]}");

        assertBarsRefused(file, ":2: 'endTime': '1000.5' is not whole epoch milliseconds");
    }

    @Test
    void shouldReportMissingJsonFile() {
        final Path file = dir.resolve("x.json");

        assertBarsRefused(file, ": file not found");
    }
}
