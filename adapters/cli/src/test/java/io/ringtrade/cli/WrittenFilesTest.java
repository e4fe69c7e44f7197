package io.ringtrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The closing "wrote …" line names the output files that are there, in one order. */
final class WrittenFilesTest {
    @TempDir
    Path dir;

    @Test
    void shouldNameEveryOutputFileInTheFolderInOneOrder() throws IOException {
        for (final String name : new String[] {"summary.json", "weights.csv", "trades.csv", "entries.csv", "equity.csv",
            "notes.txt"}) {
            Files.writeString(dir.resolve(name), "");
        }
        assertThat(WrittenFiles.line(dir))
            .isEqualTo("wrote " + dir.resolve("trades.csv") + ", equity.csv, entries.csv, weights.csv, summary.json");
    }

    @Test
    void shouldSayWhenNothingWasWritten() {
        assertThat(WrittenFiles.line(dir)).isEqualTo("wrote nothing to " + dir);
    }
}
