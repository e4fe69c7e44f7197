package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.market.Interval;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.ringtrade.adapters.marketdata.TestFiles.realData;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real files shipped in ta4j-examples 0.18. Expected values were read off the files by hand (first/last rows)
 * or computed here independently with BigDecimal over the raw text, never with the code under test.
 */
class RealDataTest {
    private static final Path APPLE = realData("appleinc_bars_from_20130101_usd.csv");
    private static final Path BITSTAMP = realData("bitstamp_trades_from_20131125_usd.csv");
    private static final Path ETH = realData("ETH-USD-PT5M-2023-3-13_2023-3-15.json");
    private static final long DAY_NANOS = 86_400_000_000_000L;
    private static final long MILLI = 1_000_000L;

    @Test
    void shouldDetectKindsOfRealFiles() {
        assertThat(MarketDataFiles.detectKind(APPLE)).isEqualTo(FileKind.BARS);
        assertThat(MarketDataFiles.detectKind(BITSTAMP)).isEqualTo(FileKind.TRADES);
        assertThat(MarketDataFiles.detectKind(ETH)).isEqualTo(FileKind.BARS);
    }

    @Test
    void shouldLoadAllAppleBars() {
        final BarSeriesData bars = MarketDataFiles.loadBars(APPLE, "AAPL");

        assertThat(bars.size()).isEqualTo(252);
        // 2013-01-02,553.82,555.00,541.63,549.03,20018500
        assertThat(BarRow.of(bars, 0)).isEqualTo(new BarRow(15_707 * DAY_NANOS,
            55_382_000_000L, 55_500_000_000L, 54_163_000_000L, 54_903_000_000L, 2_001_850_000_000_000L));
        // 2013-12-31,554.17,561.28,554.00,561.02,7967300
        assertThat(BarRow.of(bars, 251)).isEqualTo(new BarRow(16_070 * DAY_NANOS,
            55_417_000_000L, 56_128_000_000L, 55_400_000_000L, 56_102_000_000L, 796_730_000_000_000L));
    }

    @Test
    void shouldKeepAppleBarsOfMarchToJune() {
        final BarSeriesData bars = MarketDataFiles.loadBars(APPLE, "AAPL", TimeRange.parse("2013-03-01", "2013-06-30"));

        // Counted with a script over the date column: 84 trading days, 2013-03-01 .. 2013-06-28.
        assertThat(bars.size()).isEqualTo(84);
        assertThat(bars.timeNanos(0)).isEqualTo(15_765 * DAY_NANOS);
        assertThat(bars.timeNanos(83)).isEqualTo(15_884 * DAY_NANOS);
    }

    @Test
    void shouldResampleAppleDailyToWeekly() {
        final BarSeriesData weeks = MarketDataFiles.loadBars(APPLE, "AAPL").resample(Interval.W1);

        assertThat(weeks.size()).isEqualTo(53);
        // Week of Monday 2012-12-31: Jan 2, 3, 4.
        assertThat(BarRow.of(weeks, 0)).isEqualTo(new BarRow(15_705 * DAY_NANOS,
            55_382_000_000L, 55_500_000_000L, 52_583_000_000L, 52_700_000_000L, 5_385_060_000_000_000L));
        // Week of Monday 2013-12-30: Dec 30, 31.
        assertThat(weeks.timeNanos(52)).isEqualTo(16_069 * DAY_NANOS);
        assertThat(weeks.open(52)).isEqualTo(55_746_000_000L);
        assertThat(weeks.close(52)).isEqualTo(56_102_000_000L);
        assertThat(weeks.volume(52)).isEqualTo(1_702_550_000_000_000L);
    }

    @Test
    void shouldResampleAppleDailyToMonthly() {
        final BarSeriesData months = MarketDataFiles.loadBars(APPLE, "AAPL").resample(Interval.MO1);

        assertThat(months.size()).isEqualTo(12);
        // February 2013.
        assertThat(BarRow.of(months, 1)).isEqualTo(new BarRow(15_737 * DAY_NANOS,
            45_911_000_000L, 48_494_000_000L, 43_766_000_000L, 44_140_000_000L, 33_371_550_000_000_000L));
    }

    @Test
    void shouldLoadAllBitstampTrades() {
        final TradeSeriesData trades = MarketDataFiles.loadTrades(BITSTAMP, "BTC/USD");

        assertThat(trades.size()).isEqualTo(100_000);
        // 1385337600,800.010000000000,0.100000000000
        assertThat(trades.timeNanos(0)).isEqualTo(1_385_337_600_000_000_000L);
        assertThat(trades.price(0)).isEqualTo(80_001_000_000L);
        assertThat(trades.quantity(0)).isEqualTo(10_000_000L);
        // 1385913725,999.000000000000,1.292633100000
        assertThat(trades.timeNanos(99_999)).isEqualTo(1_385_913_725_000_000_000L);
        assertThat(trades.price(99_999)).isEqualTo(99_900_000_000L);
        assertThat(trades.quantity(99_999)).isEqualTo(129_263_310L);
    }

    @Test
    void shouldAggregateBitstampTradesToHourlyBarsLikeAnIndependentSum() throws IOException {
        final BarSeriesData hours = TradeBarAggregation.aggregate(MarketDataFiles.loadTrades(BITSTAMP, "BTC/USD"),
            Interval.H1);

        final List<BigDecimal[]> expected = independentHourlyBars(BITSTAMP);
        assertThat(hours.size()).isEqualTo(expected.size()).isEqualTo(161);
        for (int i = 0; i < 3; i++) {
            final BigDecimal[] bar = expected.get(i);
            assertThat(BarRow.of(hours, i)).as("hour %d", i).isEqualTo(new BarRow(
                bar[0].longValueExact() * 1_000_000_000L, fixed(bar[1]), fixed(bar[2]), fixed(bar[3]), fixed(bar[4]),
                fixed(bar[5])));
        }
        // And the first hour spelled out (2013-11-25T00:00Z, 418 trades), as the script printed it.
        assertThat(hours.open(0)).isEqualTo(80_001_000_000L);
        assertThat(hours.high(0)).isEqualTo(80_800_000_000L);
        assertThat(hours.low(0)).isEqualTo(79_975_000_000L);
        assertThat(hours.close(0)).isEqualTo(80_599_000_000L);
        assertThat(hours.volume(0)).isEqualTo(31_692_265_231L);
    }

    @Test
    void shouldAggregateBitstampTradesToSevenDailyBarsHoldingEveryTrade() {
        final BarSeriesData days = TradeBarAggregation.aggregate(MarketDataFiles.loadTrades(BITSTAMP, "BTC/USD"),
            Interval.D1);

        assertThat(days.size()).isEqualTo(7);
        assertThat(days.timeNanos(0)).isEqualTo(1_385_337_600_000_000_000L);
        assertThat(days.timeNanos(6)).isEqualTo(1_385_337_600_000_000_000L + 6 * DAY_NANOS);
    }

    @Test
    void shouldLoadAllEthBarsWithStartTimes() {
        final BarSeriesData bars = MarketDataFiles.loadBars(ETH, "ETH/USD");

        assertThat(bars.size()).isEqualTo(580);
        // endTime 1678730699999 (2023-03-13T18:04:59.999Z) -> start 18:00:00.000
        assertThat(BarRow.of(bars, 0)).isEqualTo(new BarRow(1_678_730_400_000L * MILLI,
            167_358_000_000L, 167_762_000_000L, 167_244_000_000L, 167_299_000_000L, 6_530_330_000L));
        // endTime 1678904399999 -> start 2023-03-15T18:15:00Z
        assertThat(BarRow.of(bars, 579)).isEqualTo(new BarRow(1_678_904_100_000L * MILLI,
            162_559_000_000L, 163_173_000_000L, 162_420_000_000L, 162_952_000_000L, 41_989_000_000L));
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.timeNanos(i) - bars.timeNanos(i - 1)).isEqualTo(300_000L * MILLI);
        }
    }

    @Test
    void shouldResampleEthFiveMinuteBarsToHours() {
        final BarSeriesData hours = MarketDataFiles.loadBars(ETH, "ETH/USD").resample(Interval.H1);

        // 18:00 on the 13th to 18:15 on the 15th: 48 full hours and one hour with 4 bars.
        assertThat(hours.size()).isEqualTo(49);
        assertThat(BarRow.of(hours, 0)).isEqualTo(new BarRow(1_678_730_400_000L * MILLI,
            167_358_000_000L, 168_054_000_000L, 166_540_000_000L, 168_013_000_000L, 92_335_720_000L));
    }

    /** Hourly OHLCV straight from the text with BigDecimal: {start s, open, high, low, close, volume}. */
    private static List<BigDecimal[]> independentHourlyBars(final Path file) throws IOException {
        final Map<Long, BigDecimal[]> byHour = new LinkedHashMap<>();
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (final String line : lines.subList(1, lines.size())) {
            final String[] f = line.strip().split(",");
            final long hour = Long.parseLong(f[0]) / 3600 * 3600;
            final BigDecimal price = new BigDecimal(f[1]);
            final BigDecimal amount = new BigDecimal(f[2]);
            final BigDecimal[] bar = byHour.computeIfAbsent(hour,
                h -> new BigDecimal[] {BigDecimal.valueOf(h), price, price, price, price, BigDecimal.ZERO});
            bar[2] = bar[2].max(price);
            bar[3] = bar[3].min(price);
            bar[4] = price;
            bar[5] = bar[5].add(amount);
        }
        return new ArrayList<>(byHour.values());
    }

    private static long fixed(final BigDecimal value) {
        return value.movePointRight(8).longValueExact();
    }
}
