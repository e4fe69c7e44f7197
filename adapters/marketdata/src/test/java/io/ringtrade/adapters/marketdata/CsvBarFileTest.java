package io.ringtrade.adapters.marketdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.ringtrade.adapters.marketdata.TestFiles.assertBarsRefused;
import static io.ringtrade.adapters.marketdata.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvBarFileTest {
    private static final long JAN_2_2013_NANOS = 1_357_084_800_000_000_000L;
    private static final long DAY_NANOS = 86_400_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldUseCloseNotAdjCloseOfYahooFile() {
        final Path file = write(dir, "AAPL.csv",
            "Date,Open,High,Low,Close,Adj Close,Volume",
            "2013-01-02,79.117142,79.285713,77.375717,78.432854,68.502106,140129500",
            "2013-01-03,78.268570,78.524284,77.285713,77.442856,67.637436,88241300");

        final BarSeriesData bars = MarketDataFiles.loadBars(file, "AAPL");

        assertThat(bars.symbol()).isEqualTo("AAPL");
        assertThat(bars.size()).isEqualTo(2);
        assertThat(BarRow.of(bars, 0)).isEqualTo(new BarRow(JAN_2_2013_NANOS,
            7_911_714_200L, 7_928_571_300L, 7_737_571_700L, 7_843_285_400L, 14_012_950_000_000_000L));
        assertThat(bars.timeNanos(1)).isEqualTo(JAN_2_2013_NANOS + DAY_NANOS);
        assertThat(bars.close(1)).isEqualTo(7_744_285_600L);
    }

    @Test
    void shouldFindColumnsInAnyOrderAndCaseAndIgnoreExtras() {
        final Path file = write(dir, "x.csv",
            "VOLUME,close,Symbol,Low,HIGH,open,Timestamp",
            "10,2.5,X,1.5,3,2,2013-01-02T10:00:00Z");

        final BarSeriesData bars = MarketDataFiles.loadBars(file, "X");

        assertThat(BarRow.of(bars, 0)).isEqualTo(new BarRow(JAN_2_2013_NANOS + 36_000_000_000_000L,
            200_000_000L, 300_000_000L, 150_000_000L, 250_000_000L, 1_000_000_000L));
    }

    @Test
    void shouldReadEpochSecondsAndMillisAndSpaceSeparatedTimes() {
        final Path file = write(dir, "x.csv",
            "datetime,open,high,low,close,volume",
            "1357084800,1,1,1,1,0",
            "1357088400000,1,1,1,1,0",
            "2013-01-02 02:00:00,1,1,1,1,0",
            "2013-01-02T04:00:00+01:00,1,1,1,1,0");

        final BarSeriesData bars = MarketDataFiles.loadBars(file, "X");

        assertThat(bars.size()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(bars.timeNanos(i)).isEqualTo(JAN_2_2013_NANOS + i * 3_600_000_000_000L);
        }
    }

    @Test
    void shouldAcceptCrLfBomQuotesAndBlankLines() {
        final Path file = write(dir, "x.csv",
            "\uFEFF\"date\",\"open\",\"high\",\"low\",\"close\",\"volume\"\r",
            "",
            "\"2013-01-02\", 1.5 ,2,1,1.5,7\r",
            "   ");

        final BarSeriesData bars = MarketDataFiles.loadBars(file, "X");

        assertThat(bars.size()).isEqualTo(1);
        assertThat(bars.open(0)).isEqualTo(150_000_000L);
        assertThat(bars.volume(0)).isEqualTo(700_000_000L);
    }

    @Test
    void shouldReadScientificNotation() {
        final Path file = write(dir, "x.csv",
            "date,open,high,low,close,volume",
            "2013-01-02,1,1,1,1,1.5e-05");

        assertThat(MarketDataFiles.loadBars(file, "X").volume(0)).isEqualTo(1_500L);
    }

    @Test
    void shouldDeriveSymbolFromFileName() {
        final Path file = write(dir, "BTC-USD.daily.csv", "date,open,high,low,close,volume", "2013-01-02,1,1,1,1,0");

        assertThat(MarketDataFiles.loadBars(file).symbol()).isEqualTo("BTC-USD.daily");
    }

    @Test
    void shouldKeepOnlyBarsInsideTimeRange() {
        final Path file = write(dir, "x.csv",
            "date,open,high,low,close,volume",
            "2013-02-28,1,1,1,1,0",
            "2013-03-01,2,2,2,2,0",
            "2013-06-30,3,3,3,3,0",
            "2013-07-01,4,4,4,4,0");

        final BarSeriesData bars = MarketDataFiles.loadBars(file, "X", TimeRange.parse("2013-03-01", "2013-06-30"));

        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.open(0)).isEqualTo(200_000_000L);
        assertThat(bars.open(1)).isEqualTo(300_000_000L);
    }

    @Test
    void shouldStillCheckRowsOutsideTimeRange() {
        final Path file = write(dir, "x.csv",
            "date,open,high,low,close,volume",
            "2013-03-01,2,2,2,2,0",
            "2013-07-01,4,abc,4,4,0");

        assertThatThrownBy(() -> MarketDataFiles.loadBars(file, "X", TimeRange.parse("2013-03-01", "2013-06-30")))
            .hasMessage(file + ":3: column 'high': 'abc' is not a number");
    }

    // ---- errors -----------------------------------------------------------------------------------------

    @Test
    void shouldReportNonNumberWithFileLineAndColumn() {
        final Path file = write(dir, "x.csv",
            "date,open,high,low,close,volume",
            "2013-01-02,1,1,1,1,0",
            "2013-01-03,1,1,1,abc,0");

        assertBarsRefused(file, ":3: column 'close': 'abc' is not a number");
    }

    @Test
    void shouldReportEmptyValue() {
        final Path file = write(dir, "x.csv", "date,open,high,low,close,volume", "2013-01-02,1,1,1,1,");

        assertBarsRefused(file, ":2: column 'volume' is empty");
    }

    @Test
    void shouldReportNumberTooLarge() {
        final Path file = write(dir, "x.csv", "date,open,high,low,close,volume", "2013-01-02,1,1,1,1,99999999999999");

        assertBarsRefused(file, ":2: column 'volume': '99999999999999' is too large");
    }

    @Test
    void shouldReportMissingColumnWithColumnsFound() {
        final Path file = write(dir, "x.csv", "date,open,high,low,volume", "2013-01-02,1,1,1,0");

        assertBarsRefused(file, ":1: missing column 'close' (found: date, open, high, low, volume)");
    }

    @Test
    void shouldReportMissingTimeColumn() {
        final Path file = write(dir, "x.csv", "day,open,high,low,close,volume", "2013-01-02,1,1,1,1,0");

        assertBarsRefused(file, ":1: missing time column (one of 'date', 'time', 'timestamp', 'datetime')"
            + " (found: day, open, high, low, close, volume)");
    }

    @Test
    void shouldReportTwoTimeColumns() {
        final Path file = write(dir, "x.csv", "Date,Time,open,high,low,close,volume", "2013-01-02,10:00,1,1,1,1,0");

        assertThatThrownBy(() -> MarketDataFiles.loadBars(file, "X"))
            .hasMessage(file + ":1: columns 'Date' and 'Time' mean the same thing; keep one");
    }

    @Test
    void shouldReportTimeGoingBackwards() {
        final Path file = write(dir, "x.csv",
            "date,open,high,low,close,volume",
            "2013-01-07,1,1,1,1,0",
            "2013-01-05,1,1,1,1,0");

        assertBarsRefused(file, ":3: time 2013-01-05 goes backwards (previous row 2013-01-07)");
    }

    @Test
    void shouldReportDuplicateBarTimestamp() {
        final Path file = write(dir, "x.csv",
            "date,open,high,low,close,volume",
            "2013-01-02,1,1,1,1,0",
            "2013-01-03,1,1,1,1,0",
            "",
            "2013-01-03,2,2,2,2,0");

        assertBarsRefused(file, ":5: duplicate timestamp 2013-01-03 (also on line 3)");
    }

    @Test
    void shouldReportDuplicateWrittenDifferently() {
        final Path file = write(dir, "x.csv",
            "date,open,high,low,close,volume",
            "2013-01-02,1,1,1,1,0",
            "1357084800,1,1,1,1,0");

        assertBarsRefused(file, ":3: duplicate timestamp 1357084800 (also on line 2)");
    }

    @Test
    void shouldReportBadTime() {
        final Path file = write(dir, "x.csv", "date,open,high,low,close,volume", "2013-02-30,1,1,1,1,0");

        assertBarsRefused(file, ":2: column 'date': '2013-02-30' is not a time (" + TimeText.EXPECTED + ")");
    }

    @Test
    void shouldReportEmptyFile() {
        final Path file = write(dir, "x.csv");

        assertBarsRefused(file, ": empty file (no header)");
    }

    @Test
    void shouldReportHeaderWithoutRows() {
        final Path file = write(dir, "x.csv", "date,open,high,low,close,volume", "");

        assertBarsRefused(file, ": no data rows");
    }

    @Test
    void shouldReportWrongNumberOfFields() {
        final Path file = write(dir, "x.csv",
            "date,open,high,low,close,volume",
            "2013-01-02,1,1,1,1,0",
            "2013-01-03,1,1,1,0");

        assertBarsRefused(file, ":3: expected 6 fields (as in the header) but found 5");
    }

    @Test
    void shouldReportMissingFile() {
        final Path file = dir.resolve("nope.csv");

        assertBarsRefused(file, ": file not found");
    }

    @Test
    void shouldReportDirectory() {
        assertThatThrownBy(() -> MarketDataFiles.loadBars(dir, "X"))
            .hasMessage(dir + ": is a directory, not a file");
    }

    @Test
    void shouldReportHighBelowLow() {
        final Path file = write(dir, "x.csv", "date,open,high,low,close,volume", "2013-01-02,10,9,11,10,0");

        assertBarsRefused(file, ":2: high 9 is below low 11");
    }

    @Test
    void shouldReportOpenOutsideHighLow() {
        final Path file = write(dir, "x.csv", "date,open,high,low,close,volume", "2013-01-02,12.5,11,10,10.5,0");

        assertBarsRefused(file, ":2: open 12.5 is outside the bar's range (low 10, high 11)");
    }

    @Test
    void shouldReportCloseOutsideHighLow() {
        final Path file = write(dir, "x.csv", "date,open,high,low,close,volume", "2013-01-02,10.5,11,10,9.99,0");

        assertBarsRefused(file, ":2: close 9.99 is outside the bar's range (low 10, high 11)");
    }

    @Test
    void shouldReportNonPositivePrice() {
        final Path file = write(dir, "x.csv", "date,open,high,low,close,volume", "2013-01-02,0,1,0,1,0");

        assertBarsRefused(file, ":2: open 0 is not a positive price");
    }

    @Test
    void shouldReportNegativeVolume() {
        final Path file = write(dir, "x.csv", "date,open,high,low,close,volume", "2013-01-02,1,1,1,1,-5");

        assertBarsRefused(file, ":2: volume -5 is negative");
    }

    @Test
    void shouldReportInvalidUtf8() throws Exception {
        final Path file = dir.resolve("x.csv");
        java.nio.file.Files.write(file, new byte[] {'d', 'a', 't', 'e', '\n', (byte) 0xff, (byte) 0xfe, '\n'});

        assertThatThrownBy(() -> MarketDataFiles.loadBars(file, "X"))
            .hasMessageStartingWith(file + ":")
            .hasMessageEndingWith(": is not UTF-8 text");
    }

    @Test
    void shouldExposeFileLineAndProblemSeparately() {
        final Path file = write(dir, "x.csv", "date,open,high,low,close,volume", "2013-01-02,1,1,1,x,0");

        assertThatThrownBy(() -> MarketDataFiles.loadBars(file, "X"))
            .isInstanceOfSatisfying(MarketDataException.class, e -> {
                assertThat(e.file()).isEqualTo(file.toString());
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.problem()).isEqualTo("column 'close': 'x' is not a number");
            });
    }
}
