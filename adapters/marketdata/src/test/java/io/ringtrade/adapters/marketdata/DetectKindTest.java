package io.ringtrade.adapters.marketdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.ringtrade.adapters.marketdata.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectKindTest {
    @TempDir
    Path dir;

    @Test
    void shouldSeeBarsInYahooHeader() {
        assertThat(MarketDataFiles.detectKind(write(dir, "a.csv", "Date,Open,High,Low,Close,Adj Close,Volume")))
            .isEqualTo(FileKind.BARS);
    }

    @Test
    void shouldSeeTradesInPriceAndQuantityHeader() {
        assertThat(MarketDataFiles.detectKind(write(dir, "a.csv", "timestamp,price,amount"))).isEqualTo(FileKind.TRADES);
        assertThat(MarketDataFiles.detectKind(write(dir, "b.csv", "Time,Size,Price"))).isEqualTo(FileKind.TRADES);
        assertThat(MarketDataFiles.detectKind(write(dir, "c.csv", "time,price,quantity"))).isEqualTo(FileKind.TRADES);
    }

    @Test
    void shouldSeeBarsWhenHeaderHasOpenCloseAndPrice() {
        assertThat(MarketDataFiles.detectKind(write(dir, "a.csv", "date,open,high,low,close,volume,price,size")))
            .isEqualTo(FileKind.BARS);
    }

    @Test
    void shouldSeeBarsInJson() {
        assertThat(MarketDataFiles.detectKind(write(dir, "a.JSON", "{}"))).isEqualTo(FileKind.BARS);
    }

    @Test
    void shouldReportUnknownHeader() {
        final Path file = write(dir, "a.csv", "date,bid,ask");

        assertThatThrownBy(() -> MarketDataFiles.detectKind(file))
            .isInstanceOf(MarketDataException.class)
            .hasMessage(file + ":1: cannot tell bars from trades: expected open/high/low/close/volume or price and"
                + " amount (found: date, bid, ask)");
    }

    @Test
    void shouldReportEmptyFileWhenDetecting() {
        final Path file = write(dir, "a.csv");

        assertThatThrownBy(() -> MarketDataFiles.detectKind(file)).hasMessage(file + ": empty file (no header)");
    }

    @Test
    void shouldReportMissingFileWhenDetecting() {
        final Path file = dir.resolve("none.csv");

        assertThatThrownBy(() -> MarketDataFiles.detectKind(file)).hasMessage(file + ": file not found");
    }
}
