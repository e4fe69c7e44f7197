package io.ringtrade.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Output files are read by column name, and every problem names the file, line and column. */
class CsvTableTest {
    @TempDir
    Path dir;

    @Test
    void shouldFindColumnsByNameWhateverTheirOrderAndIgnoreExtraColumns() throws Exception {
        final CsvTable table = CsvTable.read(write("equity.csv",
            "extra,EQUITY,time,another\nx,101.5,2013-01-02T00:00:00Z,y\n"));
        assertThat(table.number(0, table.require("equity"))).isEqualTo(101.5);
        assertThat(table.epochSeconds(0, table.require("time"))).isEqualTo(1_357_084_800.0);
        assertThat(table.find("benchmark_equity")).isEqualTo(-1);
    }

    @Test
    void shouldNameTheFileAndTheColumnsFoundWhenAColumnIsMissing() throws Exception {
        final Path file = write("equity.csv", "time,cash\n2013-01-02T00:00:00Z,1\n");
        final CsvTable table = CsvTable.read(file);
        assertThatThrownBy(() -> table.require("equity")).isInstanceOf(ReportException.class)
            .hasMessage(file + ":1: missing column 'equity' (found: time, cash)");
    }

    @Test
    void shouldNameTheLineAndColumnOfAValueThatIsNotANumber() throws Exception {
        final Path file = write("equity.csv", "time,equity\n2013-01-02T00:00:00Z,1\n2013-01-03T00:00:00Z,abc\n");
        final CsvTable table = CsvTable.read(file);
        assertThatThrownBy(() -> table.number(1, 1)).hasMessage(file + ":3: column 'equity': 'abc' is not a number");
    }

    @Test
    void shouldNameTheLineOfABadTime() throws Exception {
        final Path file = write("equity.csv", "time,equity\n2013-01-02,1\n");
        assertThatThrownBy(() -> CsvTable.read(file).epochSeconds(0, 0)).hasMessage(file
            + ":2: column 'time': '2013-01-02' is not an ISO-8601 time such as 2013-01-02T00:00:00Z");
    }

    @Test
    void shouldRefuseARowWithTheWrongNumberOfFields() throws Exception {
        final Path file = write("trades.csv", "time,symbol,side\n2013-01-02T00:00:00Z,AAPL\n");
        assertThatThrownBy(() -> CsvTable.read(file)).hasMessage(file + ":2: 2 fields, the header has 3");
    }

    @Test
    void shouldRefuseAMissingOrEmptyFile() throws Exception {
        assertThatThrownBy(() -> CsvTable.read(dir.resolve("nope.csv"))).hasMessage(dir.resolve("nope.csv")
            + ": file not found");
        final Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> CsvTable.read(empty)).hasMessage(empty + ": empty file (no header)");
    }

    private Path write(final String name, final String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
