package io.ringtrade.adapters.marketdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.ringtrade.adapters.marketdata.TestFiles.assertTradesRefused;
import static io.ringtrade.adapters.marketdata.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

class CsvTradeFileTest {
    private static final long T0_NANOS = 1_385_337_600_000_000_000L; // 2013-11-25T00:00:00Z

    @TempDir
    Path dir;

    @Test
    void shouldLoadTradesSharingTimestampsInFileOrder() {
        final Path file = write(dir, "btc.csv",
            "timestamp,price,amount",
            "1385337600,800.010000000000,0.100000000000",
            "1385337613,800.050000000000,0.278380490000",
            "1385337613,800.040000000000,0.274369260000");

        final TradeSeriesData trades = MarketDataFiles.loadTrades(file, "BTC/USD");

        assertThat(trades.symbol()).isEqualTo("BTC/USD");
        assertThat(trades.size()).isEqualTo(3);
        assertThat(trades.timeNanos(0)).isEqualTo(T0_NANOS);
        assertThat(trades.price(0)).isEqualTo(80_001_000_000L);
        assertThat(trades.quantity(0)).isEqualTo(10_000_000L);
        assertThat(trades.timeNanos(1)).isEqualTo(T0_NANOS + 13_000_000_000L);
        assertThat(trades.timeNanos(2)).isEqualTo(T0_NANOS + 13_000_000_000L);
        assertThat(trades.price(1)).isEqualTo(80_005_000_000L);
        assertThat(trades.price(2)).isEqualTo(80_004_000_000L);
        assertThat(trades.quantity(2)).isEqualTo(27_436_926L);
    }

    @Test
    void shouldAcceptQuantityAliasesIsoTimesAndExtraColumns() {
        final Path file = write(dir, "x.csv",
            "id,Size,side,Price,Time",
            "1,0.5,buy,100.5,2013-11-25T00:00:00.250Z",
            "2,0,sell,100,1385337600500");

        final TradeSeriesData trades = MarketDataFiles.loadTrades(file, "X");

        assertThat(trades.timeNanos(0)).isEqualTo(T0_NANOS + 250_000_000L);
        assertThat(trades.timeNanos(1)).isEqualTo(T0_NANOS + 500_000_000L);
        assertThat(trades.price(0)).isEqualTo(10_050_000_000L);
        assertThat(trades.quantity(0)).isEqualTo(50_000_000L);
        assertThat(trades.quantity(1)).isZero();
    }

    @Test
    void shouldKeepOnlyTradesInsideTimeRange() {
        final Path file = write(dir, "x.csv",
            "timestamp,price,amount",
            "2013-11-24T23:59:59Z,1,1",
            "2013-11-25T00:00:00Z,2,1",
            "2013-11-25T23:59:59.999Z,3,1",
            "2013-11-26T00:00:00Z,4,1");

        final TradeSeriesData trades = MarketDataFiles.loadTrades(file, "X", TimeRange.parse("2013-11-25", "2013-11-25"));

        assertThat(trades.size()).isEqualTo(2);
        assertThat(trades.price(0)).isEqualTo(200_000_000L);
        assertThat(trades.price(1)).isEqualTo(300_000_000L);
    }

    @Test
    void shouldReportTradeTimeGoingBackwards() {
        final Path file = write(dir, "x.csv",
            "timestamp,price,amount",
            "1385337613,1,1",
            "1385337600,1,1");

        assertTradesRefused(file, ":3: time 1385337600 goes backwards (previous row 1385337613)");
    }

    @Test
    void shouldReportMissingQuantityColumn() {
        final Path file = write(dir, "x.csv", "timestamp,price", "1385337600,1");

        assertTradesRefused(file, ":1: missing column (one of 'amount', 'quantity', 'qty', 'size')"
            + " (found: timestamp, price)");
    }

    @Test
    void shouldReportBadPrice() {
        final Path file = write(dir, "x.csv", "timestamp,price,amount", "1385337600,1,1", "1385337601,80O.5,1");

        assertTradesRefused(file, ":3: column 'price': '80O.5' is not a number");
    }

    @Test
    void shouldReportNegativeAmount() {
        final Path file = write(dir, "x.csv", "timestamp,price,amount", "1385337600,1,-0.5");

        assertTradesRefused(file, ":2: amount -0.5 is negative");
    }

    @Test
    void shouldReportZeroPrice() {
        final Path file = write(dir, "x.csv", "timestamp,price,amount", "1385337600,0,1");

        assertTradesRefused(file, ":2: price 0 is not a positive price");
    }

    @Test
    void shouldReportWrongNumberOfTradeFields() {
        final Path file = write(dir, "x.csv", "timestamp,price,amount", "1385337600,1,1,7");

        assertTradesRefused(file, ":2: expected 3 fields (as in the header) but found 4");
    }

    @Test
    void shouldReportTradeFileWithoutRows() {
        final Path file = write(dir, "x.csv", "timestamp,price,amount");

        assertTradesRefused(file, ": no data rows");
    }

    @Test
    void shouldReportEmptyTradeFile() {
        final Path file = write(dir, "x.csv");

        assertTradesRefused(file, ": empty file (no header)");
    }

    @Test
    void shouldReportMissingTradeFile() {
        final Path file = dir.resolve("missing.csv");

        assertTradesRefused(file, ": file not found");
    }

    @Test
    void shouldRefuseJsonAsTrades() {
        final Path file = write(dir, "x.json", "{}");

        assertTradesRefused(file, ": JSON files hold bars, not trades");
    }
}
